import { describe, expect, test } from 'vitest';
import { mulberry32, nextSeed, portableLog, seedLimit, SeededRandom, standardNormals } from '../../src/lib/rng';

// Computed with a separate Python implementation of splitmix32 → sfc32 → polar method (Python's
// arbitrary-precision integers masked to 32 bits, math.log), so they check the TS bit arithmetic.
const PYTHON_SEED_42_UINT32 = [1028872839, 2516511472, 400437680, 853279530, 1920286840];
const PYTHON_SEED_42_NORMALS = [-1.471883388717926, 0.48557185459759844, -0.19359888324021995, 1.2281704807098581, -0.017847570577751142, 0.24899140727665559];
const PYTHON_SEED_0_NORMALS = [-1.023007593233235, 0.9951577986654887, -0.8278442825725819, 0.1686121415186339];
// The same for mulberry32 with the face dataset's default seed.
const PYTHON_MULBERRY32_20261123 = [0.9007212214637548, 0.843700616620481, 0.4729218122083694, 0.43513321224600077];

describe('portableLog', () => {
  test('agrees with Math.log to double precision over many magnitudes', () => {
    for (const x of [1e-300, 1e-12, 2.3e-5, 0.001, 0.1, 0.5, 0.70710678, 0.9999999, 1, 1.0000001, 1.5, 2, Math.E, 10, 12345.678, 1e200]) {
      expect(Math.abs(portableLog(x) - Math.log(x))).toBeLessThanOrEqual(4e-16 * Math.max(1, Math.abs(Math.log(x))));
    }
  });

  test('rejects what has no real logarithm', () => {
    expect(() => portableLog(0)).toThrow(RangeError);
    expect(() => portableLog(-1)).toThrow(RangeError);
    expect(() => portableLog(Number.NaN)).toThrow(RangeError);
  });
});

describe('SeededRandom', () => {
  test('matches the independent Python implementation', () => {
    const random = new SeededRandom(42);
    expect(Array.from({ length: 5 }, () => random.nextUint32())).toEqual(PYTHON_SEED_42_UINT32);
    const normals = new SeededRandom(42);
    for (const expected of PYTHON_SEED_42_NORMALS) expect(normals.normal()).toBeCloseTo(expected, 14);
    const zero = new SeededRandom(0);
    for (const expected of PYTHON_SEED_0_NORMALS) expect(zero.normal()).toBeCloseTo(expected, 14);
  });

  test('seeds are taken modulo 2^32', () => {
    expect(standardNormals(-1, 8)).toEqual(standardNormals(2 ** 32 - 1, 8));
  });

  test('the same seed repeats, nearby seeds do not', () => {
    expect(standardNormals(7, 64)).toEqual(standardNormals(7, 64));
    const a = standardNormals(7, 64);
    const b = standardNormals(8, 64);
    const correlation = a.reduce((sum, v, i) => sum + v * b[i]!, 0) / 64;
    expect(Math.abs(correlation)).toBeLessThan(0.5);
    expect(a).not.toEqual(b);
  });

  test('uniforms lie in the open unit interval', () => {
    const random = new SeededRandom(3);
    for (let i = 0; i < 10_000; i++) {
      const u = random.uniform();
      expect(u > 0 && u < 1).toBe(true);
    }
  });

  test('normals have the standard normal moments and 1σ/2σ masses', () => {
    const samples = standardNormals(12345, 200_000);
    const n = samples.length;
    const mean = samples.reduce((s, v) => s + v, 0) / n;
    const variance = samples.reduce((s, v) => s + (v - mean) ** 2, 0) / n;
    const within = (k: number): number => samples.filter((v) => Math.abs(v) < k).length / n;
    // Standard errors at n = 200k: mean 0.0022, variance 0.0032, masses ≤ 0.0011; bounds are ~4.5 of them.
    expect(Math.abs(mean)).toBeLessThan(0.01);
    expect(Math.abs(variance - 1)).toBeLessThan(0.015);
    expect(Math.abs(within(1) - 0.682689)).toBeLessThan(0.005);
    expect(Math.abs(within(2) - 0.9545)).toBeLessThan(0.003);
  });

  test('rejects non-integer seeds', () => {
    expect(() => new SeededRandom(1.5)).toThrow(RangeError);
  });
});

describe('mulberry32', () => {
  test('matches the independent Python implementation', () => {
    const uniform = mulberry32(20261123);
    expect(Array.from({ length: 4 }, () => uniform())).toEqual(PYTHON_MULBERRY32_20261123);
  });
});

describe('nextSeed', () => {
  test('steps Park–Miller plus one: 1 → 48272, 0 → 1, and stays below 2³¹ − 1', () => {
    expect(nextSeed(1)).toBe(48272);
    expect(nextSeed(0)).toBe(1);
    // 2147483646 ≡ −1, so the step gives −48271 + 1 ≡ 2147483647 − 48270.
    expect(nextSeed(2147483646)).toBe(2147483647 - 48270);
    let seed = 12345;
    for (let i = 0; i < 1000; i++) {
      seed = nextSeed(seed);
      expect(Number.isInteger(seed) && seed >= 0 && seed < seedLimit).toBe(true);
    }
  });
});
