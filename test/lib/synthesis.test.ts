import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { decodeArray, generatorReferenceCases, loadTestGenerator, type EncodedArray } from '../helpers/generator-reference';
import { maxAbsDiff } from './fixtures';
import { disposeGeneratorWeights, type GeneratorWeights } from '../../src/lib/generator-weights';
import { layerResolution } from '../../src/lib/generator-layers';
import { mapLatents, truncate, wFromSeeds } from '../../src/lib/mapping';
import { disposeSynthesisResult, layerLatents, mixingFigureLatents, mixingGridLatents, noiseFromSeeds, synthesize } from '../../src/lib/synthesis';

/** One batch training/export.py ran through the PyTorch generator (float64, the exported float16 weights). */
interface ReferenceCase {
  z1: EncodedArray;
  z2: EncodedArray | null;
  crossover: number;
  psi: number;
  /** Per layer [N, H, W, 1], or null: no noise. */
  noise: EncodedArray[] | null;
  styleScales: EncodedArray[];
  styleBiases: EncodedArray[];
  /** [N, H, W, 3] in [−1, 1] */
  images: EncodedArray;
}

let generator: GeneratorWeights;
let cases: ReferenceCase[];

beforeAll(async () => {
  generator = await loadTestGenerator();
  cases = await generatorReferenceCases<ReferenceCase>();
});

afterAll(() => disposeGeneratorWeights(generator));

function numWsOf(): number {
  return generator.config.numWs;
}

function wsFromSeeds(seeds: number[], psi: number): tf.Tensor2D {
  return wFromSeeds(generator, seeds, psi);
}

describe('synthesize reproduces the PyTorch generator', () => {
  test.each([0, 1])('reference case %i', (index) => {
    const reference = cases[index]!;
    const { numWs } = generator.config;
    const noiseMaps = reference.noise?.map((map) => decodeArray(map) as tf.Tensor4D);
    const ws = tf.tidy(() => {
      const w1 = truncate(generator, mapLatents(generator, decodeArray(reference.z1) as tf.Tensor2D), reference.psi);
      const w2 = reference.z2 ? truncate(generator, mapLatents(generator, decodeArray(reference.z2) as tf.Tensor2D), reference.psi) : null;
      return layerLatents(w1, w2, reference.crossover, numWs);
    });
    const result = synthesize(generator, ws, { noise: noiseMaps ? { maps: noiseMaps } : 'off', record: true });
    const expected = decodeArray(reference.images);
    expect(result.images.shape).toEqual(expected.shape);
    expect(maxAbsDiff(result.images, expected)).toBeLessThan(1e-3);
    result.layers!.forEach((record, i) => {
      const [scale, bias] = [decodeArray(reference.styleScales[i]!), decodeArray(reference.styleBiases[i]!)];
      expect(maxAbsDiff(record.styleScale, scale)).toBeLessThan(1e-3);
      expect(maxAbsDiff(record.styleBias, bias)).toBeLessThan(1e-3);
      tf.dispose([scale, bias]);
    });
    tf.dispose([ws, expected, ...(noiseMaps ?? [])]);
    disposeSynthesisResult(result);
  });
});

describe('truncation', () => {
  test('ψ = 0 draws the same image for every seed', () => {
    const ws = tf.tidy(() => layerLatents(wsFromSeeds([1, 2, 3, 4], 0), null, 0, numWsOf()));
    const { images } = synthesize(generator, ws, { noise: { seeds: [9, 9, 9, 9] } });
    const [first, ...rest] = tf.unstack(images);
    for (const other of rest) expect(maxAbsDiff(first!, other)).toBeLessThan(1e-5);
    // …and it is a real image, not a constant.
    expect(tf.tidy(() => tf.moments(first!).variance.dataSync()[0]!)).toBeGreaterThan(1e-3);
    tf.dispose([ws, images, first!, ...rest]);
  });
});

