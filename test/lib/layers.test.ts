import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { runNetwork, runSteps, STEP_SLICE_MS, StepCounter, TransferAbortedError, type LayerStep, type SteppedNetwork } from '../../src/lib/layers';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** x → x + 1, four times: the output of step i is input + i + 1, easy to check by hand. */
const addOne: LayerStep[] = Array.from({ length: 4 }, (_, i) => ({ name: `add${i}`, run: (x: tf.Tensor4D) => x.add(1) }));

afterEach(() => {
  vi.restoreAllMocks();
});

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

  test('the page gets a turn once a slice of time has passed, not after every step', async () => {
    // A fake clock: each step "takes" 15 ms, so the page's turns come after steps 3 and 6 (45 ms ≥ 40 ms each).
    expect(STEP_SLICE_MS).toBe(40);
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => clock);
    const log: string[] = [];
    const steps: LayerStep[] = Array.from({ length: 8 }, (_, i) => ({
      name: `s${i + 1}`,
      run: (x: tf.Tensor4D) => {
        clock += 15;
        log.push(`s${i + 1}`);
        return x.add(1);
      },
    }));
    let finished = false;
    const pageTurn = () => {
      if (finished) return;
      log.push('turn');
      setTimeout(pageTurn, 0);
    };
    setTimeout(pageTurn, 0);
    const input = tf.zeros([1, 1, 1, 1]) as tf.Tensor4D;
    const { output } = await new StepCounter(8, {}).runSteps(steps, input);
    finished = true;
    expect(log).toEqual(['s1', 's2', 's3', 'turn', 's4', 's5', 's6', 'turn', 's7', 's8']);
    expect(output.dataSync()[0]).toBe(8);
    tf.dispose([input, output]);
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
