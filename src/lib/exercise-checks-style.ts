import * as tf from '@tensorflow/tfjs';
import { adain, adainFromStatistics, channelStatistics } from './adain';
import { LOSS_EPSILON, STYLE_LOSS_LAYERS, styleLoss } from './losses';
import { adainTarget } from './transfer';
import type { VggFeatures } from './vgg-encoder';
import { DEFAULT_EPSILON } from './norm';
import { normaliseVariant } from './exercise-checks-norm';
import { checkTensorFunction, formatShape, NHWC_AXES, testTensor } from './exercise-check-core';
import type { CheckResult, ExerciseCheckWords, Mistake, TensorTrial } from './exercise-check-core';

/** Checkers of the AdaIN and style-transfer exercises (lessons 3–4), against adain.ts and losses.ts. */

type Shape4 = readonly [number, number, number, number];

const ADAIN_TRIALS: readonly { content: Shape4; style: Shape4; tiny: boolean }[] = [
  { content: [2, 6, 6, 3], style: [2, 4, 5, 3], tiny: false },
  { content: [1, 8, 8, 4], style: [1, 8, 8, 4], tiny: false },
  { content: [3, 5, 7, 2], style: [3, 9, 3, 2], tiny: true },
];

/** σ over H and W with the unbiased variance (n − 1) plus ε, as the unofficial PyTorch port's calc_mean_std. */
function unbiasedStd(x: tf.Tensor4D, epsilon: number): tf.Tensor4D {
  return tf.tidy(() => {
    const { variance } = tf.moments(x, [1, 2], true);
    const count = x.shape[1] * x.shape[2];
    return variance
      .mul(count / (count - 1))
      .add(epsilon)
      .sqrt() as tf.Tensor4D;
  });
}

function adainMistakes(content: tf.Tensor4D, style: tf.Tensor4D, words: ExerciseCheckWords): Mistake[] {
  const epsilon = DEFAULT_EPSILON;
  const styleStatistics = () => channelStatistics(style);
  const withStyle = (normalised: tf.Tensor) => {
    const { mean, std } = styleStatistics();
    return normalised.mul(std).add(mean);
  };
  const mistakes: Mistake[] = [
    {
      hint: words.styleMeanMissing,
      predict: () => normaliseVariant(content, [1, 2], epsilon).mul(styleStatistics().std),
    },
    {
      hint: words.styleStdMissing,
      predict: () => normaliseVariant(content, [1, 2], epsilon).add(styleStatistics().mean),
    },
    {
      hint: words.normalisedOnly,
      predict: () => normaliseVariant(content, [1, 2], epsilon),
    },
    {
      hint: words.portStatistics,
      predict: () => {
        const contentMean = tf.moments(content, [1, 2], true).mean;
        return content.sub(contentMean).div(unbiasedStd(content, epsilon)).mul(unbiasedStd(style, epsilon)).add(channelStatistics(style).mean);
      },
    },
    {
      hint: words.statisticsPytorchAxes,
      predict: () => {
        const { mean, variance } = tf.moments(style, [2, 3], true);
        return normaliseVariant(content, [2, 3], epsilon).mul(variance.sqrt()).add(mean);
      },
    },
    {
      hint: words.contentEpsilonOutside,
      predict: () => withStyle(normaliseVariant(content, [1, 2], epsilon, { epsilonPlace: 'outside' })),
    },
    {
      hint: words.contentEpsilonMissing,
      predict: () => withStyle(normaliseVariant(content, [1, 2], epsilon, { epsilonPlace: 'none' })),
    },
    {
      hint: words.contentStyleSwapped,
      predict: () => adain(style, content),
    },
  ];
  return mistakes;
}

/** adain(content, style) against the library's adain. */
export function checkAdain(entry: unknown, words: ExerciseCheckWords): Promise<CheckResult> {
  const trials = () =>
    ADAIN_TRIALS.map((shapes, index): TensorTrial => {
      const content = testTensor(shapes.content, 201 + index, { tinyChannel: shapes.tiny });
      const style = testTensor(shapes.style, 301 + index, { meanScale: 4 });
      return {
        args: [content, style],
        trial: words.pairTrial(formatShape(shapes.content), formatShape(shapes.style)),
        expected: () => adain(content, style),
        reference: 'adain(content, style)',
        axisNames: NHWC_AXES,
        mistakes: adainMistakes(content, style, words),
        shapeHints: [{ shape: shapes.style, hint: words.styleShape }],
      };
    });
  return checkTensorFunction(entry, 'adain', trials, words.adainCorrect(ADAIN_TRIALS.length), words);
}

const SWAP_TRIALS: readonly { content: Shape4; style: Shape4 }[] = [
  { content: [1, 6, 6, 3], style: [1, 4, 4, 3] },
  { content: [2, 5, 7, 4], style: [2, 6, 3, 4] },
];

