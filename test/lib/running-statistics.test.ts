import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import {
  batchIndices,
  imageThroughLayer,
  lessonPopulation,
  makePopulation,
  populationStatistics,
  trainRunningStatistics,
  type Population,
} from '../../src/lib/running-statistics';
import { standardNormals } from '../../src/lib/rng';

function expectClose(actual: readonly number[], expected: readonly number[], tolerance = 1e-5): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((value, i) => expect(Math.abs(value - expected[i]!), `index ${i}: ${value} vs ${expected[i]}`).toBeLessThanOrEqual(tolerance));
}

/** Two 1×1 images with two channels: channel 0 holds 1 and 3, channel 1 holds 2 and 6. */
const tiny: Population = { values: Float32Array.from([1, 2, 3, 6]), shape: [2, 1, 1, 2] };

describe('the population', () => {
  it('has the hand-computed statistics μ = (2, 4), σ² = (1, 4)', () => {
    const { mean, variance } = populationStatistics(tiny);
    expectClose(mean, [2, 4]);
    expectClose(variance, [1, 4]);
  });

  it('is m_c + between·a + within·e from the seeded normals', () => {
    const spec = { samples: 3, height: 1, width: 2, means: [5, -2], betweenStd: [0, 0], withinStd: [2, 0] };
    const population = makePopulation(spec, 7);
    const noise = standardNormals(8, 12);
    expect(population.shape).toEqual([3, 1, 2, 2]);
    for (let i = 0; i < 12; i++) expect(population.values[i]).toBeCloseTo(i % 2 === 0 ? 5 + 2 * noise[i]! : -2, 5);
  });

  it('gives every pixel of an image the same offset a_nc', () => {
    const spec = { samples: 4, height: 2, width: 2, means: [0], betweenStd: [3], withinStd: [0] };
    const { values } = makePopulation(spec, 11);
    const offsets = standardNormals(11, 4);
    for (let n = 0; n < 4; n++) for (let p = 0; p < 4; p++) expect(values[n * 4 + p]).toBeCloseTo(3 * offsets[n]!, 5);
  });
});

describe('batchIndices', () => {
  it('draws distinct images within the population, the same for the same seed and step', () => {
    for (const size of [1, 5, 32, 64]) {
      const indices = batchIndices(3, 9, 64, size);
      expect(indices).toHaveLength(size);
      expect(new Set(indices).size).toBe(size);
      expect(indices.every((i) => Number.isInteger(i) && i >= 0 && i < 64)).toBe(true);
      expect(batchIndices(3, 9, 64, size)).toEqual(indices);
    }
    expect(batchIndices(3, 10, 64, 8)).not.toEqual(batchIndices(3, 9, 64, 8));
    expect([...batchIndices(1, 0, 64, 64)].sort((a, b) => a - b)).toEqual(Array.from({ length: 64 }, (_, i) => i));
  });

  it('refuses a batch larger than the population', () => {
    expect(() => batchIndices(1, 0, 4, 5)).toThrow(/batch size/);
    expect(() => batchIndices(1, 0, 4, 0)).toThrow(/batch size/);
  });
});

