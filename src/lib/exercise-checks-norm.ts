import * as tf from '@tensorflow/tfjs';
import { batchNormTrain, DEFAULT_EPSILON, groupMoments, normalise, type RunningStatistics } from './norm';
import {
  callReader,
  CheckFailure,
  checkTensorFunction,
  expectClose,
  formatNumber,
  formatShape,
  NHWC_AXES,
  readerFunction,
  requireTensor,
  runCheck,
  testTensor,
  type CheckResult,
  type ExerciseCheckWords,
  type Mistake,
  type TensorTrial,
} from './exercise-check-core';

/**
 * Checkers of the normalisation exercises (lessons 1–2). The reader's output is compared with normalise();
 * the typical mistakes below are only used to explain a mismatch.
 */

export type EpsilonPlace = 'inside' | 'outside' | 'none' | 'no square root';

export interface NormVariant {
  unbiased?: boolean;
  epsilonPlace?: EpsilonPlace;
}

/** A deliberately varied normalisation, for predicting what a typical wrong answer returns. */
export function normaliseVariant(x: tf.Tensor, axes: number[], epsilon: number, variant: NormVariant = {}): tf.Tensor {
  return tf.tidy(() => {
    const { mean, variance: population } = tf.moments(x, axes, true);
    const count = axes.reduce((product, axis) => product * x.shape[axis]!, 1);
    const variance = variant.unbiased ? population.mul(count / (count - 1)) : population;
    const centred = x.sub(mean);
    switch (variant.epsilonPlace ?? 'inside') {
      case 'inside':
        return centred.div(variance.add(epsilon).sqrt());
      case 'outside':
        return centred.div(variance.sqrt().add(epsilon));
      case 'none':
        return centred.div(variance.sqrt());
      case 'no square root':
        return centred.div(variance.add(epsilon));
    }
  });
}

function percentTooLarge(count: number): string {
  return formatNumber(100 * (Math.sqrt(count / (count - 1)) - 1));
}

/**
 * Mistakes in the formula of a normalisation whose statistic groups hold `count` values each; `predict`
 * returns the reader's output under a variant of the formula.
 */
function formulaMistakes(count: number, predict: (variant: NormVariant) => tf.Tensor, words: ExerciseCheckWords): Mistake[] {
  return [
    { hint: words.unbiasedVariance(percentTooLarge(count)), predict: () => predict({ unbiased: true }) },
    { hint: words.epsilonOutside, predict: () => predict({ epsilonPlace: 'outside' }) },
    { hint: words.epsilonMissing, predict: () => predict({ epsilonPlace: 'none' }) },
    { hint: words.dividedByVariance, predict: () => predict({ epsilonPlace: 'no square root' }) },
  ];
}

/** Wrong reduction axes and what averaging over them means. */
const AXIS_MEANINGS: readonly { axes: number[]; hint: keyof ExerciseCheckWords & `averaged${string}` }[] = [
  { axes: [0, 1, 2], hint: 'averagedBatch' },
  { axes: [1, 2, 3], hint: 'averagedLayer' },
  { axes: [0, 1, 2, 3], hint: 'averagedAll' },
  { axes: [2, 3], hint: 'averagedPytorchAxes' },
  { axes: [3], hint: 'averagedChannels' },
  { axes: [1], hint: 'averagedHeight' },
  { axes: [2], hint: 'averagedWidth' },
];

/** Mistakes in the reduction axes, for a normalisation that should reduce over `correct`. */
function axisMistakes(x: tf.Tensor4D, correct: number[], epsilon: number, goal: string, words: ExerciseCheckWords): Mistake[] {
  return AXIS_MEANINGS.filter(({ axes }) => !tf.util.arraysEqual(axes, correct)).map(({ axes, hint }) => ({
    hint: `${words[hint]} ${goal}`,
    predict: () => normaliseVariant(x, axes, epsilon),
  }));
}

const INSTANCE_SHAPES: readonly (readonly [number, number, number, number])[] = [
  [1, 4, 4, 2],
  [2, 5, 3, 4],
  [3, 8, 8, 3],
];

/** instanceNorm(x, epsilon): per sample and channel over H and W, against normalise(x, { method: 'instance' }). */
export function checkInstanceNorm(entry: unknown, words: ExerciseCheckWords): Promise<CheckResult> {
  const epsilons = [DEFAULT_EPSILON, DEFAULT_EPSILON, 0.01];
  const trials = () =>
    INSTANCE_SHAPES.map((shape, index): TensorTrial => {
      const epsilon = epsilons[index]!;
      const x = testTensor(shape, 101 + index, { tinyChannel: true });
      return {
        args: [x, epsilon],
        trial: words.instanceTrial(formatShape(shape), String(epsilon)),
        expected: () => normalise(x, { method: 'instance' }, { epsilon }),
        reference: `normalise(x, { method: 'instance' }, { epsilon: ${epsilon} })`,
        axisNames: NHWC_AXES,
        mistakes: [
          ...formulaMistakes(shape[1] * shape[2], (variant) => normaliseVariant(x, [1, 2], epsilon, variant), words),
          ...axisMistakes(x, [1, 2], epsilon, words.instanceGoal, words),
          {
            hint: words.fixedEpsilon(String(DEFAULT_EPSILON), String(epsilon)),
            predict: () => normalise(x, { method: 'instance' }),
          },
        ],
      };
    });
  return checkTensorFunction(entry, 'instanceNorm', trials, words.instanceCorrect(INSTANCE_SHAPES.length), words);
}

