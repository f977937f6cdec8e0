import * as tf from '@tensorflow/tfjs';
import { batchNormInference, batchNormTrain, initialRunningStatistics, normalise, type RunningStatistics } from './norm';
import { mulberry32, standardNormals } from './rng';

/**
 * Batch norm's running averages, trained on a fixed, seeded population of small "images": which batches
 * the layer sees, what it estimates, and what it computes in training and in inference mode.
 * Each image n, channel c draws x = m_c + a_nc + e_nchw, with a per-image offset a_nc ~ N(0, between_c²)
 * (images differ in brightness) and per-pixel noise e ~ N(0, within_c²). Tensors are NHWC.
 */
export interface PopulationSpec {
  samples: number;
  height: number;
  width: number;
  /** One entry per channel. */
  means: readonly number[];
  betweenStd: readonly number[];
  withinStd: readonly number[];
}

export interface Population {
  /** NHWC, [samples, height, width, channels], row-major. */
  values: Float32Array;
  shape: [n: number, h: number, w: number, c: number];
}

/** The population the lesson uses: channel 0's images differ in brightness; channel 2's do not. */
export const lessonPopulation: PopulationSpec = {
  samples: 64,
  height: 4,
  width: 4,
  means: [2, -1, 0.5],
  betweenStd: [1, 0.5, 0],
  withinStd: [1, 1.5, 0.5],
};

export function makePopulation(spec: PopulationSpec, seed: number): Population {
  const { samples, height, width } = spec;
  const channels = spec.means.length;
  if (spec.betweenStd.length !== channels || spec.withinStd.length !== channels)
    throw new RangeError('means, betweenStd and withinStd need one entry per channel');
  const pixels = height * width;
  const offsets = standardNormals(seed, samples * channels);
  const noise = standardNormals(seed + 1, samples * pixels * channels);
  const values = new Float32Array(samples * pixels * channels);
  for (let n = 0; n < samples; n++)
    for (let p = 0; p < pixels; p++)
      for (let c = 0; c < channels; c++) {
        const i = (n * pixels + p) * channels + c;
        values[i] = spec.means[c]! + spec.betweenStd[c]! * offsets[n * channels + c]! + spec.withinStd[c]! * noise[i]!;
      }
  return { values, shape: [samples, height, width, channels] };
}

/** Per-channel mean and population variance (divide by the count) over images and pixels: the targets. */
export function populationStatistics(population: Population): { mean: number[]; variance: number[] } {
  const channels = population.shape[3];
  const count = population.values.length / channels;
  const mean = new Array<number>(channels).fill(0);
  const variance = new Array<number>(channels).fill(0);
  population.values.forEach((value, i) => (mean[i % channels]! += value / count));
  population.values.forEach((value, i) => (variance[i % channels]! += (value - mean[i % channels]!) ** 2 / count));
  return { mean, variance };
}

