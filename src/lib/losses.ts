import * as tf from '@tensorflow/tfjs';
import type { VggFeatureName, VggFeatures } from './vgg';

/**
 * The AdaIN training losses (Huang & Belongie 2017, eqs. 11–13), used here to score a result:
 *   content loss  L_c = mean((f(g(t)) − t)²)  on relu4_1 (mean squared error)
 *   style loss    L_s = Σ_{i ∈ relu1_1..relu4_1} ‖μ(φᵢ(g(t))) − μ(φᵢ(s))‖₂ + ‖σ(φᵢ(g(t))) − σ(φᵢ(s))‖₂
 * with σ = √(population variance + ε) per channel over H, W, as in the paper's eq. 6.
 */

export const STYLE_LOSS_LAYERS: readonly VggFeatureName[] = ['relu1_1', 'relu2_1', 'relu3_1', 'relu4_1'];

export const LOSS_EPSILON = 1e-5;

/** Mean squared error between relu4_1 of the decoded image and the target t. */
export function contentLoss(decodedRelu4_1: tf.Tensor4D, target: tf.Tensor4D): tf.Scalar {
  return tf.tidy(() => tf.losses.meanSquaredError(target, decodedRelu4_1) as tf.Scalar);
}

function meanAndStd(x: tf.Tensor4D): { mean: tf.Tensor; std: tf.Tensor } {
  const { mean, variance } = tf.moments(x, [1, 2]);
  return { mean, std: variance.add(LOSS_EPSILON).sqrt() };
}

/** One layer's term: L2 distance of the channel means plus L2 distance of the channel stds. */
export function styleLayerLoss(decoded: tf.Tensor4D, style: tf.Tensor4D): tf.Scalar {
  return tf.tidy(() => {
    const a = meanAndStd(decoded);
    const b = meanAndStd(style);
    return tf.norm(a.mean.sub(b.mean)).add(tf.norm(a.std.sub(b.std))) as tf.Scalar;
  });
}

export function styleLoss(decoded: VggFeatures, style: VggFeatures): tf.Scalar {
  return tf.tidy(() => tf.addN(STYLE_LOSS_LAYERS.map((layer) => styleLayerLoss(decoded[layer], style[layer]))) as tf.Scalar);
}
