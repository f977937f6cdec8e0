/// <reference lib="webworker" />
import * as tf from '@tensorflow/tfjs';
import { cellLineFromStack, compileCell, scopeParameter } from '../lib/cell-code';
import { compileCellWithTypes } from '../lib/cell-typescript';
import { isTensorSummary, formatValue, tensorHeadLength, type TensorSummary } from '../lib/cell-values';
import { groupMoments, statisticGroupOf, statisticGroupCount, type NormSpec } from '../lib/norm';
import { notebookLibrary } from '../lib/notebook-library';
import { galleryImages } from '../lib/style-lab-state';
import { runNetwork } from '../lib/layers';
import { loadModel, MODEL_MANIFESTS, type ModelKind } from '../lib/models';
import { loadGeneratorWeights } from '../lib/generator-weights';
import { exerciseChecks, type CheckId } from '../lib/exercise-checks';
import { backendOptions, chooseWithEveryCore } from './tf-backend-start';
import { notebookStrings } from '../i18n/components/notebook';
import { exerciseCheckStrings } from '../i18n/exercise-checks';
import { islandKitStrings } from '../i18n/components/island-kit';
import { generatorStrings } from '../i18n/components/generator';
import { defaultLocale, type Locale } from '../lib/i18n';
import { siteUrl } from './site-url';
import {
  plotCallKey,
  type CellError,
  type CheckOutcome,
  type FromWorker,
  type GridGroup,
  type OutputItem,
  type RunRequest,
  type ToWorker,
} from './notebook-protocol';

/**
 * The notebook's kernel: one module worker per lesson page, holding the cells' shared scope. Cell code is
 * evaluated only here (never on the page), so an endless loop is ended by terminating the worker, and the
 * page's Content-Security-Policy, which a worker does not inherit, need not allow eval.
 */
declare const self: DedicatedWorkerGlobalScope;

type Scope = Record<string, unknown>;
type CellFunction = (scope: Scope) => Promise<unknown>;
const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => CellFunction;

let search = '';
/** The page's language (set by the init message): messages and checker hints are in it. */
let locale: Locale = defaultLocale;
let backendReady: Promise<void> | undefined;
let currentRun: number | undefined;
/** The run a late error (a timer, an unawaited promise) is reported to. */
let lastRun: number | undefined;
/** Draws of one run, in the order the cell asked for them; awaited before the run reports done. */
let outputs: Promise<void> = Promise.resolve();
/** Tensors each cell's last run left alive: freed when the cell runs again. */
const cellTensors = new Map<string, tf.Tensor[]>();

function post(message: FromWorker, transfer: Transferable[] = []): void {
  self.postMessage(message, transfer);
}

function emit(item: OutputItem, transfer: Transferable[] = []): void {
  const runId = currentRun ?? lastRun;
  if (runId !== undefined) post({ type: 'output', runId, item }, transfer);
}

/** Queues a draw that reads tensors: the cell keeps running, its outputs keep their order. Resolves once sent. */
function enqueue(draw: () => Promise<OutputItem | undefined>): Promise<void> {
  const runId = currentRun;
  outputs = outputs.then(async () => {
    try {
      const item = await draw();
      if (item && runId === currentRun) emit(item, item.kind === 'image' ? [item.rgba.buffer] : []);
    } catch (error) {
      emit({ kind: 'text', text: notebookStrings[locale].couldNotDraw(messageOf(error)), tone: 'note' });
    }
  });
  return outputs;
}

