import type { ShapeNCHW } from './nchw';

/**
 * Which values share one (μ, σ²) pair, for each normalisation method. No tfjs here, so a page can colour
 * and highlight statistic groups before the tfjs bundle has arrived; norm.ts re-exports all of it.
 */
export type NormMethod = 'batch' | 'layer' | 'instance' | 'group';

export interface NormSpec {
  method: NormMethod;
  /** Number of channel groups for group normalisation; must divide C. */
  groups?: number;
}

export function groupsOf(spec: NormSpec, channels: number): number {
  const groups = spec.groups ?? 1;
  if (!Number.isInteger(groups) || groups < 1 || channels % groups !== 0) {
    throw new RangeError(`group count ${groups} must be a positive divisor of the channel count ${channels}`);
  }
  return groups;
}

/** The index of the statistic group cell (n, c, h, w) of an [N,C,H,W] tensor belongs to. */
export function statisticGroupOf(shape: ShapeNCHW, spec: NormSpec, n: number, c: number): number {
  const [, C] = shape;
  switch (spec.method) {
    case 'batch':
      return c;
    case 'instance':
      return n * C + c;
    case 'layer':
      return n;
    case 'group': {
      const g = groupsOf(spec, C);
      return n * g + Math.floor(c / (C / g));
    }
  }
}

/** How many (μ, σ²) pairs a method computes for a tensor of this shape. */
export function statisticGroupCount(shape: ShapeNCHW, spec: NormSpec): number {
  const [N, C] = shape;
  switch (spec.method) {
    case 'batch':
      return C;
    case 'instance':
      return N * C;
    case 'layer':
      return N;
    case 'group':
      return N * groupsOf(spec, C);
  }
}
