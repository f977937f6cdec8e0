import * as tf from '@tensorflow/tfjs';
import { StepCounter, TransferAbortedError, type AsyncRunOptions, type SteppedNetwork, type StepProgress } from './layers';
import { contentLoss, disposeStyleLossStatistics, styleLossFromStatistics, styleLossStatistics, type StyleLossStatistics } from './losses';
import { disposeModel, type ModelKind, type StyleTransferModel } from './models';
import {
  adainTarget,
  decodeFeaturesAsync,
  disposeStyle,
  encodeContentAsync,
  encodeStyleAsync,
  type ColorPreservation,
  type EncodedStyle,
  type StyleInput,
  type TransferStatistics,
} from './transfer';
import { vggFeatures } from './vgg-encoder';
import type { LoadProgress } from './weights';

/**
 * A page's long-lived side of style transfer: the loaded models and the encodings of the images in use,
 * cached by key, so that moving α, a weight or a mask re-runs only AdaIN and the decoder (transfer.ts does
 * the maths). Images come in and go out as tensors; the page converts its pixels at the edge. Everything
 * else a run allocates is disposed before it returns.
 */

/** Loads a model (the page's loader knows the models' address). */
export type ModelLoader = (kind: ModelKind, onProgress?: (progress: LoadProgress) => void) => Promise<StyleTransferModel>;

/** Makes an image when the session must encode it: a new [1,H,W,3] RGB 0..255 tensor that the session disposes. */
export type ImageMaker = () => tf.Tensor4D;

export interface SessionStyle {
  /** Identifies the style image and its pixels (e.g. id plus size); the same key must mean the same pixels. */
  key: string;
  image: ImageMaker;
  weight: number;
  /** [h·w] in [0,1] at the content image's size, or absent when not masking. */
  mask?: Float32Array;
}

export interface SessionRequest {
  model: ModelKind;
  /** Identifies the content image and its pixels, as a style's key does. */
  contentKey: string;
  content: ImageMaker;
  styles: SessionStyle[];
  alpha: number;
  color: ColorPreservation;
  signal?: AbortSignal;
  onWeightsProgress?: (progress: LoadProgress) => void;
  /** One bar for the whole run: the encodings it needs, then the decoder. */
  onLayerProgress?: (progress: StepProgress) => void;
}

export interface SessionResult<Output> {
  /** What the caller's `read` made of the stylised image (the image itself is disposed after reading). */
  output: Output;
  statistics: TransferStatistics;
  /** Milliseconds: the whole run, and the part that re-runs when only α, weights or masks change (both with the read). */
  totalMs: number;
  decodeMs: number;
  /** The last encoding of this content (measured when it was encoded, maybe in an earlier run). */
  contentEncodeMs: number;
  /** Whether the content and every style came from the cache. */
  cached: boolean;
}

export interface Losses {
  content: number;
  /** One per style, in request order: the style loss against that style image alone. */
  style: number[];
}

interface CachedContent {
  key: string;
  /** The content image as the transfer saw it (kept for luminance-only recombination and colour matching). */
  image: tf.Tensor4D;
  features: tf.Tensor4D;
  /** How long encoding it took, for the speed comparison (the paper counts it, but not style encoding). */
  encodeMs: number;
}

/** What a run needs after encoding: the cached encodings to use, and the progress of its later steps. */
interface Encoded {
  content: CachedContent;
  styleKeys: string[];
  /** Whether the content and every style came from the cache. */
  cached: boolean;
  /** Progress options for the next `steps` steps, counted on from the encodings. */
  phase: (steps: number) => AsyncRunOptions;
}

type CacheKeys = Pick<SessionRequest, 'model' | 'color' | 'contentKey'>;

function styleCacheKey(style: SessionStyle, run: CacheKeys): string {
  return `${run.model}|${run.color}|${style.key}${run.color === 'none' ? '' : `|on:${run.contentKey}`}`;
}

function contentCacheKey(run: CacheKeys): string {
  return `${run.model}|${run.color === 'luminance'}|${run.contentKey}`;
}

function disposeMasks(inputs: readonly StyleInput[]): void {
  for (const input of inputs) input.mask?.dispose();
}

interface ModelEntry {
  model: Promise<StyleTransferModel>;
  loaded: boolean;
  /** The download's last report, for a caller that asks later. */
  progress?: LoadProgress;
  listeners: Set<(progress: LoadProgress) => void>;
}

export class TransferSession {
  private readonly models = new Map<ModelKind, ModelEntry>();
  private content: CachedContent | undefined;
  private readonly styles = new Map<string, EncodedStyle>();
  /** Per style image (by its key): the style-loss statistics of relu1_1…relu4_1, so scoring a result needs no re-encoding. */
  private readonly styleLossCache = new Map<string, StyleLossStatistics>();

