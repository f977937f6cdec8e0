import * as tf from '@tensorflow/tfjs';
import { adainFromStatistics, channelStatistics, type ChannelStatistics } from './adain';
import { combineLuminance, luminanceImage, matchColorStatistics } from './color';
import { runNetwork, runNetworkAsync, StepCounter, type AsyncRunOptions } from './layers';
import type { StyleTransferModel } from './models';
import { DEFAULT_EPSILON } from './norm';

/**
 * Arbitrary style transfer with AdaIN (Huang & Belongie 2017) and the paper's user controls:
 *   t = (1 − α)·f(c) + α·AdaIN(f(c), f(s))                       content–style trade-off
 *   AdaIN target statistics mixed Σ wₖ·(μₖ, σₖ), Σ wₖ = 1        style interpolation
 *   per-style masks mₖ over the content: region k gets AdaIN with the region's own content
 *   statistics and style k's, t = Σ mₖ·AdaINₖ + (1 − Σ mₖ)·f(c)  spatial control
 *   colour preservation (color.ts), chosen when a style is encoded.
 * Images are [1,H,W,3] RGB 0..255 with H, W multiples of 8; features are relu4_1, [1,H/8,W/8,512].
 */

/**
 * How a style image was prepared: 'none'; 'colorStatistics' (recoloured to the content's colour mean and
 * covariance — so that encoding belongs to that one content image); 'luminance' (grey, brightness matched
 * to the content; the transfer then stylises the content's luminance and keeps its chroma).
 */
export type ColorPreservation = 'none' | 'colorStatistics' | 'luminance';

/** What transfer needs from a style image: its relu4_1 channel statistics. Encode once, reuse. */
export interface EncodedStyle {
  statistics: ChannelStatistics;
  colorPreservation: ColorPreservation;
}

export interface StyleEncodingOptions {
  /** Colour preservation needs the content image the style will be applied to. */
  colorPreservation?: { mode: Exclude<ColorPreservation, 'none'>; content: tf.Tensor4D };
}

export interface StyleInput {
  style: EncodedStyle;
  /** Interpolation weight; the weights of all styles must sum to 1. Not used with masks. */
  weight?: number;
  /** Region of the content this style paints, values in [0,1], any resolution (resized to the features); masks must not overlap. */
  mask?: tf.Tensor2D;
}

export interface TransferOptions {
  /** Content–style trade-off α ∈ [0,1]; 1 = full style (default). */
  alpha?: number;
}

/** Per-channel statistics as plain arrays, for charts. */
export interface StatisticsArrays {
  mean: Float32Array;
  std: Float32Array;
}

export interface TransferStatistics {
  /** relu4_1 statistics of the content f(c), of each style f(sₖ) (input order), and of the target t. */
  content: StatisticsArrays;
  styles: StatisticsArrays[];
  target: StatisticsArrays;
  /** The style statistics AdaIN applied, Σ wₖ·(μₖ, σₖ); null with masks, where each region takes its own style's. */
  mixed: StatisticsArrays | null;
}

export interface TransferResult {
  /** Stylised image [1,H,W,3], RGB 0..255; the caller disposes it. */
  image: tf.Tensor4D;
  statistics: TransferStatistics;
}

function preparedStyleImage(image: tf.Tensor4D, options: StyleEncodingOptions): tf.Tensor4D {
  const preservation = options.colorPreservation;
  if (!preservation) return image.clone();
  return preservation.mode === 'colorStatistics' ? matchColorStatistics(image, preservation.content) : luminanceImage(image, preservation.content);
}

function encodedStyle(features: tf.Tensor4D, options: StyleEncodingOptions): EncodedStyle {
  const statistics = channelStatistics(features);
  features.dispose();
  return { statistics, colorPreservation: options.colorPreservation?.mode ?? 'none' };
}

export function encodeStyle(model: StyleTransferModel, styleImage: tf.Tensor4D, options: StyleEncodingOptions = {}): EncodedStyle {
  const prepared = preparedStyleImage(styleImage, options);
  const features = runNetwork(model.encoder, prepared);
  prepared.dispose();
  return encodedStyle(features, options);
}

