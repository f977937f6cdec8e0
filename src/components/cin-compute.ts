import { runNetworkAsync, StepCounter, type StepProgress } from '../lib/layers';
import { decodeFeaturesAsync, disposeStyle, encodeStyleAsync, type EncodedStyle, type StatisticsArrays } from '../lib/transfer';
import type { LoadProgress } from '../lib/weights';
import { getModel, pixelsToTensor, ready, tensorToPixels, tf } from './style-engine';

/**
 * The conditional-IN demo's side of tfjs (lesson 3): the VGG model, the content's relu4_1 features and a
 * table of encoded styles, each kept until replaced. Decoding a row, or a mix of two rows, runs only AdaIN
 * with those statistics and the decoder (transfer.ts); nothing else outlives a call.
 */
const rows = new Map<string, EncodedStyle>();
let content: { key: string; image: tf.Tensor4D; features: tf.Tensor4D } | undefined;

export { ready, tf };

export function loadVgg(onProgress: (progress: LoadProgress) => void): Promise<unknown> {
  return getModel('vgg', onProgress);
}

/** Encodes a style once per key and returns its row: relu4_1 channel means (β) and standard deviations (γ). */
export async function encodeRow(key: string, pixels: ImageData, onProgress?: (progress: StepProgress) => void): Promise<StatisticsArrays> {
  await ready();
  let style = rows.get(key);
  if (!style) {
    const model = await getModel('vgg');
    const image = pixelsToTensor(pixels);
    try {
      style = await encodeStyleAsync(model, image, onProgress ? { onProgress } : {});
    } finally {
      image.dispose();
    }
    rows.set(key, style);
  }
  const [mean, std] = await Promise.all([style.statistics.mean.data(), style.statistics.std.data()]);
  return { mean: Float32Array.from(mean), std: Float32Array.from(std) };
}

/** Drops a row (the reader's previous image). */
export function forgetRow(key: string): void {
  const style = rows.get(key);
  if (style) disposeStyle(style);
  rows.delete(key);
}

export async function encodeContent(key: string, pixels: ImageData): Promise<void> {
  if (content?.key === key) return;
  await ready();
  const model = await getModel('vgg');
  if (content) tf.dispose([content.image, content.features]);
  content = undefined;
  const image = pixelsToTensor(pixels);
  try {
    content = { key, image, features: await runNetworkAsync(model.encoder, image, new StepCounter(model.encoder.steps.length, {})) };
  } catch (error) {
    image.dispose();
    throw error;
  }
}

/** The content decoded with Σ wₖ·(μₖ, σₖ) of the given rows: CIN's table lookup (one row) or a mix of rows. */
export async function decodeRows(weights: ReadonlyArray<{ key: string; weight: number }>, onProgress?: (progress: StepProgress) => void): Promise<ImageData> {
  const model = await getModel('vgg');
  if (!content) throw new Error('encode the content first');
  const styles = weights.map(({ key, weight }) => {
    const style = rows.get(key);
    if (!style) throw new Error(`no table row “${key}”`);
    return { style, weight };
  });
  const { image } = await decodeFeaturesAsync(
    model,
    content.image,
    content.features,
    styles,
    { alpha: 1 },
    new StepCounter(model.decoder.steps.length, onProgress ? { onProgress } : {}),
  );
  try {
    return await tensorToPixels(image);
  } finally {
    image.dispose();
  }
}
