import { groupCount, groupOfCell, type LabState } from './lab-state';
import { elementCount, indexNCHW } from './nchw';

/**
 * The tensor lab's numbers for the reader, from what src/lib computed (lab-compute.ts): σ = √(σ² + ε) per
 * statistic group, and every term of the formula for the selected cell. Pure: no tfjs, no DOM.
 */
export interface LabResult {
  /** y (or AdaIN's output), NCHW. */
  output: Float32Array;
  /** μ and population σ² of every statistic group of x, in norm.ts's group order. */
  mean: Float32Array;
  variance: Float32Array;
  /** AdaIN only: the style's μ and σ (no ε) per sample and channel, n·C + c. */
  styleMean?: Float32Array;
  styleStd?: Float32Array;
}

/** σ = √(σ² + ε): the σ the normalisation divides by. */
export function sigmaOf(variance: number, epsilon: number): number {
  return Math.sqrt(variance + epsilon);
}

/** Whether a result was computed for this state's shape and grouping (a newer edit may not be computed yet). */
export function resultFits(state: LabState, result: LabResult | undefined): result is LabResult {
  return result !== undefined && result.mean.length === groupCount(state) && result.output.length === elementCount(state.shape);
}

/** Every term of the selected cell's formula; NaN for what has not been computed yet. */
export interface CellReadout {
  group: number;
  x: number;
  mean: number;
  variance: number;
  sigma: number;
  xHat: number;
  gamma: number;
  beta: number;
  y: number;
  /** AdaIN: the style's μ(y), σ(y) of the cell's sample and channel. */
  styleMean: number;
  styleStd: number;
}

/**
 * The terms are float32 and computed in float32 in norm.ts's order ((x − μ) / √(σ² + ε)), as the model
 * computes them: in double precision against a float32 μ, (0.1 − μ) would be a few 1e-9 instead of 0, and
 * the readout would show arithmetic that does not add up.
 */
export function cellReadout(state: LabState, content: Float64Array, result: LabResult | undefined): CellReadout {
  const f32 = Math.fround;
  const index = indexNCHW(state.shape, ...state.selected);
  const [, c] = state.selected;
  const group = groupOfCell(state, state.selected);
  const fits = resultFits(state, result);
  const x = f32(content[index] ?? NaN);
  const mean = fits ? (result.mean[group] ?? NaN) : NaN;
  const variance = fits ? (result.variance[group] ?? NaN) : NaN;
  const sigma = f32(Math.sqrt(f32(variance + f32(state.epsilon))));
  return {
    group,
    x,
    mean,
    variance,
    sigma,
    xHat: f32(f32(x - mean) / sigma),
    gamma: f32(state.gamma[c] ?? 1),
    beta: f32(state.beta[c] ?? 0),
    y: fits ? (result.output[index] ?? NaN) : NaN,
    styleMean: fits ? (result.styleMean?.[group] ?? NaN) : NaN,
    styleStd: fits ? (result.styleStd?.[group] ?? NaN) : NaN,
  };
}
