import * as tf from '@tensorflow/tfjs';
import { standardNormals } from './rng';
import type { ExerciseCheckWords } from '../i18n/exercise-checks';

/**
 * What every exercise checker shares: seeded test tensors, calling the reader's function safely, and
 * comparing its output with the library's. A mismatch is explained by the first typical mistake whose
 * prediction matches the reader's output; otherwise by the first element that differs. Messages are for
 * the reader, one idea each, in the words of the page's language (src/i18n/exercise-checks.ts),
 * which the caller passes in.
 */

export type { ExerciseCheckWords } from '../i18n/exercise-checks';

export interface CheckResult {
  passed: boolean;
  /** Reader-facing, in the words the check was given. */
  message: string;
}

/** The reader's function as the runtime hands it over; a checker calls it with the arguments its task names. */
export type ReaderFunction = (...args: never[]) => unknown;

/** Thrown inside a check to stop at the first problem; its message goes to the reader. */
export class CheckFailure extends Error {}

/** Element-wise tolerance |actual − expected| ≤ ABSOLUTE + RELATIVE·|expected|: float32 reductions in any order pass. */
const ABSOLUTE_TOLERANCE = 1e-4;
const RELATIVE_TOLERANCE = 1e-4;

export function formatShape(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return Math.abs(value) >= 1e4 || (value !== 0 && Math.abs(value) < 1e-3) ? value.toExponential(3) : String(Number(value.toPrecision(4)));
}

export interface TestTensorOptions {
  /**
   * Make channel 0 of sample 0 nearly constant (σ = 0.002, σ² < ε = 1e-5, mean 0.25), so where ε goes
   * changes the result; its small mean keeps float32 rounding of μ far below the tolerance.
   */
  tinyChannel?: boolean;
  /** Centre and spread of the per-(n, c) means; the per-(n, c) standard deviations lie in [0.5, 2.5). */
  meanScale?: number;
}

/**
 * A seeded NHWC tensor whose every (sample, channel) has its own mean and spread, so averaging over the
 * wrong axes always changes the result.
 */
export function testTensor(shape: readonly [number, number, number, number], seed: number, options: TestTensorOptions = {}): tf.Tensor4D {
  const [n, h, w, c] = shape;
  const noise = standardNormals(seed, n * h * w * c);
  const groupDraws = standardNormals(seed + 7919, 2 * n * c);
  const meanScale = options.meanScale ?? 2;
  const values = new Float32Array(noise.length);
  for (let i = 0; i < values.length; i++) {
    const channel = i % c;
    const sample = Math.floor(i / (h * w * c));
    const group = sample * c + channel;
    const tiny = options.tinyChannel === true && group === 0;
    const std = tiny ? 0.002 : 0.5 + 2 * Math.abs(Math.tanh(groupDraws[2 * group]!));
    const mean = tiny ? 0.25 : meanScale * groupDraws[2 * group + 1]!;
    values[i] = mean + std * noise[i]!;
  }
  return tf.tensor4d(values, [n, h, w, c]);
}

/** The reader's function, or a failure saying how to define it. */
export function readerFunction(entry: unknown, name: string, words: ExerciseCheckWords): (...args: unknown[]) => unknown {
  if (typeof entry !== 'function') throw new CheckFailure(words.defineFunction(name));
  if (entry.constructor.name === 'AsyncFunction') throw new CheckFailure(words.asyncFunction(name));
  return entry as (...args: unknown[]) => unknown;
}

/**
 * Calls the reader's function inside tf.tidy: tensors it returns are kept, its intermediates are disposed.
 * A thrown error becomes a failure that quotes it.
 */
export function callReader(
  fn: (...args: unknown[]) => unknown,
  name: string,
  args: unknown[],
  call: string,
  words: ExerciseCheckWords,
  broadcastHint = words.broadcastMeanStd,
): unknown {
  try {
    return tf.tidy(() => fn(...args) as tf.TensorContainer);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const hint = /broadcast/i.test(message) ? ` ${broadcastHint}` : '';
    throw new CheckFailure(`${words.threw(name, call, message)}${hint}`);
  }
}

/** The value as a tensor of the expected shape, or a failure that says what it was instead. */
export function requireTensor(
  value: unknown,
  what: string,
  expectedShape: readonly number[],
  words: ExerciseCheckWords,
  shapeHints: readonly { shape: readonly number[]; hint: string }[] = [],
): tf.Tensor {
  if (!(value instanceof tf.Tensor)) {
    throw new CheckFailure(words.notTensor(what, value === undefined ? words.returnedNothing : words.returnedType(typeof value)));
  }
  if (!tf.util.arraysEqual(value.shape, [...expectedShape])) {
    const known = shapeHints.find((candidate) => tf.util.arraysEqual(candidate.shape as number[], value.shape));
    throw new CheckFailure(`${words.wrongShape(what, formatShape(value.shape), formatShape(expectedShape))}${known ? ` ${known.hint}` : ''}`);
  }
  return value;
}

