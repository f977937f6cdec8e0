/**
 * Converts the AdaIN TF1 frozen graphs (../shared/models, or downloaded from upstream) into TensorFlow.js
 * weight manifests under public/models/ (git-ignored), with index.json holding every file's size and
 * SHA-256 for the page's integrity checks.
 *
 *   npx tsx scripts/prepare-models.ts [--from DIR] [--out DIR] [--upstream URL] [--force]
 *
 * Source folder: --from, else $ADAIN_MODELS_DIR, else ../shared/models from the repo root; when it does
 * not exist the graphs are downloaded from --upstream (default: the pinned upstream commit) into
 * .cache/models/. Every source is checked against its published SHA-256. Idempotent: when index.json says
 * the outputs came from these sources with this converter, and the files still match, nothing is done.
 *
 * Each graph is mapped onto the network's explicit layer list (src/lib/vgg-encoder.ts, vgg-decoder.ts, mobile.ts):
 * every node is named, typed and wired as expected, and every node must be accounted for, or the
 * conversion fails with the offending node.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type * as tf from '@tensorflow/tfjs';
import { DataType, parseGraphDef, tensorFloat32, tensorInt32, tensorUint8, type NodeDef } from './graphdef';
import { VGG_DECODER_LAYERS } from '../src/lib/vgg-decoder';
import { MOBILE_DECODER_HEAD, MOBILE_DECODER_LAYERS, MOBILE_ENCODER_BLOCKS, MOBILE_ENCODER_STEM, type SeparableBlock } from '../src/lib/mobile';
import { VGG_ENCODER_LAYERS } from '../src/lib/vgg-encoder';
import type { FileIntegrity, ModelsIndex } from '../src/lib/integrity';
import type { WeightsManifestFile } from '../src/lib/weights';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const UPSTREAM_BASE_URL = 'https://github.com/penny4860/android-style-transfer/raw/5c408526eab6ec4aac1a4e402848f1f5e9e85e90/adain/models/';

export interface SourceGraph {
  /** Path under the local models folder. */
  path: string;
  /** File name at the upstream address. */
  upstreamName: string;
  bytes: number;
  sha256: string;
}

/** The four graphs, with the sizes and hashes published in ../shared/README.md. */
export const SOURCE_GRAPHS = {
  vggEncoder: {
    path: 'adain-vgg19/encoder_opt_quantized.pb',
    upstreamName: 'encoder_opt_quantized.pb',
    bytes: 3_520_988,
    sha256: '53a82b4677eb16faee31ab85f8e11de2fa71e490d11a2a6cd21e68071e349ca8',
  },
  vggDecoder: {
    path: 'adain-vgg19/decoder_opt_quantized.pb',
    upstreamName: 'decoder_opt_quantized.pb',
    bytes: 3_524_830,
    sha256: 'ab5dbec74670cb57578762317a4ca2e8519f1681cb9c1743ca88f8d6d81053ce',
  },
  mobileEncoder: {
    path: 'adain-mobile/mobile_encoder_opt.pb',
    upstreamName: 'mobile_encoder_opt.pb',
    bytes: 2_171_440,
    sha256: 'b3b8d281594a330469288ab4bed25c093319c99117859922e8a4e92a2c6d4e6b',
  },
  mobileDecoder: {
    path: 'adain-mobile/mobile_decoder_opt.pb',
    upstreamName: 'mobile_decoder_opt.pb',
    bytes: 1_714_448,
    sha256: 'ff70b091327700309d165d85e4350315a49d2d1027b17b06554f81f5213fc5dd',
  },
} as const satisfies Record<string, SourceGraph>;

export type SourceName = keyof typeof SOURCE_GRAPHS;

/** Where each converted part goes, relative to the output folder. */
export const OUTPUT_MANIFESTS: Record<SourceName, string> = {
  vggEncoder: 'adain-vgg19/encoder.json',
  vggDecoder: 'adain-vgg19/decoder.json',
  mobileEncoder: 'adain-mobile/encoder.json',
  mobileDecoder: 'adain-mobile/decoder.json',
};

/** The code whose change must trigger a new conversion. */
const CONVERTER_FILES = [
  'scripts/prepare-models.ts',
  'scripts/graphdef.ts',
  'src/lib/vgg-encoder.ts',
  'src/lib/vgg-decoder.ts',
  'src/lib/mobile.ts',
  'src/lib/weights.ts',
];

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export class SourceIntegrityError extends Error {
  constructor(file: string, detail: string) {
    super(`${file}: ${detail}. The model graph is not the published one; refusing to convert it.`);
    this.name = 'SourceIntegrityError';
  }
}

function checkSource(source: SourceGraph, bytes: Uint8Array, where: string): void {
  if (bytes.byteLength !== source.bytes) throw new SourceIntegrityError(where, `${bytes.byteLength} bytes, expected ${source.bytes}`);
  const actual = sha256Hex(bytes);
  if (actual !== source.sha256) throw new SourceIntegrityError(where, `SHA-256 ${actual}, expected ${source.sha256}`);
}

export interface SourceOptions {
  /** Local models folder (layout of ../shared/models). */
  from: string;
  /** Used when `from` does not exist; files are cached under `cacheDir`. */
  upstreamBaseUrl: string;
  cacheDir: string;
  fetch?: typeof globalThis.fetch;
  log?: (line: string) => void;
}

