import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { loadGeneratorWeights, type GeneratorWeights } from '../../src/lib/generator-weights';
import type { LoadProgress } from '../../src/lib/weights';

const root = resolve(import.meta.dirname, '../..');

/** An array as training/export.py writes it into test/fixtures/generator-reference.json. */
export interface EncodedArray {
  shape: number[];
  base64: string;
}

/** Float32 little-endian base64 → tensor. */
export function decodeArray(encoded: EncodedArray): tf.Tensor {
  const bytes = Buffer.from(encoded.base64, 'base64');
  return tf.tensor(new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)), encoded.shape);
}

/** On wasm, the generator's weights from public/generator, as the site serves them. */
export async function loadTestGenerator(onProgress?: (progress: LoadProgress) => void): Promise<GeneratorWeights> {
  await tf.setBackend('wasm');
  await tf.ready();
  return loadGeneratorWeights({
    baseUrl: '',
    fetch: async (url) => new Response(await readFile(join(root, 'public/generator', url))),
    ...(onProgress ? { onProgress } : {}),
  });
}

/** The reference batches training/export.py ran through the PyTorch generator. */
export async function generatorReferenceCases<Case>(): Promise<Case[]> {
  return (JSON.parse(await readFile(join(root, 'test/fixtures/generator-reference.json'), 'utf8')) as { cases: Case[] }).cases;
}
