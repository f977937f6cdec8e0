import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { toNHWC, fromNHWC, type ArrayNCHW } from '../../src/lib/layout';
import { adain, adainFromStatistics, channelStatistics } from '../../src/lib/adain';
import { referenceAdain, referenceChannelStatistics, referenceRandomTensor } from '../helpers/reference-norm';

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tolerance: number): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    expect(Math.abs(actual[i]! - expected[i]!), `index ${i}: ${actual[i]} vs ${expected[i]}`).toBeLessThanOrEqual(tolerance);
  }
}

function runAdain(content: ArrayNCHW, style: ArrayNCHW, epsilon?: number): ArrayNCHW {
  const data = tf.tidy(() => fromNHWC(adain(toNHWC(content), toNHWC(style), epsilon)).data);
  return { shape: content.shape, data };
}

describe.each(['cpu', 'wasm'])('AdaIN on the %s backend', (backend) => {
  beforeAll(async () => {
    expect(await tf.setBackend(backend)).toBe(true);
  });

  it('by hand: content [1,2,3,4] onto style [10,10,30,30] (μ = 20, σ = 10)', () => {
    const content: ArrayNCHW = { shape: [1, 1, 2, 2], data: Float32Array.from([1, 2, 3, 4]) };
    const style: ArrayNCHW = { shape: [1, 1, 2, 2], data: Float32Array.from([10, 10, 30, 30]) };
    // x̂ = (x − 2.5)/√1.25 = ±1.3416408, ±0.4472136; y = 10·x̂ + 20.
    expectClose(runAdain(content, style, 0).data, [6.583592, 15.527864, 24.472136, 33.416408], 1e-4);
  });

  it("gives every output channel the style's mean and standard deviation (to 1e-4)", () => {
    const content = referenceRandomTensor([2, 4, 6, 6], 21, 3, -2);
    const style = referenceRandomTensor([2, 4, 6, 6], 22, 0.5, 4);
    const output = runAdain(content, style);
    const got = referenceChannelStatistics(output);
    const wanted = referenceChannelStatistics(style);
    expectClose(got.mean, wanted.mean, 1e-4);
    expectClose(got.std, wanted.std, 1e-4);
    // And the output really moved: the content's own statistics were different.
    expect(Math.abs(referenceChannelStatistics(content).mean[0]! - wanted.mean[0]!)).toBeGreaterThan(1);
  });

  it('matches the plain-loop reference, including a single style broadcast over a content batch', () => {
    const content = referenceRandomTensor([2, 3, 4, 5], 31, 2, 1);
    const style = referenceRandomTensor([1, 3, 4, 5], 32, 5, -3);
    expectClose(runAdain(content, style).data, referenceAdain(content, style), 1e-4);
    const sameBatch = referenceRandomTensor([2, 3, 4, 5], 33, 1, 0);
    expectClose(runAdain(content, sameBatch, 1e-3).data, referenceAdain(content, sameBatch, 1e-3), 1e-4);
  });

  it('channelStatistics are population statistics per sample and channel; adainFromStatistics equals adain', () => {
    const style = referenceRandomTensor([2, 3, 4, 4], 41, 2, 1);
    const content = referenceRandomTensor([2, 3, 4, 4], 42);
    const before = tf.memory().numTensors;
    const { direct, viaStatistics, mean, std } = tf.tidy(() => {
      const statistics = channelStatistics(toNHWC(style));
      return {
        mean: statistics.mean.dataSync(),
        std: statistics.std.dataSync(),
        direct: fromNHWC(adain(toNHWC(content), toNHWC(style))).data,
        viaStatistics: fromNHWC(adainFromStatistics(toNHWC(content), statistics)).data,
      };
    });
    expect(tf.memory().numTensors).toBe(before);
    const reference = referenceChannelStatistics(style);
    expectClose(mean, reference.mean, 1e-5);
    expectClose(std, reference.std, 1e-5);
    expectClose(viaStatistics, direct, 1e-6);
  });
});