/** swapStd(content, style): the content's own μ, the style's σ — adainFromStatistics with mixed statistics. */
export function checkSwapStd(entry: unknown, words: ExerciseCheckWords): Promise<CheckResult> {
  const trials = () =>
    SWAP_TRIALS.map((shapes, index): TensorTrial => {
      const content = testTensor(shapes.content, 701 + index);
      const style = testTensor(shapes.style, 711 + index, { meanScale: 4 });
      const mixed = () => ({ mean: channelStatistics(content).mean, std: channelStatistics(style).std });
      return {
        args: [content, style],
        trial: words.pairTrial(formatShape(shapes.content), formatShape(shapes.style)),
        expected: () => adainFromStatistics(content, mixed()),
        reference: 'adainFromStatistics(content, { mean: μ(content), std: σ(style) })',
        axisNames: NHWC_AXES,
        mistakes: [
          { hint: words.swapHasStyleMean, predict: () => adain(content, style) },
          { hint: words.swapCentred, predict: () => adainFromStatistics(content, { ...mixed(), mean: tf.zeros(mixed().mean.shape) }) },
          { hint: words.swapContentStd, predict: () => content.clone() },
        ],
        shapeHints: [{ shape: shapes.style, hint: words.styleShape }],
      };
    });
  return checkTensorFunction(entry, 'swapStd', trials, words.swapCorrect, words);
}

/** Channel counts of the style-loss layers; the spatial sizes are kept small so the check runs in milliseconds. */
const FEATURE_SHAPES: Record<(typeof STYLE_LOSS_LAYERS)[number], Shape4> = {
  relu1_1: [1, 8, 8, 64],
  relu2_1: [1, 4, 4, 128],
  relu3_1: [1, 2, 2, 256],
  relu4_1: [1, 2, 2, 512],
};

function randomFeatures(seed: number, meanScale: number): VggFeatures {
  return Object.fromEntries(
    STYLE_LOSS_LAYERS.map((layer, index) => [layer, testTensor(FEATURE_SHAPES[layer], seed + index, { meanScale }).relu()]),
  ) as VggFeatures;
}

/** The style loss with a variation in how one layer's statistics differences are measured. */
function styleLossVariant(
  a: VggFeatures,
  b: VggFeatures,
  variant: { distance?: 'squared' | 'mse'; layers?: readonly (keyof VggFeatures)[]; unbiased?: boolean; meanOnly?: boolean },
): tf.Tensor {
  return tf.tidy(() => {
    const statistics = (x: tf.Tensor4D) => {
      const { mean, variance } = tf.moments(x, [1, 2]);
      const count = x.shape[1] * x.shape[2];
      return { mean, std: (variant.unbiased ? variance.mul(count / (count - 1)) : variance).add(LOSS_EPSILON).sqrt() };
    };
    const distance = (u: tf.Tensor, v: tf.Tensor) =>
      variant.distance === 'squared' ? u.sub(v).square().sum() : variant.distance === 'mse' ? u.sub(v).square().mean() : tf.norm(u.sub(v));
    const terms = (variant.layers ?? STYLE_LOSS_LAYERS).map((layer) => {
      const sa = statistics(a[layer]);
      const sb = statistics(b[layer]);
      const meanTerm = distance(sa.mean, sb.mean);
      return variant.meanOnly ? meanTerm : meanTerm.add(distance(sa.std, sb.std));
    });
    return tf.addN(terms);
  });
}

/** styleLoss(decodedFeatures, styleFeatures): the paper's eq. 13 over relu1_1 … relu4_1, against losses.ts. */
export function checkStyleLoss(entry: unknown, words: ExerciseCheckWords): Promise<CheckResult> {
  const trials = () =>
    [0, 1].map((index): TensorTrial => {
      const decoded = randomFeatures(801 + 10 * index, 1);
      const style = randomFeatures(851 + 10 * index, 2);
      return {
        args: [decoded, style],
        trial: words.lossTrial,
        expected: () => styleLoss(decoded, style),
        reference: 'styleLoss(decoded, style)',
        axisNames: [],
        mistakes: [
          { hint: words.lossSquared, predict: () => styleLossVariant(decoded, style, { distance: 'squared' }) },
          { hint: words.lossMeanSquared, predict: () => styleLossVariant(decoded, style, { distance: 'mse' }) },
          { hint: words.lossOneLayer, predict: () => styleLossVariant(decoded, style, { layers: ['relu4_1'] }) },
          { hint: words.lossMeansOnly, predict: () => styleLossVariant(decoded, style, { meanOnly: true }) },
          { hint: words.lossUnbiased, predict: () => styleLossVariant(decoded, style, { unbiased: true }) },
        ],
      };
    });
  return checkTensorFunction(entry, 'styleLoss', trials, words.lossCorrect, words);
}

const ALPHAS = [0.3, 0.75, 0] as const;

/** styleTarget(contentFeatures, styleFeatures, alpha) = α·AdaIN(f(c), f(s)) + (1 − α)·f(c), the paper's eq. 14. */
export function checkStyleTarget(entry: unknown, words: ExerciseCheckWords): Promise<CheckResult> {
  const trials = () =>
    ALPHAS.map((alpha, index): TensorTrial => {
      const content = testTensor([1, 4, 5, 8], 901 + index);
      const style = testTensor([1, 6, 3, 8], 911 + index, { meanScale: 4 });
      const encoded = () => ({ statistics: channelStatistics(style), colorPreservation: 'none' as const });
      return {
        args: [content, style, alpha],
        trial: words.targetTrial(alpha),
        expected: () => adainTarget(content, [{ style: encoded() }], { alpha }),
        reference: `adainTarget(f(c), [style], { alpha: ${alpha} })`,
        axisNames: NHWC_AXES,
        mistakes: [
          { hint: words.alphaReversed, predict: () => adainTarget(content, [{ style: encoded() }], { alpha: 1 - alpha }) },
          { hint: words.contentTermMissing, predict: () => adain(content, style).mul(alpha) },
          { hint: words.alphaIgnored, predict: () => adain(content, style) },
        ],
      };
    });
  return checkTensorFunction(entry, 'styleTarget', trials, words.targetCorrect, words);
}
