import * as tf from '@tensorflow/tfjs';

/**
 * Building blocks shared by the AdaIN networks (VGG and mobile) and the runner that steps through a
 * network layer by layer, synchronously or yielding to the page between layers.
 */

export type Activation = 'relu' | 'linear';

/** The padding every 3×3 conv of the AdaIN networks uses: reflect 1 on H and W. */
const REFLECT_1: Array<[number, number]> = [
  [0, 0],
  [1, 1],
  [1, 1],
  [0, 0],
];

export function reflectPad1(x: tf.Tensor4D): tf.Tensor4D {
  return tf.mirrorPad(x, REFLECT_1, 'reflect');
}

/** Reflect-pad 1, 3×3 'valid' conv, bias and activation: one fused kernel after the pad. */
export function reflectConv3x3(x: tf.Tensor4D, kernel: tf.Tensor4D, bias: tf.Tensor1D, activation: Activation): tf.Tensor4D {
  return tf.tidy(() => tf.fused.conv2d({ x: reflectPad1(x), filter: kernel, strides: 1, pad: 'valid', bias, activation }));
}

/** Nearest-neighbour ×2 upsampling (pixel replication), as Keras UpSampling2D. */
export function upsampleNearest2x(x: tf.Tensor4D): tf.Tensor4D {
  const [, h, w] = x.shape;
  return tf.image.resizeNearestNeighbor(x, [h * 2, w * 2], false, false);
}

export function maxPool2x2(x: tf.Tensor4D): tf.Tensor4D {
  return tf.maxPool(x, 2, 2, 'valid');
}

/** One step of a network: takes ownership of nothing; returns a new tensor. */
export interface LayerStep {
  /** Name for progress reports (the graph's layer name). */
  name: string;
  run: (x: tf.Tensor4D) => tf.Tensor4D;
}

export interface StepProgress {
  /** Steps done so far, and the total, across the whole run being reported. */
  done: number;
  total: number;
  /** The step just finished. */
  name: string;
}

export interface AsyncRunOptions {
  signal?: AbortSignal;
  onProgress?: (progress: StepProgress) => void;
}

/** Thrown (as the DOM's AbortError) when a run is cancelled through its AbortSignal. */
export class TransferAbortedError extends Error {
  override readonly name = 'AbortError';
  constructor() {
    super('The style transfer was cancelled.');
  }
}

/**
 * How long a step loop may hold the main thread before it lets the page paint and handle input: under the
 * 50 ms at which browsers report a long task. A turn after every layer cost the mobile model's first 256²
 * run about 0.16 s here (each turn waits at least 4 ms once timers nest, and repaints the progress bar).
 */
export const STEP_SLICE_MS = 40;

/** Lets the page paint and handle input; a macrotask, so rendering can happen between layers. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * The one step loop: runs the steps in order, pausing after each, and disposes every intermediate; the
 * outputs `keep(i)` picks are returned with the last one (the caller owns them). Stopped early or failing,
 * it disposes what it holds. The input is never disposed.
 */
function* stepThrough(
  steps: readonly LayerStep[],
  input: tf.Tensor4D,
  keep: (index: number) => boolean,
): Generator<LayerStep, { output: tf.Tensor4D; kept: tf.Tensor4D[] }> {
  let x = input;
  const kept: tf.Tensor4D[] = [];
  let finished = false;
  try {
    for (const [index, step] of steps.entries()) {
      const y = step.run(x);
      if (x !== input && !kept.includes(x)) x.dispose();
      x = y;
      if (keep(index)) kept.push(y);
      yield step;
    }
    finished = true;
    return { output: x, kept };
  } finally {
    if (!finished) {
      if (x !== input && !kept.includes(x)) x.dispose();
      tf.dispose(kept);
    }
  }
}

/** Runs the steps at once (see stepThrough). */
export function runSteps(
  steps: readonly LayerStep[],
  input: tf.Tensor4D,
  keep: (index: number) => boolean = () => false,
): { output: tf.Tensor4D; kept: tf.Tensor4D[] } {
  const run = stepThrough(steps, input, keep);
  for (;;) {
    const next = run.next();
    if (next.done) return next.value;
  }
}

/** Counts steps across several runs that form one job (encode content, encode style, decode). */
export class StepCounter {
  private done = 0;
  private sliceStart = performance.now();
  constructor(
    readonly total: number,
    private readonly options: AsyncRunOptions,
  ) {}

  /**
   * Runs the steps with progress after each, yielding to the page once a slice (STEP_SLICE_MS) has passed;
   * the signal cancels between steps.
   */
  async runSteps(
    steps: readonly LayerStep[],
    input: tf.Tensor4D,
    keep: (index: number) => boolean = () => false,
  ): Promise<{ output: tf.Tensor4D; kept: tf.Tensor4D[] }> {
    const run = stepThrough(steps, input, keep);
    for (;;) {
      if (this.options.signal?.aborted) {
        run.return(undefined as never);
        throw new TransferAbortedError();
      }
      const next = run.next();
      if (next.done) return next.value;
      this.done += 1;
      this.options.onProgress?.({ done: this.done, total: this.total, name: next.value.name });
      if (performance.now() - this.sliceStart >= STEP_SLICE_MS) {
        await yieldToEventLoop();
        this.sliceStart = performance.now();
      }
    }
  }
}

/**
 * A network as a plain value: its layer steps (which use the weights) and the check its input must pass.
 * The encoders and decoders differ only in these.
 */
export interface SteppedNetwork {
  /** What it is, for messages ('VGG-19 encoder', …). */
  readonly name: string;
  readonly steps: readonly LayerStep[];
  readonly checkInput: (input: tf.Tensor4D) => void;
  /** The tensors it owns; disposeNetwork frees them. */
  readonly weights: tf.NamedTensorMap;
}

export function runNetwork(network: SteppedNetwork, input: tf.Tensor4D): tf.Tensor4D {
  network.checkInput(input);
  return runSteps(network.steps, input).output;
}

/** As runNetwork, yielding to the page between layers, with progress and cancel through the counter. */
export async function runNetworkAsync(network: SteppedNetwork, input: tf.Tensor4D, counter: StepCounter): Promise<tf.Tensor4D> {
  network.checkInput(input);
  return (await counter.runSteps(network.steps, input)).output;
}

export function disposeNetwork(network: SteppedNetwork): void {
  tf.dispose(network.weights);
}
