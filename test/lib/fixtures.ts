import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { DEFAULT_CACHE_DIR, DEFAULT_OUT_DIR, UPSTREAM_BASE_URL, defaultSourceDir, prepareModels } from '../../scripts/prepare-models';
import { afterAll, beforeAll } from 'vitest';
import { disposeModel, loadModel, type ModelKind, type StyleTransferModel } from '../../src/lib/models';
import type { FetchLike } from '../../src/lib/weights';
import { readNpy } from '../helpers/npy';

/** Shared set-up for the model tests: wasm backend, converted models, reference arrays. */

export const SOURCE_DIR = defaultSourceDir();
export const REFERENCE_DIR = join(SOURCE_DIR, 'reference');
export const MODELS_DIR = DEFAULT_OUT_DIR;

export async function useWasm(): Promise<void> {
  await tf.setBackend('wasm');
  await tf.ready();
}

/** Converts ../shared/models into public/models unless already up to date (as `npm run prepare-models`). */
export async function ensureModels(): Promise<void> {
  await prepareModels({ from: SOURCE_DIR, outDir: MODELS_DIR, upstreamBaseUrl: UPSTREAM_BASE_URL, cacheDir: DEFAULT_CACHE_DIR });
}

/** A fetch that serves files under `root` for URLs `file:///…` relative to it (Node's fetch has no file: support). */
export function fileFetch(root: string): FetchLike {
  return async (url) => {
    try {
      return new Response(await readFile(join(root, url)));
    } catch {
      return new Response(null, { status: 404 });
    }
  };
}

export async function loadTestModel(kind: ModelKind): Promise<StyleTransferModel> {
  await ensureModels();
  return loadModel(kind, { baseUrl: '', fetch: fileFetch(MODELS_DIR) });
}

/** The test file's model on wasm, loaded before its tests and disposed after them: `const vgg = useTestModel('vgg')`, then `vgg.model`. */
export function useTestModel(kind: ModelKind): { readonly model: StyleTransferModel } {
  let loaded: StyleTransferModel | undefined;
  beforeAll(async () => {
    await useWasm();
    loaded = await loadTestModel(kind);
  });
  afterAll(() => {
    if (loaded) disposeModel(loaded);
  });
  return {
    get model() {
      if (!loaded) throw new Error('The model loads in beforeAll: use it inside a test.');
      return loaded;
    },
  };
}

/** A reference .npy of shape [H,W,C] as [1,H,W,C]. */
export function referenceTensor(name: string): tf.Tensor4D {
  const { shape, data } = readNpy(join(REFERENCE_DIR, `${name}.npy`));
  const [h, w, c] = shape as [number, number, number];
  return tf.tensor4d(Float32Array.from(data), [1, h, w, c]);
}

export function maxAbsDiff(a: tf.Tensor, b: tf.Tensor): number {
  return tf.tidy(() => a.sub(b).abs().max().dataSync()[0]!);
}

/** PSNR in dB for 0..255 images. */
export function psnr(a: tf.Tensor, b: tf.Tensor): number {
  const mse = tf.tidy(() => a.sub(b).square().mean().dataSync()[0]!);
  return 10 * Math.log10((255 * 255) / mse);
}

/** A deterministic smooth test image, [1,size,size,3] in 0..255 (no reference needed). */
export function syntheticImage(size: number, seed: number): tf.Tensor4D {
  return tf.tidy(() => {
    const ys = tf.linspace(0, 1, size).reshape([size, 1, 1]);
    const xs = tf.linspace(0, 1, size).reshape([1, size, 1]);
    const phase = tf.tensor1d([seed, seed * 2 + 1, seed * 3 + 2]).reshape([1, 1, 3]);
    const wave = xs
      .mul(7 + seed)
      .add(ys.mul(5 + 2 * seed))
      .add(phase)
      .sin();
    const checks = xs.mul(16).floor().add(ys.mul(16).floor()).mod(2).mul(0.3);
    return wave.mul(0.35).add(0.5).add(checks).sub(0.15).clipByValue(0, 1).mul(255).expandDims(0) as tf.Tensor4D;
  });
}
