import * as tf from '@tensorflow/tfjs';
import { adainFromStatistics } from './adain';
import { blockResolution, layerResolution, layersOfBlock } from './generator-layers';
import type { GeneratorConfig, GeneratorWeights } from './generator-weights';
import { SeededRandom } from './rng';

/**
 * StyleGAN's synthesis network, the browser port of training/stylegan.py. From a learned 4×4 constant, each
 * resolution (4, 8, 16, 32) runs two layers, the later resolutions after a bilinear 2× upsample:
 *   3×3 conv → + noise·(learned per-channel strength) → + bias → leaky ReLU → AdaIN(y_s, y_b)
 * with (y_s, y_b) = affine(w_i) from that layer's own w_i. A 1×1 toRGB of the last resolution draws the
 * image (with config.rgbSkips, every resolution's toRGB adds to the upsampled image so far). Tensors are
 * NHWC; every image of a batch can have its own per-layer w's, so a whole style-mixing grid is one call.
 */

export interface NoiseOptions {
  /** Per layer [N, H, W, 1] maps (layer i works at layerResolution(i)); the caller keeps ownership. */
  maps?: readonly tf.Tensor4D[];
  /** Otherwise: one seed per image; its maps for all layers come from one SeededRandom stream (noiseFromSeeds). */
  seeds?: readonly number[];
  /** Per layer on/off (default all on). */
  enabled?: readonly boolean[];
  /** Per layer multiplier of the map (default 1). */
  strength?: readonly number[];
}

export interface SynthesisOptions {
  /** Omitted or 'off': no noise at all (a deterministic image per w). */
  noise?: NoiseOptions | 'off';
  /** 'signed': float in [−1, 1] as trained (not clipped); 'bytes': int32 0..255, ready for tf.browser.toPixels. */
  range?: 'signed' | 'bytes';
  /** Also return every layer's styles, noise and activations. */
  record?: boolean;
}

export interface LayerRecord {
  layer: number;
  resolution: number;
  /** y_s [N, C] */
  styleScale: tf.Tensor2D;
  /** y_b [N, C] */
  styleBias: tf.Tensor2D;
  /** The map that was added, times the per-layer strength, before the learned per-channel scale: [N, H, W, 1]; null if off. */
  noise: tf.Tensor4D | null;
  /** After conv, noise, bias and leaky ReLU: what AdaIN normalises. [N, H, W, C] */
  beforeAdain: tf.Tensor4D;
  /** After AdaIN: the statistics are now exactly (y_b, |y_s|) per channel. [N, H, W, C] */
  afterAdain: tf.Tensor4D;
}

export interface SynthesisResult {
  /** [N, resolution, resolution, 3] */
  images: tf.Tensor4D;
  /** Per layer, when options.record; the caller disposes them (disposeSynthesisResult). */
  layers: LayerRecord[] | null;
}

/** Per layer, whether it takes the first w: true before the crossover k, false from k on. */
function crossoverSources(crossover: number, numWs: number): boolean[] {
  if (!Number.isInteger(crossover) || crossover < 0 || crossover > numWs) {
    throw new RangeError(`crossover ${crossover} must be an integer in 0..${numWs}`);
  }
  return Array.from({ length: numWs }, (_, i) => i < crossover);
}

/** Per-layer w's [N, numWs, wDim]: w1 for layers before `crossover`, w2 from it on (no w2: w1 throughout). */
export function layerLatents(w1: tf.Tensor2D, w2: tf.Tensor2D | null, crossover: number, numWs: number): tf.Tensor3D {
  const fromFirst = crossoverSources(crossover, numWs);
  return tf.tidy(
    () =>
      tf.stack(
        fromFirst.map((first) => (first || w2 === null ? w1 : w2)),
        1,
      ) as tf.Tensor3D,
  );
}

/**
 * Latents for a style-mixing grid, image r·C + c (row-major): layer i takes row r's w where fromRow[i],
 * else column c's. A crossover k (with numWs) is the paper's special case: the row's w before layer k
 * (the coarse layers), the column's from k on.
 */
export function mixingGridLatents(rowWs: tf.Tensor2D, columnWs: tf.Tensor2D, fromRow: readonly boolean[]): tf.Tensor3D;
export function mixingGridLatents(rowWs: tf.Tensor2D, columnWs: tf.Tensor2D, crossover: number, numWs: number): tf.Tensor3D;
export function mixingGridLatents(rowWs: tf.Tensor2D, columnWs: tf.Tensor2D, sources: readonly boolean[] | number, numWs?: number): tf.Tensor3D {
  const fromRow = typeof sources === 'number' ? crossoverSources(sources, numWs ?? 0) : sources;
  return tf.tidy(() => {
    const [rows, wDim] = rowWs.shape;
    const columns = columnWs.shape[0];
    const perRow = rowWs
      .expandDims(1)
      .tile([1, columns, 1])
      .reshape([rows * columns, wDim]);
    const perColumn = columnWs
      .expandDims(0)
      .tile([rows, 1, 1])
      .reshape([rows * columns, wDim]);
    return tf.stack(
      fromRow.map((row) => (row ? perRow : perColumn)),
      1,
    ) as tf.Tensor3D;
  });
}

/**
 * The StyleGAN paper's mixing figure as one batch (mixing-state.ts's batchIndex order): the grid's mixes,
 * then each row seed's own image, then each column seed's.
 */
export function mixingFigureLatents(rowWs: tf.Tensor2D, columnWs: tf.Tensor2D, fromRow: readonly boolean[]): tf.Tensor3D {
  return tf.tidy(() => {
    const numWs = fromRow.length;
    return tf.concat(
      [mixingGridLatents(rowWs, columnWs, fromRow), layerLatents(rowWs, null, 0, numWs), layerLatents(columnWs, null, 0, numWs)],
      0,
    ) as tf.Tensor3D;
  });
}

