import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { toNHWC, fromNHWC, type ArrayNCHW } from '../../src/lib/layout';
import {
  normalise,
  groupMoments,
  statisticGroupOf,
  statisticGroupCount,
  batchNormTrain,
  batchNormInference,
  initialRunningStatistics,
  type NormSpec,
} from '../../src/lib/norm';
import { referenceMoments, referenceNormalise, referenceRandomTensor, type ReferenceMethod } from '../helpers/reference-norm';

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tolerance = 1e-5): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    expect(Math.abs(actual[i]! - expected[i]!), `index ${i}: ${actual[i]} vs ${expected[i]}`).toBeLessThanOrEqual(tolerance);
  }
}

function runNormalise(x: ArrayNCHW, spec: NormSpec, affine: { gamma?: number[]; beta?: number[]; epsilon?: number } = {}): Float32Array {
  return tf.tidy(() => {
    const y = normalise(toNHWC(x), spec, {
      gamma: affine.gamma ? tf.tensor1d(affine.gamma) : undefined,
      beta: affine.beta ? tf.tensor1d(affine.beta) : undefined,
      epsilon: affine.epsilon,
    });
    return fromNHWC(y).data;
  });
}

function runMoments(x: ArrayNCHW, spec: NormSpec): { mean: Float32Array; variance: Float32Array } {
  return tf.tidy(() => {
    const { mean, variance } = groupMoments(toNHWC(x), spec);
    return { mean: mean.dataSync() as Float32Array, variance: variance.dataSync() as Float32Array };
  });
}

const methods: { spec: NormSpec; reference: ReferenceMethod; groups: number }[] = [
  { spec: { method: 'batch' }, reference: 'batch', groups: 1 },
  { spec: { method: 'layer' }, reference: 'layer', groups: 1 },
  { spec: { method: 'instance' }, reference: 'instance', groups: 1 },
  { spec: { method: 'group', groups: 2 }, reference: 'group', groups: 2 },
];