  constructor(private readonly loadModel: ModelLoader) {}

  /**
   * The model of that kind, loaded once (a failed load is forgotten, so a retry loads again). Every caller's
   * onProgress hears the download, also one that asks after it started (a load begun ahead of the first
   * run): it gets the bytes so far at once.
   */
  model(kind: ModelKind, onProgress?: (progress: LoadProgress) => void): Promise<StyleTransferModel> {
    let entry = this.models.get(kind);
    if (!entry) {
      const listeners = new Set<(progress: LoadProgress) => void>();
      const heard: Pick<ModelEntry, 'progress'> = {};
      const model = this.loadModel(kind, (progress) => {
        heard.progress = progress;
        for (const listener of listeners) listener(progress);
      });
      const loading: ModelEntry = Object.assign(heard, { model, listeners, loaded: false });
      model.then(
        () => {
          loading.loaded = true;
          listeners.clear();
        },
        () => {
          if (this.models.get(kind) === loading) this.models.delete(kind);
        },
      );
      this.models.set(kind, loading);
      entry = loading;
    }
    if (onProgress && !entry.loaded) {
      entry.listeners.add(onProgress);
      if (entry.progress) onProgress(entry.progress);
    }
    return entry.model;
  }

  /** Whether the model of that kind is loaded and ready to run (not merely downloading). */
  hasModel(kind: ModelKind): boolean {
    return this.models.get(kind)?.loaded ?? false;
  }

  /** Forgets every cached encoding (after a backend change, or to free memory); models stay loaded. */
  clearEncodings(): void {
    this.dropContent();
    for (const style of this.styles.values()) disposeStyle(style);
    this.styles.clear();
    this.forgetStyleLoss(() => false);
  }