export async function encodeStyleAsync(
  model: StyleTransferModel,
  styleImage: tf.Tensor4D,
  options: StyleEncodingOptions & AsyncRunOptions = {},
): Promise<EncodedStyle> {
  const prepared = preparedStyleImage(styleImage, options);
  try {
    const features = await runNetworkAsync(model.encoder, prepared, new StepCounter(model.encoder.steps.length, options));
    return encodedStyle(features, options);
  } finally {
    prepared.dispose();
  }
}

export function disposeStyle(style: EncodedStyle): void {
  tf.dispose([style.statistics.mean, style.statistics.std]);
}

function checkAlpha(alpha: number): void {
  if (!(alpha >= 0 && alpha <= 1)) throw new RangeError(`α must lie in [0, 1], got ${alpha}`);
}

function checkStyles(styles: readonly StyleInput[]): void {
  if (styles.length === 0) throw new RangeError('at least one style is needed');
  const masked = styles.filter((s) => s.mask).length;
  if (masked !== 0 && masked !== styles.length) throw new RangeError('give a mask for every style or for none');
  if (masked === 0) {
    const weights = styles.map((s) => s.weight ?? (styles.length === 1 ? 1 : NaN));
    if (weights.some((w) => !(w >= 0))) throw new RangeError('style weights must be given, and ≥ 0, when mixing several styles');
    const sum = weights.reduce((a, b) => a + b, 0);
    if (Math.abs(sum - 1) > 1e-6) throw new RangeError(`style weights must sum to 1, they sum to ${sum}`);
  } else if (styles.some((s) => s.weight !== undefined)) {
    throw new RangeError('style weights and masks cannot be combined');
  }
  const mode = styles[0]!.style.colorPreservation;
  if (styles.some((s) => s.style.colorPreservation !== mode)) throw new RangeError('all styles must be encoded with the same colour preservation');
}

/** Σ wₖ·(μₖ, σₖ): mixing AdaIN outputs Σ wₖ·(σₖ·n + μₖ) equals one AdaIN with mixed statistics. */
function mixedStatistics(styles: readonly StyleInput[]): ChannelStatistics {
  return tf.tidy(() => {
    const weight = (s: StyleInput) => s.weight ?? 1;
    const mean = tf.addN(styles.map((s) => s.style.statistics.mean.mul(weight(s)))) as tf.Tensor4D;
    const std = tf.addN(styles.map((s) => s.style.statistics.std.mul(weight(s)))) as tf.Tensor4D;
    return { mean, std };
  });
}

/** A mask resized to the feature grid, [1,h,w,1]. */
function featureMask(mask: tf.Tensor2D, height: number, width: number): tf.Tensor4D {
  return tf.tidy(() => {
    const m = mask.reshape([1, mask.shape[0], mask.shape[1], 1]) as tf.Tensor4D;
    if (mask.shape[0] === height && mask.shape[1] === width) return m;
    return tf.image.resizeBilinear(m, [height, width], false, true);
  });
}

/** AdaIN over the masked region only: content statistics weighted by the mask (the reference code's masked transfer). */
function maskedAdain(content: tf.Tensor4D, mask: tf.Tensor4D, style: ChannelStatistics, epsilon: number): tf.Tensor4D {
  return tf.tidy(() => {
    const area = mask.sum([1, 2], true).maximum(1e-12);
    const mean = content.mul(mask).sum([1, 2], true).div(area);
    const centered = content.sub(mean);
    const variance = centered.square().mul(mask).sum([1, 2], true).div(area);
    return centered.div(variance.add(epsilon).sqrt()).mul(style.std).add(style.mean) as tf.Tensor4D;
  });
}

