import { ready, tf } from './tf-runtime';
import { luminanceImage } from '../lib/color';
import { runNetwork, runNetworkAsync, StepCounter, TransferAbortedError, type SteppedNetwork, type StepProgress } from '../lib/layers';
import { contentLoss, disposeStyleLossStatistics, styleLossFromStatistics, styleLossStatistics, type StyleLossStatistics } from '../lib/losses';
import { disposeModel, loadModel, type ModelKind, type StyleTransferModel } from '../lib/models';
import {
  adainTarget,
  decodeFeaturesAsync,
  disposeStyle,
  encodeStyle,
  encodeStyleAsync,
  type ColorPreservation,
  type EncodedStyle,
  type StyleInput,
  type TransferStatistics,
} from '../lib/transfer';
import { vggFeatures } from '../lib/vgg-encoder';
import type { LoadProgress } from '../lib/weights';
import { siteUrl } from './site-url';

/**
 * The style lab's and the webcam's side of tfjs, loaded lazily with it. Holds the page's long-lived tensors:
 * the loaded models, the encoded content and the encoded styles (cached by key, so moving α, a weight or
 * a mask re-runs only AdaIN and the decoder). Everything else a run allocates is disposed before it returns.
 */

export { ready, tf };

const modelsUrl = siteUrl('models/');
const models = new Map<ModelKind, Promise<StyleTransferModel>>();

/** The model of that kind, downloaded once per page (a failed download is forgotten, so a retry refetches). */
export function getModel(kind: ModelKind, onProgress?: (progress: LoadProgress) => void): Promise<StyleTransferModel> {
  let model = models.get(kind);
  if (!model) {
    model = loadModel(kind, { baseUrl: modelsUrl, ...(onProgress ? { onProgress } : {}) });
    models.set(kind, model);
    model.catch(() => models.delete(kind));
  }
  return model;
}

/** RGBA pixels → [1,H,W,3] float RGB 0..255. */
export function pixelsToTensor(pixels: ImageData): tf.Tensor4D {
  return tf.tidy(() => tf.browser.fromPixels(pixels, 3).toFloat().expandDims(0) as tf.Tensor4D);
}

/** [1,H,W,3] 0..255 → RGBA pixels (rounded, clipped). */
export async function tensorToPixels(image: tf.Tensor4D): Promise<ImageData> {
  const [, height, width] = image.shape;
  const bytes = tf.tidy(() => image.squeeze([0]).clipByValue(0, 255).round().toInt());
  const rgb = await bytes.data();
  bytes.dispose();
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0, j = 0; j < rgb.length; i += 4, j += 3) {
    rgba[i] = rgb[j]!;
    rgba[i + 1] = rgb[j + 1]!;
    rgba[i + 2] = rgb[j + 2]!;
    rgba[i + 3] = 255;
  }
  return new ImageData(rgba, width, height);
}

interface CachedContent {
  key: string;
  /** The content image as the transfer saw it (kept for luminance-only recombination and colour matching). */
  image: tf.Tensor4D;
  features: tf.Tensor4D;
  /** How long encoding it took, for the speed comparison (the paper counts it, but not style encoding). */
  encodeMs: number;
}

export interface StyleRequest {
  /** Identifies the style image and its pixels (id plus size); with colour preservation the content key is added. */
  key: string;
  pixels: () => ImageData;
  weight: number;
  /** [h·w] in [0,1] at the content image's size, or absent when not masking. */
  mask?: Float32Array;
}

export interface RunRequest {
  model: ModelKind;
  contentKey: string;
  contentPixels: () => ImageData;
  styles: StyleRequest[];
  alpha: number;
  color: ColorPreservation;
  signal: AbortSignal;
  onWeightsProgress: (progress: LoadProgress) => void;
  onLayerProgress: (progress: StepProgress) => void;
}

export interface RunResult {
  pixels: ImageData;
  statistics: TransferStatistics;
  /** Milliseconds: the whole run, and the part that re-runs when only α, weights or masks change. */
  totalMs: number;
  decodeMs: number;
  /** The last encoding of this content (measured when it was encoded, maybe in an earlier run). */
  contentEncodeMs: number;
  /** Whether the content and every style came from the cache. */
  cached: boolean;
}

