import { backendEvent, type BackendStatus } from './backend-events';
import { ready, tf } from './tf-runtime';
import { loadGeneratorWeights, type GeneratorWeights } from '../lib/generator-weights';
import { layerCount, upsamplesBefore } from '../lib/generator-layers';
import { wFromSeeds } from '../lib/mapping';
import { disposeSynthesisResult, layerLatents, mixingFigureLatents, mixingGridLatents, synthesize } from '../lib/synthesis';
import { noiseDraws, type MixingState } from '../lib/mixing-state';
import type { LoadProgress } from '../lib/weights';
import { siteUrl } from './site-url';

/**
 * The generator labs' maths, loaded lazily with tfjs: weights once per page, then every picture is one
 * batched synthesize call from src/lib. Plain arrays go out; every tensor is disposed before a promise
 * resolves, so tf.memory().numTensors returns to its value after loading.
 */
let generator: Promise<GeneratorWeights> | undefined;

// After a lost GPU device the runtime moves to another backend; the weights lived on the lost device, so
// the next picture loads them again there.
document.addEventListener(backendEvent, (event) => {
  if ((event as CustomEvent<BackendStatus>).detail.notice) generator = undefined;
});

export async function loadGenerator(onProgress: (progress: LoadProgress) => void): Promise<GeneratorWeights> {
  generator ??= (async () => {
    await ready();
    return loadGeneratorWeights({ baseUrl: siteUrl('generator/'), onProgress });
  })();
  // A failed load may be retried (e.g. after the connection comes back).
  generator.catch(() => (generator = undefined));
  return generator;
}

export function liveTensors(): number {
  return tf.memory().numTensors;
}

/** RGB bytes of N images of size × size, image after image (HWC). */
export interface ImageBatch {
  size: number;
  count: number;
  rgb: Uint8ClampedArray;
}

function checkLayers(weights: GeneratorWeights): void {
  if (weights.config.numWs !== layerCount) throw new Error(`the generator has ${weights.config.numWs} style layers, the lab expects ${layerCount}`);
}

async function bytesOf(images: tf.Tensor4D): Promise<ImageBatch> {
  const [count, size] = images.shape;
  return { count, size, rgb: Uint8ClampedArray.from(await images.data()) };
}

/** The whole mixing figure (mixingFigureLatents) in one synthesize call; every image gets the same noise draw. */
export async function mixingGrid(weights: GeneratorWeights, state: MixingState): Promise<ImageBatch> {
  checkLayers(weights);
  const ws = tf.tidy(() =>
    mixingFigureLatents(wFromSeeds(weights, state.rowSeeds, state.psi), wFromSeeds(weights, state.columnSeeds, state.psi), state.fromRow),
  );
  const result = synthesize(weights, ws, {
    noise: { seeds: new Array<number>(ws.shape[0]).fill(state.noiseSeed), enabled: state.noiseEnabled, strength: state.noiseStrength },
    range: 'bytes',
  });
  ws.dispose();
  try {
    return await bytesOf(result.images);
  } finally {
    disposeSynthesisResult(result);
  }
}

export interface NoiseDrawsResult extends ImageBatch {
  /** Per pixel, the standard deviation over the draws (mean over R, G, B), in [−1, 1] image units. */
  std: Float32Array;
}

