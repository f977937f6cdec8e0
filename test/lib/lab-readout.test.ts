import { describe, expect, it } from 'vitest';
import { cellReadout, resultFits, sigmaOf, type LabResult } from '../../src/lib/lab-readout';
import { defaultLabState, type LabState } from '../../src/lib/lab-state';

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
