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
function formulaMistakes(count: number, predict: (variant: NormVariant) => tf.Tensor): Mistake[] {
  return [
    {
      hint:
        `your σ is ${percentTooLarge(count)} % too large: did you divide by n − 1? ` +
        'Normalisation uses the population variance (divide by n), as tf.moments does. In PyTorch that is var(unbiased=False).',
      predict: () => predict({ unbiased: true }),
    },
    {
      hint: 'ε is outside the square root. Divide by √(σ² + ε), not by σ + ε.',
      predict: () => predict({ epsilonPlace: 'outside' }),
    },
    {
      hint: 'ε is missing. Divide by √(σ² + ε): ε keeps the division safe when a group is almost constant.',
      predict: () => predict({ epsilonPlace: 'none' }),
    },
    {
      hint: 'you divided by the variance σ² + ε. Divide by its square root, √(σ² + ε).',
      predict: () => predict({ epsilonPlace: 'no square root' }),
    },
  ];
}

const AXIS_MEANINGS: readonly { axes: number[]; hint: string }[] = [
  { axes: [0, 1, 2], hint: 'you averaged over N, H and W (axes [0, 1, 2]): that is batch norm.' },
  { axes: [1, 2, 3], hint: 'you averaged over H, W and C (axes [1, 2, 3]): that is layer norm.' },
  { axes: [0, 1, 2, 3], hint: 'you averaged over the whole tensor (all four axes).' },
  {
    axes: [2, 3],
    hint: "you averaged over axes [2, 3]. In PyTorch's [N, C, H, W] layout those are H and W, but here tensors are [N, H, W, C], so H and W are axes [1, 2].",
  },
  { axes: [3], hint: 'you averaged over the channels (axis 3) only.' },
  { axes: [1], hint: 'you averaged over H (axis 1) only; average over W (axis 2) too.' },
  { axes: [2], hint: 'you averaged over W (axis 2) only; average over H (axis 1) too.' },
];

/** Mistakes in the reduction axes, for a normalisation that should reduce over `correct`. */
function axisMistakes(x: tf.Tensor4D, correct: number[], epsilon: number, goal: string): Mistake[] {
  return AXIS_MEANINGS.filter(({ axes }) => !tf.util.arraysEqual(axes, correct)).map(({ axes, hint }) => ({
    hint: `${hint} ${goal}`,
    predict: () => normaliseVariant(x, axes, epsilon),
  }));
}

const INSTANCE_SHAPES: readonly (readonly [number, number, number, number])[] = [
  [1, 4, 4, 2],
  [2, 5, 3, 4],
  [3, 8, 8, 3],
];

