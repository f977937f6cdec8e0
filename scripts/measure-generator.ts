/**
 * Measures what the project's generator (public/generator/) does with its styles, noise and truncation,
 * over samples from fixed seeds, on the tfjs wasm backend:
 *   (a) coarse vs fine style swaps: edge-map distance, colour-histogram distance and palette distance to the
 *       original face (the histograms count areas, so a moved region reads as a colour change; the palette,
 *       the colours covering ≥ 2% of the image, does not);
 *   (b) noise on vs off: high-frequency energy (variance of the Laplacian);
 *   (c) ψ = 0: the largest difference between the images of different seeds;
 *   (d) diversity: mean pairwise RMS distance of 256 samples at ψ = 1 over that of 256 training images;
 *   (e) improved precision and recall (Kynkäänniemi et al. 2019, k = 3) of N samples at ψ = 1 (with noise)
 *       against the first N training images, in the pooled relu4_1 space of src/lib/pooled-features.ts;
 *       precision per skin-tone group of each sample's nearest training image; and the ceiling: training
 *       images N…2N−1 measured the same way against the first N.
 *
 *   npx tsx scripts/measure-generator.ts [--samples 64] [--psi 0.7] [--data training/data/faces-32.npy]
 *                                        [--generator public/generator]  (another export, e.g. of a newer checkpoint)
 *                                        [--pr-images 2000]  (N for (e); 0 skips it; about 0.2 s per image on an idle core)
 *
 * (e) needs the VGG weights in public/models (`npm run prepare-models`) and, for the skin-tone groups,
 * `<data>-skin.npy`, which scripts/faces-dataset.ts writes beside the images.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { disposeGeneratorWeights, loadGeneratorWeights, type GeneratorModelFile, type GeneratorWeights } from '../src/lib/generator-weights';
import {
  colourDistance,
  edgeDistance,
  laplacianVariance,
  maxAbsDifference,
  meanPairwiseDistance,
  paletteDistance,
  type RgbImage,
} from '../src/lib/image-metrics';
import { wFromSeeds } from '../src/lib/mapping';
import type { StyleBand } from '../src/lib/generator-layers';
import { presetLayers } from '../src/lib/mixing-state';
import { disposeModel, loadModel } from '../src/lib/models';
import { pooledRelu41 } from '../src/lib/pooled-features';
import { groupMeans, PAPER_K, precisionRecall } from '../src/lib/precision-recall';
import { layerLatents, synthesize, type SynthesisOptions } from '../src/lib/synthesis';
import { parseNpy } from '../test/helpers/npy';
import { SKIN_COLORS, skinLabelsPath } from './faces-dataset';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    samples: { type: 'string', default: '64' },
    psi: { type: 'string', default: '0.7' },
    data: { type: 'string', default: 'training/data/faces-32.npy' },
    generator: { type: 'string', default: 'public/generator' },
    'pr-images': { type: 'string', default: '2000' },
  },
});
const samples = Number(values.samples);
const psi = Number(values.psi);
const diversityCount = 256;
const diversityTarget = 0.7;
const prImages = Number(values['pr-images']);
if (!Number.isInteger(prImages) || prImages < 0 || (prImages > 0 && prImages <= PAPER_K)) {
  throw new Error(`--pr-images must be 0 (skip) or an integer above ${PAPER_K}, got ${values['pr-images']}`);
}

await tf.setBackend('wasm');
await tf.ready();
const generatorDir = resolve(root, values.generator);
const generator = await loadGeneratorWeights({ baseUrl: '', fetch: async (url) => new Response(readFileSync(join(generatorDir, url))) });
const model = JSON.parse(readFileSync(join(generatorDir, 'model.json'), 'utf8')) as GeneratorModelFile;
const { numWs, resolution } = generator.config;

function ws(seeds: readonly number[], truncation: number): tf.Tensor2D {
  return wFromSeeds(generator, seeds, truncation);
}

/** Runs the generator on per-layer latents and returns its images as bytes (or signed floats). */
function draw(weights: GeneratorWeights, perLayer: tf.Tensor3D, options: SynthesisOptions): RgbImage[] {
  const { images } = synthesize(weights, perLayer, options);
  const data = images.dataSync();
  images.dispose();
  const size = resolution * resolution * 3;
  return Array.from({ length: perLayer.shape[0] }, (_, n) => ({ width: resolution, height: resolution, data: data.slice(n * size, (n + 1) * size) }));
}

const mean = (list: number[]): number => list.reduce((s, v) => s + v, 0) / list.length;
const format = (value: number): string => value.toFixed(4);
const verdict = (ok: boolean): string => (ok ? 'yes' : 'NO');

