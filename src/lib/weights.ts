import * as tf from '@tensorflow/tfjs';
import { integrityProblem, isModelsIndex, type FileIntegrity, type ModelsIndex } from './integrity';

/**
 * Loading the converted weights (scripts/prepare-models.ts writes them): TensorFlow.js weight manifests
 * (a model.json-style `weightsManifest`) and their .bin shards, fetched with byte progress, checked
 * against the sizes and SHA-256 sums of the models' index.json, and decoded with tf.io.decodeWeights —
 * which dequantizes uint8 weights as q·scale + min in float64 before the float32 cast; the converter
 * stores min already rounded to a multiple of the step, so that is exactly the graph's MIN_FIRST rule.
 * Works with the browser's fetch and, in Node, with any fetch-like function (tests read files).
 */

export type NamedWeights = tf.NamedTensorMap;

/** What the converter writes as `<model>/<part>.json`. */
export interface WeightsManifestFile {
  format: 'adain-notebook-weights';
  /** What the weights came from (graph file and its SHA-256), for the record. */
  source: { file: string; sha256: string };
  weightsManifest: tf.io.WeightsManifestConfig;
}

export interface LoadProgress {
  loadedBytes: number;
  totalBytes: number;
}

/** The part of fetch these loaders use; the browser's fetch and Node's both fit. */
export type FetchLike = (url: string, init?: { signal?: AbortSignal }) => Promise<Response>;

export interface LoadOptions {
  /** URL of the models folder, ending in '/', e.g. `${import.meta.env.BASE_URL}models/`. */
  baseUrl: string;
  fetch?: FetchLike;
  /** Expected sizes and hashes by path relative to baseUrl (ModelsIndex.files); unchecked files are allowed only when omitted. */
  integrity?: Record<string, FileIntegrity>;
  onProgress?: (progress: LoadProgress) => void;
  signal?: AbortSignal;
  /**
   * Awaited after the download, before any tensor is made: a page passes its backend start-up, so that the
   * download overlaps it and the weights land on the chosen backend.
   */
  beforeDecode?: () => Promise<unknown>;
}

/**
 * Base class: every weights failure carries the file, a short message for developers, and advice for whoever
 * hosts the site (for the console). The reader's words are in src/i18n/components/weights-errors.ts.
 */
export class WeightsError extends Error {
  // Names are spelled out: a minified build renames classes, and the page tells the errors apart by name
  // (so that its first script need not import this module and tfjs with it).
  override name = 'WeightsError';

  constructor(
    message: string,
    readonly url: string,
    readonly developerAdvice = 'If you host this site, deploy dist/ again unchanged (binary files must not be altered on the way); rebuild the style-transfer models with “npm run prepare-models -- --force”.',
  ) {
    super(message);
  }
}

/** The file could not be downloaded (missing on the server, offline, HTTP error). */
export class WeightsMissingError extends WeightsError {
  override name = 'WeightsMissingError';

  constructor(
    url: string,
    readonly status: number | null,
  ) {
    super(
      `${url} could not be downloaded${status === null ? '' : ` (HTTP ${status})`}.`,
      url,
      'If you host this site: the style-transfer models are not in the repository, “npm run prepare-models” makes them (then build again); the generator is committed in public/generator/. Deploy all of dist/.',
    );
  }
}

/** The file arrived but is not what was published: wrong size, wrong hash, unreadable manifest. */
export class WeightsCorruptError extends WeightsError {
  override name = 'WeightsCorruptError';

  constructor(
    url: string,
    readonly detail: string,
  ) {
    super(`${url} is damaged (${detail}).`, url);
  }
}

/** The weights decode but do not fit the network: a missing weight or a wrong shape. */
export class WeightsFormatError extends WeightsError {
  override name = 'WeightsFormatError';

  constructor(readonly detail: string) {
    super(`The weights do not match the network (${detail}).`, '');
  }
}

/** A named weight with the expected shape, or a WeightsFormatError. */
export function requireWeight(weights: NamedWeights, name: string, shape: readonly number[]): tf.Tensor {
  const weight = weights[name];
  if (!weight) throw new WeightsFormatError(`no weight named ${name}`);
  if (weight.shape.length !== shape.length || weight.shape.some((size, i) => size !== shape[i])) {
    throw new WeightsFormatError(`${name} has shape [${weight.shape.join(',')}], expected [${shape.join(',')}]`);
  }
  return weight;
}

const BYTES_PER_VALUE: Record<string, number> = { float32: 4, int32: 4, bool: 1, uint8: 1, uint16: 2, float16: 2 };

/** Bytes a manifest group's shards hold together (weights are stored back to back). */
export function manifestGroupBytes(group: tf.io.WeightsManifestConfig[number]): number {
  return group.weights.reduce((sum, entry) => {
    const valueBytes = BYTES_PER_VALUE[entry.quantization?.dtype ?? entry.dtype];
    if (valueBytes === undefined) throw new Error(`unsupported weight dtype in ${entry.name}`);
    return sum + valueBytes * entry.shape.reduce((a, b) => a * b, 1);
  }, 0);
}

async function fetchOk(fetchFn: FetchLike, url: string, signal: AbortSignal | undefined): Promise<Response> {
  let response: Response;
  try {
    response = await fetchFn(url, signal ? { signal } : {});
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new WeightsMissingError(url, null);
  }
  if (!response.ok) throw new WeightsMissingError(url, response.status);
  return response;
}

