import { createServer, type Server } from 'node:http';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseGraphDef, tensorFloat32 } from '../../scripts/graphdef';
import {
  DEFAULT_CACHE_DIR,
  SOURCE_GRAPHS,
  SourceIntegrityError,
  UPSTREAM_BASE_URL,
  buildManifest,
  convertMobileDecoder,
  convertMobileEncoder,
  familyBytes,
  minFirstQuantization,
  prepareModels,
  readSourceGraphs,
} from '../../scripts/prepare-models';
import { adain } from '../../src/lib/adain';
import { createModel, disposeModel } from '../../src/lib/models';
import { MODELS_DIR, SOURCE_DIR, ensureModels, loadTestModel, maxAbsDiff, syntheticImage, useWasm } from '../lib/fixtures';
import { executeGraph } from './graph-executor';
import { runNetwork } from '../../src/lib/layers';

describe('GraphDef reader', () => {
  it('reads the VGG encoder graph: the preprocess, a MIN_FIRST Dequantize and a reflect-padded conv', async () => {
    const nodes = parseGraphDef(new Uint8Array(await readFile(join(SOURCE_DIR, SOURCE_GRAPHS.vggEncoder.path))));
    const byName = new Map(nodes.map((n) => [n.name, n]));
    expect(byName.get('vgg_preprocess/ReverseV2/axis')!.attr.get('value')!.tensor!.intVal).toEqual([-1]);
    expect(byName.get('block1_conv1/kernel')!.op).toBe('Dequantize');
    expect(byName.get('block1_conv1/kernel')!.attr.get('mode')!.s).toBe('MIN_FIRST');
    const conv = byName.get('block1_conv2/Conv2D')!;
    expect(conv.op).toBe('FusedPadConv2D');
    expect(conv.input).toEqual(['block1_conv1/Relu', 'spatial_reflection_padding_1/Const', 'block1_conv2/kernel']);
    expect(byName.get('block1_conv2/kernel_quantized_const')!.attr.get('value')!.tensor!.shape).toEqual([3, 3, 64, 64]);
  });
});

describe('MIN_FIRST dequantization', () => {
  it('rounds min to a multiple of the step, halves away from zero', () => {
    const q = minFirstQuantization(-1, 1.55);
    expect(q.scale).toBeCloseTo(0.01, 15);
    expect(q.min).toBeCloseTo(-1, 12); // −100 steps exactly
    const half = minFirstQuantization(-0.025, 2.525); // min/step = −2.5 → −3 (std::round), not −2
    expect(half.min / half.scale).toBeCloseTo(-3, 9);
  });

  it('tf.io.decodeWeights gives round(min/step)·step + q·step on a known layer (block1_conv2)', async () => {
    await useWasm();
    const nodes = parseGraphDef(new Uint8Array(await readFile(join(SOURCE_DIR, SOURCE_GRAPHS.vggEncoder.path))));
    const value = (name: string) => nodes.find((n) => n.name === name)!.attr.get('value')!.tensor!;
    const codes = value('block1_conv2/kernel_quantized_const').content!;
    const minValue = tensorFloat32(value('block1_conv2/kernel_quantized_min'))[0]!;
    const maxValue = tensorFloat32(value('block1_conv2/kernel_quantized_max'))[0]!;
    // SPEC.md, computed in float64 then cast to float32.
    const step = (maxValue - minValue) / 255;
    const expected = Float32Array.from(codes, (q) => Math.round(minValue / step) * step + q * step);
    const plain = Float32Array.from(codes, (q) => minValue + q * step);

    const manifest = JSON.parse(await readFile(join(MODELS_DIR, 'adain-vgg19/encoder.json'), 'utf8'));
    const shard = await readFile(join(MODELS_DIR, 'adain-vgg19/encoder.bin'));
    const weights = tf.io.decodeWeights(new Uint8Array(shard).buffer, manifest.weightsManifest[0].weights);
    const decoded = weights['block1_conv2/kernel']!.dataSync();
    let maxDiff = 0;
    let plainShift = 0;
    for (let i = 0; i < expected.length; i++) {
      maxDiff = Math.max(maxDiff, Math.abs(decoded[i]! - expected[i]!));
      plainShift = Math.max(plainShift, Math.abs(plain[i]! - expected[i]!));
    }
    expect(maxDiff).toBe(0);
    // The test can tell the two rules apart: the naive one is off by a visible fraction of a step.
    expect(plainShift).toBeGreaterThan(step * 0.01);
    tf.dispose(weights);
  });
});