describe('style mixing', () => {
  test('crossover 0 is w2 alone, crossover numWs is w1 alone', () => {
    const [w1, w2] = [wsFromSeeds([21, 22], 1), wsFromSeeds([31, 32], 1)];
    const run = (a: tf.Tensor2D, b: tf.Tensor2D | null, crossover: number): tf.Tensor4D => {
      const ws = layerLatents(a, b, crossover, numWsOf());
      const { images } = synthesize(generator, ws);
      ws.dispose();
      return images;
    };
    const [only1, only2, cross0, crossAll] = [run(w1, null, 0), run(w2, null, 0), run(w1, w2, 0), run(w1, w2, numWsOf())];
    expect(maxAbsDiff(cross0, only2)).toBe(0);
    expect(maxAbsDiff(crossAll, only1)).toBe(0);
    expect(maxAbsDiff(only1, only2)).toBeGreaterThan(0.05);
    tf.dispose([w1, w2, only1, only2, cross0, crossAll]);
  });

  test.each([1, 3, 6])('crossover %i: layers before it get w1’s styles, the rest w2’s', (crossover) => {
    const numWs = numWsOf();
    const [w1, w2] = [wsFromSeeds([41], 0.8), wsFromSeeds([42], 0.8)];
    const styles = (ws: tf.Tensor3D): tf.Tensor2D[] => {
      const result = synthesize(generator, ws, { record: true });
      const scales = result.layers!.map((record) => record.styleScale.clone());
      disposeSynthesisResult(result);
      return scales;
    };
    const [mixedWs, ws1, ws2] = [layerLatents(w1, w2, crossover, numWs), layerLatents(w1, null, 0, numWs), layerLatents(w2, null, 0, numWs)];
    const [mixed, from1, from2] = [styles(mixedWs), styles(ws1), styles(ws2)];
    mixed.forEach((scale, layer) => expect(maxAbsDiff(scale, layer < crossover ? from1[layer]! : from2[layer]!)).toBe(0));
    tf.dispose([w1, w2, mixedWs, ws1, ws2, ...mixed, ...from1, ...from2]);
  });

  test('the mixing figure is the grid, then each row seed alone, then each column seed alone', () => {
    const fromRow = [true, false, true, false, false, false, true, true];
    const [rowWs, columnWs] = [
      tf.tensor2d([
        [1, 1],
        [2, 2],
      ]),
      tf.tensor2d([
        [10, 10],
        [20, 20],
        [30, 30],
      ]),
    ];
    const figure = mixingFigureLatents(rowWs, columnWs, fromRow).arraySync();
    expect(figure).toHaveLength(2 * 3 + 2 + 3);
    // Image r·3 + c of the grid: layer i is row r's w where fromRow[i], else column c's (here only the first coordinate).
    expect(figure[1 * 3 + 2]!.map((w) => w[0])).toEqual([2, 30, 2, 30, 30, 30, 2, 2]);
    expect(figure[6]!.map((w) => w[0])).toEqual(new Array(8).fill(1));
    expect(figure[7]!.map((w) => w[0])).toEqual(new Array(8).fill(2));
    expect(figure[10]!.map((w) => w[0])).toEqual(new Array(8).fill(30));
    tf.dispose([rowWs, columnWs]);
  });

  test.each([
    ['crossover 4', [true, true, true, true, false, false, false, false]],
    ['middle layers from the row', [false, false, false, false, true, true, false, false]],
  ])('a 6×6 mixing grid (%s) in one call equals its cells drawn one by one', (_name, fromRow) => {
    const rowSeeds = [1, 2, 3, 4, 5, 6];
    const columnSeeds = [7, 8, 9, 10, 11, 12];
    const [rowWs, columnWs] = [wsFromSeeds(rowSeeds, 0.7), wsFromSeeds(columnSeeds, 0.7)];
    const gridWs = mixingGridLatents(rowWs, columnWs, fromRow);
    const grid = synthesize(generator, gridWs, { noise: { seeds: Array(36).fill(5) as number[] }, range: 'bytes' });
    expect(grid.images.shape).toEqual([36, 32, 32, 3]);
    for (const [r, c] of [
      [0, 0],
      [2, 5],
      [5, 1],
    ] as const) {
      // One image, its layers' w's picked one by one.
      const cellWs = tf.tidy(
        () =>
          tf.stack(
            fromRow.map((row) => (row ? rowWs.slice([r, 0], [1, -1]) : columnWs.slice([c, 0], [1, -1]))),
            1,
          ) as tf.Tensor3D,
      );
      const cell = synthesize(generator, cellWs, { noise: { seeds: [5] }, range: 'bytes' });
      const gridCell = grid.images.slice([r * 6 + c, 0, 0, 0], [1, -1, -1, -1]);
      expect(maxAbsDiff(cell.images, gridCell)).toBeLessThanOrEqual(1);
      tf.dispose([cellWs, cell.images, gridCell]);
    }
    tf.dispose([rowWs, columnWs, gridWs, grid.images]);
  });
});

describe('noise', () => {
  test('seeded maps are per image: independent of the rest of the batch', () => {
    const [alone, together] = [noiseFromSeeds([5], generator.config), noiseFromSeeds([6, 5], generator.config)];
    alone.forEach((map, i) => {
      expect(map.shape).toEqual([1, layerResolution(i), layerResolution(i), 1]);
      expect(maxAbsDiff(map, together[i]!.slice([1, 0, 0, 0], [1, -1, -1, -1]))).toBe(0);
    });
    tf.dispose([...alone, ...together]);
  });

  test('all layers off or strength 0 equals no noise; noise on changes the image; the record holds map × strength', () => {
    const numWs = numWsOf();
    const ws = tf.tidy(() => layerLatents(wsFromSeeds([3], 0.7), null, 0, numWs));
    const off = synthesize(generator, ws, { noise: 'off' });
    const disabled = synthesize(generator, ws, { noise: { seeds: [1], enabled: Array(numWs).fill(false) as boolean[] } });
    const zero = synthesize(generator, ws, { noise: { seeds: [1], strength: Array(numWs).fill(0) as number[] } });
    const on = synthesize(generator, ws, { noise: { seeds: [1], strength: [2, 1, 1, 1, 1, 1, 1, 1] }, record: true });
    expect(maxAbsDiff(disabled.images, off.images)).toBe(0);
    expect(maxAbsDiff(zero.images, off.images)).toBeLessThan(1e-6);
    expect(maxAbsDiff(on.images, off.images)).toBeGreaterThan(0);
    const maps = noiseFromSeeds([1], generator.config);
    const doubled = maps[0]!.mul(2);
    expect(maxAbsDiff(on.layers![0]!.noise!, doubled)).toBe(0);
    expect(maxAbsDiff(on.layers![1]!.noise!, maps[1]!)).toBe(0);
    tf.dispose([ws, ...maps, doubled]);
    [off, disabled, zero, on].forEach(disposeSynthesisResult);
  });
});