/** A copy that survives the reader's tf.tidy and dispose, read later and then freed by the runtime. */
function hold<T extends tf.Tensor>(x: T): T {
  return tf.keep(x.clone());
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function isTensor(value: unknown): value is tf.Tensor {
  return value instanceof tf.Tensor;
}

async function summarise(x: tf.Tensor): Promise<TensorSummary> {
  const head = tf.tidy(() => x.reshape([-1]).slice(0, Math.min(x.size, tensorHeadLength)));
  try {
    const values = x.dtype === 'string' ? ((await head.array()) as unknown as string[]) : Array.from((await head.data()) as ArrayLike<number>, Number);
    return { kind: 'tensor', dtype: x.dtype, shape: [...x.shape], size: x.size, head: values };
  } finally {
    head.dispose();
  }
}

/** Tensors in arrays and plain objects (a few levels deep) held now, to be summarised when read. */
function holdTensors(value: unknown, depth = 0): unknown {
  if (isTensor(value)) return value.isDisposed ? value : hold(value);
  if (depth > 3 || typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((item) => holdTensors(item, depth + 1));
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, holdTensors(item, depth + 1)]));
}

async function summariseHeld(value: unknown): Promise<unknown> {
  if (isTensor(value)) {
    if (value.isDisposed) return notebookStrings[locale].disposedTensor;
    try {
      return await summarise(value);
    } finally {
      value.dispose();
    }
  }
  if (Array.isArray(value)) return Promise.all(value.map(summariseHeld));
  if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype && !isTensorSummary(value)) {
    return Object.fromEntries(await Promise.all(Object.entries(value).map(async ([key, item]) => [key, await summariseHeld(item)])));
  }
  return value;
}

function print(...values: unknown[]): void {
  const held = values.map((value) => holdTensors(value));
  enqueue(async () => ({ kind: 'text', text: (await Promise.all(held.map(summariseHeld))).map((value) => formatValue(value)).join(' ') }));
}

/** The largest tensor show() draws as numbers; larger ones are better seen with image() or plot(). */
const showLimit = 1024;

/** Draws an [N,C,H,W] tensor as the tensor lab does: one block per (n, c), tinted by statistic group. */
function show(x: unknown, options: { method?: NormSpec['method']; groups?: number } = {}): Promise<void> {
  if (!isTensor(x) || x.rank !== 4)
    throw new TypeError(`show(x) draws a 4-D [N, C, H, W] tensor; got ${isTensor(x) ? `a tensor of shape [${x.shape.join(', ')}]` : typeof x}.`);
  if (x.size > showLimit)
    throw new RangeError(`show(x) draws up to ${showLimit} values; this tensor has ${x.size}. Slice it, or draw it with image() or plot().`);
  const spec: NormSpec = options.method === 'group' ? { method: 'group', groups: options.groups ?? 1 } : { method: options.method ?? 'instance' };
  const shape = x.shape as [number, number, number, number];
  const [N, C] = shape;
  // Validates the group count before anything is queued, so the error points at the reader's line.
  statisticGroupCount(shape, spec);
  const held = hold(x);
  return enqueue(async () => {
    const nhwc = tf.tidy(() => held.transpose<tf.Tensor4D>([0, 2, 3, 1]));
    const moments = groupMoments(nhwc, spec);
    try {
      const [values, mean, variance] = await Promise.all([held.data(), moments.mean.data(), moments.variance.data()]);
      const groupOf = Array.from({ length: N * C }, (_, i) => statisticGroupOf(shape, spec, Math.floor(i / C), i % C));
      const groups: GridGroup[] = Array.from(mean, (mu, g) => ({ label: groupName(shape, groupOf, g), mean: mu, std: Math.sqrt(variance[g] ?? 0) }));
      return { kind: 'grid', shape, values: Array.from(values), groupOf, groups, method: spec.method };
    } finally {
      tf.dispose([held, nhwc, moments.mean, moments.variance]);
    }
  });
}

function groupName(shape: readonly number[], groupOf: number[], group: number): string {
  const C = shape[1] ?? 1;
  const members = groupOf.flatMap((g, i) => (g === group ? [i] : []));
  const samples = [...new Set(members.map((i) => Math.floor(i / C)))];
  const channels = [...new Set(members.map((i) => i % C))];
  const list = (axis: string, items: number[], all: number): string =>
    items.length === all && all > 1 ? `all ${axis}` : items.map((i) => `${axis}${i}`).join(',');
  return `${list('n', samples, shape[0] ?? 1)} · ${list('c', channels, C)}`;
}

