import { describe, expect, test } from 'vitest';
import {
  defaultStyleLabState,
  galleryImage,
  normalisedWeights,
  presetMasks,
  malformedStyleLabParams,
  readStyleLabParams,
  writeStyleLabParams,
  type StyleLabState,
} from '../../src/lib/style-lab-state';

describe('style lab URL state', () => {
  test('a state survives the round trip through the URL, keeping other keys', () => {
    const state: StyleLabState = {
      content: 'coffee',
      styles: [
        { image: 'brick', weight: 0.25 },
        { image: 'art-waves-9', weight: 0.75 },
      ],
      alpha: 0.6,
      model: 'mobile',
      size: 512,
      color: 'luminance',
      mask: 'circle',
    };
    const params = new URLSearchParams('backend=wasm');
    expect(writeStyleLabParams(state, params)).toEqual([]);
    expect(params.get('backend')).toBe('wasm');
    expect(readStyleLabParams(new URLSearchParams(params.toString()))).toEqual(state);
  });

  test('invalid or unknown values fall back to the defaults', () => {
    const read = readStyleLabParams(new URLSearchParams('content=../../etc&styles=nope:1,brick:-2,gravel:x&alpha=7&model=huge&size=99&color=red&mask=painted'));
    const defaults = defaultStyleLabState();
    expect(read).toEqual({ ...defaults, alpha: 1 });
  });

  test('the keys whose values the lab cannot use are named, so the page can say so and drop them', () => {
    const params = new URLSearchParams('content=../../etc&styles=brick:1&alpha=7&model=huge&size=99&color=red&mask=halves&backend=wasm');
    expect(malformedStyleLabParams(params)).toEqual(['content', 'model', 'size', 'color']);
    expect(malformedStyleLabParams(new URLSearchParams('content=chelsea&styles=brick:1&alpha=0.5'))).toEqual([]);
  });

  test('α is clamped into [0, 1]', () => {
    expect(readStyleLabParams(new URLSearchParams('alpha=-0.5')).alpha).toBe(0);
  });

  test('uploaded and painted images and a painted mask are named as not shareable', () => {
    const state: StyleLabState = {
      ...defaultStyleLabState(),
      content: 'upload-1',
      styles: [
        { image: 'paint-2', weight: 1 },
        { image: 'gravel', weight: 1 },
      ],
      mask: 'painted',
    };
    const params = new URLSearchParams();
    const left = writeStyleLabParams(state, params);
    expect(left).toEqual(['content', 'styles', 'mask']);
    expect(params.has('content')).toBe(false);
    expect(params.get('styles')).toBe('gravel:1');
    expect(params.has('mask')).toBe(false);
  });

  test('any art-<kind>-<seed> id names an artwork', () => {
    expect(galleryImage('art-mosaic-123')?.art).toEqual({ kind: 'mosaic', seed: 123 });
    expect(galleryImage('art-blob-1')).toBeUndefined();
  });
});

describe('normalisedWeights', () => {
  test('sum to 1, negatives and NaN count as 0, all-zero means equal', () => {
    expect(normalisedWeights([1, 3])).toEqual([0.25, 0.75]);
    expect(normalisedWeights([2, -1, Number.NaN])).toEqual([1, 0, 0]);
    expect(normalisedWeights([0, 0])).toEqual([0.5, 0.5]);
  });
});

describe('presetMasks', () => {
  test('halves split left and right, complementary, and empty beyond the second style', () => {
    const [left, right, third] = presetMasks('halves', 8, 4, 3);
    expect(left![0]).toBe(1);
    expect(left![7]).toBe(0);
    for (let i = 0; i < 32; i += 1) expect(left![i]! + right![i]!).toBeCloseTo(1);
    expect(third!.every((v) => v === 0)).toBe(true);
    const leftArea = left!.reduce((a, b) => a + b, 0);
    expect(leftArea).toBe(16);
  });

  test('circle covers the centre and not the corners', () => {
    const [inside] = presetMasks('circle', 32, 32, 1);
    expect(inside![16 * 32 + 16]).toBe(1);
    expect(inside![0]).toBe(0);
    const area = inside!.reduce((a, b) => a + b, 0);
    expect(area).toBeCloseTo(Math.PI * (0.35 * 32) ** 2, -1);
  });
});
