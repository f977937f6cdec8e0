import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { decodeArray, generatorReferenceCases, loadTestGenerator, type EncodedArray } from '../helpers/generator-reference';
import { maxAbsDiff } from './fixtures';
import { disposeGeneratorWeights, loadGeneratorWeights, type GeneratorWeights } from '../../src/lib/generator-weights';
import type { LoadProgress } from '../../src/lib/weights';
import { latentsFromSeeds, mapLatents, truncate } from '../../src/lib/mapping';
import { standardNormals } from '../../src/lib/rng';

const root = resolve(import.meta.dirname, '../..');

let generator: GeneratorWeights;
const progress: LoadProgress[] = [];
let reference: { cases: { z1: EncodedArray; w1: EncodedArray }[] };

beforeAll(async () => {
  generator = await loadTestGenerator((report) => progress.push(report));
  reference = { cases: await generatorReferenceCases() };
});

afterAll(() => disposeGeneratorWeights(generator));

describe('loadGeneratorWeights', () => {
  test('reports byte progress up to the whole shard, whose size the manifest predicts', async () => {
    const { size } = await stat(join(root, 'public/generator/generator.bin'));
    expect(progress.at(-1)).toEqual({ loadedBytes: size, totalBytes: size });
    // float16: two bytes per parameter.
    const parameters =
      [...generator.mapping, ...generator.layers.flatMap((l) => [l.styleScale, l.styleBias]), ...generator.toRgb].reduce(
        (sum, { kernel, bias }) => sum + kernel.size + bias.size,
        0,
      ) +
      generator.wAvg.size +
      generator.constant.size +
      generator.layers.reduce((sum, l) => sum + l.convKernel.size + l.noiseStrength.size + l.bias.size, 0);
    expect(size).toBe(2 * parameters);
  });

  test('a model.json whose config does not say how toRGB draws is refused as corrupt', async () => {
    const model = JSON.parse(await readFile(join(root, 'public/generator/model.json'), 'utf8'));
    delete model.config.rgbSkips;
    const files: Record<string, () => Promise<Response>> = {
      'model.json': async () => new Response(JSON.stringify(model)),
      'generator.bin': async () => new Response(await readFile(join(root, 'public/generator/generator.bin'))),
    };
    const before = tf.memory().numTensors;
    await expect(loadGeneratorWeights({ baseUrl: '', fetch: (url) => files[url]!() })).rejects.toMatchObject({ name: 'WeightsCorruptError' });
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('mapLatents', () => {
  test('reproduces the PyTorch mapping network (float64 reference)', () => {
    for (const { z1, w1 } of reference.cases) {
      const [z, expected] = [decodeArray(z1) as tf.Tensor2D, decodeArray(w1)];
      const w = mapLatents(generator, z);
      expect(w.shape).toEqual(expected.shape);
      expect(maxAbsDiff(w, expected)).toBeLessThan(1e-3);
      tf.dispose([z, expected, w]);
    }
  });

  test('depends only on the direction of z (pixel norm)', () => {
    const z = latentsFromSeeds([1, 2], generator.config.zDim);
    const scaled = z.mul(3.5) as tf.Tensor2D;
    const [w, wScaled] = [mapLatents(generator, z), mapLatents(generator, scaled)];
    expect(maxAbsDiff(w, wScaled)).toBeLessThan(1e-4);
    tf.dispose([z, scaled, w, wScaled]);
  });
});

describe('truncate', () => {
  test('ψ = 1 is the identity, ψ = 0 is w̄, ψ = 0.5 the midpoint', () => {
    const w = mapLatents(generator, latentsFromSeeds([5, 6, 7], generator.config.zDim));
    const wValues = w.arraySync();
    const average = Array.from(generator.wAvg.dataSync());
    const [one, zero, half] = [1, 0, 0.5].map((psi) => truncate(generator, w, psi)) as [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D];
    expect(maxAbsDiff(one, w)).toBeLessThan(1e-6);
    zero.arraySync().forEach((row) => row.forEach((v, j) => expect(v).toBeCloseTo(average[j]!, 5)));
    half.arraySync().forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo((average[j]! + wValues[i]![j]!) / 2, 5)));
    tf.dispose([w, one, zero, half]);
  });
});

describe('latentsFromSeeds', () => {
  test('row i is the seeded normals of seed i', () => {
    const z = latentsFromSeeds([11, 12], 16);
    const rows = z.arraySync();
    expect(rows[0]).toEqual(Array.from(standardNormals(11, 16)));
    expect(rows[1]).toEqual(Array.from(standardNormals(12, 16)));
    z.dispose();
  });
});
