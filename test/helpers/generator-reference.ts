import * as tf from '@tensorflow/tfjs';

/** An array as training/export.py writes it into test/fixtures/generator-reference.json. */
export interface EncodedArray {
  shape: number[];
  base64: string;
}

/** Float32 little-endian base64 → tensor. */
export function decodeArray(encoded: EncodedArray): tf.Tensor {
  const bytes = Buffer.from(encoded.base64, 'base64');
  return tf.tensor(new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)), encoded.shape);
}

export function maxAbsDiff(a: tf.Tensor, b: tf.Tensor): number {
  return tf.tidy(() => a.sub(b).abs().max().dataSync()[0]!);
}