  /** Forgets everything, models included (their tensors may belong to a lost GPU device). */
  async reset(): Promise<void> {
    this.clearEncodings();
    const loaded = await Promise.allSettled([...this.models.values()].map((entry) => entry.model));
    this.models.clear();
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

  /**
   * Encodes, ahead of a run, what that run would encode (the content and the styles not cached yet), so
   * that the run itself is AdaIN and the decoder only. The style lab calls it while the reader is still
   * reading; it also grows the backend's memory, which makes a first run slow. Cancel with the request's signal.
   */
  async prepare(run: SessionRequest): Promise<void> {
    const model = await this.model(run.model, run.onWeightsProgress);
    if (run.signal?.aborted) throw new TransferAbortedError();
    await this.encodeMissing(run, model, 0);
  }

  /**
   * Encodes what is not cached, then AdaIN and the decoder; `read` turns the stylised image into the
   * caller's output (pixels, say) before the image is disposed. Cancel with the request's signal.
   */
  async run<Output>(run: SessionRequest, read: (image: tf.Tensor4D) => Promise<Output>): Promise<SessionResult<Output>> {
    const started = performance.now();
    const model = await this.model(run.model, run.onWeightsProgress);
    if (run.signal?.aborted) throw new TransferAbortedError();
    const { content, styleKeys, cached, phase } = await this.encodeMissing(run, model, model.decoder.steps.length);

    const decodeStarted = performance.now();
    const inputs = this.styleInputs(run, styleKeys, content);
    try {
      const counter = new StepCounter(model.decoder.steps.length, phase(model.decoder.steps.length));
      const { image, statistics } = await decodeFeaturesAsync(model, content.image, content.features, inputs, { alpha: run.alpha }, counter);
      try {
        const output = await read(image);
        const now = performance.now();
        return {
          output,
          statistics,
          totalMs: now - started,
          decodeMs: now - decodeStarted,
          contentEncodeMs: content.encodeMs,
          cached,
        };
      } finally {
        image.dispose();
      }
    } finally {
      disposeMasks(inputs);
    }
  }

  /**
   * The paper's training losses for a finished result [1,H,W,3] (the caller's; not disposed), measured
   * with the VGG encoder (the mobile encoder only mimics relu4_1, so it has no relu1_1…relu3_1). The
   * content loss compares the result's relu4_1 with the target t rebuilt from the cached encodings, as in
   * training. Undefined for the mobile model, or when the request's encodings are no longer cached.
   */
  async measureLosses(run: Pick<SessionRequest, 'model' | 'contentKey' | 'styles' | 'alpha' | 'color'>, result: tf.Tensor4D): Promise<Losses | undefined> {
    const content = this.content;
    if (run.model !== 'vgg' || !content) return undefined;
    const { encoder } = await this.model('vgg');
    const styleKeys = run.styles.map((style) => styleCacheKey(style, run));
    if (styleKeys.some((key) => !this.styles.has(key))) return undefined;
    // Made outside the tidy below: the cache keeps them.
    const styleStatistics = run.styles.map((style) => this.styleLossOf(encoder, style));
    const inputs = this.styleInputs(run, styleKeys, content);
    let losses: tf.Scalar[] = [];
    try {
      losses = tf.tidy(() => {
        const target = adainTarget(content.features, inputs, { alpha: run.alpha });
        const output = vggFeatures(encoder, result);
        const outputStatistics = styleLossStatistics(output);
        return [contentLoss(output.relu4_1, target), ...styleStatistics.map((statistics) => styleLossFromStatistics(outputStatistics, statistics))];
      });
      // Read asynchronously: a synchronous read from a GPU backend blocks the page (and on WebGPU may never return).
      const [contentValue, ...style] = await Promise.all(losses.map(async (loss) => (await loss.data())[0]!));
      return { content: contentValue!, style };
    } finally {
      disposeMasks(inputs);
      tf.dispose(losses);
    }
  }

  /**
   * Encodes the request's content and styles that are not cached, and drops cached styles it no longer
   * uses. Progress counts `laterSteps` more steps (the decoder's, in a run); `phase` reports them.
   */
  private async encodeMissing(run: SessionRequest, model: StyleTransferModel, laterSteps: number): Promise<Encoded> {
    const contentKey = contentCacheKey(run);
    const styleKeys = run.styles.map((style) => styleCacheKey(style, run));
    const contentMissing = this.content?.key !== contentKey;
    const stylesMissing = [...new Set(styleKeys.filter((key) => !this.styles.has(key)))];
    const total = ((contentMissing ? 1 : 0) + stylesMissing.length) * model.encoder.steps.length + laterSteps;
    // Each phase counts its own steps; offsets make one bar of the whole run.
    let offset = 0;
    const phase = (steps: number) => {
      const start = offset;
      offset += steps;
      return {
        ...(run.signal ? { signal: run.signal } : {}),
        onProgress: (p: StepProgress) => run.onLayerProgress?.({ done: start + p.done, total, name: p.name }),
      };
    };
    const encoderPhase = () => phase(model.encoder.steps.length);

    if (contentMissing) {
      this.dropContent();
      const image = run.content();
      try {
        const encodeStarted = performance.now();
        const features = await encodeContentAsync(model, image, run.color, new StepCounter(model.encoder.steps.length, encoderPhase()));
        this.content = { key: contentKey, image, features, encodeMs: performance.now() - encodeStarted };
      } catch (error) {
        image.dispose();
        throw error;
      }
    }
    const content = this.content!;

    for (const [k, style] of run.styles.entries()) {
      const key = styleKeys[k]!;
      if (this.styles.has(key)) continue;
      const styleImage = style.image();
      try {
        const colorPreservation = run.color === 'none' ? {} : { colorPreservation: { mode: run.color, content: content.image } };
        this.styles.set(key, await encodeStyleAsync(model, styleImage, { ...encoderPhase(), ...colorPreservation }));
      } finally {
        styleImage.dispose();
      }
    }
    // Styles no longer in use are dropped; the ones in use stay cached.
    for (const [key, style] of this.styles) {
      if (!styleKeys.includes(key)) {
        disposeStyle(style);
        this.styles.delete(key);
      }
    }
    this.forgetStyleLoss((key) => run.styles.some((style) => style.key === key));
    return { content, styleKeys, cached: !contentMissing && stylesMissing.length === 0, phase };
  }

  private dropContent(): void {
    if (this.content) tf.dispose([this.content.image, this.content.features]);
    this.content = undefined;
  }

  /** The cached styles as transfer inputs; masks (at the content image's size) are new tensors the caller disposes. */
  private styleInputs(run: Pick<SessionRequest, 'styles'>, styleKeys: readonly string[], content: CachedContent): StyleInput[] {
    const [, h, w] = content.image.shape;
    return run.styles.map((request, k) => {
      const style = this.styles.get(styleKeys[k]!)!;
      return request.mask ? { style, mask: tf.tensor2d(request.mask, [h, w]) } : { style, weight: request.weight };
    });
  }

  private styleLossOf(encoder: SteppedNetwork, style: SessionStyle): StyleLossStatistics {
    let statistics = this.styleLossCache.get(style.key);
    if (!statistics) {
      const image = style.image();
      const features = vggFeatures(encoder, image);
      statistics = styleLossStatistics(features);
      tf.dispose([image, ...Object.values(features)]);
      this.styleLossCache.set(style.key, statistics);
    }
    return statistics;
  }

  private forgetStyleLoss(keep: (key: string) => boolean): void {
    for (const [key, statistics] of this.styleLossCache) {
      if (keep(key)) continue;
      disposeStyleLossStatistics(statistics);
      this.styleLossCache.delete(key);
    }
  }
}