describe('converter', () => {
  beforeAll(async () => {
    await useWasm();
    await ensureModels();
  });

  it('is idempotent and writes an index of sizes and hashes within the download budgets', async () => {
    const again = await prepareModels({ from: SOURCE_DIR, outDir: MODELS_DIR, upstreamBaseUrl: UPSTREAM_BASE_URL, cacheDir: DEFAULT_CACHE_DIR });
    expect(again.skipped).toBe(true);
    const index = again.index;
    expect(Object.keys(index.files).sort()).toEqual([
      'adain-mobile/decoder.bin',
      'adain-mobile/decoder.json',
      'adain-mobile/encoder.bin',
      'adain-mobile/encoder.json',
      'adain-vgg19/decoder.bin',
      'adain-vgg19/decoder.json',
      'adain-vgg19/encoder.bin',
      'adain-vgg19/encoder.json',
    ]);
    // Budgets of the issue: 7 MiB for VGG (its 14 M weights are 8-bit), 4 MB for the mobile pair.
    expect(familyBytes(index, 'adain-vgg19')).toBeLessThanOrEqual(7 * 2 ** 20);
    expect(familyBytes(index, 'adain-mobile')).toBeLessThanOrEqual(4e6);
  });

  it('mobile encoder with folded batch norms and preprocess matches the raw graph run node by node', async () => {
    const nodes = parseGraphDef(new Uint8Array(await readFile(join(SOURCE_DIR, SOURCE_GRAPHS.mobileEncoder.path))));
    const decoderNodes = parseGraphDef(new Uint8Array(await readFile(join(SOURCE_DIR, SOURCE_GRAPHS.mobileDecoder.path))));
    const toWeights = (weights: ReturnType<typeof convertMobileEncoder>) => {
      const { manifest, shard } = buildManifest(weights, 'x.bin', SOURCE_GRAPHS.mobileEncoder);
      return tf.io.decodeWeights(shard.slice().buffer, manifest.weightsManifest[0]!.weights);
    };
    const model = createModel('mobile', toWeights(convertMobileEncoder(nodes)), toWeights(convertMobileDecoder(decoderNodes)));
    const content = syntheticImage(64, 3);
    const style = syntheticImage(64, 5);

    const features = runNetwork(model.encoder, content);
    const graphFeatures = executeGraph(nodes, { input: content }, 'output/Relu');
    const featureDiff = maxAbsDiff(features, graphFeatures);
    const styleFeatures = runNetwork(model.encoder, style);

    const decoded = runNetwork(model.decoder, adain(features, styleFeatures));
    const graphDecoded = executeGraph(decoderNodes, { input_c: features, input_s: styleFeatures }, 'output_1/mul');
    const imageDiff = maxAbsDiff(decoded, graphDecoded);
    console.info(`mobile vs raw graph: features ${featureDiff.toExponential(2)}, image ${imageDiff.toExponential(2)} (0..255)`);
    expect(featureDiff).toBeLessThan(1e-2);
    expect(imageDiff).toBeLessThan(0.05);
    tf.dispose([content, style, features, graphFeatures, styleFeatures, decoded, graphDecoded]);
    disposeModel(model);
  });

  it('VGG encoder with the preprocess folded into conv1_1 matches the raw graph at 32²', async () => {
    const nodes = parseGraphDef(new Uint8Array(await readFile(join(SOURCE_DIR, SOURCE_GRAPHS.vggEncoder.path))));
    const model = await loadTestModel('vgg');
    const image = syntheticImage(32, 4);
    const ours = runNetwork(model.encoder, image);
    const graph = executeGraph(nodes, { input: image }, 'output/Relu');
    expect(maxAbsDiff(ours, graph)).toBeLessThan(1e-2);
    tf.dispose([image, ours, graph]);
    disposeModel(model);
  });
});

describe('sources', () => {
  let scratch: string;
  let server: Server;
  let baseUrl: string;
  let requests: string[];

  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'adain-sources-'));
    requests = [];
    // Serves the local graphs under their flat upstream names, as the upstream repository does.
    const byUpstreamName = new Map<string, string>(Object.values(SOURCE_GRAPHS).map((s) => [s.upstreamName, join(SOURCE_DIR, s.path)]));
    server = createServer(async (request, response) => {
      const name = (request.url ?? '').split('/').pop() ?? '';
      requests.push(name);
      const file = byUpstreamName.get(name);
      if (!file) {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200).end(await readFile(file));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    baseUrl = `http://127.0.0.1:${address.port}/adain/models/`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await rm(scratch, { recursive: true, force: true });
  });

  it('downloads the graphs when the local folder is absent, verifies them and caches them', async () => {
    const options = { from: join(scratch, 'absent'), upstreamBaseUrl: baseUrl, cacheDir: join(scratch, 'cache') };
    const graphs = await readSourceGraphs(options);
    expect(graphs.vggEncoder.byteLength).toBe(SOURCE_GRAPHS.vggEncoder.bytes);
    expect(requests.sort()).toEqual(
      Object.values(SOURCE_GRAPHS)
        .map((s) => s.upstreamName)
        .sort(),
    );
    expect(existsSync(join(scratch, 'cache', SOURCE_GRAPHS.mobileDecoder.path))).toBe(true);
    await readSourceGraphs(options);
    expect(requests.length).toBe(4); // the second read comes from the cache
  });

  it('fails loudly when a graph does not match its published SHA-256', async () => {
    const tampered = join(scratch, 'tampered');
    for (const source of Object.values(SOURCE_GRAPHS)) {
      const bytes = new Uint8Array(await readFile(join(SOURCE_DIR, source.path)));
      if (source === SOURCE_GRAPHS.vggDecoder) bytes[1000] = bytes[1000]! ^ 0xff;
      await mkdir(join(tampered, source.path, '..'), { recursive: true });
      await writeFile(join(tampered, source.path), bytes);
    }
    await expect(readSourceGraphs({ from: tampered, upstreamBaseUrl: baseUrl, cacheDir: join(scratch, 'cache2') })).rejects.toThrow(SourceIntegrityError);
    await expect(readSourceGraphs({ from: tampered, upstreamBaseUrl: baseUrl, cacheDir: join(scratch, 'cache2') })).rejects.toThrow(/SHA-256/);
  });
});
