import { checkInstanceNorm } from './exercise-checks-norm';
import { checkAdain } from './exercise-checks-style';
import type { CheckResult } from './exercise-check-core';

/**
 * The registry of exercise checkers, by the id an exercise names (src/notebook/types.ts). Each checker calls
 * the reader's function on seeded random tensors of several shapes, compares it with the library, disposes
 * every tensor, and explains the first mismatch.
 */
export type { CheckResult } from './exercise-check-core';

export type CheckId = 'instance-norm' | 'adain';

export const exerciseChecks: Record<CheckId, (entry: (...args: never[]) => unknown) => Promise<CheckResult>> = {
  'instance-norm': checkInstanceNorm,
  adain: checkAdain,
};
