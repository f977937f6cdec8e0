import * as tf from '@tensorflow/tfjs';
import { adainFromStatistics } from './adain';
import { truncate } from './mapping';
import { layerLatents, mixingGridLatents } from './synthesis';
import { checkTensorFunction, formatShape, NHWC_AXES, testTensor, type CheckResult, type TensorTrial } from './exercise-check-core';

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
export function checkTruncation(entry: unknown): Promise<CheckResult> {
  const trials = () =>
    TRUNCATION_TRIALS.map(({ count, wDim, psi }, index): TensorTrial => {
      const w = testMatrix(count, wDim, 1001 + index);
      const wAvg = testMatrix(1, wDim, 1011 + index).reshape([wDim]) as tf.Tensor1D;
      return {
        args: [w, wAvg, psi],
        trial: `${count} random w of size ${wDim} with psi = ${psi}`,
        expected: () => truncate({ wAvg }, w, psi),
        reference: `w̄ + ψ·(w − w̄) from the library's truncate`,
        axisNames: ['image', 'i'],
        mistakes: [
          {
            hint: 'ψ works the wrong way round: ψ = 1 must leave w unchanged and ψ = 0 give w̄. Use w̄ + ψ·(w − w̄).',
            predict: () => truncate({ wAvg }, w, 1 - psi),
          },
          { hint: 'you scaled w itself: w̄ + ψ·w. Scale the difference from the average: w̄ + ψ·(w − w̄).', predict: () => wAvg.add(w.mul(psi)) },
          { hint: 'w̄ is missing: ψ·w shrinks towards zero, not towards the average w. Use w̄ + ψ·(w − w̄).', predict: () => w.mul(psi) },
          { hint: 'you scaled the difference but did not add w̄ back: w̄ + ψ·(w − w̄).', predict: () => w.sub(wAvg).mul(psi) },
        ],
      };
    });
  return checkTensorFunction(entry, 'truncate', trials, 'Correct. Your truncate equals the library’s w̄ + ψ·(w − w̄) for ψ = 0.7, 0.5 and 1.3.');
}

const STYLE_ADAIN_TRIALS: readonly (readonly [number, number, number, number])[] = [
  [2, 4, 4, 8],
  [3, 8, 8, 4],
];

/** styleAdain(x, ys, yb, epsilon): StyleGAN's AdaIN with a style (y_s, y_b) of shape [N, C] each. */
export function checkStyleAdain(entry: unknown): Promise<CheckResult> {
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
        trial: `a random x of shape ${formatShape(shape)} with ys and yb of shape [${n}, ${c}]`,
        expected: () => styled(ys, yb),
        reference: 'adainFromStatistics(x, { mean: yb, std: ys }) (as synthesis.ts calls it)',
        axisNames: NHWC_AXES,
        mistakes: [
          { hint: 'ys and yb are swapped. y_s scales (it plays σ), y_b shifts (it plays μ): ys·x̂ + yb.', predict: () => styled(yb, ys) },
          { hint: 'yb is missing. Add it after scaling: ys·x̂ + yb.', predict: () => styled(ys, tf.zerosLike(yb)) },
        ],
        broadcastHint: 'ys and yb have shape [N, C]. Reshape them to [N, 1, 1, C] so that they line up with x of shape [N, H, W, C].',
      };
    });
  return checkTensorFunction(
    entry,
    'styleAdain',
    trials,
    'Correct. Your styleAdain gives every channel the mean y_b and the standard deviation |y_s|, as the generator’s AdaIN does.',
  );
}

const NUM_WS = 8;

const CROSSOVERS = [3, 0, 8, 5] as const;

/** mixLatents(w1, w2, crossover, numWs): layers before the crossover from w1, the rest from w2, against layerLatents. */
export function checkLayerLatents(entry: unknown): Promise<CheckResult> {
  const trials = () =>
    CROSSOVERS.map((crossover, index): TensorTrial => {
      const count = 1 + (index % 3);
      const w1 = testMatrix(count, 6, 1201 + index);
      const w2 = testMatrix(count, 6, 1211 + index);
      return {
        args: [w1, w2, crossover, NUM_WS],
        trial: `${count} pairs of random w with crossover = ${crossover}`,
        expected: () => layerLatents(w1, w2, crossover, NUM_WS),
        reference: `layerLatents(w1, w2, ${crossover}, ${NUM_WS})`,
        axisNames: ['image', 'layer', 'i'],
        mistakes: [
          {
            hint: `the crossover is off by one. Layers 0 … crossover − 1 take w1 and layers crossover … ${NUM_WS - 1} take w2 (i < crossover).`,
            predict: () => layerLatents(w1, w2, Math.min(crossover + 1, NUM_WS), NUM_WS),
          },
          {
            hint: 'the crossover is off by one. Layer crossover itself already takes w2 (i < crossover takes w1).',
            predict: () => layerLatents(w1, w2, Math.max(crossover - 1, 0), NUM_WS),
          },
          { hint: 'w1 and w2 are swapped: the early (coarse) layers take w1.', predict: () => layerLatents(w2, w1, crossover, NUM_WS) },
        ],
        shapeHints: [{ shape: [NUM_WS, count, 6], hint: 'Stack the layers on axis 1: tf.stack(perLayer, 1) gives [N, numWs, wDim].' }],
      };
    });
  return checkTensorFunction(entry, 'mixLatents', trials, 'Correct. Your mixLatents equals layerLatents for crossovers 3, 0, 8 and 5.');
}

/** gridLatents(rowWs, columnWs, crossover, numWs): image r·columns + c mixes row r (coarse) with column c (fine). */
export function checkMixingGrid(entry: unknown): Promise<CheckResult> {
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
        trial: `${rows} row w's and ${columns} column w's with crossover = ${crossover}`,
        expected: () => mixingGridLatents(rowWs, columnWs, crossover, NUM_WS),
        reference: `mixingGridLatents(rowWs, columnWs, ${crossover}, ${NUM_WS})`,
        axisNames: ['image', 'layer', 'i'],
        mistakes: [
          {
            hint: 'your images are in column-major order. Image r·columns + c is row r, column c (row-major, like reading a page).',
            predict: () => {
              const transposed = mixingGridLatents(rowWs, columnWs, crossover, NUM_WS).reshape([rows, columns, NUM_WS, 5]);
              return transposed.transpose([1, 0, 2, 3]).reshape([rows * columns, NUM_WS, 5]);
            },
          },
          {
            hint: 'rows and columns swapped roles. The row’s w gives the coarse layers (before the crossover), the column’s w the rest.',
            predict: () => {
              const allRow = mixingGridLatents(rowWs, columnWs, NUM_WS, NUM_WS);
              const allColumn = mixingGridLatents(rowWs, columnWs, 0, NUM_WS);
              return tf.concat([allColumn.slice([0, 0, 0], [-1, crossover, -1]), allRow.slice([0, crossover, 0], [-1, -1, -1])], 1);
            },
          },
        ],
      };
    });
  return checkTensorFunction(entry, 'gridLatents', trials, 'Correct. Your gridLatents equals mixingGridLatents for a 2×3 and a 3×2 grid.');
}
