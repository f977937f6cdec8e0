import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { cellReadout, resultFits, sigmaOf, type LabResult } from '../../src/lib/lab-readout';
import { defaultLabState, normSpecOf, syntheticValues, type LabState } from '../../src/lib/lab-state';
import { fromNHWC, toNHWC } from '../../src/lib/layout';
import { positionNCHW } from '../../src/lib/nchw';
import { groupMoments, normalise } from '../../src/lib/norm';

// Shape [1, 2, 1, 2], instance norm: two groups (channel 0, channel 1). Numbers chosen so σ is exact.
const state: LabState = {
  ...defaultLabState({ shape: [1, 2, 1, 2], method: 'instance' }),
  epsilon: 0.44,
  gamma: [1, 3],
  beta: [0, -1],
  selected: [0, 1, 0, 0],
};
const content = Float64Array.from([0, 0, 5, -1]);
const result: LabResult = { output: Float32Array.from([0, 0, 5, -7]), mean: Float32Array.from([0, 2]), variance: Float32Array.from([0, 1.81]) };

describe('the tensor lab readout', () => {
  it('σ = √(σ² + ε): 1.81 + 0.44 = 2.25 → 1.5', () => {
    expect(sigmaOf(1.81, 0.44)).toBeCloseTo(1.5, 12);
  });

  it('gives every term of the selected cell’s formula: x = 5, μ = 2, σ = 1.5, x̂ = 2, γ = 3, β = −1, y from the result', () => {
    const cell = cellReadout(state, content, result);
    expect(cell.group).toBe(1);
    expect(cell).toMatchObject({ x: 5, mean: 2, gamma: 3, beta: -1, y: 5 });
    expect(cell.variance).toBeCloseTo(1.81, 6);
    expect(cell.sigma).toBeCloseTo(1.5, 6);
    expect(cell.xHat).toBeCloseTo(2, 6);
    expect(cell.styleMean).toBeNaN();
  });

  it('leaves the computed terms unknown (NaN) while the result belongs to another shape', () => {
    const reshaped: LabState = { ...state, shape: [1, 2, 1, 3] };
    expect(resultFits(reshaped, result)).toBe(false);
    const cell = cellReadout(reshaped, Float64Array.from([0, 0, 0, 5, 0, 0]), result);
    expect(cell.x).toBe(5);
    expect(cell.mean).toBeNaN();
    expect(cell.y).toBeNaN();
  });
});

describe('the readout adds up with the model’s own float32 numbers', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  /** What the lab computes (lab-compute.ts), on the CPU backend. */
  function compute(labState: LabState, values: Float64Array): LabResult {
    return tf.tidy(() => {
      const x = toNHWC({ shape: labState.shape, data: Float32Array.from(values) });
      const spec = normSpecOf(labState);
      const { mean, variance } = groupMoments(x, spec);
      const output = normalise(x, spec, { gamma: tf.tensor1d(labState.gamma), beta: tf.tensor1d(labState.beta), epsilon: labState.epsilon });
      return { output: fromNHWC(output).data, mean: mean.dataSync() as Float32Array, variance: variance.dataSync() as Float32Array };
    });
  }

  it('equal values give x − μ = 0 and x̂ = 0 exactly (not −4.71e-7 from a double-precision 0.1 against a float32 μ)', () => {
    const labState: LabState = {
      ...defaultLabState({ shape: [1, 1, 2, 2], method: 'instance' }),
      epsilon: 1e-5,
      gamma: [1],
      beta: [0],
      selected: [0, 0, 1, 0],
    };
    const values = Float64Array.from([0.1, 0.1, 0.1, 0.1]);
    const cell = cellReadout(labState, values, compute(labState, values));
    expect(cell.x - cell.mean).toBe(0);
    expect(cell.variance).toBe(0);
    expect(cell.xHat).toBe(0);
    expect(cell.y).toBe(0);
  });

  it.each(['batch', 'layer', 'instance', 'group'] as const)('%s: for every cell, γ·x̂ + β in float32 is the model’s y, bit for bit', (method) => {
    const base = defaultLabState({ shape: [2, 4, 2, 3], method, groups: 2, preset: 'random', seed: 7 });
    const labState: LabState = { ...base, epsilon: 1e-5, gamma: [1, -2.5, 0.3, 1], beta: [0, 0.2, -1.7, 0] };
    const values = syntheticValues(labState.shape, 'random', 7).map((value, i) => (i % 5 === 0 ? value * 1e-4 : value));
    const result = compute(labState, values);
    for (let index = 0; index < values.length; index++) {
      const cell = cellReadout({ ...labState, selected: positionNCHW(labState.shape, index) }, values, result);
      expect(Math.fround(Math.fround(cell.gamma * cell.xHat) + cell.beta), `cell ${index}`).toBe(cell.y);
    }
  });
});