/** Draws an image tensor [H,W,3] or [1,H,W,3] (or 1 channel), values 0–255, or 0–1 when none is above 1. */
function image(x: unknown): Promise<void> {
  if (!isTensor(x) || !((x.rank === 3 && [1, 3].includes(x.shape[2]!)) || (x.rank === 4 && x.shape[0] === 1 && [1, 3].includes(x.shape[3]!)))) {
    throw new TypeError(`image(x) draws a tensor of shape [H, W, 3] or [1, H, W, 3]; got ${isTensor(x) ? `[${x.shape.join(', ')}]` : typeof x}.`);
  }
  const held = hold(x);
  return enqueue(async () => {
    const rgba = tf.tidy(() => {
      const hwc = (held.rank === 4 ? held.squeeze([0]) : held) as tf.Tensor3D;
      const scale = tf.where(hwc.max().lessEqual(1), tf.scalar(255), tf.scalar(1));
      const rgb = hwc.shape[2] === 1 ? hwc.tile([1, 1, 3]) : hwc;
      const alpha = tf.fill([hwc.shape[0], hwc.shape[1], 1], 255);
      return tf.concat([rgb.mul(scale).clipByValue(0, 255).round(), alpha], 2).toInt();
    });
    try {
      const [height = 0, width = 0] = rgba.shape;
      return { kind: 'image', width, height, rgba: Uint8ClampedArray.from(await rgba.data()) };
    } finally {
      tf.dispose([held, rgba]);
    }
  });
}

/** `Plot` in a cell records calls (`Plot.dot(data, options)`); plot() sends them to the page to draw. */
const plotRecorder = new Proxy({} as Record<string, (...args: unknown[]) => unknown>, {
  get: (_target, name) => (typeof name === 'string' ? (...args: unknown[]) => ({ [plotCallKey]: name, args: args.map(plainData) }) : undefined),
});

/** Tensors in plot data become arrays (read synchronously: plot data is small). */
function plainData(value: unknown): unknown {
  if (isTensor(value)) return value.arraySync();
  return value;
}

function plot(options: unknown): void {
  let spec = options;
  if (typeof options === 'object' && options !== null && (options as Record<string, unknown>)[plotCallKey] === 'plot')
    spec = (options as { args: unknown[] }).args[0];
  try {
    structuredClone(spec);
  } catch {
    throw new TypeError(notebookStrings[locale].plotTakesData);
  }
  emit({ kind: 'plot', spec });
}

/**
 * Runs `load` and keeps every tensor it made: model weights belong to the worker, not to the cell that first
 * asked for them, so a cell's rerun (which frees that cell's tensors) leaves them alone.
 */
async function keepCreatedDuring<T>(load: () => Promise<T>): Promise<T> {
  const scope = tf.engine().state.activeScope;
  const from = scope?.track.length ?? 0;
  const value = await load();
  for (const tensor of scope?.track.slice(from) ?? []) if (!tensor.isDisposed) tf.keep(tensor);
  return value;
}

function progressReporter(key: string, what: string): (progress: { loadedBytes: number; totalBytes: number }) => void {
  return ({ loadedBytes, totalBytes }) =>
    emit({ kind: 'progress', key, text: islandKitStrings[locale].loading(what, (loadedBytes / 1e6).toFixed(1), (totalBytes / 1e6).toFixed(1)) });
}

const modelCache = new Map<string, Promise<unknown>>();

function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
  let entry = modelCache.get(key) as Promise<T> | undefined;
  if (!entry) {
    entry = keepCreatedDuring(load);
    modelCache.set(key, entry);
    entry.catch(() => modelCache.delete(key));
  }
  return entry;
}