/** The images of training step `step`: `batchSize` distinct indices, drawn by a seeded partial shuffle. */
export function batchIndices(seed: number, step: number, populationSize: number, batchSize: number): number[] {
  if (!(Number.isInteger(batchSize) && batchSize >= 1 && batchSize <= populationSize))
    throw new RangeError(`batch size must be 1–${populationSize}, got ${batchSize}`);
  const random = mulberry32(Math.imul(seed, 0x9e3779b1) ^ Math.imul(step + 1, 0x85ebca6b));
  const order = Array.from({ length: populationSize }, (_, i) => i);
  for (let i = 0; i < batchSize; i++) {
    const j = i + Math.floor(random() * (populationSize - i));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order.slice(0, batchSize);
}

export interface TrainingOptions {
  batchSize: number;
  steps: number;
  /** PyTorch's convention: running ← (1 − momentum)·running + momentum·batch. */
  momentum: number;
  seed: number;
}

/** Per step (rows) and channel (columns): the batch's own statistics and the running estimates after the step. */
export interface TrainingHistory {
  batchMean: number[][];
  /** Population variance of the batch: what training-mode BN normalises with. */
  batchVariance: number[][];
  runningMean: number[][];
  /** The unbiased batch variance goes into the running estimate, as in PyTorch (see norm.ts). */
  runningVariance: number[][];
}

function rows(values: Float32Array | Int32Array | Uint8Array, columns: number): number[][] {
  return Array.from({ length: values.length / columns }, (_, r) => Array.from(values.subarray(r * columns, (r + 1) * columns)));
}

/**
 * Runs `steps` training steps of batch norm (norm.ts's batchNormTrain) from the initial estimates (μ̂ = 0,
 * σ̂² = 1) and returns the whole history. Every tensor it makes is disposed; values are read once at the end.
 */
export async function trainRunningStatistics(population: Population, options: TrainingOptions): Promise<TrainingHistory> {
  const [samples, , , channels] = population.shape;
  const x = tf.tensor4d(population.values, population.shape);
  let running: RunningStatistics = initialRunningStatistics(channels);
  const history: { batchMean: tf.Tensor1D[]; batchVariance: tf.Tensor1D[]; runningMean: tf.Tensor1D[]; runningVariance: tf.Tensor1D[] } = {
    batchMean: [],
    batchVariance: [],
    runningMean: [],
    runningVariance: [],
  };
  try {
    for (let step = 0; step < options.steps; step++) {
      const [mean, variance, nextMean, nextVariance] = tf.tidy(() => {
        const batch = tf.gather(x, tf.tensor1d(batchIndices(options.seed, step, samples, options.batchSize), 'int32')) as tf.Tensor4D;
        const moments = tf.moments(batch, [0, 1, 2]);
        const updated = batchNormTrain(batch, running, { momentum: options.momentum }).running;
        return [moments.mean, moments.variance, updated.mean, updated.variance] as tf.Tensor1D[];
      }) as [tf.Tensor1D, tf.Tensor1D, tf.Tensor1D, tf.Tensor1D];
      const next = { mean: nextMean, variance: nextVariance };
      history.batchMean.push(mean);
      history.batchVariance.push(variance);
      history.runningMean.push(next.mean);
      history.runningVariance.push(next.variance);
      // The first estimates are the initial ones, disposed below with the rest.
      if (step === 0) tf.dispose([running.mean, running.variance]);
      running = next;
    }
    const read = async (list: tf.Tensor1D[]): Promise<number[][]> => {
      if (!list.length) return [];
      const stacked = tf.stack(list);
      try {
        return rows(await stacked.data(), channels);
      } finally {
        stacked.dispose();
      }
    };
    const [batchMean, batchVariance, runningMean, runningVariance] = await Promise.all(
      [history.batchMean, history.batchVariance, history.runningMean, history.runningVariance].map(read),
    );
    return { batchMean: batchMean!, batchVariance: batchVariance!, runningMean: runningMean!, runningVariance: runningVariance! };
  } finally {
    if (options.steps === 0) tf.dispose([running.mean, running.variance]);
    tf.dispose([x, ...history.batchMean, ...history.batchVariance, ...history.runningMean, ...history.runningVariance]);
  }
}

export type BatchNormMode = 'train' | 'eval';

/** What one image gets from the layer: the μ, σ² it is normalised with, and its output's channel means. */
export interface ImageThroughLayer {
  usedMean: number[];
  usedVariance: number[];
  outputMean: number[];
}

/**
 * Passes population image `index` through batch norm. 'train': it shares a batch of `batchSize` with the
 * other images of training step `step` (batch statistics; with a batch of one, its own). 'eval': the
 * running estimates, whatever else is in the batch.
 */
export async function imageThroughLayer(
  population: Population,
  index: number,
  mode: BatchNormMode,
  running: { mean: number[]; variance: number[] },
  batch: { size: number; seed: number; step: number },
): Promise<ImageThroughLayer> {
  const [samples] = population.shape;
  const mates = batchIndices(batch.seed, batch.step, samples, Math.min(batch.size, samples))
    .filter((i) => i !== index)
    .slice(0, batch.size - 1);
  const tensors = tf.tidy(() => {
    const x = tf.gather(tf.tensor4d(population.values, population.shape), tf.tensor1d([index, ...mates], 'int32')) as tf.Tensor4D;
    if (mode === 'train') {
      const { mean, variance } = tf.moments(x, [0, 1, 2]);
      const y = normalise(x, { method: 'batch' });
      return [mean, variance, y.slice([0, 0, 0, 0], [1, -1, -1, -1]).mean([0, 1, 2])];
    }
    const estimates = { mean: tf.tensor1d(running.mean), variance: tf.tensor1d(running.variance) };
    const y = batchNormInference(x.slice([0, 0, 0, 0], [1, -1, -1, -1]), estimates);
    return [estimates.mean, estimates.variance, y.mean([0, 1, 2])];
  });
  try {
    const [usedMean, usedVariance, outputMean] = await Promise.all(tensors.map(async (t) => Array.from(await t.data())));
    return { usedMean: usedMean!, usedVariance: usedVariance!, outputMean: outputMean! };
  } finally {
    tf.dispose(tensors);
  }
}
