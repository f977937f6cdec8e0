import * as tf from '@tensorflow/tfjs';
import { normalise } from './norm';
import { adain } from './adain';
import { mulberry32 } from './rng';

/**
 * A small fixed workload that touches the ops the demos rely on (moments, broadcasting, a 3×3 conv with
 * reflect padding, AdaIN). Running it on every backend and comparing with CPU shows whether a backend
 * computes the same numbers on this machine.
 */
function deterministicValues(count: number, seed: number): Float32Array {
  const uniform = mulberry32(seed);
  return Float32Array.from({ length: count }, () => uniform() * 4 - 2);
}

export function consistencyWorkload(): tf.Tensor4D {
  return tf.tidy(() => {
    const x = tf.tensor4d(deterministicValues(2 * 8 * 8 * 4, 7), [2, 8, 8, 4]);
    const style = tf
      .tensor4d(deterministicValues(2 * 8 * 8 * 4, 11), [2, 8, 8, 4])
      .mul(3)
      .add(1) as tf.Tensor4D;
    const kernel = tf.tensor4d(deterministicValues(3 * 3 * 4 * 4, 13), [3, 3, 4, 4]);
    const padded = tf.mirrorPad(
      normalise(x, { method: 'instance' }),
      [
        [0, 0],
        [1, 1],
        [1, 1],
        [0, 0],
      ],
      'reflect',
    );
    const features = tf.relu(tf.conv2d(padded, kernel, 1, 'valid'));
    const grouped = normalise(features, { method: 'group', groups: 2 });
    return adain(grouped, style);
  });
}