/** The four graphs' bytes, each verified against its published hash. */
export async function readSourceGraphs(options: SourceOptions): Promise<Record<SourceName, Uint8Array>> {
  const log = options.log ?? (() => {});
  const useLocal = existsSync(options.from);
  if (!useLocal) log(`${options.from} does not exist: downloading the graphs from ${options.upstreamBaseUrl}`);
  const entries = await Promise.all(
    (Object.keys(SOURCE_GRAPHS) as SourceName[]).map(async (name): Promise<[SourceName, Uint8Array]> => {
      const source = SOURCE_GRAPHS[name];
      if (useLocal) {
        const file = join(options.from, source.path);
        const bytes = new Uint8Array(await readFile(file));
        checkSource(source, bytes, file);
        return [name, bytes];
      }
      return [name, await downloadSource(source, options)];
    }),
  );
  return Object.fromEntries(entries) as Record<SourceName, Uint8Array>;
}

async function downloadSource(source: SourceGraph, options: SourceOptions): Promise<Uint8Array> {
  const cached = join(options.cacheDir, source.path);
  if (existsSync(cached)) {
    const bytes = new Uint8Array(await readFile(cached));
    if (bytes.byteLength === source.bytes && sha256Hex(bytes) === source.sha256) return bytes;
  }
  const url = options.upstreamBaseUrl + source.upstreamName;
  const response = await (options.fetch ?? globalThis.fetch)(url);
  if (!response.ok) throw new Error(`download of ${url} failed: HTTP ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  checkSource(source, bytes, url);
  await mkdir(dirname(cached), { recursive: true });
  await writeFile(cached, bytes);
  return bytes;
}

// ---------------------------------------------------------------------------------------------------
// Graph → layers

/** A weight ready for the manifest: float32 values, or uint8 codes with tfjs's (scale, min). */
export type ConvertedWeight =
  { name: string; shape: number[]; values: Float32Array } | { name: string; shape: number[]; codes: Uint8Array; scale: number; min: number };

export class GraphMismatchError extends Error {
  constructor(graph: string, detail: string) {
    super(`${graph}: ${detail}. The graph is not the one this converter was written for.`);
    this.name = 'GraphMismatchError';
  }
}

const REFLECT_PAD_1 = [0, 0, 1, 1, 1, 1, 0, 0];

function sameNumbers(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  return a.length === b.length && Array.from(a).every((v, i) => v === b[i]);
}

/** Access to a graph's nodes that checks every expectation and records which nodes were accounted for. */
class CheckedGraph {
  private readonly byName = new Map<string, NodeDef>();
  private readonly consumers = new Map<string, NodeDef[]>();
  private readonly used = new Set<string>();

  constructor(
    private readonly label: string,
    nodes: NodeDef[],
  ) {
    for (const node of nodes) {
      if (this.byName.has(node.name)) this.fail(`node ${node.name} appears twice`);
      this.byName.set(node.name, node);
      for (const input of node.input) {
        const source = input.replace(/:0$/, '');
        this.consumers.set(source, [...(this.consumers.get(source) ?? []), node]);
      }
    }
  }

  fail(detail: string): never {
    throw new GraphMismatchError(this.label, detail);
  }

  /** The node `name`, which must have op `op` and exactly these inputs (in order). */
  node(name: string, op: string, inputs: readonly string[] = []): NodeDef {
    const node = this.byName.get(name);
    if (!node) this.fail(`expected a node ${name} (${op})`);
    if (node.op !== op) this.fail(`${name} is ${node.op}, expected ${op}`);
    const actual = node.input.map((input) => input.replace(/:0$/, ''));
    if (!sameNumbersOrStrings(actual, inputs)) this.fail(`${name} takes [${actual.join(', ')}], expected [${inputs.join(', ')}]`);
    this.used.add(name);
    return node;
  }

  /** A node's inputs, to learn a generated name (a pad constant's) before checking the node. */
  inputsOf(name: string): string[] {
    const node = this.byName.get(name);
    if (!node) this.fail(`expected a node ${name}`);
    return node.input.map((input) => input.replace(/:0$/, ''));
  }

  /** The only node reading `name`, which must have op `op`. */
  soleConsumer(name: string, op: string): NodeDef {
    const readers = this.consumers.get(name) ?? [];
    if (readers.length !== 1) this.fail(`${name} feeds ${readers.length} nodes, expected 1`);
    return this.node(
      readers[0]!.name,
      op,
      readers[0]!.input.map((input) => input.replace(/:0$/, '')),
    );
  }

  attr(node: NodeDef, key: string, expected: string | number[] | boolean): void {
    const value = node.attr.get(key);
    const actual = typeof expected === 'string' ? value?.s : typeof expected === 'boolean' ? (value?.b ?? false) : value?.list?.i;
    const ok = Array.isArray(expected) ? Array.isArray(actual) && sameNumbers(actual, expected) : actual === expected;
    if (!ok) this.fail(`${node.name}.${key} is ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
  }

  private constTensor(name: string, dtype: number, shape: readonly number[]) {
    const tensor = this.node(name, 'Const').attr.get('value')?.tensor;
    if (!tensor) this.fail(`${name} has no value`);
    if (tensor.dtype !== dtype) this.fail(`${name} has dtype ${tensor.dtype}, expected ${dtype}`);
    if (!sameNumbers(tensor.shape, shape)) this.fail(`${name} has shape [${tensor.shape.join(',')}], expected [${shape.join(',')}]`);
    return tensor;
  }

  floatConst(name: string, shape: readonly number[]): Float32Array {
    return tensorFloat32(this.constTensor(name, DataType.float, shape));
  }

  floatScalar(name: string, expected: number): void {
    const value = this.floatConst(name, [])[0]!;
    if (value !== Math.fround(expected)) this.fail(`${name} is ${value}, expected ${expected}`);
  }

  intConst(name: string, shape: readonly number[], expected: readonly number[]): void {
    const values = tensorInt32(this.constTensor(name, DataType.int32, shape));
    if (!sameNumbers(values, expected)) this.fail(`${name} is [${Array.from(values).join(',')}], expected [${expected.join(',')}]`);
  }

  quint8Const(name: string, shape: readonly number[]): Uint8Array {
    return tensorUint8(this.constTensor(name, DataType.quint8, shape));
  }

  /** Every node must have been matched to a layer: anything left over is unexpected. */
  assertAllUsed(): void {
    const unused = [...this.byName.keys()].filter((name) => !this.used.has(name));
    if (unused.length > 0) this.fail(`unexpected nodes: ${unused.join(', ')}`);
  }
}

