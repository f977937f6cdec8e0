import * as tf from '@tensorflow/tfjs';
import type { GeneratorWeights } from './generator-weights';
import { standardNormals } from './rng';

/**
 * StyleGAN's mapping network and truncation: z ~ N(0, I) → pixel norm → 8 × (dense, leaky ReLU·√2) → w,
 * then w' = w̄ + ψ·(w − w̄), which pulls every w towards the average face (ψ = 1: unchanged, ψ = 0: w̄).
 */

/** One z per seed, [seeds.length, zDim], from the portable seeded RNG (rng.ts). */
export function latentsFromSeeds(seeds: readonly number[], zDim: number): tf.Tensor2D {
  const values = new Float32Array(seeds.length * zDim);
  seeds.forEach((seed, i) => values.set(standardNormals(seed, zDim), i * zDim));
  return tf.tensor2d(values, [seeds.length, zDim]);
}

/** z [N, zDim] → w [N, wDim]. */
export function mapLatents(weights: GeneratorWeights, z: tf.Tensor2D): tf.Tensor2D {
  const { pixelNormEpsilon, leakyReluSlope, mappingGain } = weights.config;
  return tf.tidy(() => {
    // Pixel norm puts every z on the same sphere, so only its direction matters.
    let x: tf.Tensor2D = z.mul(z.square().mean(1, true).add(pixelNormEpsilon).rsqrt());
    for (const layer of weights.mapping) {
      x = tf.leakyRelu(x.matMul(layer.kernel).add(layer.bias), leakyReluSlope).mul(mappingGain);
    }
    return x;
  });
}

/** w̄ + ψ·(w − w̄) for w [N, wDim]. */
export function truncate(weights: Pick<GeneratorWeights, 'wAvg'>, w: tf.Tensor2D, psi: number): tf.Tensor2D {
  return tf.tidy(() => weights.wAvg.add(w.sub(weights.wAvg).mul(psi)) as tf.Tensor2D);
}

/** Seeds → z → w → truncated w [seeds.length, wDim]: the w a seed stands for in the labs. */
export function wFromSeeds(weights: GeneratorWeights, seeds: readonly number[], psi: number): tf.Tensor2D {
  return tf.tidy(() => truncate(weights, mapLatents(weights, latentsFromSeeds(seeds, weights.config.zDim)), psi));
}