function styleModel(
  kind: ModelKind,
): Promise<{ kind: ModelKind; encode: (image: tf.Tensor4D) => tf.Tensor4D; decode: (features: tf.Tensor4D) => tf.Tensor4D }> {
  return cached(kind, async () => {
    const model = await loadModel(kind, {
      baseUrl: siteUrl('models/'),
      onProgress: progressReporter(kind, kind === 'vgg' ? notebookStrings[locale].vggModels : notebookStrings[locale].mobileModels),
    });
    return { kind, encode: (image: tf.Tensor4D) => runNetwork(model.encoder, image), decode: (features: tf.Tensor4D) => runNetwork(model.decoder, features) };
  });
}

const models = {
  vgg: () => styleModel('vgg'),
  mobile: () => styleModel('mobile'),
  generator: () =>
    cached('generator', () =>
      loadGeneratorWeights({ baseUrl: siteUrl('generator/'), onProgress: progressReporter('generator', generatorStrings[locale].theGenerator) }),
    ),
  /** The files each model reads, for the curious. */
  manifests: MODEL_MANIFESTS,
};

/** The site's photos and textures (the style lab's gallery): a cell loads them by id. */
const imageFiles = galleryImages.filter((entry) => entry.file && entry.thumbnail);
const imageNames = imageFiles.map((entry) => entry.id);

/** A gallery picture as a [1,H,W,3] tensor of 0–255: the full picture, or the 128² thumbnail with { size: 128 }. */
async function loadImage(name: string, options: { size?: 128 } = {}): Promise<tf.Tensor4D> {
  const entry = imageFiles.find((candidate) => candidate.id === name);
  if (!entry) throw new RangeError(notebookStrings[locale].noImage(name, imageNames.join(', ')));
  const file = options.size === 128 ? entry.thumbnail : entry.file;
  const response = await fetch(siteUrl(`images/${file}`));
  if (!response.ok) throw new Error(notebookStrings[locale].imageNotLoaded(file ?? name, response.status));
  const bitmap = await createImageBitmap(await response.blob());
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d');
  if (!context) throw new Error(notebookStrings[locale].noCanvas);
  context.drawImage(bitmap, 0, 0);
  const pixels = context.getImageData(0, 0, bitmap.width, bitmap.height);
  return tf.tidy(() => tf.browser.fromPixels(pixels, 3).toFloat().expandDims<tf.Tensor4D>(0));
}

/** What a cell can use besides the worker's own globals (src/notebook/README.md lists them). */
const runtime = {
  ...notebookLibrary,
  Plot: plotRecorder,
  models,
  images: { load: loadImage, names: imageNames },
  show,
  image,
  plot,
  print,
};

const scope: Scope = Object.create(runtime) as Scope;

/** The line a compiled cell's frame reports for the reader's line 1, measured once in this engine. */
let firstLine: Promise<number> | undefined;

function measureFirstLine(): Promise<number> {
  firstLine ??= (async () => {
    const probe = compileCell('throw new Error()');
    try {
      await new AsyncFunction(scopeParameter, probe.ok ? probe.body : '')({});
    } catch (error) {
      return cellLineFromStack((error as Error).stack, 1) ?? 3;
    }
    return 3;
  })();
  return firstLine;
}

