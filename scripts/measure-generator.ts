/**
 * Measures what the project's generator (public/generator/) does with its styles, noise and truncation,
 * over samples from fixed seeds, on the tfjs wasm backend:
 *   (a) coarse vs fine style swaps: edge-map distance, colour-histogram distance and palette distance to the
 *       original face (the histograms count areas, so a moved region reads as a colour change; the palette,
 *       the colours covering ≥ 2% of the image, does not);
 *   (b) noise on vs off: high-frequency energy (variance of the Laplacian);
 *   (c) ψ = 0: the largest difference between the images of different seeds;
 *   (d) diversity: mean pairwise RMS distance of 256 samples at ψ = 1 over that of 256 training images.
 *
 *   npx tsx scripts/measure-generator.ts [--samples 64] [--psi 0.7] [--data training/data/faces-32.npy]
 *                                        [--generator public/generator]  (another export, e.g. of a newer checkpoint)
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { disposeGeneratorWeights, loadGeneratorWeights, type GeneratorModelFile, type GeneratorWeights } from '../src/lib/generator-weights';
import { colourDistance, edgeDistance, laplacianVariance, maxAbsDifference, meanPairwiseDistance, paletteDistance, type RgbImage } from '../src/lib/image-metrics';
import { latentsFromSeeds, mapLatents, truncate } from '../src/lib/mapping';
import type { StyleBand } from '../src/lib/generator-layers';
import { presetLayers } from '../src/lib/mixing-state';
import { layerLatents, synthesize, type SynthesisOptions } from '../src/lib/synthesis';
import { parseNpy } from '../test/helpers/npy';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    samples: { type: 'string', default: '64' },
    psi: { type: 'string', default: '0.7' },
    data: { type: 'string', default: 'training/data/faces-32.npy' },
    generator: { type: 'string', default: 'public/generator' },
  },
});
const samples = Number(values.samples);
const psi = Number(values.psi);
const diversityCount = 256;
const diversityTarget = 0.7;

await tf.setBackend('wasm');
await tf.ready();
const generatorDir = resolve(root, values.generator);
const generator = await loadGeneratorWeights({ baseUrl: '', fetch: async (url) => new Response(readFileSync(join(generatorDir, url))) });
const model = JSON.parse(readFileSync(join(generatorDir, 'model.json'), 'utf8')) as GeneratorModelFile;
const { numWs, zDim, resolution } = generator.config;

function ws(seeds: readonly number[], truncation: number): tf.Tensor2D {
  return tf.tidy(() => truncate(generator, mapLatents(generator, latentsFromSeeds(seeds, zDim)), truncation));
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

console.log(`Generator: ${model.source.file} (iteration ${model.training.iteration}, ${model.training.minutes} min); ${samples} samples per measure, ψ = ${psi}, wasm backend.`);

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
  drawWith(tf.tidy(() => tf.stack(presetLayers(band).map((fromDonor) => (fromDonor ? donorWs : baseWs)), 1) as tf.Tensor3D));
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
console.log(`    fine changes the histograms more than coarse: ${verdict(fine.histogram > coarse.histogram)} (ratio ${format(fine.histogram / coarse.histogram)})`);

// (b) The same faces with noise at every layer and without.
const perLayerBase = layerLatents(baseWs, null, 0, numWs);
const noiseOn = draw(generator, perLayerBase, { noise: { seeds: baseSeeds }, range: 'bytes' });
const noiseOff = draw(generator, perLayerBase, { noise: 'off', range: 'bytes' });
perLayerBase.dispose();
const energyOn = mean(noiseOn.map(laplacianVariance));
const energyOff = mean(noiseOff.map(laplacianVariance));
console.log('\n(b) Fine detail: variance of the 4-neighbour Laplacian of the luma (mean over samples)');
console.log(`    noise on ${format(energyOn)}, noise off ${format(energyOff)}; off / on = ${format(energyOff / energyOn)}; noise off loses detail: ${verdict(energyOff < energyOn)}`);

// (c) ψ = 0: every w becomes w̄.
const zeroPsi = ws(baseSeeds.slice(0, 16), 0);
const zeroPerLayer = layerLatents(zeroPsi, null, 0, numWs);
const averageFaces = draw(generator, zeroPerLayer, { noise: 'off' });
tf.dispose([zeroPsi, zeroPerLayer]);
const largestDifference = Math.max(...averageFaces.slice(1).map((image) => maxAbsDifference(averageFaces[0]!, image)));
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
if (existsSync(dataPath)) {
  const { shape, data } = parseNpy(readFileSync(dataPath));
  const size = shape[1]! * shape[2]! * shape[3]!;
  if (shape[1] !== resolution) throw new Error(`${dataPath} holds ${shape[1]}² images, the generator draws ${resolution}²`);
  const reals = Array.from({ length: diversityCount }, (_, n) => ({ width: resolution, height: resolution, data: data.subarray(n * size, (n + 1) * size) }));
  const realDiversity = meanPairwiseDistance(reals);
  const ratio = generatedDiversity / realDiversity;
  console.log(`    the first ${diversityCount} training images: ${format(realDiversity)}; ratio ${format(ratio)} (target ≥ ${diversityTarget}: ${verdict(ratio >= diversityTarget)})`);
} else {
  console.log(`    No training images at ${dataPath}: make them with \`npx tsx scripts/faces-dataset.ts\` (about 3 minutes, see training/README.md) for the ratio.`);
}
disposeGeneratorWeights(generator);