/** The decoder's input t from the content features, the styles and α (see the file comment). */
export function adainTarget(contentFeatures: tf.Tensor4D, styles: readonly StyleInput[], options: TransferOptions = {}): tf.Tensor4D {
  const alpha = options.alpha ?? 1;
  checkAlpha(alpha);
  checkStyles(styles);
  return tf.tidy(() => {
    let stylised: tf.Tensor4D;
    if (styles[0]!.mask) {
      const [, h, w] = contentFeatures.shape;
      const masks = styles.map((s) => featureMask(s.mask!, h, w));
      const covered = tf.addN(masks);
      const regions = styles.map((s, k) => maskedAdain(contentFeatures, masks[k]!, s.style.statistics, DEFAULT_EPSILON).mul(masks[k]!));
      stylised = tf.addN([...regions, contentFeatures.mul(tf.scalar(1).sub(covered))]) as tf.Tensor4D;
    } else {
      stylised = adainFromStatistics(contentFeatures, mixedStatistics(styles));
    }
    if (alpha === 1) return stylised;
    return stylised.mul(alpha).add(contentFeatures.mul(1 - alpha)) as tf.Tensor4D;
  });
}

/** Content as the encoder should see it: its luminance for luminance-only transfer. */
function contentForEncoder(content: tf.Tensor4D, colorPreservation: ColorPreservation): tf.Tensor4D {
  return colorPreservation === 'luminance' ? luminanceImage(content) : content.clone();
}

/**
 * f(c), yielding to the page between layers, for callers that keep it (the encoder part of transferAsync):
 * the content's relu4_1 features, encoded from its luminance when the styles keep the content's colours.
 */
export async function encodeContentAsync(
  model: StyleTransferModel,
  content: tf.Tensor4D,
  colorPreservation: ColorPreservation,
  counter: StepCounter,
): Promise<tf.Tensor4D> {
  const encoderInput = contentForEncoder(content, colorPreservation);
  try {
    return await runNetworkAsync(model.encoder, encoderInput, counter);
  } finally {
    encoderInput.dispose();
  }
}

function finishImage(decoded: tf.Tensor4D, content: tf.Tensor4D, styles: readonly StyleInput[]): tf.Tensor4D {
  if (styles[0]!.style.colorPreservation !== 'luminance') return decoded;
  const combined = combineLuminance(decoded, content);
  decoded.dispose();
  return combined;
}

/**
 * The statistics a result reports, as (μ, σ) tensor pairs: f(c), t, the mixed style (without masks), then
 * each style's. The caller reads them (synchronously, or asynchronously where a GPU backend must not
 * block) and disposes the pairs made here (`made`), not the styles' own.
 */
function statisticsToRead(contentFeatures: tf.Tensor4D, target: tf.Tensor4D, styles: readonly StyleInput[]): { pairs: ChannelStatistics[]; made: number } {
  const made = [channelStatistics(contentFeatures), channelStatistics(target), ...(styles[0]!.mask ? [] : [mixedStatistics(styles)])];
  return { pairs: [...made, ...styles.map((s) => s.style.statistics)], made: made.length };
}

function resultFrom(image: tf.Tensor4D, toRead: { pairs: ChannelStatistics[]; made: number }, values: ArrayLike<number>[]): TransferResult {
  tf.dispose(toRead.pairs.slice(0, toRead.made).flatMap((pair) => [pair.mean, pair.std]));
  const pairs = toRead.pairs.map((_, k): StatisticsArrays => ({ mean: Float32Array.from(values[2 * k]!), std: Float32Array.from(values[2 * k + 1]!) }));
  const [content, target] = pairs;
  const mixed = toRead.made === 3 ? pairs[2]! : null;
  return { image, statistics: { content: content!, target: target!, mixed, styles: pairs.slice(toRead.made) } };
}

function tensorsOf(toRead: { pairs: ChannelStatistics[] }): tf.Tensor[] {
  return toRead.pairs.flatMap((pair) => [pair.mean, pair.std]);
}