describe.each(['cpu', 'wasm'])('running statistics on the %s backend', (backend) => {
  beforeAll(async () => {
    expect(await tf.setBackend(backend)).toBe(true);
  });

  it('follows the hand-computed recursion with the whole population as the batch (m = 0.5)', async () => {
    // Channel 0: batch μ 2, σ² 1, unbiased 2. Running μ: 0 → 1 → 1.5 → 1.75; σ²: 1 → 1.5 → 1.75 → 1.875.
    const history = await trainRunningStatistics(tiny, { batchSize: 2, steps: 3, momentum: 0.5, seed: 1 });
    expectClose(
      history.runningMean.map((row) => row[0]!),
      [1, 1.5, 1.75],
    );
    expectClose(
      history.runningVariance.map((row) => row[0]!),
      [1.5, 1.75, 1.875],
    );
    // Channel 1: μ 4, σ² 4, unbiased 8. Running μ: 2, 3, 3.5; σ²: 4.5, 6.25, 7.125.
    expectClose(
      history.runningMean.map((row) => row[1]!),
      [2, 3, 3.5],
    );
    expectClose(
      history.runningVariance.map((row) => row[1]!),
      [4.5, 6.25, 7.125],
    );
    expectClose(history.batchVariance[2]!, [1, 4]);
  });

  it('matches a plain-loop reference on random batches', async () => {
    const population = makePopulation(lessonPopulation, 5);
    const options = { batchSize: 4, steps: 12, momentum: 0.2, seed: 9 };
    const history = await trainRunningStatistics(population, options);
    const [samples, h, w, channels] = population.shape;
    const pixels = h * w;
    const mean = [0, 0, 0];
    const variance = [1, 1, 1];
    for (let step = 0; step < options.steps; step++) {
      const batch = batchIndices(options.seed, step, samples, options.batchSize);
      for (let c = 0; c < channels; c++) {
        const values = batch.flatMap((n) => Array.from({ length: pixels }, (_, p) => population.values[(n * pixels + p) * channels + c]!));
        const mu = values.reduce((a, b) => a + b, 0) / values.length;
        const squares = values.reduce((a, b) => a + (b - mu) ** 2, 0);
        expect(history.batchMean[step]![c]).toBeCloseTo(mu, 4);
        expect(history.batchVariance[step]![c]).toBeCloseTo(squares / values.length, 4);
        mean[c] = 0.8 * mean[c]! + 0.2 * mu;
        variance[c] = 0.8 * variance[c]! + 0.2 * (squares / (values.length - 1));
      }
      expectClose(history.runningMean[step]!, mean, 1e-4);
      expectClose(history.runningVariance[step]!, variance, 1e-4);
    }
  });

  it('converges to the population statistics with large batches, and underestimates σ² with batches of one', async () => {
    const population = makePopulation(lessonPopulation, 1);
    const target = populationStatistics(population);
    const large = await trainRunningStatistics(population, { batchSize: 32, steps: 200, momentum: 0.1, seed: 1 });
    expectClose(large.runningMean.at(-1)!, target.mean, 0.15);
    expectClose(large.runningVariance.at(-1)!, target.variance, 0.25 * Math.max(...target.variance));
    // One image per batch: channel 0's images differ in brightness (between-image σ = 1), which no single
    // image shows, so σ̂² settles near the within-image variance (1 × 16/15), about half the population's.
    const single = await trainRunningStatistics(population, { batchSize: 1, steps: 200, momentum: 0.1, seed: 1 });
    const lastHundred = single.runningVariance.slice(100).map((row) => row[0]!);
    const average = lastHundred.reduce((a, b) => a + b, 0) / lastHundred.length;
    expect(average).toBeLessThan(0.7 * target.variance[0]!);
  });

  it('leaks no tensors', async () => {
    const population = makePopulation(lessonPopulation, 2);
    await trainRunningStatistics(population, { batchSize: 8, steps: 3, momentum: 0.1, seed: 1 });
    const before = tf.memory().numTensors;
    await trainRunningStatistics(population, { batchSize: 8, steps: 20, momentum: 0.1, seed: 1 });
    await trainRunningStatistics(population, { batchSize: 8, steps: 0, momentum: 0.1, seed: 1 });
    await imageThroughLayer(population, 0, 'train', { mean: [0, 0, 0], variance: [1, 1, 1] }, { size: 4, seed: 1, step: 0 });
    await imageThroughLayer(population, 0, 'eval', { mean: [0, 0, 0], variance: [1, 1, 1] }, { size: 4, seed: 1, step: 0 });
    expect(tf.memory().numTensors).toBe(before);
  });

  it('normalises an image with its own statistics in training mode with a batch of one', async () => {
    const result = await imageThroughLayer(tiny, 1, 'train', { mean: [0, 0], variance: [1, 1] }, { size: 1, seed: 1, step: 0 });
    expectClose(result.usedMean, [3, 6]);
    expectClose(result.usedVariance, [0, 0]);
    expectClose(result.outputMean, [0, 0]);
  });

  it('shares the batch statistics in training mode and uses the running estimates in inference mode', async () => {
    const train = await imageThroughLayer(tiny, 1, 'train', { mean: [0, 0], variance: [1, 1] }, { size: 2, seed: 1, step: 0 });
    expectClose(train.usedMean, [2, 4]);
    expectClose(train.usedVariance, [1, 4]);
    // Image 1 holds 3 and 6: (3 − 2)/√(1 + ε) and (6 − 4)/√(4 + ε).
    expectClose(train.outputMean, [1, 1], 1e-4);
    const inference = await imageThroughLayer(tiny, 1, 'eval', { mean: [1, 2], variance: [4, 16] }, { size: 2, seed: 1, step: 0 });
    expectClose(inference.usedMean, [1, 2]);
    expectClose(inference.usedVariance, [4, 16]);
    expectClose(inference.outputMean, [1, 1], 1e-4);
  });
});
