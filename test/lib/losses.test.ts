import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { LOSS_EPSILON, contentLoss, disposeStyleLossStatistics, styleLoss, styleLossFromStatistics, styleLossStatistics } from '../../src/lib/losses';
import type { VggFeatures } from '../../src/lib/vgg-encoder';
import { useWasm } from './fixtures';

/** Plain-JS references over NHWC arrays [1,H,W,C]. */
function channelMeanStd(data: Float32Array, pixels: number, channels: number): { mean: number[]; std: number[] } {
  const mean = Array.from({ length: channels }, (_, c) => {
    let sum = 0;
    for (let p = 0; p < pixels; p++) sum += data[p * channels + c]!;
    return sum / pixels;
  });
  const std = mean.map((m, c) => {
    let sum = 0;
    for (let p = 0; p < pixels; p++) sum += (data[p * channels + c]! - m) ** 2;
    return Math.sqrt(sum / pixels + LOSS_EPSILON);
  });
  return { mean, std };
}

const distance = (a: number[], b: number[]) => Math.sqrt(a.reduce((sum, v, i) => sum + (v - b[i]!) ** 2, 0));

function plainStyleLayerLoss(a: tf.Tensor4D, b: tf.Tensor4D): number {
  const [, h, w, c] = a.shape;
  const sa = channelMeanStd(a.dataSync() as Float32Array, h * w, c);
  const sb = channelMeanStd(b.dataSync() as Float32Array, b.shape[1] * b.shape[2], c);
  return distance(sa.mean, sb.mean) + distance(sa.std, sb.std);
}

describe('AdaIN losses', () => {
  beforeAll(useWasm);

  it('content loss is the mean squared error', () => {
    const a = tf.randomNormal([1, 3, 4, 5], 0, 1, 'float32', 1) as tf.Tensor4D;
    const b = tf.randomNormal([1, 3, 4, 5], 0, 1, 'float32', 2) as tf.Tensor4D;
    const [da, db] = [Array.from(a.dataSync()), Array.from(b.dataSync())];
    const expected = da.reduce((sum, v, i) => sum + (v - db[i]!) ** 2, 0) / da.length;
    const loss = contentLoss(a, b);
    expect(loss.dataSync()[0]).toBeCloseTo(expected, 5);
    tf.dispose([a, b, loss]);
  });

  it('style loss sums, over relu1_1…relu4_1, the L2 distances of channel means and of channel stds', () => {
    const names = ['relu1_1', 'relu2_1', 'relu3_1', 'relu4_1'] as const;
    const make = (seed: number) =>
      Object.fromEntries(names.map((name, i) => [name, tf.randomUniform([1, 6 - i, 5 - i, 3 + i], 0, 2 + seed, 'float32', seed * 10 + i)])) as VggFeatures;
    const decoded = make(1);
    const style = make(2);
    const expected = names.reduce((sum, name) => sum + plainStyleLayerLoss(decoded[name], style[name]), 0);
    const loss = styleLoss(decoded, style);
    expect(loss.dataSync()[0]).toBeCloseTo(expected, 4);
    const same = styleLoss(decoded, decoded);
    expect(same.dataSync()[0]).toBeCloseTo(0, 6);
    tf.dispose([loss, same, ...Object.values(decoded), ...Object.values(style)]);
  });

  it('a style kept as statistics scores results as its feature maps do, and frees its tensors', () => {
    const names = ['relu1_1', 'relu2_1', 'relu3_1', 'relu4_1'] as const;
    const make = (seed: number) =>
      Object.fromEntries(names.map((name, i) => [name, tf.randomUniform([1, 5, 4, 2 + i], 0, 3, 'float32', seed * 10 + i)])) as VggFeatures;
    const [decoded, style] = [make(3), make(4)];
    const before = tf.memory().numTensors;
    const kept = styleLossStatistics(style);
    const decodedStatistics = styleLossStatistics(decoded);
    const fromStatistics = styleLossFromStatistics(decodedStatistics, kept);
    const expected = names.reduce((sum, name) => sum + plainStyleLayerLoss(decoded[name], style[name]), 0);
    expect(fromStatistics.dataSync()[0]).toBeCloseTo(expected, 4);
    fromStatistics.dispose();
    disposeStyleLossStatistics(kept);
    disposeStyleLossStatistics(decodedStatistics);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([...Object.values(decoded), ...Object.values(style)]);
  });
});
