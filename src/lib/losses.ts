import * as tf from '@tensorflow/tfjs';
import type { VggFeatureName, VggFeatures } from './vgg-encoder';

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

/** Channel means and stds (σ with ε) of the four style-loss layers: all the style loss needs of an image. */
export type StyleLossStatistics = Record<VggFeatureName, { mean: tf.Tensor; std: tf.Tensor }>;

/** The caller owns (and disposes) the returned tensors; keep a style's statistics to score many results. */
export function styleLossStatistics(features: VggFeatures): StyleLossStatistics {
  return tf.tidy(() => {
    const entries = STYLE_LOSS_LAYERS.map((layer) => {
      const { mean, variance } = tf.moments(features[layer], [1, 2]);
      return [layer, { mean, std: variance.add(LOSS_EPSILON).sqrt() }] as const;
    });
    return Object.fromEntries(entries) as StyleLossStatistics;
  });
}

export function disposeStyleLossStatistics(statistics: StyleLossStatistics): void {
  tf.dispose(Object.values(statistics).flatMap(({ mean, std }) => [mean, std]));
}

/** Σ over layers of the L2 distance of the channel means plus the L2 distance of the channel stds. */
export function styleLossFromStatistics(decoded: StyleLossStatistics, style: StyleLossStatistics): tf.Scalar {
  return tf.tidy(
    () =>
      tf.addN(
        STYLE_LOSS_LAYERS.map((layer) => tf.norm(decoded[layer].mean.sub(style[layer].mean)).add(tf.norm(decoded[layer].std.sub(style[layer].std)))),
      ) as tf.Scalar,
  );
}

export function styleLoss(decoded: VggFeatures, style: VggFeatures): tf.Scalar {
  return tf.tidy(() => styleLossFromStatistics(styleLossStatistics(decoded), styleLossStatistics(style)));
}