/** instanceNorm(x, epsilon): per sample and channel over H and W, against normalise(x, { method: 'instance' }). */
export function checkInstanceNorm(entry: unknown): Promise<CheckResult> {
  const epsilons = [DEFAULT_EPSILON, DEFAULT_EPSILON, 0.01];
  const trials = () =>
    INSTANCE_SHAPES.map((shape, index): TensorTrial => {
      const epsilon = epsilons[index]!;
      const x = testTensor(shape, 101 + index, { tinyChannel: true });
      return {
        args: [x, epsilon],
        trial: `a random x of shape ${formatShape(shape)} with epsilon = ${epsilon}`,
        expected: () => normalise(x, { method: 'instance' }, { epsilon }),
        reference: `normalise(x, { method: 'instance' }, { epsilon: ${epsilon} })`,
        axisNames: NHWC_AXES,
        mistakes: [
          ...formulaMistakes(shape[1] * shape[2], (variant) => normaliseVariant(x, [1, 2], epsilon, variant)),
          ...axisMistakes(x, [1, 2], epsilon, 'Instance norm averages over H and W only (axes [1, 2]), separately for every sample and channel.'),
          {
            hint: `you used ε = ${DEFAULT_EPSILON} instead of the epsilon argument (${epsilon}).`,
            predict: () => normalise(x, { method: 'instance' }),
          },
        ],
      };
    });
  return checkTensorFunction(
    entry,
    'instanceNorm',
    trials,
    `Correct. On ${INSTANCE_SHAPES.length} random tensors your instanceNorm equals normalise(x, { method: 'instance' }).`,
  );
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
export function checkNormaliseAffine(entry: unknown): Promise<CheckResult> {
  const trials = () =>
    AFFINE_TRIALS.map(({ shape, axes, method }, index): TensorTrial => {
      const x = testTensor(shape, 401 + index, { tinyChannel: true });
      const gamma = channelVector(shape[3], 411 + index, 1.5);
      const beta = channelVector(shape[3], 421 + index, -1);
      const epsilon = DEFAULT_EPSILON;
      const count = axes.reduce((product, axis) => product * shape[axis]!, 1);
      return {
        args: [x, axes, gamma, beta, epsilon],
        trial: `a random x of shape ${formatShape(shape)} with axes [${axes.join(', ')}] (${method} norm)`,
        expected: () => normalise(x, { method }, { gamma, beta, epsilon }),
        reference: `normalise(x, { method: '${method}' }, { gamma, beta })`,
        axisNames: NHWC_AXES,
        mistakes: [
          { hint: 'β is missing. After scaling by γ, add β.', predict: () => normalise(x, { method }, { gamma, epsilon }) },
          { hint: 'γ is missing. Multiply x̂ by γ before adding β.', predict: () => normalise(x, { method }, { beta, epsilon }) },
          {
            hint: 'γ and β are swapped: y = γ·x̂ + β multiplies by γ and adds β.',
            predict: () => normalise(x, { method }, { gamma: beta, beta: gamma, epsilon }),
          },
          {
            hint: 'you used the axes [1, 2] of instance norm. Use the axes argument instead.',
            predict: () => normalise(x, { method: 'instance' }, { gamma, beta, epsilon }),
          },
          ...formulaMistakes(count, (variant) => normaliseVariant(x, axes, epsilon, variant).mul(gamma).add(beta)),
        ],
      };
    });
  return checkTensorFunction(
    entry,
    'normaliseOver',
    trials,
    'Correct. With the axes of instance, batch and layer norm your normaliseOver equals normalise(x, { method }, { gamma, beta }).',
  );
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
export function checkGroupNorm(entry: unknown): Promise<CheckResult> {
  const trials = () =>
    GROUP_TRIALS.map(({ shape, groups }, index): TensorTrial => {
      const x = testTensor(shape, 501 + index, { tinyChannel: true });
      const epsilon = DEFAULT_EPSILON;
      const perGroup = shape[1] * shape[2] * (shape[3] / groups);
      const [n, h, w, c] = shape;
      const groupedView = () => x.reshape([n, h, w, groups, c / groups]);
      return {
        args: [x, groups, epsilon],
        trial: `a random x of shape ${formatShape(shape)} with ${groups} group${groups === 1 ? '' : 's'}`,
        expected: () => normalise(x, { method: 'group', groups }, { epsilon }),
        reference: `normalise(x, { method: 'group', groups: ${groups} })`,
        axisNames: NHWC_AXES,
        mistakes: [
          {
            hint:
              'your groups interleave the channels. Group g holds neighbouring channels g·C/G … (g + 1)·C/G − 1: ' +
              'reshape to [N, H, W, G, C/G], not [N, H, W, C/G, G].',
            predict: () => interleavedGroupNorm(x, groups, epsilon),
          },
          {
            hint: 'you normalised over H, W and all channels: that is layer norm, group norm with G = 1. Split C into G groups first.',
            predict: () => normalise(x, { method: 'layer' }, { epsilon }),
          },
          {
            hint: 'you normalised every channel on its own: that is instance norm, group norm with G = C.',
            predict: () => normalise(x, { method: 'instance' }, { epsilon }),
          },
          ...formulaMistakes(perGroup, (variant) => normaliseVariant(groupedView(), [1, 2, 4], epsilon, variant).reshape([...shape])),
        ],
      };
    });
  return checkTensorFunction(entry, 'groupNorm', trials, "Correct. With 3, 2 and 1 groups your groupNorm equals normalise(x, { method: 'group', groups }).");
}

const BATCH_TRIALS: readonly { shape: readonly [number, number, number, number]; momentum: number }[] = [
  { shape: [4, 3, 3, 2], momentum: 0.1 },
  { shape: [2, 5, 4, 3], momentum: 0.3 },
];

/** r·(1 − m) + batch·m with the roles of the running value and the batch value exchanged. */
function reversedMomentum(running: tf.Tensor1D, batch: tf.Tensor1D, momentum: number): tf.Tensor {
  return running.mul(momentum).add(batch.mul(1 - momentum));
}

function runningStatisticsOf(value: unknown, what: string, channels: number): { mean: tf.Tensor; variance: tf.Tensor } {
  const running = (value as { running?: { mean?: unknown; variance?: unknown } } | null)?.running;
  if (typeof running !== 'object' || running === null) {
    throw new CheckFailure(`${what} should have a running field { mean, variance }: return { y, running: { mean, variance } }.`);
  }
  return {
    mean: requireTensor(running.mean, 'running.mean', [channels]),
    variance: requireTensor(running.variance, 'running.variance', [channels]),
  };
}

/**
 * batchNormStep(x, running, momentum) → { y, running }: one training step of batch norm, against
 * batchNormTrain (batch statistics for y; running ← (1 − m)·running + m·batch, the unbiased variance as PyTorch).
 */
export function checkBatchNormStep(entry: unknown): Promise<CheckResult> {
  return runCheck(async () => {
    const fn = readerFunction(entry, 'batchNormStep');
    for (const [index, { shape, momentum }] of BATCH_TRIALS.entries()) {
      const channels = shape[3];
      const x = testTensor(shape, 601 + index);
      const running: RunningStatistics = {
        mean: channelVector(channels, 611 + index, 0),
        variance: channelVector(channels, 621 + index, 2).abs() as tf.Tensor1D,
      };
      const trial = `a random batch of shape ${formatShape(shape)} with momentum ${momentum}`;
      const output = callReader(fn, 'batchNormStep', [x, running, momentum], trial);
      const expected = batchNormTrain(x, running, { momentum });
      const y = requireTensor((output as { y?: unknown } | null)?.y, 'Your y', shape);
      const got = runningStatisticsOf(output, 'Your result', channels);
      const batch = groupMoments(x, { method: 'batch' });
      const count = shape[0] * shape[1] * shape[2];
      await expectClose(y, expected.y, {
        trial,
        reference: 'batchNormTrain(x, running, { momentum }).y',
        axisNames: NHWC_AXES,
        mistakes: [
          {
            hint: 'y uses the running statistics: that is inference mode (model.eval() in PyTorch). In training, y uses the batch’s own μ and σ².',
            predict: () => x.sub(running.mean).div(running.variance.add(DEFAULT_EPSILON).sqrt()),
          },
          {
            hint: 'y is normalised over H and W only: that is instance norm. Batch norm averages over N, H and W (axes [0, 1, 2]).',
            predict: () => normalise(x, { method: 'instance' }),
          },
          ...formulaMistakes(count, (variant) => normaliseVariant(x, [0, 1, 2], DEFAULT_EPSILON, variant)),
        ],
      });
      await expectClose(got.mean, expected.running.mean, {
        trial,
        reference: 'batchNormTrain(x, running, { momentum }).running.mean',
        axisNames: ['c'],
        mistakes: [
          {
            hint: 'running.mean mixes the wrong way round. As in PyTorch, momentum weights the new batch: (1 − momentum)·running + momentum·batch.',
            predict: () => reversedMomentum(running.mean, batch.mean, momentum),
          },
          {
            hint: 'running.mean is the batch mean alone. Blend it with the old running mean: (1 − momentum)·running + momentum·batch.',
            predict: () => batch.mean.clone(),
          },
        ],
      });
      const unbiased = batch.variance.mul(count / (count - 1)) as tf.Tensor1D;
      await expectClose(got.variance, expected.running.variance, {
        trial,
        reference: 'batchNormTrain(x, running, { momentum }).running.variance',
        axisNames: ['c'],
        mistakes: [
          {
            hint:
              `running.variance uses the population variance. PyTorch stores the unbiased batch variance (× n/(n − 1), here n = ${count}) ` +
              'in running_var, although y itself uses the population variance.',
            predict: () => running.variance.mul(1 - momentum).add(batch.variance.mul(momentum)),
          },
          {
            hint: 'running.variance mixes the wrong way round. As in PyTorch, momentum weights the new batch: (1 − momentum)·running + momentum·batch.',
            predict: () => reversedMomentum(running.variance, unbiased, momentum),
          },
        ],
      });
    }
    return 'Correct. Your batchNormStep normalises with the batch statistics and updates the running ones as batchNormTrain (and PyTorch) do.';
  });
}
