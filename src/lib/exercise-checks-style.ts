import * as tf from '@tensorflow/tfjs';
import { adain, channelStatistics } from './adain';
import { DEFAULT_EPSILON } from './norm';
import { normaliseVariant } from './exercise-checks-norm';
import {
  callReader,
  expectClose,
  formatShape,
  NHWC_AXES,
  readerFunction,
  requireTensor,
  runCheck,
  testTensor,
  type CheckResult,
  type Mistake,
} from './exercise-check-core';

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
    return variance.mul(count / (count - 1)).add(epsilon).sqrt() as tf.Tensor4D;
  });
}

function adainMistakes(content: tf.Tensor4D, style: tf.Tensor4D): Mistake[] {
  const epsilon = DEFAULT_EPSILON;
  const styleStatistics = () => channelStatistics(style);
  const withStyle = (normalised: tf.Tensor4D) => {
    const { mean, std } = styleStatistics();
    return normalised.mul(std).add(mean);
  };
  const mistakes: Mistake[] = [
    {
      hint: 'the style mean μ(y) is missing. Add it after scaling by σ(y).',
      predict: () => normaliseVariant(content, [1, 2], epsilon).mul(styleStatistics().std),
    },
    {
      hint: 'the style σ(y) is missing. Multiply the normalised content by it before adding μ(y).',
      predict: () => normaliseVariant(content, [1, 2], epsilon).add(styleStatistics().mean),
    },
    {
      hint: 'your output is the normalised content only. Scale it by σ(y) and add μ(y).',
      predict: () => normaliseVariant(content, [1, 2], epsilon),
    },
    {
      hint:
        'your σ uses the unbiased variance (divide by n − 1) plus ε, like calc_mean_std in the unofficial PyTorch port. ' +
        'Use the population variance (divide by n), as tf.moments does; ε belongs to the content side only.',
      predict: () => {
        const contentMean = tf.moments(content, [1, 2], true).mean;
        return content.sub(contentMean).div(unbiasedStd(content, epsilon)).mul(unbiasedStd(style, epsilon)).add(channelStatistics(style).mean);
      },
    },
    {
      hint: "your statistics are averaged over axes [2, 3]. In PyTorch's [N, C, H, W] layout those are H and W, but here tensors are [N, H, W, C], so H and W are axes [1, 2].",
      predict: () => {
        const { mean, variance } = tf.moments(style, [2, 3], true);
        return normaliseVariant(content, [2, 3], epsilon).mul(variance.sqrt()).add(mean);
      },
    },
    {
      hint: 'ε is outside the square root on the content side. Divide by √(σ²(x) + ε).',
      predict: () => withStyle(normaliseVariant(content, [1, 2], epsilon, { epsilonPlace: 'outside' })),
    },
    {
      hint: 'ε is missing on the content side. Divide by √(σ²(x) + ε): ε keeps the division safe when a channel is almost constant.',
      predict: () => withStyle(normaliseVariant(content, [1, 2], epsilon, { epsilonPlace: 'none' })),
    },
    {
      hint: 'you swapped content and style: adain(content, style) keeps the layout of the content and takes the statistics of the style.',
      predict: () => adain(style, content),
    },
  ];
  return mistakes;
}

/** adain(content, style) against the library's adain, with the output's statistics explained on a mismatch. */
export async function checkAdain(entry: unknown): Promise<CheckResult> {
  return runCheck(async () => {
    const fn = readerFunction(entry, 'adain');
    for (const [index, shapes] of ADAIN_TRIALS.entries()) {
      const content = testTensor(shapes.content, 201 + index, { tinyChannel: shapes.tiny });
      const style = testTensor(shapes.style, 301 + index, { meanScale: 4 });
      const trial = `a random content of shape ${formatShape(shapes.content)} and style of shape ${formatShape(shapes.style)}`;
      const output = requireTensor(callReader(fn, 'adain', [content, style], trial), 'Your output', shapes.content, [
        { shape: shapes.style, hint: 'That is the style’s shape: did you swap content and style?' },
      ]);
      await expectClose(output, adain(content, style), {
        trial,
        reference: 'adain(content, style)',
        axisNames: NHWC_AXES,
        mistakes: adainMistakes(content, style),
      });
    }
    return `Correct. On ${ADAIN_TRIALS.length} random pairs your adain equals the library's adain(content, style).`;
  });
}