console.log(
  `Generator: ${model.source.file} (iteration ${model.training.iteration}, ${model.training.minutes} min); ${samples} samples per measure, ψ = ${psi}, wasm backend.`,
);

// (a) Swap one band of styles from a second face into a first; no noise, so only the styles differ.
const baseSeeds = Array.from({ length: samples }, (_, i) => 1 + i);
const donorSeeds = Array.from({ length: samples }, (_, i) => 10_001 + i);
const [baseWs, donorWs] = [ws(baseSeeds, psi), ws(donorSeeds, psi)];
const drawWith = (perLayer: tf.Tensor3D): RgbImage[] => {
  const images = draw(generator, perLayer, { noise: 'off', range: 'bytes' });
  perLayer.dispose();
  return images;
};
const originals = drawWith(layerLatents(baseWs, null, 0, numWs));
/** The base faces with one band of layers (mixing-state's bands) taken from the donors. */
const swapBand = (band: StyleBand): RgbImage[] =>
  drawWith(
    tf.tidy(
      () =>
        tf.stack(
          presetLayers(band).map((fromDonor) => (fromDonor ? donorWs : baseWs)),
          1,
        ) as tf.Tensor3D,
    ),
  );
const swaps = [
  { name: 'coarse swap (layers 0–3)', images: swapBand('coarse') },
  { name: 'middle swap (layers 4–5)', images: swapBand('middle') },
  { name: 'fine swap   (layers 6–7)', images: swapBand('fine') },
].map(({ name, images }) => ({
  name,
  edges: mean(originals.map((image, i) => edgeDistance(image, images[i]!))),
  histogram: mean(originals.map((image, i) => colourDistance(image, images[i]!))),
  palette: mean(originals.map((image, i) => paletteDistance(image, images[i]!))),
}));
const [coarse, , fine] = swaps as [(typeof swaps)[0], (typeof swaps)[0], (typeof swaps)[0]];
console.log('\n(a) Swapping styles from a second face (mean over samples). edge: mean |Δ Sobel magnitude| of the luma, 0–255;');
console.log('    histogram: L1 of 16-bin per-channel RGB histograms, 0–2; palette: Jaccard distance of the 8×8×8-bin colours covering ≥ 2% of the image, 0–1');
for (const swap of swaps) console.log(`    ${swap.name}: edge ${format(swap.edges)}, histogram ${format(swap.histogram)}, palette ${format(swap.palette)}`);
console.log(`    coarse changes edges more than fine: ${verdict(coarse.edges > fine.edges)} (ratio ${format(coarse.edges / fine.edges)})`);
console.log(`    fine changes the palette more than coarse: ${verdict(fine.palette > coarse.palette)} (ratio ${format(fine.palette / coarse.palette)})`);
console.log(
  `    fine changes the histograms more than coarse: ${verdict(fine.histogram > coarse.histogram)} (ratio ${format(fine.histogram / coarse.histogram)})`,
);

// (b) The same faces with noise at every layer and without.
const perLayerBase = layerLatents(baseWs, null, 0, numWs);
const noiseOn = draw(generator, perLayerBase, { noise: { seeds: baseSeeds }, range: 'bytes' });
const noiseOff = draw(generator, perLayerBase, { noise: 'off', range: 'bytes' });
perLayerBase.dispose();
const energyOn = mean(noiseOn.map(laplacianVariance));
const energyOff = mean(noiseOff.map(laplacianVariance));
console.log('\n(b) Fine detail: variance of the 4-neighbour Laplacian of the luma (mean over samples)');
console.log(
  `    noise on ${format(energyOn)}, noise off ${format(energyOff)}; off / on = ${format(energyOff / energyOn)}; noise off loses detail: ${verdict(energyOff < energyOn)}`,
);

// (c) ψ = 0: every w becomes w̄.
const zeroPsi = ws(baseSeeds.slice(0, 16), 0);
const zeroPerLayer = layerLatents(zeroPsi, null, 0, numWs);
const averageFaces = draw(generator, zeroPerLayer, { noise: 'off' });
tf.dispose([zeroPsi, zeroPerLayer]);
const largestDifference = Math.max(...averageFaces.slice(1).map((image) => maxAbsDifference(averageFaces[0]!.data, image.data)));
console.log(`\n(c) ψ = 0, 16 seeds, no noise: largest |difference| from the first seed's image ${largestDifference.toExponential(2)} (image range −1…1)`);
tf.dispose([baseWs, donorWs]);

