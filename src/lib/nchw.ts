/**
 * Where a value sits in an [N, C, H, W] tensor held as a plain array, the layout the lessons speak in:
 * data[((n·C + c)·H + h)·W + w]. No tfjs, so the tensor lab can lay out its grid before tfjs arrives;
 * layout.ts converts these arrays to and from tfjs's NHWC tensors.
 */
export type ShapeNCHW = readonly [n: number, c: number, h: number, w: number];

/** One element's position: sample, channel, row, column. */
export type PositionNCHW = readonly [n: number, c: number, h: number, w: number];

export function indexNCHW(shape: ShapeNCHW, n: number, c: number, h: number, w: number): number {
  const [, C, H, W] = shape;
  return ((n * C + c) * H + h) * W + w;
}

/** The inverse of indexNCHW. */
export function positionNCHW(shape: ShapeNCHW, index: number): PositionNCHW {
  const [, C, H, W] = shape;
  return [Math.floor(index / (C * H * W)), Math.floor(index / (H * W)) % C, Math.floor(index / W) % H, index % W];
}

export function elementCount(shape: ShapeNCHW): number {
  return shape[0] * shape[1] * shape[2] * shape[3];
}