/** The body as bytes, reporting each chunk; never accepts more than `expectedBytes`. */
async function readBody(response: Response, url: string, expectedBytes: number, onChunk: (bytes: number) => void): Promise<Uint8Array> {
  if (!response.body) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    onChunk(bytes.byteLength);
    return bytes;
  }
  const out = new Uint8Array(expectedBytes);
  let filled = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (filled + value.byteLength > expectedBytes) {
      await reader.cancel();
      throw new WeightsCorruptError(url, `more than the expected ${expectedBytes} bytes`);
    }
    out.set(value, filled);
    filled += value.byteLength;
    onChunk(value.byteLength);
  }
  return out.subarray(0, filled);
}

async function verify(bytes: Uint8Array, url: string, expected: FileIntegrity | undefined): Promise<void> {
  if (!expected) return;
  const problem = await integrityProblem(bytes, expected);
  if (problem) throw new WeightsCorruptError(url, problem);
}

function expectedIntegrity(options: LoadOptions, path: string, url: string): FileIntegrity | undefined {
  if (!options.integrity) return undefined;
  const entry = options.integrity[path];
  if (!entry) throw new WeightsCorruptError(url, 'not listed in the models index');
  return entry;
}

/** One weights manifest (a model part's .json, or the generator's model.json), checked against the index when given. */
export async function fetchManifest(path: string, options: LoadOptions): Promise<WeightsManifestFile> {
  const url = options.baseUrl + path;
  const response = await fetchOk(options.fetch ?? globalThis.fetch, url, options.signal);
  const bytes = new Uint8Array(await response.arrayBuffer());
  await verify(bytes, url, expectedIntegrity(options, path, url));
  let manifest: WeightsManifestFile;
  try {
    manifest = JSON.parse(new TextDecoder().decode(bytes)) as WeightsManifestFile;
  } catch {
    throw new WeightsCorruptError(url, 'not valid JSON');
  }
  if (manifest.format !== 'adain-notebook-weights' || !Array.isArray(manifest.weightsManifest)) {
    throw new WeightsCorruptError(url, 'not a weights manifest');
  }
  return manifest;
}

function directoryOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/') + 1);
}

/** The models index (sizes and hashes of every converted file). */
export async function loadModelsIndex(options: Pick<LoadOptions, 'baseUrl' | 'fetch' | 'signal'>): Promise<ModelsIndex> {
  const url = `${options.baseUrl}index.json`;
  const response = await fetchOk(options.fetch ?? globalThis.fetch, url, options.signal);
  try {
    const index: unknown = await response.json();
    if (isModelsIndex(index)) return index;
  } catch {
    // fall through to the error below
  }
  throw new WeightsCorruptError(url, 'not a models index');
}

/**
 * Loads several weight manifests (paths relative to baseUrl) as one download: progress counts the
 * bytes of all their shards together. Returns one NamedWeights per manifest; the caller owns the tensors.
 */
export async function loadWeightSets(manifestPaths: readonly string[], options: LoadOptions): Promise<NamedWeights[]> {
  const manifests = await Promise.all(manifestPaths.map(async (path) => ({ path, manifest: await fetchManifest(path, options) })));
  return loadManifestWeights(manifests, options);
}

/** The shards of manifests already fetched (fetchManifest), as one download; one NamedWeights per manifest. */
export async function loadManifestWeights(entries: readonly { path: string; manifest: WeightsManifestFile }[], options: LoadOptions): Promise<NamedWeights[]> {
  const fetchFn = options.fetch ?? globalThis.fetch;
  const manifests = entries.map((entry) => entry.manifest);
  const groups = manifests.flatMap((manifest, m) => manifest.weightsManifest.map((group) => ({ group, dir: directoryOf(entries[m]!.path), manifest: m })));
  const totalBytes = groups.reduce((sum, { group }) => sum + manifestGroupBytes(group), 0);
  let loadedBytes = 0;
  options.onProgress?.({ loadedBytes, totalBytes });

  // Every shard downloads at once; each is checked as soon as it has arrived.
  const groupBuffers = await Promise.all(
    groups.map(async ({ group, dir }) => {
      const groupBytes = manifestGroupBytes(group);
      const shards = await Promise.all(
        group.paths.map(async (shard) => {
          const path = dir + shard;
          const url = options.baseUrl + path;
          const expected = expectedIntegrity(options, path, url);
          const response = await fetchOk(fetchFn, url, options.signal);
          const bytes = await readBody(response, url, expected?.bytes ?? groupBytes, (chunk) => {
            loadedBytes += chunk;
            options.onProgress?.({ loadedBytes, totalBytes });
          });
          await verify(bytes, url, expected);
          return bytes;
        }),
      );
      const groupLoaded = shards.reduce((sum, bytes) => sum + bytes.byteLength, 0);
      if (groupLoaded !== groupBytes) {
        throw new WeightsCorruptError(options.baseUrl + dir + group.paths.join(','), `${groupLoaded} bytes of weights, the manifest needs ${groupBytes}`);
      }
      return shards.map((bytes) => (bytes.byteLength === bytes.buffer.byteLength ? (bytes.buffer as ArrayBuffer) : bytes.slice().buffer));
    }),
  );
  const specs: tf.io.WeightsManifestEntry[][] = manifests.map(() => []);
  const buffers: ArrayBuffer[][] = manifests.map(() => []);
  groups.forEach(({ group, manifest }, g) => {
    buffers[manifest]!.push(...groupBuffers[g]!);
    specs[manifest]!.push(...group.weights);
  });
  await options.beforeDecode?.();
  return manifests.map((_, m) => tf.io.decodeWeights(buffers[m]!, specs[m]!));
}