const AFFINE_TRIALS: readonly { shape: readonly [number, number, number, number]; axes: number[]; method: 'instance' | 'batch' | 'layer' }[] = [
  { shape: [2, 4, 4, 3], axes: [1, 2], method: 'instance' },
  { shape: [4, 3, 3, 2], axes: [0, 1, 2], method: 'batch' },
  { shape: [3, 5, 2, 4], axes: [1, 2, 3], method: 'layer' },
];

/** A per-channel vector of seeded values around `centre`, for γ and β. */
function channelVector(channels: number, seed: number, centre: number): tf.Tensor1D {
  return tf.tidy(() => testTensor([1, 1, channels, 1], seed, { meanScale: 0 }).reshape([channels]).mul(0.5).add(centre));
}

/** normaliseOver(x, axes, gamma, beta, epsilon): the one formula y = γ·x̂ + β, against normalise(). */
export function checkNormaliseAffine(entry: unknown, words: ExerciseCheckWords): Promise<CheckResult> {
  const trials = () =>
    AFFINE_TRIALS.map(({ shape, axes, method }, index): TensorTrial => {
      const x = testTensor(shape, 401 + index, { tinyChannel: true });
      const gamma = channelVector(shape[3], 411 + index, 1.5);
      const beta = channelVector(shape[3], 421 + index, -1);
      const epsilon = DEFAULT_EPSILON;
      const count = axes.reduce((product, axis) => product * shape[axis]!, 1);
      return {
        args: [x, axes, gamma, beta, epsilon],
        trial: words.affineTrial(formatShape(shape), formatShape(axes), method),
        expected: () => normalise(x, { method }, { gamma, beta, epsilon }),
        reference: `normalise(x, { method: '${method}' }, { gamma, beta })`,
        axisNames: NHWC_AXES,
        mistakes: [
          { hint: words.betaMissing, predict: () => normalise(x, { method }, { gamma, epsilon }) },
          { hint: words.gammaMissing, predict: () => normalise(x, { method }, { beta, epsilon }) },
          { hint: words.gammaBetaSwapped, predict: () => normalise(x, { method }, { gamma: beta, beta: gamma, epsilon }) },
          { hint: words.instanceAxesUsed, predict: () => normalise(x, { method: 'instance' }, { gamma, beta, epsilon }) },
          ...formulaMistakes(count, (variant) => normaliseVariant(x, axes, epsilon, variant).mul(gamma).add(beta), words),
        ],
      };
    });
  return checkTensorFunction(entry, 'normaliseOver', trials, words.affineCorrect, words);
}

const GROUP_TRIALS: readonly { shape: readonly [number, number, number, number]; groups: number }[] = [
  { shape: [2, 4, 4, 6], groups: 3 },
  { shape: [1, 5, 5, 8], groups: 2 },
  { shape: [3, 3, 3, 4], groups: 1 },
];

/** Group norm's grouping with the wrong split: channel c in group c mod G instead of ⌊c / (C/G)⌋. */
function interleavedGroupNorm(x: tf.Tensor4D, groups: number, epsilon: number): tf.Tensor4D {
  return tf.tidy(() => {
    const [n, h, w, c] = x.shape;
    const view = x.reshape([n, h, w, c / groups, groups]);
    return normaliseVariant(view, [1, 2, 3], epsilon).reshape(x.shape) as tf.Tensor4D;
  });
}

/** groupNorm(x, groups, epsilon) against normalise(x, { method: 'group', groups }). */
export function checkGroupNorm(entry: unknown, words: ExerciseCheckWords): Promise<CheckResult> {
  const trials = () =>
    GROUP_TRIALS.map(({ shape, groups }, index): TensorTrial => {
      const x = testTensor(shape, 501 + index, { tinyChannel: true });
      const epsilon = DEFAULT_EPSILON;
      const perGroup = shape[1] * shape[2] * (shape[3] / groups);
      const [n, h, w, c] = shape;
      const groupedView = () => x.reshape([n, h, w, groups, c / groups]);
      return {
        args: [x, groups, epsilon],
        trial: words.groupTrial(formatShape(shape), groups),
        expected: () => normalise(x, { method: 'group', groups }, { epsilon }),
        reference: `normalise(x, { method: 'group', groups: ${groups} })`,
        axisNames: NHWC_AXES,
        mistakes: [
          { hint: words.groupsInterleaved, predict: () => interleavedGroupNorm(x, groups, epsilon) },
          { hint: words.groupIsLayerNorm, predict: () => normalise(x, { method: 'layer' }, { epsilon }) },
          { hint: words.groupIsInstanceNorm, predict: () => normalise(x, { method: 'instance' }, { epsilon }) },
          ...formulaMistakes(perGroup, (variant) => normaliseVariant(groupedView(), [1, 2, 4], epsilon, variant).reshape([...shape]), words),
        ],
      };
    });
  return checkTensorFunction(entry, 'groupNorm', trials, words.groupCorrect, words);
}