let content: CachedContent | undefined;
const styles = new Map<string, EncodedStyle>();
/** Per style image (by its key): the style-loss statistics of relu1_1…relu4_1, so scoring a result needs no re-encoding. */
const styleLossCache = new Map<string, StyleLossStatistics>();

function forgetStyleLoss(keep: (key: string) => boolean): void {
  for (const [key, statistics] of styleLossCache) {
    if (keep(key)) continue;
    disposeStyleLossStatistics(statistics);
    styleLossCache.delete(key);
  }
}

/** Forgets every cached encoding (after a backend change, or to free memory); models stay loaded. */
export function clearEncodings(): void {
  if (content) tf.dispose([content.image, content.features]);
  content = undefined;
  for (const style of styles.values()) disposeStyle(style);
  styles.clear();
  forgetStyleLoss(() => false);
}

/** Forgets everything, models included (their tensors may belong to a lost GPU device). */
export async function resetEngine(): Promise<void> {
  clearEncodings();
  const loaded = await Promise.allSettled(models.values());
  models.clear();
  for (const entry of loaded) {
    if (entry.status === 'fulfilled') {
      try {
        disposeModel(entry.value);
      } catch {
        // Tensors of a lost device cannot always be released; they go with the device.
      }
    }
  }
}

function styleCacheKey(request: StyleRequest, run: Pick<RunRequest, 'model' | 'color' | 'contentKey'>): string {
  return `${run.model}|${run.color}|${request.key}${run.color === 'none' ? '' : `|on:${run.contentKey}`}`;
}

/** The cached styles as transfer inputs; masks (at the content image's size) are new tensors the caller disposes. */
function styleInputs(run: Pick<RunRequest, 'styles'>, styleKeys: readonly string[], cachedContent: CachedContent): StyleInput[] {
  const [, h, w] = cachedContent.image.shape;
  return run.styles.map((request, k) => {
    const style = styles.get(styleKeys[k]!)!;
    return request.mask ? { style, mask: tf.tensor2d(request.mask, [h, w]) } : { style, weight: request.weight };
  });
}

function disposeMasks(inputs: readonly StyleInput[]): void {
  for (const input of inputs) input.mask?.dispose();
}

export async function runTransfer(run: RunRequest): Promise<RunResult> {
  const started = performance.now();
  await ready();
  const model = await getModel(run.model, run.onWeightsProgress);
  if (run.signal.aborted) throw new TransferAbortedError();

  const contentKey = `${run.model}|${run.color === 'luminance'}|${run.contentKey}`;
  const styleKeys = run.styles.map((style) => styleCacheKey(style, run));
  const contentMissing = content?.key !== contentKey;
  const stylesMissing = [...new Set(styleKeys.filter((key) => !styles.has(key)))];
  const total = ((contentMissing ? 1 : 0) + stylesMissing.length) * model.encoder.steps.length + model.decoder.steps.length;
  // Each phase reports through its own counter; offsets make one bar of the whole run.
  let offset = 0;
  const phase = (steps: number) => {
    const start = offset;
    offset += steps;
    return { signal: run.signal, onProgress: (p: StepProgress) => run.onLayerProgress({ done: start + p.done, total, name: p.name }) };
  };

  if (contentMissing) {
    if (content) tf.dispose([content.image, content.features]);
    content = undefined;
    const image = pixelsToTensor(run.contentPixels());
    const encoderInput = run.color === 'luminance' ? luminanceImage(image) : image.clone();
    try {
      const encodeStarted = performance.now();
      const features = await runNetworkAsync(model.encoder, encoderInput, new StepCounter(model.encoder.steps.length, phase(model.encoder.steps.length)));
      content = { key: contentKey, image, features, encodeMs: performance.now() - encodeStarted };
    } catch (error) {
      image.dispose();
      throw error;
    } finally {
      encoderInput.dispose();
    }
  }
  const current = content!;

  for (const [k, request] of run.styles.entries()) {
    const key = styleKeys[k]!;
    if (styles.has(key)) continue;
    const styleImage = pixelsToTensor(request.pixels());
    try {
      const colorPreservation = run.color === 'none' ? {} : { colorPreservation: { mode: run.color, content: current.image } };
      styles.set(key, await encodeStyleAsync(model, styleImage, { ...phase(model.encoder.steps.length), ...colorPreservation }));
    } finally {
      styleImage.dispose();
    }
  }
  // Styles no longer in the lab are dropped; the ones in use stay cached.
  for (const [key, style] of styles) {
    if (!styleKeys.includes(key)) {
      disposeStyle(style);
      styles.delete(key);
    }
  }
  forgetStyleLoss((key) => run.styles.some((request) => request.key === key));

  const decodeStarted = performance.now();
  const inputs = styleInputs(run, styleKeys, current);
  try {
    const counter = new StepCounter(model.decoder.steps.length, phase(model.decoder.steps.length));
    const { image, statistics } = await decodeFeaturesAsync(model, current.image, current.features, inputs, { alpha: run.alpha }, counter);
    try {
      const pixels = await tensorToPixels(image);
      const now = performance.now();
      return {
        pixels,
        statistics,
        totalMs: now - started,
        decodeMs: now - decodeStarted,
        contentEncodeMs: current.encodeMs,
        cached: !contentMissing && stylesMissing.length === 0,
      };
    } finally {
      image.dispose();
    }
  } finally {
    disposeMasks(inputs);
  }
}