function sameNumbersOrStrings(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/**
 * tfjs dequantizes q·scale + min; TF's Dequantize MIN_FIRST (quint8) computes min rounded to the step:
 * w = round(min/step)·step + q·step (SPEC.md). So (scale, min) = (step, round(min/step)·step).
 * std::round rounds halves away from zero; Math.round would not for negative halves.
 */
export function minFirstQuantization(min: number, max: number): { scale: number; min: number } {
  const step = (max - min) / 255;
  const ratio = min / step;
  return { scale: step, min: Math.sign(ratio) * Math.round(Math.abs(ratio)) * step };
}

function dequantized(weight: Extract<ConvertedWeight, { codes: Uint8Array }>): Float64Array {
  return Float64Array.from(weight.codes, (q) => q * weight.scale + weight.min);
}

/** ImageNet means in the graph's BGR order (its preprocess subtracts them after flipping RGB→BGR). */
const MEAN_BGR = [103.939, 116.779, 123.68];

/** input → ReverseV2(channels) → Sub(mean): the preprocess both encoders start with. Returns the Sub node's name. */
function readPreprocess(g: CheckedGraph, input: string): string {
  g.node(input, 'Placeholder');
  g.intConst('vgg_preprocess/ReverseV2/axis', [1], [-1]);
  g.node('vgg_preprocess/ReverseV2', 'ReverseV2', [input, 'vgg_preprocess/ReverseV2/axis']);
  const mean = g.floatConst('vgg_preprocess/Const', [3]);
  if (!sameNumbers(mean, MEAN_BGR.map(Math.fround))) g.fail(`vgg_preprocess/Const is [${Array.from(mean).join(',')}], expected the BGR ImageNet means`);
  g.node('vgg_preprocess/sub', 'Sub', ['vgg_preprocess/ReverseV2', 'vgg_preprocess/Const']);
  return 'vgg_preprocess/sub';
}

/** A quantized reflect-padded conv: FusedPadConv2D + Dequantize(MIN_FIRST) kernel + BiasAdd (+ Relu). */
function readQuantizedConv(
  g: CheckedGraph,
  name: string,
  input: string,
  inChannels: number,
  outChannels: number,
  relu: boolean,
): { kernel: Extract<ConvertedWeight, { codes: Uint8Array }>; bias: Float32Array; output: string } {
  const convName = `${name}/Conv2D`;
  const padName = g.inputsOf(convName)[1] ?? '';
  if (!/^spatial_reflection_padding(_\d+)?\/Const$/.test(padName)) g.fail(`${convName} pads with ${padName}`);
  g.intConst(padName, [4, 2], REFLECT_PAD_1);
  const conv = g.node(convName, 'FusedPadConv2D', [input, padName, `${name}/kernel`]);
  g.attr(conv, 'mode', 'REFLECT');
  g.attr(conv, 'padding', 'VALID');
  g.attr(conv, 'strides', [1, 1, 1, 1]);
  const dequantize = g.node(`${name}/kernel`, 'Dequantize', [`${name}/kernel_quantized_const`, `${name}/kernel_quantized_min`, `${name}/kernel_quantized_max`]);
  g.attr(dequantize, 'mode', 'MIN_FIRST');
  const shape = [3, 3, inChannels, outChannels];
  const codes = g.quint8Const(`${name}/kernel_quantized_const`, shape);
  const min = g.floatConst(`${name}/kernel_quantized_min`, [])[0]!;
  const max = g.floatConst(`${name}/kernel_quantized_max`, [])[0]!;
  if (!(max > min)) g.fail(`${name} has an empty quantization range [${min}, ${max}]`);
  const bias = g.floatConst(`${name}/bias`, [outChannels]);
  const biasAdd = g.node(`${name}/BiasAdd`, 'BiasAdd', [convName, `${name}/bias`]);
  g.attr(biasAdd, 'data_format', 'NHWC');
  let output = biasAdd.name;
  if (relu) output = g.node(`${name}/Relu`, 'Relu', [output]).name;
  return { kernel: { name: `${name}/kernel`, shape, codes, ...minFirstQuantization(min, max) }, bias, output };
}

export function convertVggEncoder(nodes: NodeDef[]): ConvertedWeight[] {
  const g = new CheckedGraph('VGG encoder', nodes);
  let x = readPreprocess(g, 'input');
  const weights: ConvertedWeight[] = [];
  for (const layer of VGG_ENCODER_LAYERS) {
    if (layer.kind === 'pool') {
      const pool = g.node(`${layer.name}/MaxPool`, 'MaxPool', [x]);
      g.attr(pool, 'ksize', [1, 2, 2, 1]);
      g.attr(pool, 'strides', [1, 2, 2, 1]);
      g.attr(pool, 'padding', 'VALID');
      x = pool.name;
      continue;
    }
    const { kernel, bias, output } = readQuantizedConv(g, layer.name, x, layer.inChannels, layer.outChannels, true);
    if (x === 'vgg_preprocess/sub') weights.push(...foldPreprocessIntoFirstConv(kernel, bias));
    else weights.push(kernel, { name: `${layer.name}/bias`, shape: [layer.outChannels], values: bias });
    x = output;
  }
  if (x !== 'output/Relu') g.fail(`the last layer ends in ${x}, expected output/Relu`);
  g.assertAllUsed();
  return weights;
}

/**
 * conv(pad(flip(x) − m)) with reflection padding equals conv(pad(x)) with the kernel's input channels
 * flipped and Σ W·m taken off the bias. The flip only permutes uint8 codes, so the kernel stays exact.
 */
function foldPreprocessIntoFirstConv(kernel: Extract<ConvertedWeight, { codes: Uint8Array }>, bias: Float32Array): ConvertedWeight[] {
  const [kh, kw, inChannels, outChannels] = kernel.shape as [number, number, number, number];
  const w = dequantized(kernel);
  const flipped = new Uint8Array(kernel.codes.length);
  const shift = new Float64Array(outChannels);
  for (let tap = 0; tap < kh * kw; tap++) {
    for (let i = 0; i < inChannels; i++) {
      for (let o = 0; o < outChannels; o++) {
        const index = (tap * inChannels + i) * outChannels + o;
        flipped[(tap * inChannels + (inChannels - 1 - i)) * outChannels + o] = kernel.codes[index]!;
        shift[o]! += w[index]! * MEAN_BGR[i]!;
      }
    }
  }
  const name = kernel.name.replace(/\/kernel$/, '');
  return [
    { ...kernel, codes: flipped },
    { name: `${name}/bias`, shape: [outChannels], values: Float32Array.from(bias, (b, o) => b - shift[o]!) },
  ];
}

/** The graph's AdaIN layer (α = 1 baked in, ε = 1e-5): checked, then dropped (transfer.ts does AdaIN). */
function readAdain(g: CheckedGraph, p: string): string {
  g.node('input_c', 'Placeholder');
  g.node('input_s', 'Placeholder');
  for (const [moments, input] of [
    ['moments', 'input_s'],
    ['moments_1', 'input_c'],
  ] as const) {
    g.intConst(`${p}/${moments}/mean/reduction_indices`, [2], [1, 2]);
    g.attr(g.node(`${p}/${moments}/mean`, 'Mean', [input, `${p}/${moments}/mean/reduction_indices`]), 'keep_dims', true);
    g.node(`${p}/${moments}/StopGradient`, 'StopGradient', [`${p}/${moments}/mean`]);
    g.node(`${p}/${moments}/SquaredDifference`, 'SquaredDifference', [input, `${p}/${moments}/StopGradient`]);
    g.intConst(`${p}/${moments}/variance/reduction_indices`, [2], [1, 2]);
    g.attr(g.node(`${p}/${moments}/variance`, 'Mean', [`${p}/${moments}/SquaredDifference`, `${p}/${moments}/variance/reduction_indices`]), 'keep_dims', true);
  }
  g.node(`${p}/Sqrt`, 'Sqrt', [`${p}/moments/variance`]);
  g.floatScalar(`${p}/batchnorm/add/y`, 1e-5);
  g.node(`${p}/batchnorm/add`, 'Add', [`${p}/moments_1/variance`, `${p}/batchnorm/add/y`]);
  g.node(`${p}/batchnorm/Rsqrt`, 'Rsqrt', [`${p}/batchnorm/add`]);
  g.node(`${p}/batchnorm/mul`, 'Mul', [`${p}/batchnorm/Rsqrt`, `${p}/Sqrt`]);
  g.node(`${p}/batchnorm/mul_1`, 'Mul', ['input_c', `${p}/batchnorm/mul`]);
  g.node(`${p}/batchnorm/mul_2`, 'Mul', [`${p}/moments_1/mean`, `${p}/batchnorm/mul`]);
  g.node(`${p}/batchnorm/sub`, 'Sub', [`${p}/moments/mean`, `${p}/batchnorm/mul_2`]);
  g.node(`${p}/batchnorm/add_1`, 'Add', [`${p}/batchnorm/mul_1`, `${p}/batchnorm/sub`]);
  g.floatScalar(`${p}/mul/x`, 1);
  g.node(`${p}/mul`, 'Mul', [`${p}/mul/x`, `${p}/batchnorm/add_1`]);
  g.floatScalar(`${p}/mul_1/x`, 0);
  g.node(`${p}/mul_1`, 'Mul', [`${p}/mul_1/x`, 'input_c']);
  g.node(`${p}/add`, 'Add', [`${p}/mul`, `${p}/mul_1`]);
  return `${p}/add`;
}

/** Keras UpSampling2D: ResizeNearestNeighbor to shape[1:3]·2. */
function readUpsample(g: CheckedGraph, p: string, input: string): string {
  g.node(`${p}/Shape`, 'Shape', [input]);
  g.intConst(`${p}/strided_slice/stack`, [1], [1]);
  g.intConst(`${p}/strided_slice/stack_1`, [1], [3]);
  g.intConst(`${p}/strided_slice/stack_2`, [1], [1]);
  g.node(`${p}/strided_slice`, 'StridedSlice', [`${p}/Shape`, `${p}/strided_slice/stack`, `${p}/strided_slice/stack_1`, `${p}/strided_slice/stack_2`]);
  g.intConst(`${p}/Const`, [2], [2, 2]);
  g.node(`${p}/mul`, 'Mul', [`${p}/strided_slice`, `${p}/Const`]);
  g.attr(g.node(`${p}/ResizeNearestNeighbor`, 'ResizeNearestNeighbor', [input, `${p}/mul`]), 'align_corners', false);
  return `${p}/ResizeNearestNeighbor`;
}

/** Clip to [0,1], ×255: the graphs' `output` block. */
function readOutputScale(g: CheckedGraph, p: string, input: string): void {
  g.floatScalar(`${p}/clip_by_value/Minimum/y`, 1);
  g.node(`${p}/clip_by_value/Minimum`, 'Minimum', [input, `${p}/clip_by_value/Minimum/y`]);
  g.floatScalar(`${p}/clip_by_value/y`, 0);
  g.node(`${p}/clip_by_value`, 'Maximum', [`${p}/clip_by_value/Minimum`, `${p}/clip_by_value/y`]);
  g.floatScalar(`${p}/mul/y`, 255);
  g.node(`${p}/mul`, 'Mul', [`${p}/clip_by_value`, `${p}/mul/y`]);
}

export function convertVggDecoder(nodes: NodeDef[]): ConvertedWeight[] {
  const g = new CheckedGraph('VGG decoder', nodes);
  let x = readAdain(g, 'ada_in');
  const weights: ConvertedWeight[] = [];
  for (const layer of VGG_DECODER_LAYERS) {
    if (layer.kind === 'upsample') {
      x = readUpsample(g, layer.name, x);
      continue;
    }
    const { kernel, bias, output } = readQuantizedConv(g, layer.name, x, layer.inChannels, layer.outChannels, layer.relu);
    weights.push(kernel, { name: `${layer.name}/bias`, shape: [layer.outChannels], values: bias });
    x = output;
  }
  readOutputScale(g, 'output', x);
  g.assertAllUsed();
  return weights;
}

/** An inference batch norm subgraph on `input`, as (scale, shift) per channel computed in float64. */
function readBatchNorm(g: CheckedGraph, p: string, input: string, channels: number): { scale: Float64Array; shift: Float64Array; output: string } {
  const gamma = g.floatConst(`${p}/gamma`, [channels]);
  const beta = g.floatConst(`${p}/beta`, [channels]);
  const mean = g.floatConst(`${p}/moving_mean`, [channels]);
  const variance = g.floatConst(`${p}/moving_variance`, [channels]);
  const epsilon = g.floatConst(`${p}/batchnorm/add/y`, [])[0]!;
  if (epsilon !== Math.fround(1e-3)) g.fail(`${p} has ε = ${epsilon}, expected 1e-3`);
  g.node(`${p}/batchnorm/add`, 'Add', [`${p}/moving_variance`, `${p}/batchnorm/add/y`]);
  g.node(`${p}/batchnorm/Rsqrt`, 'Rsqrt', [`${p}/batchnorm/add`]);
  g.node(`${p}/batchnorm/mul`, 'Mul', [`${p}/batchnorm/Rsqrt`, `${p}/gamma`]);
  g.node(`${p}/batchnorm/mul_1`, 'Mul', [input, `${p}/batchnorm/mul`]);
  g.node(`${p}/batchnorm/mul_2`, 'Mul', [`${p}/moving_mean`, `${p}/batchnorm/mul`]);
  g.node(`${p}/batchnorm/sub`, 'Sub', [`${p}/beta`, `${p}/batchnorm/mul_2`]);
  g.node(`${p}/batchnorm/add_1`, 'Add', [`${p}/batchnorm/mul_1`, `${p}/batchnorm/sub`]);
  const scale = Float64Array.from(gamma, (gm, c) => gm / Math.sqrt(variance[c]! + epsilon));
  const shift = Float64Array.from(beta, (b, c) => b - mean[c]! * scale[c]!);
  return { scale, shift, output: `${p}/batchnorm/add_1` };
}

/** Kernel·scale along the last axis (output channels; a depthwise kernel's channels are its third axis, multiplier 1). */
function scaleLastAxis(kernel: Float32Array, scale: Float64Array): Float32Array {
  return Float32Array.from(kernel, (w, i) => w * scale[i % scale.length]!);
}

/** Depthwise 3×3 + BN + ReLU, then 1×1 conv (+ BN or folded bias) + ReLU, with every BN folded into its conv. */
function readSeparableBlock(
  g: CheckedGraph,
  block: SeparableBlock,
  input: string,
  padding: 'SAME' | 'VALID',
  batchNorms: { depthwise: string; pointwise: string | null },
): { weights: ConvertedWeight[]; output: string } {
  const { depthwise: d, pointwise: p, inChannels, outChannels, stride } = block;
  const dwKernel = g.floatConst(`${d}/depthwise_kernel`, [3, 3, inChannels, 1]);
  const dw = g.node(`${d}/depthwise`, 'DepthwiseConv2dNative', [input, `${d}/depthwise_kernel`]);
  g.attr(dw, 'strides', [1, stride, stride, 1]);
  g.attr(dw, 'dilations', [1, 1, 1, 1]);
  g.attr(dw, 'padding', padding);
  g.attr(dw, 'data_format', 'NHWC');
  const bnD = readBatchNorm(g, batchNorms.depthwise, dw.name, inChannels);
  const reluD = g.soleConsumer(bnD.output, 'Relu');

  const pwKernel = g.floatConst(`${p}/kernel`, [1, 1, inChannels, outChannels]);
  const pw = g.node(`${p}/Conv2D`, 'Conv2D', [reluD.name, `${p}/kernel`]);
  g.attr(pw, 'strides', [1, 1, 1, 1]);
  g.attr(pw, 'dilations', [1, 1, 1, 1]);
  g.attr(pw, 'padding', padding);
  g.attr(pw, 'data_format', 'NHWC');
  let pwWeights: Float32Array;
  let pwBias: Float32Array;
  let pwOutput: string;
  if (batchNorms.pointwise === null) {
    // The encoder's 1×1 convs come with their BN already folded by the graph's optimiser: Conv2D_bn_offset.
    pwWeights = pwKernel;
    pwBias = g.floatConst(`${p}/Conv2D_bn_offset`, [outChannels]);
    pwOutput = g.soleConsumer(pw.name, 'BiasAdd').name;
    g.node(pwOutput, 'BiasAdd', [pw.name, `${p}/Conv2D_bn_offset`]);
  } else {
    const bnP = readBatchNorm(g, batchNorms.pointwise, pw.name, outChannels);
    pwWeights = scaleLastAxis(pwKernel, bnP.scale);
    pwBias = Float32Array.from(bnP.shift);
    pwOutput = bnP.output;
  }
  const reluP = g.soleConsumer(pwOutput, 'Relu');
  return {
    weights: [
      { name: `${d}/depthwise_kernel`, shape: [3, 3, inChannels, 1], values: scaleLastAxis(dwKernel, bnD.scale) },
      { name: `${d}/bias`, shape: [inChannels], values: Float32Array.from(bnD.shift) },
      { name: `${p}/kernel`, shape: [1, 1, inChannels, outChannels], values: pwWeights },
      { name: `${p}/bias`, shape: [outChannels], values: pwBias },
    ],
    output: reluP.name,
  };
}

export function convertMobileEncoder(nodes: NodeDef[]): ConvertedWeight[] {
  const g = new CheckedGraph('mobile encoder', nodes);
  const preprocessed = readPreprocess(g, 'input');
  const stem = MOBILE_ENCODER_STEM;
  const kernel = g.floatConst(`${stem.name}/kernel`, [3, 3, stem.inChannels, stem.outChannels]);
  const conv = g.node(`${stem.name}/Conv2D`, 'Conv2D', [preprocessed, `${stem.name}/kernel`]);
  g.attr(conv, 'strides', [1, 2, 2, 1]);
  g.attr(conv, 'padding', 'SAME');
  g.attr(conv, 'dilations', [1, 1, 1, 1]);
  const bias = g.floatConst(`${stem.name}/Conv2D_bn_offset`, [stem.outChannels]);
  const biasAdd = g.soleConsumer(conv.name, 'BiasAdd');
  g.node(biasAdd.name, 'BiasAdd', [conv.name, `${stem.name}/Conv2D_bn_offset`]);
  let x = g.soleConsumer(biasAdd.name, 'Relu').name;
  // The RGB→BGR flip moves into the kernel; the mean subtraction stays at run time (mobile.ts says why).
  const flipped = new Float32Array(kernel.length);
  const cin = stem.inChannels;
  const cout = stem.outChannels;
  for (let tap = 0; tap < 9; tap++) {
    for (let i = 0; i < cin; i++) {
      for (let o = 0; o < cout; o++) flipped[(tap * cin + (cin - 1 - i)) * cout + o] = kernel[(tap * cin + i) * cout + o]!;
    }
  }
  const weights: ConvertedWeight[] = [
    { name: `${stem.name}/kernel`, shape: [3, 3, cin, cout], values: flipped },
    { name: `${stem.name}/bias`, shape: [cout], values: bias },
  ];
  MOBILE_ENCODER_BLOCKS.forEach((block, index) => {
    const converted = readSeparableBlock(g, block, x, 'SAME', { depthwise: `batch_normalization_${2 * index + 1}`, pointwise: null });
    weights.push(...converted.weights);
    x = converted.output;
  });
  if (x !== 'output/Relu') g.fail(`the last block ends in ${x}, expected output/Relu`);
  g.assertAllUsed();
  return weights;
}

export function convertMobileDecoder(nodes: NodeDef[]): ConvertedWeight[] {
  const g = new CheckedGraph('mobile decoder', nodes);
  let x = readAdain(g, 'adain');
  const weights: ConvertedWeight[] = [];
  for (const layer of MOBILE_DECODER_LAYERS) {
    if (layer.kind === 'upsample') {
      x = readUpsample(g, layer.name, x);
      continue;
    }
    const pad = g.soleConsumer(x, 'MirrorPad');
    g.attr(pad, 'mode', 'REFLECT');
    const padConst = pad.input[1] ?? '';
    g.intConst(padConst, [4, 2], REFLECT_PAD_1);
    const name = layer.depthwise.replace(/_depthconv3x3$/, '');
    const converted = readSeparableBlock(g, layer, pad.name, 'VALID', { depthwise: `${name}_bn_d`, pointwise: `${name}_bn_p` });
    weights.push(...converted.weights);
    x = converted.output;
  }
  const head = MOBILE_DECODER_HEAD;
  g.intConst('b1_layer1_pad/Const', [4, 2], REFLECT_PAD_1);
  const conv = g.node(`${head.name}/Conv2D`, 'FusedPadConv2D', [x, 'b1_layer1_pad/Const', `${head.name}/kernel`]);
  g.attr(conv, 'mode', 'REFLECT');
  g.attr(conv, 'padding', 'VALID');
  g.attr(conv, 'strides', [1, 1, 1, 1]);
  weights.push(
    {
      name: `${head.name}/kernel`,
      shape: [3, 3, head.inChannels, head.outChannels],
      values: g.floatConst(`${head.name}/kernel`, [3, 3, head.inChannels, head.outChannels]),
    },
    { name: `${head.name}/bias`, shape: [head.outChannels], values: g.floatConst(`${head.name}/bias`, [head.outChannels]) },
  );
  g.node(`${head.name}/BiasAdd`, 'BiasAdd', [conv.name, `${head.name}/bias`]);
  g.node(`${head.name}/Relu`, 'Relu', [`${head.name}/BiasAdd`]);
  readOutputScale(g, 'output_1', `${head.name}/Relu`);
  g.assertAllUsed();
  return weights;
}

const CONVERTERS: Record<SourceName, (nodes: NodeDef[]) => ConvertedWeight[]> = {
  vggEncoder: convertVggEncoder,
  vggDecoder: convertVggDecoder,
  mobileEncoder: convertMobileEncoder,
  mobileDecoder: convertMobileDecoder,
};

// ---------------------------------------------------------------------------------------------------
// Output

/** A manifest (one group, one shard next to it) and the shard's bytes, weights back to back. */
export function buildManifest(weights: ConvertedWeight[], shardName: string, source: SourceGraph): { manifest: WeightsManifestFile; shard: Uint8Array } {
  const entries: tf.io.WeightsManifestEntry[] = [];
  const chunks: Uint8Array[] = [];
  for (const weight of weights) {
    if ('codes' in weight) {
      entries.push({ name: weight.name, shape: weight.shape, dtype: 'float32', quantization: { dtype: 'uint8', scale: weight.scale, min: weight.min } });
      chunks.push(weight.codes);
    } else {
      entries.push({ name: weight.name, shape: weight.shape, dtype: 'float32' });
      chunks.push(new Uint8Array(weight.values.buffer, weight.values.byteOffset, weight.values.byteLength));
    }
  }
  const shard = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0));
  let offset = 0;
  for (const chunk of chunks) {
    shard.set(chunk, offset);
    offset += chunk.byteLength;
  }
  const manifest: WeightsManifestFile = {
    format: 'adain-notebook-weights',
    source: { file: source.path, sha256: source.sha256 },
    weightsManifest: [{ paths: [shardName], weights: entries }],
  };
  return { manifest, shard };
}

