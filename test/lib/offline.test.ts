import { describe, expect, test } from 'vitest';
import { modelFolders } from '../../src/lib/offline';

describe('modelFolders', () => {
  test('sums each model folder and what is still to download, in index order', () => {
    const folders = modelFolders([
      { path: 'adain-vgg19/encoder.json', bytes: 2_000, saved: true },
      { path: 'adain-vgg19/encoder.bin', bytes: 3_500_000, saved: false },
      { path: 'adain-mobile/encoder.bin', bytes: 2_100_000, saved: true },
      { path: 'adain-vgg19/decoder.bin', bytes: 3_400_000, saved: false },
    ]);
    expect(folders).toEqual([
      { folder: 'adain-vgg19', bytes: 6_902_000, missingBytes: 6_900_000, missingPaths: ['adain-vgg19/encoder.bin', 'adain-vgg19/decoder.bin'] },
      { folder: 'adain-mobile', bytes: 2_100_000, missingBytes: 0, missingPaths: [] },
    ]);
  });

  test('no files, no folders', () => {
    expect(modelFolders([])).toEqual([]);
  });
});