describe.each(['cpu', 'wasm'])('normalisation on the %s backend', (backend) => {
  beforeAll(async () => {
    expect(await tf.setBackend(backend)).toBe(true);
  });

  it('normalises the 1×1×2×2 tensor [1,2,3,4] by hand: μ = 2.5, σ² = 1.25', () => {
    const x: ArrayNCHW = { shape: [1, 1, 2, 2], data: Float32Array.from([1, 2, 3, 4]) };
    // Every method sees the same four numbers here: one sample, one channel.
    for (const { spec } of methods.filter((m) => m.spec.method !== 'group')) {
      const { mean, variance } = runMoments(x, spec);
      expectClose(mean, [2.5]);
      expectClose(variance, [1.25]);
      // With ε = 0: (x − 2.5)/√1.25, √1.25 = 1.1180340.
      expectClose(runNormalise(x, spec, { epsilon: 0 }), [-1.3416408, -0.4472136, 0.4472136, 1.3416408]);
    }
  });

  it('BN shares one μ, σ² across the batch while IN keeps one per sample (hand-computed)', () => {
    // Sample 0 holds [0, 2], sample 1 holds [4, 6]; one channel, 1×2 pixels each.
    const x: ArrayNCHW = { shape: [2, 1, 1, 2], data: Float32Array.from([0, 2, 4, 6]) };
    const batch = runMoments(x, { method: 'batch' });
    expectClose(batch.mean, [3]); // (0 + 2 + 4 + 6)/4
    expectClose(batch.variance, [5]); // (9 + 1 + 1 + 9)/4
    const instance = runMoments(x, { method: 'instance' });
    expectClose(instance.mean, [1, 5]);
    expectClose(instance.variance, [1, 1]);
    // IN maps both samples to [−1, 1] (up to ε); BN keeps the second sample above the first.
    expectClose(runNormalise(x, { method: 'instance' }, { epsilon: 0 }), [-1, 1, -1, 1]);
    const s = Math.sqrt(5);
    expectClose(runNormalise(x, { method: 'batch' }, { epsilon: 0 }), [-3 / s, -1 / s, 1 / s, 3 / s]);
  });

  it.each(methods)('$spec.method matches the plain-loop reference, with γ, β and ε', ({ spec, reference, groups }) => {
    const x = referenceRandomTensor([3, 4, 3, 5], 11, 4, 2);
    const affine = { gamma: [1.5, -0.5, 2, 0.25], beta: [0.1, -3, 0, 7], epsilon: 1e-3 };
    expectClose(runNormalise(x, spec, affine), referenceNormalise(x, reference, groups, affine), 2e-5);
    const expected = referenceMoments(x, reference, groups);
    const actual = runMoments(x, spec);
    expectClose(actual.mean, expected.mean);
    expectClose(actual.variance, expected.variance, 2e-5);
  });

  it.each(methods)('statisticGroupOf and statisticGroupCount agree with the reference grouping for $spec.method', ({ spec, reference, groups }) => {
    const x = referenceRandomTensor([2, 4, 2, 3], 3);
    const [N, C, H, W] = x.shape;
    const { groupOfElement, mean } = referenceMoments(x, reference, groups);
    expect(statisticGroupCount(x.shape, spec)).toBe(mean.length);
    for (let n = 0; n < N; n++) for (let c = 0; c < C; c++) expect(statisticGroupOf(x.shape, spec, n, c)).toBe(groupOfElement[(n * C + c) * H * W]);
  });

  it('GN with one channel per group equals IN, and GN with one group equals LN', () => {
    const x = referenceRandomTensor([2, 4, 3, 3], 5, 3, -1);
    expectClose(runNormalise(x, { method: 'group', groups: 4 }), runNormalise(x, { method: 'instance' }), 1e-6);
    expectClose(runNormalise(x, { method: 'group', groups: 1 }), runNormalise(x, { method: 'layer' }), 1e-6);
    expectClose(runMoments(x, { method: 'group', groups: 4 }).mean, runMoments(x, { method: 'instance' }).mean, 1e-6);
    expectClose(runMoments(x, { method: 'group', groups: 1 }).variance, runMoments(x, { method: 'layer' }).variance, 1e-6);
  });

  it('rejects a group count that does not divide the channels', () => {
    const x = referenceRandomTensor([1, 4, 2, 2], 1);
    expect(() => runNormalise(x, { method: 'group', groups: 3 })).toThrow(RangeError);
    expect(() => statisticGroupCount(x.shape, { method: 'group', groups: 0 })).toThrow(RangeError);
  });

  it('BN running statistics: one training step by hand, then inference uses them instead of the batch', () => {
    const x: ArrayNCHW = { shape: [2, 1, 1, 2], data: Float32Array.from([0, 2, 4, 6]) };
    const before = tf.memory().numTensors;
    const start = initialRunningStatistics(1);
    const input = toNHWC(x);
    const step = batchNormTrain(input, start, { momentum: 0.1 });
    // Batch: μ = 3, population σ² = 5, unbiased σ² = 5·4/3 = 6.6667.
    // Running: μ ← 0.9·0 + 0.1·3 = 0.3; σ² ← 0.9·1 + 0.1·6.6667 = 1.56667.
    expectClose(step.running.mean.dataSync(), [0.3]);
    expectClose(step.running.variance.dataSync(), [1.5666667]);
    // Training normalises with the batch's own population statistics.
    expectClose(fromNHWC(step.y).data, referenceNormalise(x, 'batch'));
    const inferred = batchNormInference(input, step.running);
    const r = Math.sqrt(1.5666667 + 1e-5);
    expectClose(fromNHWC(inferred).data, [(0 - 0.3) / r, (2 - 0.3) / r, (4 - 0.3) / r, (6 - 0.3) / r]);
    tf.dispose([start.mean, start.variance, input, step.y, step.running.mean, step.running.variance, inferred]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('BN running statistics converge to the batch mean and the unbiased variance', () => {
    const x = referenceRandomTensor([4, 2, 3, 3], 8, 2, 5);
    const { mean, variance } = referenceMoments(x, 'batch');
    const k = 4 * 3 * 3;
    const input = toNHWC(x);
    let running = initialRunningStatistics(2);
    for (let i = 0; i < 200; i++) {
      const step = batchNormTrain(input, running, { momentum: 0.1 });
      tf.dispose([running.mean, running.variance, step.y]);
      running = step.running;
    }
    expectClose(running.mean.dataSync(), mean, 1e-4);
    expectClose(
      running.variance.dataSync(),
      variance.map((v) => (v * k) / (k - 1)),
      1e-4,
    );
    // At inference the unbiased variance makes outputs slightly smaller than training-mode outputs.
    const gamma = [1, 1];
    const train = referenceNormalise(x, 'batch', 1, { gamma });
    const inferred = tf.tidy(() => fromNHWC(batchNormInference(input, running)).data);
    expectClose(
      inferred,
      Array.from(train, (v) => v * Math.sqrt((k - 1) / k)),
      1e-4,
    );
    tf.dispose([input, running.mean, running.variance]);
  });

  it('leaves no tensors behind', () => {
    const x = referenceRandomTensor([2, 4, 3, 3], 2);
    const input = toNHWC(x);
    const before = tf.memory().numTensors;
    for (const { spec } of methods) {
      normalise(input, spec).dispose();
      const { mean, variance } = groupMoments(input, spec);
      tf.dispose([mean, variance]);
    }
    expect(tf.memory().numTensors).toBe(before);
    input.dispose();
  });
});