/** index.json plus what decides whether a conversion is up to date. */
export interface PreparedIndex extends ModelsIndex {
  converterSha256: string;
  sources: Record<string, string>;
}

async function converterSha256(): Promise<string> {
  const hash = createHash('sha256');
  for (const file of CONVERTER_FILES) hash.update(await readFile(join(REPO_ROOT, file)));
  return hash.digest('hex');
}

function expectedSources(): Record<string, string> {
  return Object.fromEntries(Object.values(SOURCE_GRAPHS).map((source) => [source.path, source.sha256]));
}

/** The existing index when every output it lists is intact and it came from these sources and this converter. */
async function upToDateIndex(outDir: string, converter: string): Promise<PreparedIndex | null> {
  const indexFile = join(outDir, 'index.json');
  if (!existsSync(indexFile)) return null;
  let index: PreparedIndex;
  try {
    index = JSON.parse(await readFile(indexFile, 'utf8')) as PreparedIndex;
  } catch {
    return null;
  }
  if (index.converterSha256 !== converter || JSON.stringify(index.sources) !== JSON.stringify(expectedSources())) return null;
  const expectedFiles = Object.values(OUTPUT_MANIFESTS).flatMap((manifest) => [manifest, manifest.replace(/\.json$/, '.bin')]);
  if (!expectedFiles.every((file) => file in index.files)) return null;
  for (const [file, integrity] of Object.entries(index.files)) {
    const path = join(outDir, file);
    if (!existsSync(path)) return null;
    const bytes = new Uint8Array(await readFile(path));
    if (bytes.byteLength !== integrity.bytes || sha256Hex(bytes) !== integrity.sha256) return null;
  }
  return index;
}

