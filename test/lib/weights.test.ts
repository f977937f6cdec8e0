import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { disposeModel, loadModel, MODEL_MANIFESTS } from '../../src/lib/models';
import { createVggEncoder } from '../../src/lib/vgg-encoder';
import {
  WeightsCorruptError,
  WeightsFormatError,
  WeightsMissingError,
  loadModelsIndex,
  loadWeightSets,
  type FetchLike,
  type LoadProgress,
} from '../../src/lib/weights';
import { MODELS_DIR, ensureModels, fileFetch, useWasm } from './fixtures';

/** Serves the converted models, with one file's bytes replaced. */
function fetchWithReplacement(path: string, replace: (bytes: Uint8Array) => Uint8Array): FetchLike {
  return async (url) => {
    if (url !== path) return fileFetch(MODELS_DIR)(url);
    return new Response(replace(new Uint8Array(await readFile(join(MODELS_DIR, path)))) as Uint8Array<ArrayBuffer>);
  };
}

describe('weights loading', () => {
  beforeAll(async () => {
    await useWasm();
    await ensureModels();
  });

  it('loads both parts with byte progress up to the total, and decodes the manifest’s weights', async () => {
    const progress: LoadProgress[] = [];
    const index = await loadModelsIndex({ baseUrl: '', fetch: fileFetch(MODELS_DIR) });
    const before = tf.memory().numTensors;
    const model = await loadModel('mobile', { baseUrl: '', fetch: fileFetch(MODELS_DIR), integrity: index.files, onProgress: (p) => progress.push(p) });
    const total =
      index.files[MODEL_MANIFESTS.mobile.encoder.replace('.json', '.bin')]!.bytes + index.files[MODEL_MANIFESTS.mobile.decoder.replace('.json', '.bin')]!.bytes;
    expect(progress[0]).toEqual({ loadedBytes: 0, totalBytes: total });
    expect(progress.at(-1)).toEqual({ loadedBytes: total, totalBytes: total });
    expect(progress.every((p, i) => i === 0 || p.loadedBytes >= progress[i - 1]!.loadedBytes)).toBe(true);
    disposeModel(model);
    // The mobile encoder adds its own mean constant: it is freed with the rest.
    expect(tf.memory().numTensors).toBe(before);
  });

  it('awaits beforeDecode once every byte has arrived and before it makes any tensor', async () => {
    const events: string[] = [];
    const fetchFn: FetchLike = (url) => {
      events.push(`fetch ${url}`);
      return fileFetch(MODELS_DIR)(url);
    };
    let loaded = 0;
    const before = tf.memory().numTensors;
    const model = await loadModel('mobile', {
      baseUrl: '',
      fetch: fetchFn,
      onProgress: (p) => (loaded = p.loadedBytes),
      beforeDecode: async () => {
        events.push(`before decode: ${loaded} bytes, ${tf.memory().numTensors - before} new tensors`);
      },
    });
    const { encoder, decoder } = MODEL_MANIFESTS.mobile;
    const bins = [encoder, decoder].map((path) => path.replace('.json', '.bin'));
    const bytes = (await Promise.all(bins.map((path) => readFile(join(MODELS_DIR, path))))).reduce((sum, file) => sum + file.byteLength, 0);
    expect(events).toEqual([...['index.json', encoder, decoder, ...bins].map((path) => `fetch ${path}`), `before decode: ${bytes} bytes, 0 new tensors`]);
    disposeModel(model);
  });

  it('a corrupted weight file gives WeightsCorruptError (hash), a truncated one too (size)', async () => {
    const shard = 'adain-vgg19/decoder.bin';
    const flipped = fetchWithReplacement(shard, (bytes) => {
      bytes[12345] = bytes[12345]! ^ 0x01;
      return bytes;
    });
    const error = await loadModel('vgg', { baseUrl: '', fetch: flipped }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WeightsCorruptError);
    expect((error as WeightsCorruptError).url).toBe(shard);
    expect((error as Error).message).toMatch(/damaged.*SHA-256/);
    expect((error as Error).message).not.toMatch(/npm|prepare/);
    expect((error as WeightsCorruptError).developerAdvice).toContain('npm run prepare-models -- --force');

    const truncated = fetchWithReplacement(shard, (bytes) => bytes.slice(0, bytes.length - 10));
    await expect(loadModel('vgg', { baseUrl: '', fetch: truncated })).rejects.toThrow(/bytes instead of/);
    // Without an index the manifest's own byte count still catches a short shard.
    await expect(loadWeightSets([MODEL_MANIFESTS.vgg.decoder], { baseUrl: '', fetch: truncated })).rejects.toBeInstanceOf(WeightsCorruptError);
  });

  it('a missing file gives WeightsMissingError with the HTTP status', async () => {
    const missing: FetchLike = async (url) => (url.endsWith('encoder.bin') ? new Response(null, { status: 404 }) : fileFetch(MODELS_DIR)(url));
    const error = await loadModel('vgg', { baseUrl: '', fetch: missing }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WeightsMissingError);
    expect((error as WeightsMissingError).status).toBe(404);
    // The page's message is for a reader; what a self-hoster must run is only in developerAdvice (the console).
    expect((error as Error).message).not.toMatch(/npm/);
    expect((error as WeightsMissingError).developerAdvice).toContain('npm run prepare-models');
  });

  it('weights that do not fit the network give WeightsFormatError', async () => {
    const [weights] = await loadWeightSets([MODEL_MANIFESTS.vgg.encoder], { baseUrl: '', fetch: fileFetch(MODELS_DIR) });
    const renamed = { ...weights, 'block2_conv1/kernel': weights!['block2_conv2/kernel']! };
    expect(() => createVggEncoder(renamed)).toThrow(WeightsFormatError);
    tf.dispose(weights);
  });
});
