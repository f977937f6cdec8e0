import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { toNHWC, fromNHWC, readNHWC, type ArrayNCHW } from '../../src/lib/layout';
import { indexNCHW } from '../../src/lib/nchw';

describe('NCHW ↔ NHWC', () => {
  it('puts channel values last: NHWC[n,h,w,c] equals NCHW[n,c,h,w]', async () => {
    await tf.setBackend('cpu');
    const shape = [2, 3, 2, 4] as const;
    // Each value encodes its own NCHW coordinates, so a misplaced element is easy to read.
    const data = new Float32Array(2 * 3 * 2 * 4);
    for (let n = 0; n < 2; n++)
      for (let c = 0; c < 3; c++) for (let h = 0; h < 2; h++) for (let w = 0; w < 4; w++) data[indexNCHW(shape, n, c, h, w)] = 1000 * n + 100 * c + 10 * h + w;
    const nhwc = toNHWC({ shape, data });
    expect(nhwc.shape).toEqual([2, 2, 4, 3]);
    const values = nhwc.arraySync();
    expect(values[1]![0]![3]![2]).toBe(1203);
    expect(values[0]![1]![2]![1]).toBe(112);
    nhwc.dispose();
  });

  it('round-trips exactly and disposes its intermediates', async () => {
    await tf.setBackend('cpu');
    const x: ArrayNCHW = { shape: [1, 2, 3, 2], data: Float32Array.from([1.5, -2, 3e-7, 4, 5, 6, 7, 8, 9, 10, 11, -12]) };
    const before = tf.memory().numTensors;
    const nhwc = toNHWC(x);
    const back = fromNHWC(nhwc);
    const readBack = await readNHWC(nhwc);
    nhwc.dispose();
    expect(tf.memory().numTensors).toBe(before);
    for (const result of [back, readBack]) {
      expect(result.shape).toEqual([1, 2, 3, 2]);
      expect(Array.from(result.data)).toEqual(Array.from(x.data));
    }
  });
});
