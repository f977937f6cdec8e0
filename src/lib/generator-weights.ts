import * as tf from '@tensorflow/tfjs';
import { blockOfLayer, layersPerResolution } from './generator-layers';
import {
  fetchManifest,
  loadManifestWeights,
  requireWeight,
  WeightsCorruptError,
  type FetchLike,
  type LoadProgress,
  type NamedWeights,
  type WeightsManifestFile,
} from './weights';

/**
 * The project's own style-based generator (training/stylegan.py, exported by training/export.py to
 * public/generator/): its architecture config and its weights in tfjs layouts, the equalised-learning-rate
 * scales already baked in. Linear kernels are [in, out], conv kernels HWIO, the constant NHWC.
 */
export interface GeneratorConfig {
  resolution: number;
  zDim: number;
  wDim: number;
  mappingLayers: number;
  /** Channels per resolution 4, 8, 16, … */
  channels: number[];
  /** Number of AdaIN layers, each with its own w (two per resolution). */
  numWs: number;
  adainEpsilon: number;
  leakyReluSlope: number;
  /** Each mapping layer's leaky ReLU output is multiplied by this (√2). */
  mappingGain: number;
  pixelNormEpsilon: number;
  upsample: 'bilinear';
  /**
   * true: every resolution's toRGB adds to the upsampled image so far; false: only the last resolution's
   * toRGB draws the image, so every colour passes through the last AdaIN layers (training/stylegan.py).
   */
  rgbSkips: boolean;
}

/** Where the weights came from (checkpoint, iteration, training time, data), for the record. */
export type GeneratorTraining = Record<string, string | number>;

/** public/generator/model.json */
export interface GeneratorModelFile extends WeightsManifestFile {
  config: GeneratorConfig;
  training: GeneratorTraining;
}

export interface DenseWeights {
  /** [in, out] */
  kernel: tf.Tensor2D;
  /** [out] */
  bias: tf.Tensor1D;
}

export interface StyledConvWeights {
  /** [3, 3, in, out] */
  convKernel: tf.Tensor4D;
  /** [out]: learned per-channel scale of the per-pixel noise */
  noiseStrength: tf.Tensor1D;
  bias: tf.Tensor1D;
  /** w → y_s */
  styleScale: DenseWeights;
  /** w → y_b */
  styleBias: DenseWeights;
}

export interface GeneratorWeights {
  config: GeneratorConfig;
  training: GeneratorTraining;
  mapping: DenseWeights[];
  /** Running mean of w during training: the centre of truncation. [wDim] */
  wAvg: tf.Tensor1D;
  /** [1, 4, 4, channels[0]] */
  constant: tf.Tensor4D;
  /** numWs layers, two per resolution. */
  layers: StyledConvWeights[];
  /** The 1×1 convs [1, 1, C, 3] that draw the image, each with its resolution's index: all, or the last (rgbSkips). */
  toRgb: { block: number; kernel: tf.Tensor4D; bias: tf.Tensor1D }[];
}

/** The resolutions (by index) whose toRGB draws into the image. */
export function toRgbBlocks(config: Pick<GeneratorConfig, 'channels' | 'rgbSkips'>): number[] {
  const blocks = config.channels.map((_, block) => block);
  return config.rgbSkips ? blocks : blocks.slice(-1);
}

function dense(weights: NamedWeights, name: string, inputs: number, outputs: number): DenseWeights {
  return {
    kernel: requireWeight(weights, `${name}/kernel`, [inputs, outputs]) as tf.Tensor2D,
    bias: requireWeight(weights, `${name}/bias`, [outputs]) as tf.Tensor1D,
  };
}

/** Structures decoded weights by name, checking every shape against the config. */
function generatorWeightsFromNamed(model: Pick<GeneratorModelFile, 'config' | 'training'>, weights: NamedWeights): GeneratorWeights {
  const { config } = model;
  const { zDim, wDim, channels, numWs } = config;
  if (numWs !== layersPerResolution * channels.length)
    throw new WeightsCorruptError('model.json', `numWs ${numWs} is not ${layersPerResolution} per resolution`);
  if (typeof config.rgbSkips !== 'boolean') throw new WeightsCorruptError('model.json', 'rgbSkips is not true or false');
  const channelsOfLayer = (i: number): number => channels[blockOfLayer(i)]!;
  const inputChannelsOfLayer = (i: number): number => (i === 0 ? channels[0]! : channelsOfLayer(i - 1));
  return {
    config,
    training: model.training,
    mapping: Array.from({ length: config.mappingLayers }, (_, i) => dense(weights, `mapping/fc${i}`, i === 0 ? zDim : wDim, wDim)),
    wAvg: requireWeight(weights, 'w_avg', [wDim]) as tf.Tensor1D,
    constant: requireWeight(weights, 'synthesis/const', [1, 4, 4, channels[0]!]) as tf.Tensor4D,
    layers: Array.from({ length: numWs }, (_, i) => {
      const prefix = `synthesis/layer${i}`;
      const out = channelsOfLayer(i);
      return {
        convKernel: requireWeight(weights, `${prefix}/conv/kernel`, [3, 3, inputChannelsOfLayer(i), out]) as tf.Tensor4D,
        noiseStrength: requireWeight(weights, `${prefix}/noise_strength`, [out]) as tf.Tensor1D,
        bias: requireWeight(weights, `${prefix}/bias`, [out]) as tf.Tensor1D,
        styleScale: dense(weights, `${prefix}/style_scale`, wDim, out),
        styleBias: dense(weights, `${prefix}/style_bias`, wDim, out),
      };
    }),
    toRgb: toRgbBlocks(config).map((block) => ({
      block,
      kernel: requireWeight(weights, `synthesis/to_rgb${block}/kernel`, [1, 1, channels[block]!, 3]) as tf.Tensor4D,
      bias: requireWeight(weights, `synthesis/to_rgb${block}/bias`, [3]) as tf.Tensor1D,
    })),
  };
}

export interface GeneratorLoadOptions {
  /** URL of the generator folder, ending in '/', e.g. `${import.meta.env.BASE_URL}generator/`. */
  baseUrl: string;
  fetch?: FetchLike;
  onProgress?: (progress: LoadProgress) => void;
  signal?: AbortSignal;
}

/** Fetches model.json once (config, training record, manifest), then the weights with byte progress (weights.ts: errors a reader can act on). */
export async function loadGeneratorWeights(options: GeneratorLoadOptions): Promise<GeneratorWeights> {
  const path = 'model.json';
  const model = (await fetchManifest(path, options)) as Partial<GeneratorModelFile> & WeightsManifestFile;
  if (!model.config) throw new WeightsCorruptError(options.baseUrl + path, 'no generator config');
  const [named] = await loadManifestWeights([{ path, manifest: model }], options);
  try {
    return generatorWeightsFromNamed({ config: model.config, training: model.training ?? {} }, named!);
  } catch (error) {
    tf.dispose(named);
    throw error;
  }
}

export function disposeGeneratorWeights(weights: GeneratorWeights): void {
  tf.dispose([
    ...weights.mapping.flatMap((d) => [d.kernel, d.bias]),
    weights.wAvg,
    weights.constant,
    ...weights.layers.flatMap((l) => [l.convKernel, l.noiseStrength, l.bias, l.styleScale.kernel, l.styleScale.bias, l.styleBias.kernel, l.styleBias.bias]),
    ...weights.toRgb.flatMap((t) => [t.kernel, t.bias]),
  ]);
}
