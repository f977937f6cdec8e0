import { ready, tf } from './tf-runtime';
import { loadModel, type ModelKind, type StyleTransferModel } from '../lib/models';
import { disposeStyle, encodeStyle, transferImage, type EncodedStyle } from '../lib/transfer';
import { TransferSession, type Losses, type SessionRequest, type SessionResult } from '../lib/transfer-session';
import type { LoadProgress } from '../lib/weights';
import { siteUrl } from './site-url';

/**
 * The edge between the page's pixels and the style-transfer library, loaded lazily with tfjs: the page's
 * one TransferSession (models and cached encodings, shared by the style lab, the webcam and the CIN demo)
 * and the conversions ImageData ↔ tensor.
 */

export { ready, tf, disposeStyle, type Losses };

const modelsUrl = siteUrl('models/');
// The download overlaps the backend's start; the weights become tensors once it has started.
const session = new TransferSession((kind, onProgress) => loadModel(kind, { baseUrl: modelsUrl, beforeDecode: ready, ...(onProgress ? { onProgress } : {}) }));

/**
 * The model of that kind, downloaded once per page (a failed download is forgotten, so a retry refetches);
 * every caller's onProgress hears the download, also one that comes after it started.
 */
export function getModel(kind: ModelKind, onProgress?: (progress: LoadProgress) => void): Promise<StyleTransferModel> {
  return session.model(kind, onProgress);
}

/** Whether that model is loaded (not merely downloading): the style lab shows the mobile model's picture while VGG-19 loads. */
export function hasModel(kind: ModelKind): boolean {
  return session.hasModel(kind);
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

export interface StyleRequest {
  /** Identifies the style image and its pixels (id plus size); with colour preservation the content key is added. */
  key: string;
  pixels: () => ImageData;
  weight: number;
  /** [h·w] in [0,1] at the content image's size, or absent when not masking. */
  mask?: Float32Array;
}

/** A session request with pixels for images. */
export interface RunRequest extends Omit<SessionRequest, 'content' | 'styles' | 'signal'> {
  signal: AbortSignal;
  contentPixels: () => ImageData;
  styles: StyleRequest[];
}

export type RunResult = Omit<SessionResult<ImageData>, 'output'> & { pixels: ImageData };

function sessionRequest({ contentPixels, styles, ...rest }: RunRequest): SessionRequest {
  return {
    ...rest,
    content: () => pixelsToTensor(contentPixels()),
    styles: styles.map(({ pixels, ...style }) => ({ ...style, image: () => pixelsToTensor(pixels()) })),
  };
}

export async function runTransfer(run: RunRequest): Promise<RunResult> {
  await ready();
  const { output, ...result } = await session.run(sessionRequest(run), tensorToPixels);
  return { ...result, pixels: output };
}

/** Encodes, ahead of a run, what that run would encode (see TransferSession.prepare). */
export async function prepareTransfer(run: RunRequest): Promise<void> {
  await ready();
  await session.prepare(sessionRequest(run));
}

/** The losses of a finished result (see TransferSession.measureLosses). */
export async function measureLosses(run: RunRequest, result: ImageData): Promise<Losses | undefined> {
  const image = pixelsToTensor(result);
  try {
    return await session.measureLosses(sessionRequest(run), image);
  } finally {
    image.dispose();
  }
}

/** Forgets every cached encoding (to free memory); models stay loaded. */
export function clearEncodings(): void {
  session.clearEncodings();
}

/** Forgets everything, models included (their tensors may belong to a lost GPU device). */
export function resetEngine(): Promise<void> {
  return session.reset();
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

/** One webcam frame through encoder, AdaIN and decoder, synchronously; no tensor but the result outlives the call. */
export function stylizeFrame(model: StyleTransferModel, frame: ImageData, style: EncodedStyle, alpha: number): tf.Tensor4D {
  const image = pixelsToTensor(frame);
  try {
    return transferImage(model, image, [{ style }], { alpha });
  } finally {
    image.dispose();
  }
}