export interface Losses {
  content: number;
  /** One per style, in request order: the style loss against that style image alone. */
  style: number[];
}

/**
 * The paper's training losses for a finished result, measured with the VGG encoder (the mobile encoder
 * only mimics relu4_1, so it has no relu1_1…relu3_1). The content loss compares the result's relu4_1
 * with the target t rebuilt from the cached encodings, as in training.
 */
function styleLossOf(encoder: SteppedNetwork, request: StyleRequest): StyleLossStatistics {
  let statistics = styleLossCache.get(request.key);
  if (!statistics) {
    const image = pixelsToTensor(request.pixels());
    const features = vggFeatures(encoder, image);
    statistics = styleLossStatistics(features);
    tf.dispose([image, ...Object.values(features)]);
    styleLossCache.set(request.key, statistics);
  }
  return statistics;
}

export async function measureLosses(
  run: Pick<RunRequest, 'styles' | 'alpha' | 'color' | 'model' | 'contentKey'>,
  result: ImageData,
): Promise<Losses | undefined> {
  const cachedContent = content;
  if (run.model !== 'vgg' || !cachedContent) return undefined;
  const { encoder } = await getModel('vgg');
  const styleKeys = run.styles.map((style) => styleCacheKey(style, run));
  if (styleKeys.some((key) => !styles.has(key))) return undefined;
  // Made outside the tidy below: the cache keeps them.
  const styleStatistics = run.styles.map((request) => styleLossOf(encoder, request));
  const inputs = styleInputs(run, styleKeys, cachedContent);
  let losses: tf.Scalar[] = [];
  try {
    losses = tf.tidy(() => {
      const target = adainTarget(cachedContent.features, inputs, { alpha: run.alpha });
      const output = vggFeatures(encoder, pixelsToTensor(result));
      const outputStatistics = styleLossStatistics(output);
      return [contentLoss(output.relu4_1, target), ...styleStatistics.map((statistics) => styleLossFromStatistics(outputStatistics, statistics))];
    });
    // Read asynchronously: a synchronous read from a GPU backend blocks the page (and on WebGPU may never return).
    const [content, ...style] = await Promise.all(losses.map(async (loss) => (await loss.data())[0]!));
    return { content: content!, style };
  } finally {
    disposeMasks(inputs);
    tf.dispose(losses);
  }
}

/** A style for the webcam, encoded once with the given model; the caller disposes it (disposeStyle). */
export function encodeStyleForFrames(model: StyleTransferModel, pixels: ImageData): EncodedStyle {
  const image = pixelsToTensor(pixels);
  try {
    return encodeStyle(model, image);
  } finally {
    image.dispose();
  }
}

/** One webcam frame through encoder, AdaIN and decoder, synchronously; no tensor outlives the call. */
export function stylizeFrame(model: StyleTransferModel, frame: ImageData, style: EncodedStyle, alpha: number): tf.Tensor4D {
  return tf.tidy(() => {
    const features = runNetwork(model.encoder, pixelsToTensor(frame));
    return runNetwork(model.decoder, adainTarget(features, [{ style }], { alpha }));
  });
}

export { disposeStyle };