// (d) Diversity of samples at ψ = 1 (with noise) vs training images.
const diversitySeeds = Array.from({ length: diversityCount }, (_, i) => 50_001 + i);
const generated: RgbImage[] = [];
for (let start = 0; start < diversityCount; start += 64) {
  const seeds = diversitySeeds.slice(start, start + 64);
  const w = ws(seeds, 1);
  const perLayer = layerLatents(w, null, 0, numWs);
  generated.push(...draw(generator, perLayer, { noise: { seeds }, range: 'bytes' }));
  tf.dispose([w, perLayer]);
}
const generatedDiversity = meanPairwiseDistance(generated);
console.log(`\n(d) Diversity: mean pairwise RMS distance ([−1, 1] units) of ${diversityCount} samples at ψ = 1: ${format(generatedDiversity)}`);
const dataPath = resolve(root, values.data);
const training = existsSync(dataPath) ? parseNpy(readFileSync(dataPath)) : null;
const imageSize = resolution * resolution * 3;
if (training && training.shape[1] !== resolution) throw new Error(`${dataPath} holds ${training.shape[1]}² images, the generator draws ${resolution}²`);
const missingData = `No training images at ${dataPath}: make them with \`npx tsx scripts/faces-dataset.ts\` (about 3 minutes, see training/README.md)`;
if (training) {
  const { data } = training;
  const reals = Array.from({ length: diversityCount }, (_, n) => ({
    width: resolution,
    height: resolution,
    data: data.subarray(n * imageSize, (n + 1) * imageSize),
  }));
  const realDiversity = meanPairwiseDistance(reals);
  const ratio = generatedDiversity / realDiversity;
  console.log(
    `    the first ${diversityCount} training images: ${format(realDiversity)}; ratio ${format(ratio)} (target ≥ ${diversityTarget}: ${verdict(ratio >= diversityTarget)})`,
  );
} else {
  console.log(`    ${missingData} for the ratio.`);
}

// (e) Improved precision and recall in the pooled relu4_1 space.
/**
 * Skin-tone groups (our choice): the WCAG relative luminance Y of each DiceBear skin colour, dark below 0.15,
 * light from 0.5 up, medium between. That puts 694d3d and 8d5524 in dark, ae5d29 and d08b5b in medium and
 * the other four in light: a quarter, a quarter and a half of the training set.
 */