async function describeError(error: unknown): Promise<CellError> {
  if (error instanceof Error) {
    const line = cellLineFromStack(error.stack, await measureFirstLine());
    const message = /out of memory|Array buffer allocation failed|Aborted\(/i.test(error.message)
      ? notebookStrings[locale].outOfMemory(error.message)
      : `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}`;
    return line === undefined ? { message } : { message, line };
  }
  return { message: notebookStrings[locale].notAnError(formatValue(error)) };
}

async function ensureBackend(): Promise<void> {
  backendReady ??= (async () => {
    const choice = await chooseWithEveryCore(backendOptions(search));
    post({ type: 'backend', status: { choice } });
  })();
  return backendReady;
}

/** Calls the exercise's checker on the function the reader's code defined; its tensors are all freed. */
async function runCheck(entry: string, checkId: string): Promise<CheckOutcome> {
  const t = notebookStrings[locale];
  const candidate = scope[entry];
  if (typeof candidate !== 'function') {
    return { passed: false, message: t.mustDefine(entry, candidate === undefined ? undefined : typeof candidate) };
  }
  const checker = exerciseChecks[checkId as CheckId];
  if (!checker) return { passed: false, message: t.unknownChecker(checkId) };
  const engine = tf.engine();
  engine.startScope('exercise check');
  try {
    return await checker(candidate as (...args: never[]) => unknown, exerciseCheckStrings[locale]);
  } catch (cause) {
    const { message, line } = await describeError(cause);
    return { passed: false, message: t.functionThrew(line, message) };
  } finally {
    engine.endScope();
  }
}

async function run(request: RunRequest): Promise<void> {
  currentRun = request.runId;
  lastRun = request.runId;
  outputs = Promise.resolve();
  tf.dispose(cellTensors.get(request.cellId) ?? []);
  cellTensors.delete(request.cellId);
  let error: CellError | undefined;
  const engine = tf.engine();
  try {
    await ensureBackend();
  } catch (cause) {
    post({
      type: 'done',
      runId: request.runId,
      error: { message: notebookStrings[locale].tfCouldNotStart(messageOf(cause)) },
      tensorsLeft: 0,
      tensorsTotal: 0,
    });
    return;
  }
  engine.startScope('notebook cell');
  try {
    const compiled = await compileCellWithTypes(request.code);
    if (!compiled.ok) {
      error = { message: notebookStrings[locale].syntaxError(compiled.message, compiled.column), line: compiled.line };
    } else {
      for (const name of compiled.names) if (!Object.prototype.hasOwnProperty.call(scope, name)) scope[name] = undefined;
      const value = await new AsyncFunction(scopeParameter, compiled.body)(scope);
      if (value !== undefined) {
        const held = holdTensors(value);
        enqueue(async () => ({ kind: 'text', text: formatValue(await summariseHeld(held)), tone: 'value' }));
      }
    }
  } catch (cause) {
    error = await describeError(cause);
  }
  // One task's pause lets the engine report promises the cell rejected without awaiting, while it still runs.
  await new Promise((resolve) => setTimeout(resolve, 0));
  let check: CheckOutcome | undefined;
  if (request.check && !error) {
    await outputs;
    check = await runCheck(request.check.entry, request.check.checkId);
  }
  await outputs;
  const left = engine.state.activeScope.track.filter((tensor) => !tensor.isDisposed && !tensor.kept);
  engine.endScope(left);
  cellTensors.set(request.cellId, left);
  post({
    type: 'done',
    runId: request.runId,
    ...(error ? { error } : {}),
    ...(check ? { check } : {}),
    tensorsLeft: left.length,
    tensorsTotal: tf.memory().numTensors,
  });
  currentRun = undefined;
}

/** Errors the cell did not await (a rejected promise, a throw in a timer) still reach its output. */
self.addEventListener('unhandledrejection', (event) => {
  event.preventDefault();
  void describeError(event.reason).then(({ message, line }) =>
    emit({ kind: 'text', text: notebookStrings[locale].unawaitedPromise(message, line), tone: 'note' }),
  );
});
self.addEventListener('error', (event) => {
  event.preventDefault();
  emit({ kind: 'text', text: notebookStrings[locale].callbackError(event.message), tone: 'note' });
});

let queue: Promise<void> = Promise.resolve();
self.addEventListener('message', (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === 'init') {
    search = message.search;
    locale = message.locale;
    return;
  }
  queue = queue.then(() => run(message));
});
