import * as tf from '@tensorflow/tfjs';
import { DEFAULT_EPSILON, normalise } from './norm';
import {
  callReader,
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
} from './exercise-check-core';

/**
 * Checkers of the normalisation exercises (lessons 1–2). The reader's output is compared with normalise();
 * the typical mistakes below are only used to explain a mismatch.
 */

export type EpsilonPlace = 'inside' | 'outside' | 'none' | 'no square root';

/** A deliberately varied normalisation, for predicting what a typical wrong answer returns. */
export function normaliseVariant(x: tf.Tensor4D, axes: number[], epsilon: number, variant: { unbiased?: boolean; epsilonPlace?: EpsilonPlace } = {}): tf.Tensor4D {
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

/** Mistakes in the formula of a normalisation over `axes` whose statistic groups hold `count` values each. */
function formulaMistakes(x: tf.Tensor4D, axes: number[], epsilon: number, count: number): Mistake[] {
  return [
    {
      hint:
        `your σ is ${percentTooLarge(count)} % too large: did you divide by n − 1? ` +
        'Normalisation uses the population variance (divide by n), as tf.moments does. In PyTorch that is var(unbiased=False).',
      predict: () => normaliseVariant(x, axes, epsilon, { unbiased: true }),
    },
    {
      hint: 'ε is outside the square root. Divide by √(σ² + ε), not by σ + ε.',
      predict: () => normaliseVariant(x, axes, epsilon, { epsilonPlace: 'outside' }),
    },
    {
      hint: 'ε is missing. Divide by √(σ² + ε): ε keeps the division safe when a group is almost constant.',
      predict: () => normaliseVariant(x, axes, epsilon, { epsilonPlace: 'none' }),
    },
    {
      hint: 'you divided by the variance σ² + ε. Divide by its square root, √(σ² + ε).',
      predict: () => normaliseVariant(x, axes, epsilon, { epsilonPlace: 'no square root' }),
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
export async function checkInstanceNorm(entry: unknown): Promise<CheckResult> {
  return runCheck(async () => {
    const fn = readerFunction(entry, 'instanceNorm');
    const epsilons = [DEFAULT_EPSILON, DEFAULT_EPSILON, 0.01];
    for (const [index, shape] of INSTANCE_SHAPES.entries()) {
      const epsilon = epsilons[index]!;
      const x = testTensor(shape, 101 + index, { tinyChannel: true });
      const trial = `a random x of shape ${formatShape(shape)} with epsilon = ${epsilon}`;
      const output = requireTensor(callReader(fn, 'instanceNorm', [x, epsilon], trial), 'Your output', shape);
      const expected = normalise(x, { method: 'instance' }, { epsilon });
      const count = shape[1] * shape[2];
      await expectClose(output, expected, {
        trial,
        reference: `normalise(x, { method: 'instance' }, { epsilon: ${epsilon} })`,
        axisNames: NHWC_AXES,
        mistakes: [
          ...formulaMistakes(x, [1, 2], epsilon, count),
          ...axisMistakes(x, [1, 2], epsilon, 'Instance norm averages over H and W only (axes [1, 2]), separately for every sample and channel.'),
          {
            hint: `you used ε = ${DEFAULT_EPSILON} instead of the epsilon argument (${epsilon}).`,
            predict: () => normalise(x, { method: 'instance' }),
          },
        ],
      });
    }
    return `Correct. On ${INSTANCE_SHAPES.length} random tensors your instanceNorm equals normalise(x, { method: 'instance' }).`;
  });
}
