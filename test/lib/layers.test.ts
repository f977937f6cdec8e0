import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, test } from 'vitest';
import { runNetwork, runSteps, StepCounter, TransferAbortedError, type LayerStep, type SteppedNetwork } from '../../src/lib/layers';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** x → x + 1, four times: the output of step i is input + i + 1, easy to check by hand. */
const addOne: LayerStep[] = Array.from({ length: 4 }, (_, i) => ({ name: `add${i}`, run: (x: tf.Tensor4D) => x.add(1) }));

describe('the step loop', () => {
  test('runs every step, keeps what is asked for, and disposes the other intermediates', () => {
    const input = tf.zeros([1, 1, 1, 1]) as tf.Tensor4D;
    const before = tf.memory().numTensors;
    const { output, kept } = runSteps(addOne, input, (index) => index === 1);
    expect(output.dataSync()[0]).toBe(4);
    expect(kept.map((t) => t.dataSync()[0])).toEqual([2]);
    expect(tf.memory().numTensors).toBe(before + 2);
    tf.dispose([output, ...kept, input]);
  });

  test('a failing step leaves nothing behind, and the input is the caller’s', () => {
    const input = tf.zeros([1, 1, 1, 1]) as tf.Tensor4D;
    const before = tf.memory().numTensors;
    const failing: LayerStep = {
      name: 'broken',
      run: () => {
        throw new Error('broken step');
      },
    };
    expect(() => runSteps([...addOne.slice(0, 2), failing], input, () => true)).toThrow('broken step');
    expect(tf.memory().numTensors).toBe(before);
    expect(input.isDisposed).toBe(false);
    input.dispose();
  });

  test('cancelled between steps: stops with an AbortError, reports progress up to there, leaks nothing', async () => {
    const input = tf.zeros([1, 1, 1, 1]) as tf.Tensor4D;
    const before = tf.memory().numTensors;
    const controller = new AbortController();
    const done: number[] = [];
    const counter = new StepCounter(4, {
      signal: controller.signal,
      onProgress: (p) => {
        done.push(p.done);
        if (p.done === 2) controller.abort();
      },
    });
    await expect(counter.runSteps(addOne, input)).rejects.toBeInstanceOf(TransferAbortedError);
    expect(done).toEqual([1, 2]);
    expect(tf.memory().numTensors).toBe(before);
    input.dispose();
  });

  test('a network checks its input before any step runs', () => {
    const network: SteppedNetwork = {
      name: 'test net',
      steps: addOne,
      weights: {},
      checkInput: (x) => {
        if (x.shape[3] !== 1) throw new RangeError('one channel only');
      },
    };
    const wrong = tf.zeros([1, 1, 1, 2]) as tf.Tensor4D;
    expect(() => runNetwork(network, wrong)).toThrow(RangeError);
    wrong.dispose();
  });
});