describe('recorded layers', () => {
  test('shapes, and AdaIN output has mean y_b per channel', () => {
    const ws = tf.tidy(() => layerLatents(wsFromSeeds([1, 2], 0.7), null, 0, numWsOf()));
    const result = synthesize(generator, ws, { noise: { seeds: [1, 2] }, record: true });
    expect(result.layers).toHaveLength(numWsOf());
    result.layers!.forEach((record, i) => {
      const size = layerResolution(i);
      const channels = generator.config.channels[Math.floor(i / 2)]!;
      expect(record.resolution).toBe(size);
      expect(record.beforeAdain.shape).toEqual([2, size, size, channels]);
      expect(record.afterAdain.shape).toEqual([2, size, size, channels]);
      expect(record.styleScale.shape).toEqual([2, channels]);
      const channelMeans = tf.tidy(() => record.afterAdain.mean([1, 2]));
      expect(maxAbsDiff(channelMeans, record.styleBias)).toBeLessThan(1e-4);
      channelMeans.dispose();
    });
    disposeSynthesisResult(result);
    ws.dispose();
  });

  test("'bytes' is the signed image mapped to 0..255, rounded and clipped", () => {
    const ws = tf.tidy(() => layerLatents(wsFromSeeds([8], 1), null, 0, numWsOf()));
    const [signed, bytes] = [synthesize(generator, ws), synthesize(generator, ws, { range: 'bytes' })];
    expect(bytes.images.dtype).toBe('int32');
    const signedValues = signed.images.dataSync();
    const byteValues = bytes.images.dataSync();
    signedValues.forEach((v, i) => expect(Math.abs(byteValues[i]! - Math.min(255, Math.max(0, (v + 1) * 127.5)))).toBeLessThanOrEqual(0.5 + 1e-3));
    tf.dispose([ws, signed.images, bytes.images]);
  });
});

describe('toRGB', () => {
  /** Σ_c x[n,h,w,c]·K[c,k] + b[k] in plain loops: the 1×1 conv, computed apart from tfjs. */
  function pointwise(features: tf.Tensor4D, toRgb: GeneratorWeights['toRgb'][number]): Float32Array {
    const [n, h, w, c] = features.shape;
    const [x, kernel, bias] = [features.dataSync(), toRgb.kernel.dataSync(), toRgb.bias.dataSync()];
    const out = new Float32Array(n * h * w * 3);
    for (let p = 0; p < n * h * w; p++) {
      for (let k = 0; k < 3; k++) {
        let sum = bias[k]!;
        for (let ch = 0; ch < c; ch++) sum += x[p * c + ch]! * kernel[ch * 3 + k]!;
        out[p * 3 + k] = sum;
      }
    }
    return out;
  }

  test("without rgbSkips the image is the last resolution's toRGB of the last AdaIN output alone", () => {
    const last = generator.toRgb.at(-1)!;
    const withoutSkips: GeneratorWeights = { ...generator, config: { ...generator.config, rgbSkips: false }, toRgb: [last] };
    const ws = tf.tidy(() => layerLatents(wsFromSeeds([3, 4], 1), null, 0, numWsOf()));
    const result = synthesize(withoutSkips, ws, { record: true });
    const expected = pointwise(result.layers!.at(-1)!.afterAdain, last);
    const actual = result.images.dataSync();
    expect(actual).toHaveLength(expected.length);
    expect(Math.max(...actual.map((v, i) => Math.abs(v - expected[i]!)))).toBeLessThan(1e-4);
    if (generator.config.rgbSkips) {
      // The committed model draws with skips: the lower resolutions' colour is then part of its image.
      const withSkips = synthesize(generator, ws);
      expect(maxAbsDiff(withSkips.images, result.images)).toBeGreaterThan(0.05);
      disposeSynthesisResult(withSkips);
    }
    disposeSynthesisResult(result);
    ws.dispose();
  });
});

describe('memory', () => {
  test('repeated calls leave no tensors behind', () => {
    const ws = tf.tidy(() => layerLatents(wsFromSeeds([1, 2, 3], 0.7), wsFromSeeds([4, 5, 6], 0.7), 2, numWsOf()));
    const run = (): void => {
      disposeSynthesisResult(synthesize(generator, ws, { noise: { seeds: [1, 2, 3], strength: [1, 1, 1, 1, 0.5, 0.5, 0, 0] }, record: true, range: 'bytes' }));
      disposeSynthesisResult(synthesize(generator, ws));
    };
    run();
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) run();
    expect(tf.memory().numTensors).toBe(before);
    ws.dispose();
  });
});