/** Noise maps for every layer, [N, H, W, 1] each: image n's maps are its seed's normals, layer by layer, row-major. */
export function noiseFromSeeds(seeds: readonly number[], config: Pick<GeneratorConfig, 'numWs'>): tf.Tensor4D[] {
  const sizes = Array.from({ length: config.numWs }, (_, i) => layerResolution(i) ** 2);
  const values = sizes.map((size) => new Float32Array(seeds.length * size));
  seeds.forEach((seed, n) => {
    const random = new SeededRandom(seed);
    sizes.forEach((size, i) => {
      const map = values[i]!;
      for (let p = 0; p < size; p++) map[n * size + p] = Math.fround(random.normal());
    });
  });
  return values.map((map, i) => tf.tensor4d(map, [seeds.length, layerResolution(i), layerResolution(i), 1]));
}

/** The scaled noise map per layer (null where off); tensors created here are disposed by the caller's tidy. */
function noiseMaps(options: SynthesisOptions['noise'], batch: number, config: GeneratorConfig): (tf.Tensor4D | null)[] {
  if (options === undefined || options === 'off') return Array.from({ length: config.numWs }, () => null);
  let maps: readonly tf.Tensor4D[];
  if (options.maps) {
    maps = options.maps;
  } else if (options.seeds) {
    if (options.seeds.length !== batch) throw new RangeError(`${options.seeds.length} noise seeds for ${batch} images`);
    maps = noiseFromSeeds(options.seeds, config);
  } else {
    throw new RangeError('noise needs maps or seeds (or "off")');
  }
  if (maps.length !== config.numWs) throw new RangeError(`${maps.length} noise maps for ${config.numWs} layers`);
  return maps.map((map, i) => {
    const size = layerResolution(i);
    if (map.shape[0] !== batch || map.shape[1] !== size || map.shape[2] !== size || map.shape[3] !== 1) {
      throw new RangeError(`noise map ${i} has shape [${map.shape.join(',')}], expected [${batch},${size},${size},1]`);
    }
    if (options.enabled?.[i] === false) return null;
    return map.mul(options.strength?.[i] ?? 1) as tf.Tensor4D;
  });
}

/** Runs the synthesis network for per-layer latents ws [N, numWs, wDim] (layerLatents, mixingGridLatents). */
export function synthesize(weights: GeneratorWeights, ws: tf.Tensor3D, options: SynthesisOptions = {}): SynthesisResult {
  const { config } = weights;
  const [batch, numWs] = ws.shape;
  if (numWs !== config.numWs) throw new RangeError(`ws has ${numWs} layers, the generator ${config.numWs}`);
  const records: LayerRecord[] = [];
  const images = tf.tidy((): tf.Tensor4D => {
    const noise = noiseMaps(options.noise, batch, config);
    const layerWs = tf.unstack(ws, 1) as tf.Tensor2D[];
    let x: tf.Tensor4D = weights.constant.tile([batch, 1, 1, 1]);
    let image: tf.Tensor4D | null = null;
    for (const block of config.channels.keys()) {
      const resolution = blockResolution(block);
      if (block > 0) x = tf.image.resizeBilinear(x, [resolution, resolution], false, true);
      for (const i of layersOfBlock(block)) {
        const layer = weights.layers[i]!;
        const w = layerWs[i]!;
        const channels = layer.bias.shape[0];
        let convolved: tf.Tensor4D = tf.conv2d(x, layer.convKernel, 1, 'same');
        const layerNoise = noise[i] ?? null;
        if (layerNoise) convolved = convolved.add(layerNoise.mul(layer.noiseStrength));
        const beforeAdain = tf.leakyRelu(convolved.add(layer.bias), config.leakyReluSlope) as tf.Tensor4D;
        const styleScale = w.matMul(layer.styleScale.kernel).add(layer.styleScale.bias) as tf.Tensor2D;
        const styleBias = w.matMul(layer.styleBias.kernel).add(layer.styleBias.bias) as tf.Tensor2D;
        // adain.ts takes a style as channel statistics: y_b plays the mean, y_s the standard deviation.
        x = adainFromStatistics(
          beforeAdain,
          { mean: styleBias.reshape([batch, 1, 1, channels]), std: styleScale.reshape([batch, 1, 1, channels]) },
          config.adainEpsilon,
        );
        if (options.record) {
          records.push({
            layer: i,
            resolution,
            styleScale: tf.keep(styleScale),
            styleBias: tf.keep(styleBias),
            noise: layerNoise ? tf.keep(layerNoise) : null,
            beforeAdain: tf.keep(beforeAdain),
            afterAdain: tf.keep(x),
          });
        }
      }
      const toRgb = weights.toRgb.find((candidate) => candidate.block === block);
      if (!toRgb) continue;
      const rgb = tf.conv2d(x, toRgb.kernel, 1, 'valid').add(toRgb.bias) as tf.Tensor4D;
      image = image === null ? rgb : (tf.image.resizeBilinear(image, [resolution, resolution], false, true).add(rgb) as tf.Tensor4D);
    }
    if (image === null) throw new RangeError('the generator has no resolutions');
    return options.range === 'bytes' ? (image.add(1).mul(127.5).round().clipByValue(0, 255).toInt() as tf.Tensor4D) : image;
  });
  return { images, layers: options.record ? records : null };
}

export function disposeSynthesisResult(result: SynthesisResult): void {
  tf.dispose(result.images);
  for (const record of result.layers ?? []) {
    tf.dispose([record.styleScale, record.styleBias, record.beforeAdain, record.afterAdain]);
    if (record.noise) tf.dispose(record.noise);
  }
}