const BATCH_TRIALS: readonly { shape: readonly [number, number, number, number]; momentum: number }[] = [
  { shape: [4, 3, 3, 2], momentum: 0.1 },
  { shape: [2, 5, 4, 3], momentum: 0.3 },
];

/** r·(1 − m) + batch·m with the roles of the running value and the batch value exchanged. */
function reversedMomentum(running: tf.Tensor1D, batch: tf.Tensor1D, momentum: number): tf.Tensor {
  return running.mul(momentum).add(batch.mul(1 - momentum));
}

function runningStatisticsOf(value: unknown, what: string, channels: number, words: ExerciseCheckWords): { mean: tf.Tensor; variance: tf.Tensor } {
  const running = (value as { running?: { mean?: unknown; variance?: unknown } } | null)?.running;
  if (typeof running !== 'object' || running === null) throw new CheckFailure(words.runningMissing(what));
  return {
    mean: requireTensor(running.mean, 'running.mean', [channels], words),
    variance: requireTensor(running.variance, 'running.variance', [channels], words),
  };
}

/**
 * batchNormStep(x, running, momentum) → { y, running }: one training step of batch norm, against
 * batchNormTrain (batch statistics for y; running ← (1 − m)·running + m·batch, the unbiased variance as PyTorch).
 */
export function checkBatchNormStep(entry: unknown, words: ExerciseCheckWords): Promise<CheckResult> {
  return runCheck(async () => {
    const fn = readerFunction(entry, 'batchNormStep', words);
    for (const [index, { shape, momentum }] of BATCH_TRIALS.entries()) {
      const channels = shape[3];
      const x = testTensor(shape, 601 + index);
      const running: RunningStatistics = {
        mean: channelVector(channels, 611 + index, 0),
        variance: channelVector(channels, 621 + index, 2).abs() as tf.Tensor1D,
      };
      const trial = words.batchTrial(formatShape(shape), momentum);
      const output = callReader(fn, 'batchNormStep', [x, running, momentum], trial, words);
      const expected = batchNormTrain(x, running, { momentum });
      const y = requireTensor((output as { y?: unknown } | null)?.y, words.yourY, shape, words);
      const got = runningStatisticsOf(output, words.yourResult, channels, words);
      const batch = groupMoments(x, { method: 'batch' });
      const count = shape[0] * shape[1] * shape[2];
      await expectClose(
        y,
        expected.y,
        {
          trial,
          reference: 'batchNormTrain(x, running, { momentum }).y',
          axisNames: NHWC_AXES,
          mistakes: [
            { hint: words.inferenceMode, predict: () => x.sub(running.mean).div(running.variance.add(DEFAULT_EPSILON).sqrt()) },
            { hint: words.batchIsInstanceNorm, predict: () => normalise(x, { method: 'instance' }) },
            ...formulaMistakes(count, (variant) => normaliseVariant(x, [0, 1, 2], DEFAULT_EPSILON, variant), words),
          ],
        },
        words,
      );
      await expectClose(
        got.mean,
        expected.running.mean,
        {
          trial,
          reference: 'batchNormTrain(x, running, { momentum }).running.mean',
          axisNames: ['c'],
          mistakes: [
            { hint: words.meanReversed, predict: () => reversedMomentum(running.mean, batch.mean, momentum) },
            { hint: words.meanBatchOnly, predict: () => batch.mean.clone() },
          ],
        },
        words,
      );
      const unbiased = batch.variance.mul(count / (count - 1)) as tf.Tensor1D;
      await expectClose(
        got.variance,
        expected.running.variance,
        {
          trial,
          reference: 'batchNormTrain(x, running, { momentum }).running.variance',
          axisNames: ['c'],
          mistakes: [
            {
              hint: words.runningVariancePopulation(count),
              predict: () => running.variance.mul(1 - momentum).add(batch.variance.mul(momentum)),
            },
            { hint: words.varianceReversed, predict: () => reversedMomentum(running.variance, unbiased, momentum) },
          ],
        },
        words,
      );
    }
    return words.batchCorrect;
  });
}
