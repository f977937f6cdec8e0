import * as tf from '@tensorflow/tfjs';
import { DEFAULT_EPSILON } from './norm';

/**
 * Adaptive instance normalisation: AdaIN(x, y) = σ(y)·(x − μ(x))/σ(x) + μ(y), per sample and channel over
 * H and W, with no learnable parameters. As in the pretrained AdaIN decoder (../shared/models/SPEC.md),
 * variances are population variances and ε sits on the content side only: σ(x) = √(σ²(x) + ε), σ(y) = √σ²(y).
 * Tensors are NHWC.
 */
export interface ChannelStatistics {
  /** [N,1,1,C] */
  mean: tf.Tensor4D;
  /** [N,1,1,C], population standard deviation (no ε) */
  std: tf.Tensor4D;
}

export function channelStatistics(x: tf.Tensor4D): ChannelStatistics {
  return tf.tidy(() => {
    const { mean, variance } = tf.moments(x, [1, 2], true);
    return { mean: mean as tf.Tensor4D, std: variance.sqrt() as tf.Tensor4D };
  });
}

/** AdaIN with the style given by its statistics (a cached style, or a StyleGAN style (y_s, y_b)). */
export function adainFromStatistics(content: tf.Tensor4D, style: ChannelStatistics, epsilon = DEFAULT_EPSILON): tf.Tensor4D {
  return tf.tidy(() => {
    const { mean, variance } = tf.moments(content, [1, 2], true);
    return content.sub(mean).div(variance.add(epsilon).sqrt()).mul(style.std).add(style.mean) as tf.Tensor4D;
  });
}

export function adain(content: tf.Tensor4D, style: tf.Tensor4D, epsilon = DEFAULT_EPSILON): tf.Tensor4D {
  return tf.tidy(() => adainFromStatistics(content, channelStatistics(style), epsilon));
}
