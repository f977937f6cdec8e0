/**
 * An independent reference for the normalisation tests: plain loops over an NCHW Float32Array, written
 * without tfjs and without src/lib, so a shared mistake cannot make both sides agree.
 */
export type ReferenceMethod = 'batch' | 'layer' | 'instance' | 'group';

export interface ReferenceTensor {
  shape: readonly [number, number, number, number];
  data: Float32Array;
}

export interface ReferenceMoments {
  /** One entry per statistic group, in the order src/lib/norm.ts documents. */
  mean: number[];
  variance: number[];
  /** For every element of the input (NCHW order), the index of its statistic group. */
  groupOfElement: number[];
}

function at(shape: ReferenceTensor['shape'], n: number, c: number, h: number, w: number): number {
  return ((n * shape[1] + c) * shape[2] + h) * shape[3] + w;
}

/** Which statistic group element (n, c) falls into, written out case by case. */
function referenceGroup(shape: ReferenceTensor['shape'], method: ReferenceMethod, groups: number, n: number, c: number): number {
  const channels = shape[1];
  if (method === 'batch') return c;
  if (method === 'instance') return n * channels + c;
  if (method === 'layer') return n;
  const channelsPerGroup = channels / groups;
  return n * groups + Math.floor(c / channelsPerGroup);
}

export function referenceMoments(x: ReferenceTensor, method: ReferenceMethod, groups = 1): ReferenceMoments {
  const [N, C, H, W] = x.shape;
  const count = method === 'batch' ? C : method === 'instance' ? N * C : method === 'layer' ? N : N * groups;
  const sums = new Array<number>(count).fill(0);
  const sizes = new Array<number>(count).fill(0);
  const groupOfElement = new Array<number>(x.data.length).fill(0);
  for (let n = 0; n < N; n++)
    for (let c = 0; c < C; c++)
      for (let h = 0; h < H; h++)
        for (let w = 0; w < W; w++) {
          const g = referenceGroup(x.shape, method, groups, n, c);
          const i = at(x.shape, n, c, h, w);
          groupOfElement[i] = g;
          sums[g]! += x.data[i]!;
          sizes[g]! += 1;
        }
  const mean = sums.map((s, g) => s / sizes[g]!);
  const squared = new Array<number>(count).fill(0);
  x.data.forEach((value, i) => {
    const g = groupOfElement[i]!;
    squared[g]! += (value - mean[g]!) ** 2;
  });
  // Population variance: divide by the number of values, not by one less.
  const variance = squared.map((s, g) => s / sizes[g]!);
  return { mean, variance, groupOfElement };
}

export interface ReferenceAffine {
  gamma?: number[];
  beta?: number[];
  epsilon?: number;
}

export function referenceNormalise(x: ReferenceTensor, method: ReferenceMethod, groups = 1, affine: ReferenceAffine = {}): Float32Array {
  const epsilon = affine.epsilon ?? 1e-5;
  const { mean, variance, groupOfElement } = referenceMoments(x, method, groups);
  const [, C, H, W] = x.shape;
  const out = new Float32Array(x.data.length);
  x.data.forEach((value, i) => {
    const c = Math.floor(i / (H * W)) % C;
    const g = groupOfElement[i]!;
    const xHat = (value - mean[g]!) / Math.sqrt(variance[g]! + epsilon);
    out[i] = (affine.gamma?.[c] ?? 1) * xHat + (affine.beta?.[c] ?? 0);
  });
  return out;
}

/** Per sample and channel mean and population standard deviation, flattened as n·C + c. */
export function referenceChannelStatistics(x: ReferenceTensor): { mean: number[]; std: number[] } {
  const { mean, variance } = referenceMoments(x, 'instance');
  return { mean, std: variance.map(Math.sqrt) };
}

/** AdaIN as Huang & Belongie define it, with ε under the content's variance only (as our weights do). */
export function referenceAdain(content: ReferenceTensor, style: ReferenceTensor, epsilon = 1e-5): Float32Array {
  const [, C, H, W] = content.shape;
  const contentMoments = referenceMoments(content, 'instance');
  const styleStatistics = referenceChannelStatistics(style);
  const out = new Float32Array(content.data.length);
  content.data.forEach((value, i) => {
    const nc = Math.floor(i / (H * W));
    const styleIndex = style.shape[0] === 1 ? nc % C : nc;
    const xHat = (value - contentMoments.mean[nc]!) / Math.sqrt(contentMoments.variance[nc]! + epsilon);
    out[i] = styleStatistics.std[styleIndex]! * xHat + styleStatistics.mean[styleIndex]!;
  });
  return out;
}

/** A small deterministic generator (mulberry32) so test tensors are the same on every run. */
export function referenceRandomTensor(shape: ReferenceTensor['shape'], seed: number, scale = 1, offset = 0): ReferenceTensor {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const size = shape[0] * shape[1] * shape[2] * shape[3];
  const data = new Float32Array(size);
  for (let i = 0; i < size; i++) data[i] = offset + scale * (next() * 2 - 1);
  return { shape, data };
}
