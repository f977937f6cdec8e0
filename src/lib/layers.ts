import * as tf from '@tensorflow/tfjs';

/**
 * Building blocks shared by the AdaIN networks (VGG and mobile) and the runner that steps through a
 * network layer by layer, synchronously or yielding to the page between layers.
 */

export type Activation = 'relu' | 'linear';

/** The padding every 3×3 conv of the AdaIN networks uses: reflect 1 on H and W. */
const REFLECT_1: Array<[number, number]> = [[0, 0], [1, 1], [1, 1], [0, 0]];

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

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new TransferAbortedError();
}

/** Lets the page paint and handle input; a macrotask, so rendering can happen between layers. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Runs the steps in order, disposing every intermediate; `keep(i)` says which step outputs the caller
 * also wants (they are returned, in step order, and the caller owns them). The input is not disposed.
 */
export function runSteps(steps: readonly LayerStep[], input: tf.Tensor4D, keep: (index: number) => boolean = () => false): { output: tf.Tensor4D; kept: tf.Tensor4D[] } {
  let x = input;
  const kept: tf.Tensor4D[] = [];
  steps.forEach((step, index) => {
    const y = step.run(x);
    if (x !== input && !kept.includes(x)) x.dispose();
    if (keep(index)) kept.push(y);
    x = y;
  });
  return { output: x, kept };
}

/** Counts steps across several runs that form one job (encode content, encode style, decode). */
export class StepCounter {
  private done = 0;
  constructor(
    readonly total: number,
    private readonly options: AsyncRunOptions,
  ) {}

  async runSteps(steps: readonly LayerStep[], input: tf.Tensor4D, keep: (index: number) => boolean = () => false): Promise<{ output: tf.Tensor4D; kept: tf.Tensor4D[] }> {
    let x = input;
    const kept: tf.Tensor4D[] = [];
    try {
      for (const [index, step] of steps.entries()) {
        throwIfAborted(this.options.signal);
        const y = step.run(x);
        if (x !== input && !kept.includes(x)) x.dispose();
        x = y;
        if (keep(index)) kept.push(y);
        this.done += 1;
        this.options.onProgress?.({ done: this.done, total: this.total, name: step.name });
        await yieldToEventLoop();
      }
      throwIfAborted(this.options.signal);
    } catch (error) {
      if (x !== input && !kept.includes(x)) x.dispose();
      tf.dispose(kept);
      throw error;
    }
    return { output: x, kept };
  }
}

/**
 * A network as a list of layer steps over weights it owns: run at once, or yielding to the page between
 * layers with progress and cancel. The encoders and decoders differ only in their steps and input check.
 */
export abstract class SteppedNetwork {
  protected abstract readonly steps: readonly LayerStep[];

  /** Takes ownership of the weights (dispose() frees them). */
  constructor(protected readonly weights: tf.NamedTensorMap) {}

  protected abstract checkInput(input: tf.Tensor4D): void;

  get layerCount(): number {
    return this.steps.length;
  }

  protected run(input: tf.Tensor4D): tf.Tensor4D {
    this.checkInput(input);
    return runSteps(this.steps, input).output;
  }

  protected async runAsync(input: tf.Tensor4D, counter: StepCounter): Promise<tf.Tensor4D> {
    this.checkInput(input);
    return (await counter.runSteps(this.steps, input)).output;
  }

  dispose(): void {
    tf.dispose(this.weights);
  }
}
