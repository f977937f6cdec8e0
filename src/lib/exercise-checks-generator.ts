import * as tf from '@tensorflow/tfjs';
import { adainFromStatistics } from './adain';
import { truncate } from './mapping';
import { layerLatents, mixingGridLatents } from './synthesis';
import { checkTensorFunction, formatShape, NHWC_AXES, testTensor, type CheckResult, type ExerciseCheckWords, type TensorTrial } from './exercise-check-core';

/** Checkers of the StyleGAN exercises (lessons 5–6), against mapping.ts and synthesis.ts. */

/** Seeded [rows, columns] values with per-column means and spreads, e.g. a batch of w's. */
function testMatrix(rows: number, columns: number, seed: number, meanScale = 2): tf.Tensor2D {
  return tf.tidy(() => testTensor([1, 1, rows, columns], seed, { meanScale }).reshape([rows, columns]) as tf.Tensor2D);
}

const TRUNCATION_TRIALS: readonly { count: number; wDim: number; psi: number }[] = [
  { count: 3, wDim: 16, psi: 0.7 },
  { count: 1, wDim: 128, psi: 0.5 },
  { count: 4, wDim: 8, psi: 1.3 },
];

/** truncate(w, wAvg, psi) = w̄ + ψ·(w − w̄), against mapping.ts. */
export function checkTruncation(entry: unknown, words: ExerciseCheckWords): Promise<CheckResult> {
  const trials = () =>
    TRUNCATION_TRIALS.map(({ count, wDim, psi }, index): TensorTrial => {
      const w = testMatrix(count, wDim, 1001 + index);
      const wAvg = testMatrix(1, wDim, 1011 + index).reshape([wDim]) as tf.Tensor1D;
      return {
        args: [w, wAvg, psi],
        trial: words.truncationTrial(count, wDim, psi),
        expected: () => truncate({ wAvg }, w, psi),
        reference: words.truncationReference,
        axisNames: ['image', 'i'],
        mistakes: [
          { hint: words.psiReversed, predict: () => truncate({ wAvg }, w, 1 - psi) },
          { hint: words.scaledW, predict: () => wAvg.add(w.mul(psi)) },
          { hint: words.averageMissing, predict: () => w.mul(psi) },
          { hint: words.averageNotAdded, predict: () => w.sub(wAvg).mul(psi) },
        ],
      };
    });
  return checkTensorFunction(entry, 'truncate', trials, words.truncationCorrect, words);
}

const STYLE_ADAIN_TRIALS: readonly (readonly [number, number, number, number])[] = [
  [2, 4, 4, 8],
  [3, 8, 8, 4],
];

/** styleAdain(x, ys, yb, epsilon): StyleGAN's AdaIN with a style (y_s, y_b) of shape [N, C] each. */
export function checkStyleAdain(entry: unknown, words: ExerciseCheckWords): Promise<CheckResult> {
  const epsilon = 1e-5;
  const trials = () =>
    STYLE_ADAIN_TRIALS.map((shape, index): TensorTrial => {
      const [n, , , c] = shape;
      const x = testTensor(shape, 1101 + index);
      const ys = testMatrix(n, c, 1111 + index, 1).add(1) as tf.Tensor2D;
      const yb = testMatrix(n, c, 1121 + index) as tf.Tensor2D;
      const styled = (scale: tf.Tensor2D, bias: tf.Tensor2D) =>
        adainFromStatistics(x, { mean: bias.reshape([n, 1, 1, c]), std: scale.reshape([n, 1, 1, c]) }, epsilon);
      return {
        args: [x, ys, yb, epsilon],
        trial: words.styleAdainTrial(formatShape(shape), formatShape([n, c])),
        expected: () => styled(ys, yb),
        reference: words.styleAdainReference,
        axisNames: NHWC_AXES,
        mistakes: [
          { hint: words.scaleBiasSwapped, predict: () => styled(yb, ys) },
          { hint: words.biasMissing, predict: () => styled(ys, tf.zerosLike(yb)) },
        ],
        broadcastHint: words.styleBroadcast,
      };
    });
  return checkTensorFunction(entry, 'styleAdain', trials, words.styleAdainCorrect, words);
}

const NUM_WS = 8;

const CROSSOVERS = [3, 0, 8, 5] as const;

/** mixLatents(w1, w2, crossover, numWs): layers before the crossover from w1, the rest from w2, against layerLatents. */
export function checkLayerLatents(entry: unknown, words: ExerciseCheckWords): Promise<CheckResult> {
  const trials = () =>
    CROSSOVERS.map((crossover, index): TensorTrial => {
      const count = 1 + (index % 3);
      const w1 = testMatrix(count, 6, 1201 + index);
      const w2 = testMatrix(count, 6, 1211 + index);
      return {
        args: [w1, w2, crossover, NUM_WS],
        trial: words.latentsTrial(count, crossover),
        expected: () => layerLatents(w1, w2, crossover, NUM_WS),
        reference: `layerLatents(w1, w2, ${crossover}, ${NUM_WS})`,
        axisNames: ['image', 'layer', 'i'],
        mistakes: [
          { hint: words.crossoverLate(NUM_WS - 1), predict: () => layerLatents(w1, w2, Math.min(crossover + 1, NUM_WS), NUM_WS) },
          { hint: words.crossoverEarly, predict: () => layerLatents(w1, w2, Math.max(crossover - 1, 0), NUM_WS) },
          { hint: words.latentsSwapped, predict: () => layerLatents(w2, w1, crossover, NUM_WS) },
        ],
        shapeHints: [{ shape: [NUM_WS, count, 6], hint: words.stackLayers }],
      };
    });
  return checkTensorFunction(entry, 'mixLatents', trials, words.latentsCorrect, words);
}

/** gridLatents(rowWs, columnWs, crossover, numWs): image r·columns + c mixes row r (coarse) with column c (fine). */
export function checkMixingGrid(entry: unknown, words: ExerciseCheckWords): Promise<CheckResult> {
  const shapes = [
    { rows: 2, columns: 3, crossover: 4 },
    { rows: 3, columns: 2, crossover: 2 },
  ];
  const trials = () =>
    shapes.map(({ rows, columns, crossover }, index): TensorTrial => {
      const rowWs = testMatrix(rows, 5, 1301 + index);
      const columnWs = testMatrix(columns, 5, 1311 + index);
      return {
        args: [rowWs, columnWs, crossover, NUM_WS],
        trial: words.gridTrial(rows, columns, crossover),
        expected: () => mixingGridLatents(rowWs, columnWs, crossover, NUM_WS),
        reference: `mixingGridLatents(rowWs, columnWs, ${crossover}, ${NUM_WS})`,
        axisNames: ['image', 'layer', 'i'],
        mistakes: [
          {
            hint: words.columnMajor,
            predict: () => {
              const transposed = mixingGridLatents(rowWs, columnWs, crossover, NUM_WS).reshape([rows, columns, NUM_WS, 5]);
              return transposed.transpose([1, 0, 2, 3]).reshape([rows * columns, NUM_WS, 5]);
            },
          },
          {
            hint: words.rowsColumnsSwapped,
            predict: () => {
              const allRow = mixingGridLatents(rowWs, columnWs, NUM_WS, NUM_WS);
              const allColumn = mixingGridLatents(rowWs, columnWs, 0, NUM_WS);
              return tf.concat([allColumn.slice([0, 0, 0], [-1, crossover, -1]), allRow.slice([0, crossover, 0], [-1, -1, -1])], 1);
            },
          },
        ],
      };
    });
  return checkTensorFunction(entry, 'gridLatents', trials, words.gridCorrect, words);
}
