import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { colorStatistics, combineLuminance, luminance, luminanceImage, matchColorStatistics, symmetricPower3 } from '../../src/lib/color';
import { maxAbsDiff, useWasm } from './fixtures';

/** An image of moderate, correlated colours (so clipping to 0..255 does not interfere). */
function tintedImage(seed: number, tint: [number, number, number]): tf.Tensor4D {
  return tf.tidy(() => {
    const base = tf.randomUniform([1, 32, 32, 1], -1, 1, 'float32', seed);
    const noise = tf.randomUniform([1, 32, 32, 3], -1, 1, 'float32', seed + 1);
    return base.mul(tf.tensor1d(tint)).add(noise.mul(8)).add(128) as tf.Tensor4D;
  });
}

describe('colour preservation', () => {
  beforeAll(useWasm);

  it('symmetric matrix powers: (Σ^½)² = Σ and Σ^½·Σ^-½ = I', () => {
    const sigma = [4, 1, 0.5, 1, 3, 0.2, 0.5, 0.2, 2] as const;
    const root = symmetricPower3([...sigma], 0.5);
    const inverseRoot = symmetricPower3([...sigma], -0.5);
    for (let r = 0; r < 3; r++) {
      for (let c = 0; c < 3; c++) {
        let square = 0;
        let identity = 0;
        for (let k = 0; k < 3; k++) {
          square += root[r * 3 + k]! * root[k * 3 + c]!;
          identity += root[r * 3 + k]! * inverseRoot[k * 3 + c]!;
        }
        expect(square).toBeCloseTo(sigma[r * 3 + c]!, 9);
        expect(identity).toBeCloseTo(r === c ? 1 : 0, 9);
      }
    }
  });

  it('matchColorStatistics gives the source the reference’s RGB mean and covariance', () => {
    const source = tintedImage(1, [40, 10, -20]);
    const reference = tintedImage(3, [-15, 30, 25]);
    const matched = matchColorStatistics(source, reference);
    const got = colorStatistics(matched);
    const want = colorStatistics(reference);
    got.mean.forEach((m, i) => expect(m).toBeCloseTo(want.mean[i]!, 2));
    got.covariance.forEach((v, i) => expect(Math.abs(v - want.covariance[i]!)).toBeLessThan(1e-2 * Math.abs(want.covariance[0]!)));
    tf.dispose([source, reference, matched]);
  });

  it('luminance-only transfer keeps the colour source’s chroma and takes the stylised luminance', () => {
    const content = tintedImage(5, [20, -10, 5]);
    const stylised = tintedImage(7, [-5, 25, 10]);
    const combined = combineLuminance(stylised, content);
    expect(maxAbsDiff(luminance(combined), luminance(stylised))).toBeLessThan(1e-3);
    // Chroma: RGB minus luminance is unchanged where nothing clipped.
    const chroma = (x: tf.Tensor4D) => x.sub(luminance(x));
    expect(maxAbsDiff(chroma(combined), chroma(content))).toBeLessThan(0.1);
    const grey = luminanceImage(stylised, content);
    const [y, yContent] = [luminance(grey), luminance(content)];
    expect(tf.moments(y).mean.dataSync()[0]).toBeCloseTo(tf.moments(yContent).mean.dataSync()[0]!, 2);
    tf.dispose([content, stylised, combined, grey, y, yContent]);
  });
});