/** The selected grid cell drawn with `noiseDraws` noise seeds (noiseSeed, noiseSeed + 1, …): only the noise differs. */
export async function noiseVariations(weights: GeneratorWeights, state: MixingState): Promise<NoiseDrawsResult> {
  checkLayers(weights);
  const [row, column] = state.selected;
  const ws = tf.tidy(() => {
    const cell = mixingGridLatents(
      wFromSeeds(weights, [state.rowSeeds[row]!], state.psi),
      wFromSeeds(weights, [state.columnSeeds[column]!], state.psi),
      state.fromRow,
    );
    return cell.tile([noiseDraws, 1, 1]) as tf.Tensor3D;
  });
  const seeds = Array.from({ length: noiseDraws }, (_, k) => (state.noiseSeed + k) % 2 ** 31);
  const result = synthesize(weights, ws, { noise: { seeds, enabled: state.noiseEnabled, strength: state.noiseStrength } });
  ws.dispose();
  const [bytes, std] = tf.tidy(() => [
    result.images.add(1).mul(127.5).round().clipByValue(0, 255).toInt() as tf.Tensor4D,
    tf.moments(result.images, 0).variance.sqrt().mean(-1) as tf.Tensor2D,
  ]);
  try {
    const batch = await bytesOf(bytes);
    return { ...batch, std: Float32Array.from(await std.data()) };
  } finally {
    tf.dispose([bytes, std]);
    disposeSynthesisResult(result);
  }
}

/** One AdaIN layer of one image, as plain arrays (HWC, sample 0). */
export interface BlockView {
  layer: number;
  resolution: number;
  channels: number;
  /** The layer's input: the previous layer's output (upsampled 2× at the first layer of a resolution), or the learned constant. */
  input: { size: number; channels: number; values: Float32Array };
  upsampled: boolean;
  /** The per-pixel noise map (size²) before the learned per-channel scale; null when off. */
  noise: Float32Array | null;
  noiseScale: Float32Array;
  before: Float32Array;
  after: Float32Array;
  styleScale: Float32Array;
  styleBias: Float32Array;
  /** Per channel over H, W (population σ, without AdaIN's ε). */
  meanBefore: Float32Array;
  stdBefore: Float32Array;
  meanAfter: Float32Array;
  stdAfter: Float32Array;
  /** The image this layer belongs to, RGB bytes size². */
  image: ImageBatch;
}

export interface BlockOptions {
  seed: number;
  psi: number;
  layer: number;
  noiseSeed: number;
  noise: boolean;
}

export async function blockView(weights: GeneratorWeights, options: BlockOptions): Promise<BlockView> {
  const { layer } = options;
  const ws = tf.tidy(() => layerLatents(wFromSeeds(weights, [options.seed], options.psi), null, 0, weights.config.numWs));
  const result = synthesize(weights, ws, { noise: options.noise ? { seeds: [options.noiseSeed] } : 'off', record: true, range: 'bytes' });
  ws.dispose();
  const record = result.layers![layer]!;
  const previous = layer > 0 ? result.layers![layer - 1]!.afterAdain : weights.constant;
  const upsampled = upsamplesBefore(layer);
  const tensors = tf.tidy(() => {
    const input = upsampled ? tf.image.resizeBilinear(previous, [record.resolution, record.resolution], false, true) : previous.clone();
    const before = tf.moments(record.beforeAdain, [1, 2]);
    const after = tf.moments(record.afterAdain, [1, 2]);
    return {
      input,
      meanBefore: before.mean,
      stdBefore: before.variance.sqrt(),
      meanAfter: after.mean,
      stdAfter: after.variance.sqrt(),
    };
  });
  try {
    const read = async (tensor: tf.Tensor): Promise<Float32Array> => Float32Array.from(await tensor.data());
    return {
      layer,
      resolution: record.resolution,
      channels: record.beforeAdain.shape[3],
      input: { size: tensors.input.shape[1]!, channels: tensors.input.shape[3]!, values: await read(tensors.input) },
      upsampled,
      noise: record.noise ? await read(record.noise) : null,
      noiseScale: await read(weights.layers[layer]!.noiseStrength),
      before: await read(record.beforeAdain),
      after: await read(record.afterAdain),
      styleScale: await read(record.styleScale),
      styleBias: await read(record.styleBias),
      meanBefore: await read(tensors.meanBefore),
      stdBefore: await read(tensors.stdBefore),
      meanAfter: await read(tensors.meanAfter),
      stdAfter: await read(tensors.stdAfter),
      image: await bytesOf(result.images),
    };
  } finally {
    tf.dispose(Object.values(tensors));
    disposeSynthesisResult(result);
  }
}
