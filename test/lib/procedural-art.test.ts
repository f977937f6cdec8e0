import { describe, expect, test } from 'vitest';
import { artKinds, renderArt } from '../../src/lib/procedural-art';
import { mulberry32 } from '../../src/lib/rng';

function channelMeans(data: Uint8ClampedArray): [number, number, number] {
  const sums = [0, 0, 0];
  for (let i = 0; i < data.length; i += 4) for (let c = 0; c < 3; c += 1) sums[c]! += data[i + c]!;
  const pixels = data.length / 4;
  return [sums[0]! / pixels, sums[1]! / pixels, sums[2]! / pixels];
}

describe('mulberry32', () => {
  test('the same seed gives the same sequence, in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const values = Array.from({ length: 1000 }, () => a());
    expect(values).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    expect(mulberry32(43)()).not.toBe(mulberry32(42)());
  });
});

describe.each(artKinds)('renderArt %s', (kind) => {
  test('is deterministic, opaque and of the asked size', () => {
    const first = renderArt(kind, 3, 48, 32);
    expect(first.width).toBe(48);
    expect(first.height).toBe(32);
    expect(first.data.length).toBe(48 * 32 * 4);
    expect(renderArt(kind, 3, 48, 32).data).toEqual(first.data);
    for (let i = 3; i < first.data.length; i += 4) expect(first.data[i]).toBe(255);
  });

  test('has texture: many distinct colours and visible contrast', () => {
    const { data } = renderArt(kind, 5, 96, 96);
    const colours = new Set<number>();
    let min = 255;
    let max = 0;
    for (let i = 0; i < data.length; i += 4) {
      colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
      const grey = (data[i]! + data[i + 1]! + data[i + 2]!) / 3;
      min = Math.min(min, grey);
      max = Math.max(max, grey);
    }
    expect(colours.size).toBeGreaterThan(50);
    expect(max - min).toBeGreaterThan(80);
  });

  test('another seed gives another picture', () => {
    expect(renderArt(kind, 1, 64, 64).data).not.toEqual(renderArt(kind, 2, 64, 64).data);
  });

  test('looks the same at two resolutions (colour means agree)', () => {
    const small = channelMeans(renderArt(kind, 9, 64, 64).data);
    const large = channelMeans(renderArt(kind, 9, 256, 256).data);
    for (let c = 0; c < 3; c += 1) expect(Math.abs(small[c]! - large[c]!)).toBeLessThan(12);
  });
});

test('renderArt refuses a size that is not a positive integer', () => {
  expect(() => renderArt('waves', 1, 0, 10)).toThrow(RangeError);
  expect(() => renderArt('waves', 1, 10.5, 10)).toThrow(RangeError);
});
