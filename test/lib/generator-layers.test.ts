import { describe, expect, test } from 'vitest';
import { bandOf, blockOfLayer, blockResolution, layerCount, layerResolution, layersOfBlock, upsamplesBefore } from '../../src/lib/generator-layers';

const layers = Array.from({ length: layerCount }, (_, i) => i);

describe('the generator layers', () => {
  test('two layers per resolution: 4², 4², 8², 8², 16², 16², 32², 32²', () => {
    expect(layers.map(layerResolution)).toEqual([4, 4, 8, 8, 16, 16, 32, 32]);
    expect(layers.map(blockOfLayer)).toEqual([0, 0, 1, 1, 2, 2, 3, 3]);
    expect([0, 1, 2, 3].map(blockResolution)).toEqual([4, 8, 16, 32]);
    expect([0, 1, 2, 3].map(layersOfBlock)).toEqual([
      [0, 1],
      [2, 3],
      [4, 5],
      [6, 7],
    ]);
  });

  test('the first layer of 8², 16² and 32² works on an upsampled input', () => {
    expect(layers.filter(upsamplesBefore)).toEqual([2, 4, 6]);
  });

  test('bands: 4² and 8² coarse, 16² middle, 32² fine', () => {
    expect(layers.map(bandOf)).toEqual(['coarse', 'coarse', 'coarse', 'coarse', 'middle', 'middle', 'fine', 'fine']);
  });
});