function result(image: tf.Tensor4D, contentFeatures: tf.Tensor4D, target: tf.Tensor4D, styles: readonly StyleInput[]): TransferResult {
  const toRead = statisticsToRead(contentFeatures, target, styles);
  return resultFrom(
    image,
    toRead,
    tensorsOf(toRead).map((t) => t.dataSync()),
  );
}

async function resultAsync(image: tf.Tensor4D, contentFeatures: tf.Tensor4D, target: tf.Tensor4D, styles: readonly StyleInput[]): Promise<TransferResult> {
  const toRead = statisticsToRead(contentFeatures, target, styles);
  return resultFrom(image, toRead, await Promise.all(tensorsOf(toRead).map((t) => t.data())));
}

export interface TransferWithTarget extends TransferResult {
  /** The decoder input t [1,H/8,W/8,512]; the caller disposes it (e.g. after computing losses). */
  target: tf.Tensor4D;
}

/** Encode the content, build t, decode; keeps t for the caller (losses, lessons). */
export function transferWithTarget(
  model: StyleTransferModel,
  content: tf.Tensor4D,
  styles: readonly StyleInput[],
  options: TransferOptions = {},
): TransferWithTarget {
  checkStyles(styles);
  checkAlpha(options.alpha ?? 1);
  const encoderInput = contentForEncoder(content, styles[0]!.style.colorPreservation);
  const contentFeatures = runNetwork(model.encoder, encoderInput);
  encoderInput.dispose();
  try {
    const target = adainTarget(contentFeatures, styles, options);
    try {
      const image = finishImage(runNetwork(model.decoder, target), content, styles);
      return { ...result(image, contentFeatures, target, styles), target };
    } catch (error) {
      target.dispose();
      throw error;
    }
  } finally {
    contentFeatures.dispose();
  }
}

export function transfer(model: StyleTransferModel, content: tf.Tensor4D, styles: readonly StyleInput[], options: TransferOptions = {}): TransferResult {
  const { target, ...rest } = transferWithTarget(model, content, styles, options);
  target.dispose();
  return rest;
}

/** The stylised image alone, at once: a stream of frames needs no statistics. The caller disposes it. */
export function transferImage(model: StyleTransferModel, content: tf.Tensor4D, styles: readonly StyleInput[], options: TransferOptions = {}): tf.Tensor4D {
  checkStyles(styles);
  return tf.tidy(() => {
    const contentFeatures = runNetwork(model.encoder, contentForEncoder(content, styles[0]!.style.colorPreservation));
    return finishImage(runNetwork(model.decoder, adainTarget(contentFeatures, styles, options)), content, styles);
  });
}

/**
 * The second half of a transfer for callers that keep the content's features (f(c) cached while only α,
 * weights or masks change): t from the features, decode yielding between layers, finish the colours.
 */
export async function decodeFeaturesAsync(
  model: StyleTransferModel,
  content: tf.Tensor4D,
  contentFeatures: tf.Tensor4D,
  styles: readonly StyleInput[],
  options: TransferOptions,
  counter: StepCounter,
): Promise<TransferResult> {
  const target = adainTarget(contentFeatures, styles, options);
  try {
    const decoded = await runNetworkAsync(model.decoder, target, counter);
    return await resultAsync(finishImage(decoded, content, styles), contentFeatures, target, styles);
  } finally {
    target.dispose();
  }
}

/** As transfer, yielding to the page between layers; progress counts encoder + decoder steps; cancel with the signal. */
export async function transferAsync(
  model: StyleTransferModel,
  content: tf.Tensor4D,
  styles: readonly StyleInput[],
  options: TransferOptions & AsyncRunOptions = {},
): Promise<TransferResult> {
  checkStyles(styles);
  checkAlpha(options.alpha ?? 1);
  const counter = new StepCounter(model.encoder.steps.length + model.decoder.steps.length, options);
  const contentFeatures = await encodeContentAsync(model, content, styles[0]!.style.colorPreservation, counter);
  try {
    return await decodeFeaturesAsync(model, content, contentFeatures, styles, options, counter);
  } finally {
    contentFeatures.dispose();
  }
}
