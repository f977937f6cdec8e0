import { checkBatchNormStep, checkGroupNorm, checkInstanceNorm, checkNormaliseAffine } from './exercise-checks-norm';
import { checkAdain, checkStyleLoss, checkStyleTarget, checkSwapStd } from './exercise-checks-style';
import { checkLayerLatents, checkMixingGrid, checkStyleAdain, checkTruncation } from './exercise-checks-generator';
import type { CheckResult, ExerciseCheckWords } from './exercise-check-core';

/**
 * The registry of exercise checkers, by the id an exercise names (src/notebook/types.ts). Each checker calls
 * the reader's function on seeded random tensors of several shapes, compares it with the library, disposes
 * every tensor, and explains the first mismatch in the words it is given (the page's language).
 */
export type { CheckResult } from './exercise-check-core';

export type CheckId =
  | 'instance-norm'
  | 'normalise-affine'
  | 'group-norm'
  | 'batch-norm-step'
  | 'adain'
  | 'swap-std'
  | 'style-loss'
  | 'style-target'
  | 'truncation'
  | 'style-adain'
  | 'layer-latents'
  | 'mixing-grid';

export const exerciseChecks: Record<CheckId, (entry: (...args: never[]) => unknown, words: ExerciseCheckWords) => Promise<CheckResult>> = {
  'instance-norm': checkInstanceNorm,
  'normalise-affine': checkNormaliseAffine,
  'group-norm': checkGroupNorm,
  'batch-norm-step': checkBatchNormStep,
  adain: checkAdain,
  'swap-std': checkSwapStd,
  'style-loss': checkStyleLoss,
  'style-target': checkStyleTarget,
  truncation: checkTruncation,
  'style-adain': checkStyleAdain,
  'layer-latents': checkLayerLatents,
  'mixing-grid': checkMixingGrid,
};
