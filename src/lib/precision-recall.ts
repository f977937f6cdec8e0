import * as tf from '@tensorflow/tfjs';

/**
 * Improved precision and recall (Kynkäänniemi et al. 2019, arXiv:1904.06991, section 2) of generated
 * samples against real ones, both given as feature vectors (rows).
 *
 * Each set's manifold is the union of balls around its points; a point's radius is the distance to its
 * k-th nearest neighbour in its own set (itself excluded; the paper uses k = 3).
 *   precision = the fraction of generated points inside the real manifold,
 *   recall    = the fraction of real points inside the generated manifold.
 * Distances are squared Euclidean (the comparisons are the same as with plain distances), computed on the
 * tfjs backend a block of rows at a time, so memory grows with the block and not with the square of the set.
 */

/** The neighbourhood size of the paper. */
export const PAPER_K = 3;

/** Rows per block of the distance matrix; 256 × 4,000 float32 distances are 4 MB. */
const DEFAULT_BLOCK_ROWS = 256;

/** Squared Euclidean distances between the rows of a [m, d] and b [n, d], as ‖a‖² + ‖b‖² − 2 a·b clamped at 0: [m, n]. */
export function squaredDistances(a: tf.Tensor2D, b: tf.Tensor2D): tf.Tensor2D {
  if (a.shape[1] !== b.shape[1]) throw new RangeError(`feature sizes differ: ${a.shape[1]} and ${b.shape[1]}`);
  return tf.tidy(() => {
    const normsA = a.square().sum(1, true);
    const normsB = b.square().sum(1).expandDims(0);
    return tf.relu(normsA.add(normsB).sub(tf.matMul(a, b, false, true).mul(2))) as tf.Tensor2D;
  });
}

function checkBlockRows(blockRows: number): void {
  if (!Number.isInteger(blockRows) || blockRows < 1) throw new RangeError(`block rows must be a positive integer, got ${blockRows}`);
}

/**
 * For every row of `features` [n, d], the squared distance to its k-th nearest other row (the row itself
 * is left out by position, so duplicates of a row count as neighbours at distance 0).
 */
export function kNearestRadii(features: tf.Tensor2D, k: number = PAPER_K, blockRows = DEFAULT_BLOCK_ROWS): Float32Array {
  const n = features.shape[0];
  if (!Number.isInteger(k) || k < 1 || k >= n) throw new RangeError(`k must be an integer from 1 to ${n - 1} for ${n} points, got ${k}`);
  checkBlockRows(blockRows);
  const radii = new Float32Array(n);
  for (let start = 0; start < n; start += blockRows) {
    const rows = Math.min(blockRows, n - start);
    const kth = tf.tidy(() => {
      const distances = squaredDistances(features.slice([start, 0], [rows, -1]), features);
      const self = tf.oneHot(tf.range(start, start + rows, 1, 'int32'), n).cast('bool');
      const others = tf.where(self, tf.fill([rows, n], Infinity), distances);
      // topk takes the largest, so the k smallest distances are the k largest negated ones.
      const { values } = tf.topk(others.neg(), k, true);
      return values.slice([0, k - 1], [rows, 1]).neg();
    });
    radii.set(kth.dataSync(), start);
    kth.dispose();
  }
  return radii;
}

export interface ManifoldMembership {
  /** Per query row, 1 when it lies inside some reference row's ball (distance ≤ that row's radius), else 0. */
  inside: Uint8Array;
  /** Per query row, the index of its nearest reference row. */
  nearest: Int32Array;
}

/** Which query rows [m, d] fall inside the union of balls around the reference rows [n, d] with the given squared radii. */
export function manifoldMembership(
  queries: tf.Tensor2D,
  reference: tf.Tensor2D,
  referenceRadii: ArrayLike<number>,
  blockRows = DEFAULT_BLOCK_ROWS,
): ManifoldMembership {
  const [m] = queries.shape;
  const n = reference.shape[0];
  if (referenceRadii.length !== n) throw new RangeError(`${referenceRadii.length} radii for ${n} reference rows`);
  checkBlockRows(blockRows);
  const radii = tf.tensor1d(Float32Array.from(referenceRadii));
  const inside = new Uint8Array(m);
  const nearest = new Int32Array(m);
  for (let start = 0; start < m; start += blockRows) {
    const rows = Math.min(blockRows, m - start);
    const [within, closest] = tf.tidy(() => {
      const distances = squaredDistances(queries.slice([start, 0], [rows, -1]), reference);
      return [distances.lessEqual(radii).any(1).cast('int32'), distances.argMin(1)];
    });
    inside.set(within.dataSync(), start);
    nearest.set(closest.dataSync(), start);
    tf.dispose([within, closest]);
  }
  radii.dispose();
  return { inside, nearest };
}

export interface PrecisionRecall {
  precision: number;
  recall: number;
  /** Per generated row: inside the real manifold (1) or not (0); precision is their mean. */
  generatedInside: Uint8Array;
  /** Per generated row, the index of its nearest real row (for precision per group of real images). */
  nearestReal: Int32Array;
}

const mean = (values: Uint8Array): number => values.reduce((sum, value) => sum + value, 0) / values.length;

/** Improved precision and recall of `generated` [m, d] against `real` [n, d], k-NN radii with the given k. */
export function precisionRecall(real: tf.Tensor2D, generated: tf.Tensor2D, k: number = PAPER_K, blockRows = DEFAULT_BLOCK_ROWS): PrecisionRecall {
  const realRadii = kNearestRadii(real, k, blockRows);
  const generatedRadii = kNearestRadii(generated, k, blockRows);
  const { inside: generatedInside, nearest: nearestReal } = manifoldMembership(generated, real, realRadii, blockRows);
  const { inside: realInside } = manifoldMembership(real, generated, generatedRadii, blockRows);
  return { precision: mean(generatedInside), recall: mean(realInside), generatedInside, nearestReal };
}

/** The mean of `values` within each group (`groups[i]` in 0..groupCount−1), with the group's size; NaN for an empty group. */
export function groupMeans(values: ArrayLike<number>, groups: ArrayLike<number>, groupCount: number): Array<{ count: number; mean: number }> {
  if (values.length !== groups.length) throw new RangeError(`${values.length} values but ${groups.length} group labels`);
  const sums = new Float64Array(groupCount);
  const counts = new Int32Array(groupCount);
  for (let i = 0; i < values.length; i++) {
    const group = groups[i]!;
    if (!Number.isInteger(group) || group < 0 || group >= groupCount) throw new RangeError(`group label ${group} is outside 0..${groupCount - 1}`);
    sums[group]! += values[i]!;
    counts[group]! += 1;
  }
  return Array.from(counts, (count, group) => ({ count, mean: count === 0 ? NaN : sums[group]! / count }));
}
