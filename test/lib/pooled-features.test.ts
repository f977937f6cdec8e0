import * as tf from '@tensorflow/tfjs';
import { describe, expect, test } from 'vitest';
import { runNetwork } from '../../src/lib/layers';
import { pooledRelu41 } from '../../src/lib/pooled-features';
import { syntheticImage, useTestModel } from './fixtures';

/** Nearest-neighbour 2× of one [1,H,W,3] image by plain index arithmetic: pixel (y, x) copies (⌊y/2⌋, ⌊x/2⌋). */
function doubledByLoops(image: tf.Tensor4D): tf.Tensor4D {
  const [, h, w, c] = image.shape;
  const source = image.dataSync();
  const doubled = new Float32Array(4 * h * w * c);
  for (let y = 0; y < 2 * h; y++) {
    for (let x = 0; x < 2 * w; x++) {
      for (let k = 0; k < c; k++) doubled[(y * 2 * w + x) * c + k] = source[(Math.floor(y / 2) * w + Math.floor(x / 2)) * c + k]!;
    }
  }
  return tf.tensor4d(doubled, [1, 2 * h, 2 * w, c]);
}

/** Per channel of [1,H,W,C] features: the mean over H·W, then the population standard deviation, in float64. */
function meanAndStdByLoops(features: tf.Tensor4D): number[] {
  const [, h, w, c] = features.shape;
  const values = features.dataSync();
  const means = Array.from({ length: c }, (_, k) => {
    let sum = 0;
    for (let p = 0; p < h * w; p++) sum += values[p * c + k]!;
    return sum / (h * w);
  });
  const stds = means.map((mean, k) => {
    let sum = 0;
    for (let p = 0; p < h * w; p++) sum += (values[p * c + k]! - mean) ** 2;
    return Math.sqrt(sum / (h * w));
  });
  return [...means, ...stds];
}

describe('pooled relu4_1 features', () => {
  const vgg = useTestModel('vgg');

  test('each row is the channel means then standard deviations of relu4_1 of the image doubled by nearest neighbour', () => {
    const images = [syntheticImage(32, 1), syntheticImage(32, 4)];
    const batch = tf.concat(images) as tf.Tensor4D;
    const pooled = pooledRelu41(vgg.model.encoder, batch);
    expect(pooled.shape).toEqual([2, 1024]);
    const rows = pooled.arraySync();
    images.forEach((image, n) => {
      const doubled = doubledByLoops(image);
      const features = runNetwork(vgg.model.encoder, doubled);
      expect(features.shape).toEqual([1, 8, 8, 512]);
      const expected = meanAndStdByLoops(features);
      const largest = Math.max(...expected);
      const worst = Math.max(...expected.map((value, i) => Math.abs(value - rows[n]![i]!)));
      expect(worst).toBeLessThan(1e-4 * largest);
      tf.dispose([doubled, features]);
    });
    // The two images differ, and so do their rows.
    expect(Math.max(...rows[0]!.map((value, i) => Math.abs(value - rows[1]![i]!)))).toBeGreaterThan(0.01 * Math.max(...rows[0]!));
    tf.dispose([...images, batch, pooled]);
  });

  test('leaves no tensors behind', () => {
    const image = syntheticImage(32, 2);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) pooledRelu41(vgg.model.encoder, image).dispose();
    expect(tf.memory().numTensors).toBe(before);
    image.dispose();
  });
});