export interface PrepareOptions extends SourceOptions {
  outDir: string;
  force?: boolean;
}

export interface PrepareResult {
  skipped: boolean;
  index: PreparedIndex;
}

/** Writes a file via a temporary name, so a killed run never leaves a half-written output behind. */
async function writeAtomically(path: string, bytes: Uint8Array | string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.tmp-${process.pid}`;
  await writeFile(temporary, bytes);
  await rename(temporary, path);
}

export async function prepareModels(options: PrepareOptions): Promise<PrepareResult> {
  const log = options.log ?? (() => {});
  const converter = await converterSha256();
  if (!options.force) {
    const current = await upToDateIndex(options.outDir, converter);
    if (current) {
      log(`models in ${options.outDir} are up to date`);
      return { skipped: true, index: current };
    }
  }
  const graphs = await readSourceGraphs(options);
  const files: Record<string, FileIntegrity> = {};
  for (const name of Object.keys(SOURCE_GRAPHS) as SourceName[]) {
    const manifestPath = OUTPUT_MANIFESTS[name];
    const shardPath = manifestPath.replace(/\.json$/, '.bin');
    const weights = CONVERTERS[name](parseGraphDef(graphs[name]));
    const { manifest, shard } = buildManifest(weights, shardPath.slice(shardPath.lastIndexOf('/') + 1), SOURCE_GRAPHS[name]);
    const manifestBytes = new TextEncoder().encode(`${JSON.stringify(manifest)}\n`);
    await writeAtomically(join(options.outDir, shardPath), shard);
    await writeAtomically(join(options.outDir, manifestPath), manifestBytes);
    files[manifestPath] = { bytes: manifestBytes.byteLength, sha256: sha256Hex(manifestBytes) };
    files[shardPath] = { bytes: shard.byteLength, sha256: sha256Hex(shard) };
    log(`${SOURCE_GRAPHS[name].path} → ${manifestPath} (${weights.length} weights, ${shard.byteLength} bytes)`);
  }
  const index: PreparedIndex = { format: 'adain-notebook-models', files, converterSha256: converter, sources: expectedSources() };
  await writeAtomically(join(options.outDir, 'index.json'), `${JSON.stringify(index, null, 1)}\n`);
  return { skipped: false, index };
}

/** Download size of a model family (its manifests and shards), from the index. */
export function familyBytes(index: ModelsIndex, family: 'adain-vgg19' | 'adain-mobile'): number {
  return Object.entries(index.files)
    .filter(([file]) => file.startsWith(`${family}/`))
    .reduce((sum, [, integrity]) => sum + integrity.bytes, 0);
}

export const DEFAULT_OUT_DIR = join(REPO_ROOT, 'public/models');
export const DEFAULT_CACHE_DIR = join(REPO_ROOT, '.cache/models');

export function defaultSourceDir(): string {
  return process.env.ADAIN_MODELS_DIR ?? resolve(REPO_ROOT, '../shared/models');
}

function parseArgs(argv: string[]): PrepareOptions & { optional?: boolean } {
  const options: PrepareOptions & { optional?: boolean } = {
    from: defaultSourceDir(),
    outDir: DEFAULT_OUT_DIR,
    upstreamBaseUrl: UPSTREAM_BASE_URL,
    cacheDir: DEFAULT_CACHE_DIR,
    log: (line) => console.log(line),
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      return next;
    };
    if (arg === '--from') options.from = resolve(value());
    else if (arg === '--out') options.outDir = resolve(value());
    else if (arg === '--upstream') options.upstreamBaseUrl = value();
    else if (arg === '--force') options.force = true;
    else if (arg === '--optional') options.optional = true;
    else throw new Error(`unknown argument ${arg} (use --from DIR, --out DIR, --upstream URL, --force, --optional)`);
  }
  return options;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const options = parseArgs(process.argv.slice(2));
  prepareModels(options).then(
    ({ index }) => {
      for (const family of ['adain-vgg19', 'adain-mobile'] as const) console.log(`${family}: ${(familyBytes(index, family) / 1e6).toFixed(2)} MB to download`);
      console.log(`index: ${relative(process.cwd(), join(options.outDir, 'index.json'))}`);
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      // On install and build the models are optional: the site still works, and the style lab says the
      // weights are missing and how to prepare them.
      if (options.optional) console.error('warning: style-transfer weights not prepared; run `npm run prepare-models` (see README).');
      else process.exit(1);
    },
  );
}