const SKIN_GROUPS = ['dark', 'medium', 'light'] as const;
function relativeLuminance(hex: string): number {
  const linear = [0, 2, 4].map((at) => {
    const c = parseInt(hex.slice(at, at + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * linear[0]! + 0.7152 * linear[1]! + 0.0722 * linear[2]!;
}
const skinGroupOfTone = SKIN_COLORS.map((hex) => {
  const y = relativeLuminance(hex);
  return y < 0.15 ? 0 : y < 0.5 ? 1 : 2;
});

/** Pooled features of images given as bytes [count, H, W, 3], a chunk at a time. */
function featuresOfBytes(encoder: Parameters<typeof pooledRelu41>[0], bytes: ArrayLike<number>, count: number): tf.Tensor2D {
  const chunks: tf.Tensor2D[] = [];
  for (let start = 0; start < count; start += 64) {
    const n = Math.min(64, count - start);
    const images = tf.tensor4d(
      Float32Array.from({ length: n * imageSize }, (_, i) => bytes[start * imageSize + i]!),
      [n, resolution, resolution, 3],
    );
    chunks.push(pooledRelu41(encoder, images));
    images.dispose();
  }
  const features = tf.concat(chunks) as tf.Tensor2D;
  tf.dispose(chunks);
  return features;
}

if (prImages === 0) {
  console.log('\n(e) Precision and recall skipped (--pr-images 0).');
} else if (!training) {
  console.log(`\n(e) ${missingData} for precision and recall.`);
} else if (training.shape[0]! < 2 * prImages) {
  throw new Error(`${dataPath} holds ${training.shape[0]} images; --pr-images ${prImages} needs ${2 * prImages} (N as the reference, N more for the ceiling)`);
} else {
  const started = Date.now();
  const seconds = (): string => `${((Date.now() - started) / 1000).toFixed(0)} s`;
  const vgg = await loadModel('vgg', { baseUrl: '', fetch: async (url) => new Response(readFileSync(join(root, 'public/models', url))) });
  const sampleBytes = new Uint8Array(prImages * imageSize);
  for (let start = 0; start < prImages; start += 64) {
    const seeds = Array.from({ length: Math.min(64, prImages - start) }, (_, i) => 100_001 + start + i);
    const w = ws(seeds, 1);
    const perLayer = layerLatents(w, null, 0, numWs);
    draw(generator, perLayer, { noise: { seeds }, range: 'bytes' }).forEach((image, i) => sampleBytes.set(image.data, (start + i) * imageSize));
    tf.dispose([w, perLayer]);
  }
  const generatedFeatures = featuresOfBytes(vgg.encoder, sampleBytes, prImages);
  console.log(`\n(e) features of ${prImages} samples: ${seconds()}`);
  const realFeatures = featuresOfBytes(vgg.encoder, training.data, prImages);
  console.log(`    features of training images 0…${prImages - 1}: ${seconds()}`);
  const heldOutFeatures = featuresOfBytes(vgg.encoder, training.data.subarray(prImages * imageSize), prImages);
  console.log(`    features of training images ${prImages}…${2 * prImages - 1}: ${seconds()}`);
  disposeModel(vgg);
  const model = precisionRecall(realFeatures, generatedFeatures);
  const ceiling = precisionRecall(realFeatures, heldOutFeatures);
  console.log(
    `    Improved precision and recall, k = ${PAPER_K}, ${prImages} vs ${prImages}; features: relu4_1 of the AdaIN VGG-19, mean and std per channel (1,024), images 2× nearest`,
  );
  console.log(
    `    samples (ψ = 1, seeds 100,001…, with noise) vs training images 0…${prImages - 1}: precision ${format(model.precision)}, recall ${format(model.recall)}`,
  );
  console.log(
    `    ceiling: training images ${prImages}…${2 * prImages - 1} vs 0…${prImages - 1}: precision ${format(ceiling.precision)}, recall ${format(ceiling.recall)}`,
  );
  // The numbers depend on the set size (larger sets, tighter balls), so the first halves are reported too.
  const half = Math.floor(prImages / 2);
  if (half > PAPER_K) {
    const firstHalf = (features: tf.Tensor2D): tf.Tensor2D => features.slice([0, 0], [half, -1]);
    const [halfReal, halfGenerated, halfHeldOut] = [realFeatures, generatedFeatures, heldOutFeatures].map(firstHalf) as [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D];
    const [halfModel, halfCeiling] = [precisionRecall(halfReal, halfGenerated), precisionRecall(halfReal, halfHeldOut)];
    console.log(
      `    the first ${half} of each set (${half} vs ${half}): samples precision ${format(halfModel.precision)}, recall ${format(halfModel.recall)}; ceiling ${format(halfCeiling.precision)}, ${format(halfCeiling.recall)}`,
    );
    tf.dispose([halfReal, halfGenerated, halfHeldOut]);
  }
  tf.dispose([generatedFeatures, realFeatures, heldOutFeatures]);
  const skinPath = skinLabelsPath(dataPath);
  if (existsSync(skinPath)) {
    const tones = parseNpy(readFileSync(skinPath)).data;
    const groupOfReal = Array.from({ length: prImages }, (_, j) => skinGroupOfTone[tones[j]!]!);
    const realShare = groupMeans(new Uint8Array(prImages).fill(1), groupOfReal, SKIN_GROUPS.length).map(({ count }) => count / prImages);
    const byGroup = (result: typeof model) =>
      groupMeans(
        result.generatedInside,
        Array.from(result.nearestReal, (j) => groupOfReal[j]!),
        SKIN_GROUPS.length,
      );
    const [modelGroups, ceilingGroups] = [byGroup(model), byGroup(ceiling)];
    console.log(
      '    precision by skin-tone group of the nearest training image (dark: Y < 0.15, medium, light: Y ≥ 0.5; Y = relative luminance of the DiceBear skin colour):',
    );
    SKIN_GROUPS.forEach((name, g) => {
      const [m, c] = [modelGroups[g]!, ceilingGroups[g]!];
      console.log(
        `      ${name.padEnd(6)} samples ${format(m.mean)} (${m.count} nearest, ${((100 * m.count) / prImages).toFixed(1)}%); ceiling ${format(c.mean)} (${c.count}); share of the reference images ${(100 * realShare[g]!).toFixed(1)}%`,
      );
    });
    const gap = (groups: typeof modelGroups): number => groups[0]!.mean - groups[2]!.mean;
    console.log(`    dark − light precision: samples ${format(gap(modelGroups))}, ceiling ${format(gap(ceilingGroups))} (target: |gap| ≤ 0.1)`);
  } else {
    console.log(`    No skin-tone labels at ${skinPath}: make the data again with scripts/faces-dataset.ts for the precision per group.`);
  }
  console.log(`    (e) took ${seconds()}`);
}
disposeGeneratorWeights(generator);
