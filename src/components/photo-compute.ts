import { ready, tf } from './tf-runtime';
import { groupMoments, normalise } from '../lib/norm';
import { adain, channelStatistics } from '../lib/adain';
import type { RgbPicture } from '../lib/lab-state';

/**
 * The maths behind the photo demos (BN vs IN on two photos, AdaIN between two photos), loaded lazily with
 * tfjs. Photos become [1,H,W,3] NHWC tensors with values 0–1; the three colour channels play the part of
 * feature channels. All numbers come from src/lib; every tensor is disposed here.
 */
export interface ChannelNumbers {
  mean: number[];
  std: number[];
}

/** Standardised values are shown as γ·x̂ + β with these, so most of them land inside 0–1. */
export const displayGamma = 0.2;
export const displayBeta = 0.5;

function pictureTensor(picture: RgbPicture): tf.Tensor4D {
  return tf.tidy(() =>
    tf.tensor4d(
      Float32Array.from(picture.rgb, (v) => v / 255),
      [1, picture.height, picture.width, 3],
    ),
  );
}

async function toImageData(image: tf.Tensor4D): Promise<ImageData> {
  const [, height, width] = image.shape;
  const pixels = tf.tidy(() => image.squeeze([0]).clipByValue(0, 1) as tf.Tensor3D);
  try {
    // Copy into a plain ArrayBuffer-backed array, the kind ImageData accepts.
    return new ImageData(new Uint8ClampedArray(await tf.browser.toPixels(pixels)), width, height);
  } finally {
    pixels.dispose();
  }
}

async function sampleImage(batch: tf.Tensor4D, n: number): Promise<ImageData> {
  const sample = batch.slice([n, 0, 0, 0], [1, -1, -1, -1]);
  try {
    return await toImageData(sample);
  } finally {
    sample.dispose();
  }
}

async function channelNumbers(x: tf.Tensor4D): Promise<ChannelNumbers[]> {
  const statistics = channelStatistics(x);
  try {
    const [mean, std] = await Promise.all([statistics.mean.data(), statistics.std.data()]);
    const [n, , , c] = statistics.mean.shape;
    return Array.from({ length: n }, (_, i) => ({ mean: Array.from(mean.slice(i * c, (i + 1) * c)), std: Array.from(std.slice(i * c, (i + 1) * c)) }));
  } finally {
    tf.dispose([statistics.mean, statistics.std]);
  }
}

export interface BatchVsInstanceResult {
  /** Each photo's own per-channel μ, σ: exactly what instance norm uses. */
  own: ChannelNumbers[];
  /** Batch norm's per-channel μ, σ: one set for the whole batch. */
  batch: ChannelNumbers;
  batchImages: ImageData[];
  instanceImages: ImageData[];
}

/** Normalises a batch of same-sized photos with batch norm and with instance norm. */
export async function batchVsInstance(pictures: RgbPicture[]): Promise<BatchVsInstanceResult> {
  await ready();
  const channels = 3;
  const batch = tf.tidy(() => tf.concat(pictures.map(pictureTensor)) as tf.Tensor4D);
  const gamma = tf.fill([channels], displayGamma) as tf.Tensor1D;
  const beta = tf.fill([channels], displayBeta) as tf.Tensor1D;
  const outputs = [normalise(batch, { method: 'batch' }, { gamma, beta }), normalise(batch, { method: 'instance' }, { gamma, beta })];
  const moments = groupMoments(batch, { method: 'batch' });
  try {
    const [mean, variance] = await Promise.all([moments.mean.data(), moments.variance.data()]);
    const images = await Promise.all(outputs.map((output) => Promise.all(pictures.map((_, n) => sampleImage(output, n)))));
    return {
      own: await channelNumbers(batch),
      batch: { mean: Array.from(mean), std: Array.from(variance, Math.sqrt) },
      batchImages: images[0] ?? [],
      instanceImages: images[1] ?? [],
    };
  } finally {
    tf.dispose([batch, gamma, beta, ...outputs, moments.mean, moments.variance]);
  }
}

export interface AdainPhotoResult {
  content: ChannelNumbers;
  style: ChannelNumbers;
  output: ChannelNumbers;
  image: ImageData;
}

/** AdaIN with the photos' colour channels as feature maps: the content takes the style's colour statistics. */
export async function adainPhotos(contentPicture: RgbPicture, stylePicture: RgbPicture): Promise<AdainPhotoResult> {
  await ready();
  const content = pictureTensor(contentPicture);
  const style = pictureTensor(stylePicture);
  const output = adain(content, style);
  try {
    const [[contentNumbers], [styleNumbers], [outputNumbers]] = await Promise.all([channelNumbers(content), channelNumbers(style), channelNumbers(output)]);
    if (!contentNumbers || !styleNumbers || !outputNumbers) throw new Error('no statistics came back');
    return { content: contentNumbers, style: styleNumbers, output: outputNumbers, image: await toImageData(output) };
  } finally {
    tf.dispose([content, style, output]);
  }
}
