import * as tf from '@tensorflow/tfjs';
import type { ShapeNCHW } from './nchw';

/**
 * The lessons speak of feature maps as [N, C, H, W]; tfjs convolutions want [N, H, W, C].
 * This file is the one place that converts between the two.
 */

/** A plain NCHW array as the lessons and the tensor lab hold it (indexNCHW in nchw.ts). */
export interface ArrayNCHW {
  shape: ShapeNCHW;
  data: Float32Array;
}

/** NCHW array → NHWC tensor (caller owns the tensor). */
export function toNHWC(x: ArrayNCHW): tf.Tensor4D {
  return tf.tidy(() => tf.tensor4d(x.data, [...x.shape]).transpose<tf.Tensor4D>([0, 2, 3, 1]));
}

function shapeNCHW(x: tf.Tensor4D): ShapeNCHW {
  const [n, h, w, c] = x.shape;
  return [n, c, h, w];
}

/** NHWC tensor → NCHW array, read synchronously (Node and CPU-side backends; small tensors only). */
export function fromNHWC(x: tf.Tensor4D): ArrayNCHW {
  const nchw = x.transpose([0, 3, 1, 2]);
  const data = Float32Array.from(nchw.dataSync());
  nchw.dispose();
  return { shape: shapeNCHW(x), data };
}

/** NHWC tensor → NCHW array, read asynchronously: a GPU backend returns the data without blocking the page. */
export async function readNHWC(x: tf.Tensor4D): Promise<ArrayNCHW> {
  const nchw = x.transpose([0, 3, 1, 2]);
  try {
    return { shape: shapeNCHW(x), data: Float32Array.from(await nchw.data()) };
  } finally {
    nchw.dispose();
  }
}
