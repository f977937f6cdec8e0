import * as tf from '@tensorflow/tfjs';
import { groupsOf, type NormSpec } from './norm-groups';

export { statisticGroupOf, statisticGroupCount, type NormMethod, type NormSpec } from './norm-groups';

/**
 * Batch, layer, instance and group normalisation share one formula,
 *   x̂ = (x − μ) / √(σ² + ε),  y = γ·x̂ + β  (γ, β per channel),
 * and differ only in the set of values one (μ, σ²) pair is taken over.
 * Tensors here are NHWC (tfjs layout); the lessons' [N,C,H,W] view is converted in layout.ts.
 */
export const DEFAULT_EPSILON = 1e-5;

/** Per-channel affine parameters and ε. Omitted γ is 1, omitted β is 0. */
export interface AffineOptions {
  gamma?: tf.Tensor1D;
  beta?: tf.Tensor1D;
  epsilon?: number;
}

/** The input viewed so that the reduced axes are explicit: group norm splits C into [G, C/G]. */
function grouped(x: tf.Tensor4D, spec: NormSpec): { view: tf.Tensor; axes: number[] } {
  const [n, h, w, c] = x.shape;
  switch (spec.method) {
    case 'batch':
      return { view: x, axes: [0, 1, 2] };
    case 'instance':
      return { view: x, axes: [1, 2] };
    case 'layer':
      return { view: x, axes: [1, 2, 3] };
    case 'group': {
      const g = groupsOf(spec, c);
      return { view: x.reshape([n, h, w, g, c / g]), axes: [1, 2, 4] };
    }
  }
}

/**
 * Population mean and variance of every statistic group, flattened in group order:
 * batch → c; instance → n·C + c; layer → n; group → n·G + g (see statisticGroupOf).
 */
export function groupMoments(x: tf.Tensor4D, spec: NormSpec): { mean: tf.Tensor1D; variance: tf.Tensor1D } {
  return tf.tidy(() => {
    const { view, axes } = grouped(x, spec);
    const { mean, variance } = tf.moments(view, axes, true);
    return { mean: mean.reshape([-1]) as tf.Tensor1D, variance: variance.reshape([-1]) as tf.Tensor1D };
  });
}

function affine(xHat: tf.Tensor4D, options: AffineOptions): tf.Tensor4D {
  let y = xHat;
  if (options.gamma) y = y.mul(options.gamma);
  if (options.beta) y = y.add(options.beta);
  return y;
}

/** y = γ·(x − μ)/√(σ² + ε) + β with μ, σ² from the input itself (training-mode batch norm for 'batch'). */
export function normalise(x: tf.Tensor4D, spec: NormSpec, options: AffineOptions = {}): tf.Tensor4D {
  const epsilon = options.epsilon ?? DEFAULT_EPSILON;
  return tf.tidy(() => {
    const { view, axes } = grouped(x, spec);
    const { mean, variance } = tf.moments(view, axes, true);
    const xHat = view.sub(mean).div(variance.add(epsilon).sqrt()).reshape(x.shape) as tf.Tensor4D;
    return affine(xHat, options);
  });
}

/** Batch norm's running estimates, used instead of batch statistics at inference. */
export interface RunningStatistics {
  mean: tf.Tensor1D;
  variance: tf.Tensor1D;
}

export function initialRunningStatistics(channels: number): RunningStatistics {
  return { mean: tf.zeros([channels]), variance: tf.ones([channels]) };
}

/**
 * One training step of batch norm: normalise with the batch's own statistics and return updated running
 * estimates r ← (1 − m)·r + m·batch. As in PyTorch, the running variance takes the unbiased batch variance
 * (× k/(k−1), k values per channel) while the normalisation itself uses the population variance.
 */
export function batchNormTrain(
  x: tf.Tensor4D,
  running: RunningStatistics,
  options: AffineOptions & { momentum?: number } = {},
): { y: tf.Tensor4D; running: RunningStatistics } {
  const momentum = options.momentum ?? 0.1;
  const [n, h, w] = x.shape;
  const count = n * h * w;
  return tf.tidy(() => {
    const y = normalise(x, { method: 'batch' }, options);
    const { mean, variance } = groupMoments(x, { method: 'batch' });
    const unbiased = count > 1 ? variance.mul(count / (count - 1)) : variance;
    return {
      y,
      running: {
        mean: running.mean.mul(1 - momentum).add(mean.mul(momentum)) as tf.Tensor1D,
        variance: running.variance.mul(1 - momentum).add(unbiased.mul(momentum)) as tf.Tensor1D,
      },
    };
  });
}

/** Inference-mode batch norm: the running estimates stand in for the batch's statistics. */
export function batchNormInference(x: tf.Tensor4D, running: RunningStatistics, options: AffineOptions = {}): tf.Tensor4D {
  const epsilon = options.epsilon ?? DEFAULT_EPSILON;
  return tf.tidy(() => affine(x.sub(running.mean).div(running.variance.add(epsilon).sqrt()) as tf.Tensor4D, options));
}
