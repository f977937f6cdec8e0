/**
 * Times style transfer in Node on the tfjs wasm backend (SIMD, one thread — Node's tfjs-wasm never
 * threads), for the VGG and mobile pairs, with the style's features cached and not, and prints the
 * weight download sizes.
 *
 *   npx tsx scripts/bench-transfer.ts [--sizes 256,512] [--runs 3] [--models vgg,mobile]
 *
 * Prints the median of `runs` timed runs after one warm-up per configuration.
 */
import { performance } from 'node:perf_hooks';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { DEFAULT_CACHE_DIR, DEFAULT_OUT_DIR, UPSTREAM_BASE_URL, defaultSourceDir, familyBytes, prepareModels } from './prepare-models';
import { disposeModel, loadModel, type ModelKind, type StyleTransferModel } from '../src/lib/models';
import { disposeStyle, encodeStyle, transfer } from '../src/lib/transfer';
import { runNetwork } from '../src/lib/layers';

interface BenchOptions {
  sizes: number[];
  runs: number;
  models: ModelKind[];
}

function parseArgs(argv: string[]): BenchOptions {
  const options: BenchOptions = { sizes: [256, 512], runs: 3, models: ['vgg', 'mobile'] };
  for (let i = 0; i < argv.length; i += 2) {
    const value = argv[i + 1];
    if (value === undefined) throw new Error(`${argv[i]} needs a value`);
    if (argv[i] === '--sizes') options.sizes = value.split(',').map(Number);
    else if (argv[i] === '--runs') options.runs = Number(value);
    else if (argv[i] === '--models') options.models = value.split(',') as ModelKind[];
    else throw new Error(`unknown argument ${argv[i]} (use --sizes, --runs, --models)`);
  }
  return options;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Runs `body` once to warm up, then `runs` times; the result is read back so the work really finished. */
function time(runs: number, body: () => tf.Tensor): number {
  const durations: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const start = performance.now();
    const result = body();
    result.dataSync();
    const elapsed = performance.now() - start;
    result.dispose();
    if (i > 0) durations.push(elapsed);
  }
  return median(durations);
}

function benchModel(model: StyleTransferModel, size: number, runs: number): { cached: number; uncached: number; encodeOnly: number } {
  const content = tf.randomUniform([1, size, size, 3], 0, 255, 'float32', 1) as tf.Tensor4D;
  const styleImage = tf.randomUniform([1, size, size, 3], 0, 255, 'float32', 2) as tf.Tensor4D;
  const style = encodeStyle(model, styleImage);
  const cached = time(runs, () => transfer(model, content, [{ style }]).image);
  const uncached = time(runs, () => {
    const fresh = encodeStyle(model, styleImage);
    const { image } = transfer(model, content, [{ style: fresh }]);
    disposeStyle(fresh);
    return image;
  });
  const encodeOnly = time(runs, () => runNetwork(model.encoder, content));
  disposeStyle(style);
  tf.dispose([content, styleImage]);
  return { cached, uncached, encodeOnly };
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  await tf.setBackend('wasm');
  await tf.ready();
  const { index } = await prepareModels({ from: defaultSourceDir(), outDir: DEFAULT_OUT_DIR, upstreamBaseUrl: UPSTREAM_BASE_URL, cacheDir: DEFAULT_CACHE_DIR });
  console.log(`backend: ${tf.getBackend()} (Node ${process.versions.node}, one thread)`);
  console.log(
    `download: VGG ${(familyBytes(index, 'adain-vgg19') / 1e6).toFixed(2)} MB (${(familyBytes(index, 'adain-vgg19') / 2 ** 20).toFixed(2)} MiB), mobile ${(familyBytes(index, 'adain-mobile') / 1e6).toFixed(2)} MB`,
  );
  const fetchFile = async (url: string) => new Response(await readFile(join(DEFAULT_OUT_DIR, url)));
  for (const kind of options.models) {
    const model = await loadModel(kind, { baseUrl: '', fetch: fetchFile, integrity: index.files });
    for (const size of options.sizes) {
      const { cached, uncached, encodeOnly } = benchModel(model, size, options.runs);
      console.log(
        `${kind.padEnd(6)} ${String(size).padStart(4)}²: transfer ${uncached.toFixed(0)} ms, with cached style ${cached.toFixed(0)} ms, one encode ${encodeOnly.toFixed(0)} ms (median of ${options.runs})`,
      );
    }
    disposeModel(model);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