/** A typical wrong answer: what it would return on this trial, and what to tell the reader who wrote it. */
export interface Mistake {
  hint: string;
  predict: () => tf.Tensor;
}

function within(actual: ArrayLike<number>, expected: ArrayLike<number>, scale: number): number {
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i]!;
    const e = expected[i]!;
    if (!(Math.abs(a - e) <= scale * (ABSOLUTE_TOLERANCE + RELATIVE_TOLERANCE * Math.abs(e)))) return i;
  }
  return -1;
}

/** Index labels of element `flat` of a tensor of this shape, e.g. "[n=0, h=1, w=2, c=0]". */
function elementLabel(shape: readonly number[], flat: number, axisNames: readonly string[]): string {
  const labels: string[] = [];
  let rest = flat;
  for (let axis = shape.length - 1; axis >= 0; axis--) {
    labels.unshift(`${axisNames[axis] ?? `axis ${axis}`}=${rest % shape[axis]!}`);
    rest = Math.floor(rest / shape[axis]!);
  }
  return `[${labels.join(', ')}]`;
}

export interface Comparison {
  /** What was called, e.g. "a random x of shape [2, 4, 4, 3]". */
  trial: string;
  /** The library call the output is compared with, e.g. "normalise(x, { method: 'instance' })". */
  reference: string;
  /** Names of the output's axes, for pointing at an element. */
  axisNames: readonly string[];
  mistakes?: readonly Mistake[];
}

/** A mistake's prediction, or null where that mistake cannot even run on this trial (e.g. shapes that do not broadcast). */
function predictionOf(mistake: Mistake): tf.Tensor | null {
  try {
    return mistake.predict();
  } catch {
    return null;
  }
}

/**
 * Fails unless `actual` equals `expected` within tolerance. On a mismatch, the first mistake whose
 * prediction matches (within 10× the tolerance) gives the hint; otherwise the first differing element.
 */
export async function expectClose(actual: tf.Tensor, expected: tf.Tensor, comparison: Comparison, words: ExerciseCheckWords): Promise<void> {
  const [actualValues, expectedValues] = await Promise.all([actual.data(), expected.data()]);
  const first = within(actualValues, expectedValues, 1);
  if (first < 0) return;
  for (const mistake of comparison.mistakes ?? []) {
    const predicted = predictionOf(mistake);
    if (predicted === null) continue;
    const predictedValues = await predicted.data();
    predicted.dispose();
    if (tf.util.arraysEqual(predicted.shape, actual.shape) && within(actualValues, predictedValues, 10) < 0) {
      throw new CheckFailure(words.onTrial(comparison.trial, mistake.hint));
    }
  }
  const where = elementLabel(expected.shape, first, comparison.axisNames);
  throw new CheckFailure(
    words.differs(comparison.trial, where, formatNumber(actualValues[first]!), comparison.reference, formatNumber(expectedValues[first]!)),
  );
}

/**
 * Runs a check body inside one tfjs scope, so every tensor it or the reader's function creates is disposed,
 * and turns a CheckFailure into a failed result. Any other error is a bug in the checker and propagates.
 */
export async function runCheck(body: () => Promise<string>): Promise<CheckResult> {
  tf.engine().startScope();
  try {
    return { passed: true, message: await body() };
  } catch (error) {
    if (error instanceof CheckFailure) return { passed: false, message: error.message };
    throw error;
  } finally {
    tf.engine().endScope();
  }
}

export const NHWC_AXES = ['n', 'h', 'w', 'c'] as const;

/** One call of the reader's function that returns a single tensor, and what the library returns for it. */
export interface TensorTrial extends Comparison {
  args: unknown[];
  expected: () => tf.Tensor;
  /** Shapes a typical mistake returns, with what to say about them. */
  shapeHints?: readonly { shape: readonly number[]; hint: string }[];
  /** What to say when tfjs cannot broadcast two of the reader's tensors (default: about μ and σ). */
  broadcastHint?: string;
}

/**
 * The common check: call the reader's function `name` on every trial (built lazily, inside the check's
 * scope), stop at the first wrong output, and otherwise report `success`.
 */
export function checkTensorFunction(
  entry: unknown,
  name: string,
  trials: () => TensorTrial[],
  success: string,
  words: ExerciseCheckWords,
): Promise<CheckResult> {
  return runCheck(async () => {
    const fn = readerFunction(entry, name, words);
    for (const trial of trials()) {
      const expected = trial.expected();
      const output = requireTensor(
        callReader(fn, name, trial.args, trial.trial, words, trial.broadcastHint),
        words.yourOutput,
        expected.shape,
        words,
        trial.shapeHints,
      );
      await expectClose(output, expected, trial, words);
    }
    return success;
  });
}
