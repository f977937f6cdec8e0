import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, test } from 'vitest';
import { groupMeans, kNearestRadii, manifoldMembership, precisionRecall, squaredDistances } from '../../src/lib/precision-recall';
import { mulberry32 } from '../../src/lib/rng';
import { useWasm } from './fixtures';

const column = (values: number[]): tf.Tensor2D => tf.tensor2d(values, [values.length, 1]);

/** A separately written reference: every distance in float64 with plain loops, sorting for the k-th neighbour. */
function bruteForce(real: number[][], generated: number[][], k: number) {
  const distance2 = (a: number[], b: number[]): number => a.reduce((sum, value, i) => sum + (value - b[i]!) ** 2, 0);
  const radii = (set: number[][]): number[] =>
    set.map(
      (point, i) =>
        set
          .filter((_, j) => j !== i)
          .map((other) => distance2(point, other))
          .sort((x, y) => x - y)[k - 1]!,
    );
  const inside = (queries: number[][], reference: number[][], referenceRadii: number[]): number[] =>
    queries.map((query) => (reference.some((point, j) => distance2(query, point) <= referenceRadii[j]!) ? 1 : 0));
  const nearest = (query: number[], reference: number[][]): number => {
    let best = 0;
    for (let j = 1; j < reference.length; j++) if (distance2(query, reference[j]!) < distance2(query, reference[best]!)) best = j;
    return best;
  };
  const generatedInside = inside(generated, real, radii(real));
  const realInside = inside(real, generated, radii(generated));
  const mean = (values: number[]): number => values.reduce((s, v) => s + v, 0) / values.length;
  return {
    realRadii: radii(real),
    precision: mean(generatedInside),
    recall: mean(realInside),
    generatedInside,
    nearestReal: generated.map((query) => nearest(query, real)),
  };
}

/** Small integer coordinates, so that float32 holds every distance exactly and ties compare alike in both versions. */
function integerPoints(uniform: () => number, count: number, size: number, offset: number): number[][] {
  return Array.from({ length: count }, () => Array.from({ length: size }, () => offset + Math.floor(uniform() * 10)));
}

describe('improved precision and recall', () => {
  beforeAll(useWasm);

  test('squared distances of a hand-computed 3-4-5 example', () => {
    const a = tf.tensor2d([
      [0, 0],
      [3, 4],
    ]);
    const b = tf.tensor2d([
      [0, 0],
      [6, 8],
      [3, 0],
    ]);
    const distances = squaredDistances(a, b);
    expect(distances.arraySync()).toEqual([
      [0, 100, 9],
      [25, 25, 16],
    ]);
    tf.dispose([a, b, distances]);
  });

  test('k-th nearest-neighbour radii, the point itself left out, hand-computed', () => {
    const line = tf.tensor2d([
      [0, 0],
      [3, 4],
      [6, 8],
    ]);
    expect(Array.from(kNearestRadii(line, 1))).toEqual([25, 25, 25]);
    expect(Array.from(kNearestRadii(line, 2))).toEqual([100, 25, 100]);
    // Real points 0, 1, 2, 10, 11 with k = 3: the third nearest other point is 10, 9, 8, 9 and 10 away.
    const real = column([0, 1, 2, 10, 11]);
    expect(Array.from(kNearestRadii(real, 3))).toEqual([100, 81, 64, 81, 100]);
    // A duplicate is a neighbour at distance 0.
    const duplicated = column([0, 0, 5]);
    expect(Array.from(kNearestRadii(duplicated, 1))).toEqual([0, 0, 25]);
    tf.dispose([line, real, duplicated]);
  });

  test('precision and recall of a hand-computed 1-D example (k = 1)', () => {
    // Real 0, 1, 2, 10, 11: every radius is 1. Generated 0.4, 1.6, 30, 31: radii 1.2, 1.2, 1, 1.
    // Generated inside the real manifold: 0.4 (0.4 from 0) and 1.6 (0.4 from 2); 30 and 31 are far → precision 2/4.
    // Real inside the generated manifold: 0 (0.4 from 0.4), 1 (0.6 from 0.4), 2 (0.4 from 1.6); not 10, 11 → recall 3/5.
    // Nearest real point: 0.4 → 0 (index 0), 1.6 → 2 (index 2), 30 and 31 → 11 (index 4).
    const real = column([0, 1, 2, 10, 11]);
    const generated = column([0.4, 1.6, 30, 31]);
    const result = precisionRecall(real, generated, 1);
    expect(result.precision).toBe(0.5);
    expect(result.recall).toBe(0.6);
    expect(Array.from(result.generatedInside)).toEqual([1, 1, 0, 0]);
    expect(Array.from(result.nearestReal)).toEqual([0, 2, 4, 4]);
    tf.dispose([real, generated]);
  });

  test('equals a brute-force float64 reference on 60 real and 45 generated points in 5-D, k = 3, for any block size', () => {
    const uniform = mulberry32(7);
    const realPoints = integerPoints(uniform, 60, 5, 0);
    const generatedPoints = integerPoints(uniform, 45, 5, 3);
    const expected = bruteForce(realPoints, generatedPoints, 3);
    expect(expected.precision).toBeGreaterThan(0.1);
    expect(expected.precision).toBeLessThan(0.9);
    expect(expected.recall).toBeGreaterThan(0.1);
    expect(expected.recall).toBeLessThan(0.9);
    const real = tf.tensor2d(realPoints);
    const generated = tf.tensor2d(generatedPoints);
    for (const blockRows of [1, 7, 64, 1000]) {
      expect(Array.from(kNearestRadii(real, 3, blockRows))).toEqual(expected.realRadii);
      const result = precisionRecall(real, generated, 3, blockRows);
      expect(result.precision).toBe(expected.precision);
      expect(result.recall).toBe(expected.recall);
      expect(Array.from(result.generatedInside)).toEqual(expected.generatedInside);
      expect(Array.from(result.nearestReal)).toEqual(expected.nearestReal);
    }
    tf.dispose([real, generated]);
  });

  test('leaves no tensors behind', () => {
    const real = column([0, 1, 2, 10, 11]);
    const generated = column([0.4, 1.6, 30, 31]);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) precisionRecall(real, generated, 3, 2);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([real, generated]);
  });

  test('refuses a k that needs more points than the set has, and radii that do not match', () => {
    const three = column([0, 1, 2]);
    expect(() => kNearestRadii(three, 3)).toThrow(RangeError);
    expect(() => kNearestRadii(three, 0)).toThrow(RangeError);
    expect(() => manifoldMembership(three, three, [1, 1])).toThrow(RangeError);
    three.dispose();
  });
});

describe('groupMeans', () => {
  test('per-group means and sizes, hand-computed', () => {
    expect(groupMeans([1, 0, 1, 1, 0], [0, 0, 2, 2, 2], 3)).toEqual([
      { count: 2, mean: 0.5 },
      { count: 0, mean: NaN },
      { count: 3, mean: 2 / 3 },
    ]);
  });

  test('refuses labels outside the groups', () => {
    expect(() => groupMeans([1], [3], 3)).toThrow(RangeError);
    expect(() => groupMeans([1, 0], [0], 3)).toThrow(RangeError);
  });
});
