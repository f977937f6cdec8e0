import type * as tfType from '@tensorflow/tfjs';
import type { ModelKind, StyleTransferModel } from '../lib/models';
import { siteUrl } from './site-url';
import { localStrings } from './island';
import { speedTestStrings } from '../i18n/components/speed-test';

/**
 * Measures this device: convolution throughput on the running backend, and the style-transfer models at a
 * few sizes with the style encoded in the run and cached. The page's table and `npm run bench` read the
 * results from the rows' data attributes.
 */
export interface SpeedRow {
  id: string;
  label: string;
  ms: number;
  detail?: string;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function timed(run: () => Promise<void>, runs: number): Promise<number> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return median(times);
}

export async function convThroughput(tf: typeof tfType): Promise<SpeedRow> {
  const [h, w, c] = [64, 64, 256];
  const x = tf.randomNormal([1, h, w, c], 0, 1, 'float32', 1) as tfType.Tensor4D;
  const kernel = tf.randomNormal([3, 3, c, c], 0, 0.05, 'float32', 2) as tfType.Tensor4D;
  const ms = await timed(async () => {
    const y = tf.conv2d(x, kernel, 1, 'same');
    await y.data();
    y.dispose();
  }, 5);
  tf.dispose([x, kernel]);
  const gflop = (2 * h * w * c * c * 9) / 1e9;
  return { id: 'conv', label: localStrings(speedTestStrings).conv(h, w, c), ms, detail: `${(gflop / (ms / 1000)).toFixed(1)} GFLOP/s` };
}

export async function modelSpeed(tf: typeof tfType, kind: ModelKind, sizes: number[], runs: number, onRow: (row: SpeedRow) => void): Promise<void> {
  const { loadModel, disposeModel } = await import('../lib/models');
  const { transfer, encodeStyle, disposeStyle } = await import('../lib/transfer');
  let bytes = 0;
  const loadStart = performance.now();
  const model: StyleTransferModel = await loadModel(kind, {
    baseUrl: siteUrl('models/'),
    onProgress: (progress) => (bytes = progress.totalBytes),
  });
  onRow({
    id: `${kind}-load`,
    label: localStrings(speedTestStrings).modelLoad(kind),
    ms: performance.now() - loadStart,
    detail: `${(bytes / 1e6).toFixed(2)} MB`,
  });
  try {
    for (const size of sizes) {
      const content = tf.randomUniform([1, size, size, 3], 0, 255, 'float32', 3) as tfType.Tensor4D;
      const styleImage = tf.randomUniform([1, size, size, 3], 0, 255, 'float32', 4) as tfType.Tensor4D;
      const full = await timed(async () => {
        const style = encodeStyle(model, styleImage);
        const { image } = transfer(model, content, [{ style }]);
        await image.data();
        image.dispose();
        disposeStyle(style);
      }, runs);
      onRow({ id: `${kind}-${size}-full`, label: localStrings(speedTestStrings).transferFull(kind, size), ms: full });
      const cachedStyle = encodeStyle(model, styleImage);
      const cached = await timed(async () => {
        const { image } = transfer(model, content, [{ style: cachedStyle }]);
        await image.data();
        image.dispose();
      }, runs);
      disposeStyle(cachedStyle);
      onRow({ id: `${kind}-${size}-cached`, label: localStrings(speedTestStrings).transferCached(kind, size), ms: cached });
      tf.dispose([content, styleImage]);
    }
  } finally {
    disposeModel(model);
  }
}

/**
 * The style-mixing generator (public/generator/): one face, and a 6 × 6 mixing grid with its 12 source faces
 * in one batched call, as the lesson 6 lab draws it (noise on, ψ = 0.7).
 */
export async function generatorSpeed(tf: typeof tfType, runs: number, onRow: (row: SpeedRow) => void): Promise<void> {
  const { loadGeneratorWeights, disposeGeneratorWeights } = await import('../lib/generator-weights');
  const { wFromSeeds } = await import('../lib/mapping');
  const { mixingFigureLatents, layerLatents, synthesize } = await import('../lib/synthesis');
  let bytes = 0;
  const loadStart = performance.now();
  const generator = await loadGeneratorWeights({
    baseUrl: siteUrl('generator/'),
    onProgress: (progress) => (bytes = progress.totalBytes),
  });
  onRow({
    id: 'generator-load',
    label: localStrings(speedTestStrings).generatorLoad,
    ms: performance.now() - loadStart,
    detail: `${(bytes / 1e6).toFixed(2)} MB`,
  });
  const { numWs } = generator.config;
  const wsOf = (seeds: number[]): tfType.Tensor2D => wFromSeeds(generator, seeds, 0.7);
  const drawn = async (seeds: number[], perLayer: () => tfType.Tensor3D): Promise<number> =>
    timed(async () => {
      const ws = perLayer();
      const { images } = synthesize(generator, ws, { noise: { seeds: new Array<number>(ws.shape[0]).fill(seeds[0]!) }, range: 'bytes' });
      await images.data();
      tf.dispose([ws, images]);
    }, runs);
  try {
    const one = await drawn([1], () => tf.tidy(() => layerLatents(wsOf([1]), null, 0, numWs)));
    onRow({ id: 'generator-1', label: localStrings(speedTestStrings).generatorOne, ms: one });
    const rows = [1, 2, 3, 4, 5, 6];
    const columns = [7, 8, 9, 10, 11, 12];
    const grid = await drawn([1], () =>
      tf.tidy(() => {
        const [rowWs, columnWs] = [wsOf(rows), wsOf(columns)];
        return mixingFigureLatents(
          rowWs,
          columnWs,
          Array.from({ length: numWs }, (_, i) => i < 4),
        );
      }),
    );
    onRow({
      id: 'generator-grid',
      label: localStrings(speedTestStrings).generatorGrid,
      ms: grid,
      detail: localStrings(speedTestStrings).perFace((grid / 48).toFixed(1)),
    });
  } finally {
    disposeGeneratorWeights(generator);
  }
}
