import * as tf from '@tensorflow/tfjs';
import { reflectPad1, upsampleNearest2x, type LayerStep, type SteppedNetwork } from './layers';
import { toPixelRange, assertDecodableFeatures, VGG_DECODER_LAYERS } from './vgg-decoder';
import { assertEncodableImage } from './vgg-encoder';
import { requireWeight, type NamedWeights } from './weights';

/**
 * The mobile AdaIN pair (../shared/models/SPEC.md): a depthwise-separable student encoder trained to
 * mimic VGG relu4_1, and its decoder. Same interface as the VGG pair: RGB 0..255 in, relu4_1-like
 * features [1,H/8,W/8,512], RGB 0..255 out.
 *
 * The converter folds every inference-time batch norm into the conv before it (kernel·γ/√(σ²+ε) and
 * β − μ·γ/√(σ²+ε)) and the RGB→BGR flip into the first kernel, so each block is two fused convs here.
 * The mean subtraction stays a separate op: the first conv zero-pads ('SAME'), which does not commute
 * with a shift.
 */

/** ImageNet channel means of the graph's preprocess, in RGB order (the flip is in the first kernel). */
const MEAN_RGB = [123.68, 116.779, 103.939] as const;

export interface SeparableBlock {
  /** Depthwise conv name (weights `<depthwise>/depthwise_kernel`, `<depthwise>/bias`). */
  depthwise: string;
  /** 1×1 conv name (weights `<pointwise>/kernel`, `<pointwise>/bias`). */
  pointwise: string;
  inChannels: number;
  outChannels: number;
  stride: 1 | 2;
}

export type MobileDecoderLayer = ({ kind: 'block' } & SeparableBlock) | { kind: 'upsample'; name: string };

function encoderBlock(index: number, inChannels: number, outChannels: number, stride: 1 | 2): SeparableBlock {
  const depthwise = index === 0 ? 'depthwise_conv2d' : `depthwise_conv2d_${index}`;
  return { depthwise, pointwise: `conv2d_${index + 1}`, inChannels, outChannels, stride };
}

/** First layer: 3×3 stride 2 'SAME' conv 3→32 named `conv2d`; then these blocks ('SAME' depthwise). */
export const MOBILE_ENCODER_STEM = { name: 'conv2d', inChannels: 3, outChannels: 32 } as const;
export const MOBILE_ENCODER_BLOCKS: readonly SeparableBlock[] = [
  encoderBlock(0, 32, 64, 1),
  encoderBlock(1, 64, 128, 2),
  encoderBlock(2, 128, 128, 1),
  encoderBlock(3, 128, 256, 2),
  encoderBlock(4, 256, 256, 1),
  encoderBlock(5, 256, 512, 1),
  encoderBlock(6, 512, 512, 1),
];

function decoderBlock(name: string, inChannels: number, outChannels: number): MobileDecoderLayer {
  return { kind: 'block', depthwise: `${name}_depthconv3x3`, pointwise: `${name}_conv1x1`, inChannels, outChannels, stride: 1 };
}

/** The student decoder's layer names, in order: it mirrors the VGG decoder layer for layer, with the same channels. */
const MOBILE_DECODER_NAMES = [
  'b4_layer1',
  'b4_output_1',
  'b3_layer4',
  'b3_layer3',
  'b3_layer2',
  'b3_layer1',
  'b3_output_1',
  'b2_layer2',
  'b2_layer1',
  'b2_output_1',
  'b1_layer2',
];

/** Decoder blocks reflect-pad 1 then run a 'valid' depthwise conv; the head, in place of VGG's last conv, is `b1_layer1_conv3x3` 64→3 + ReLU. */
export const MOBILE_DECODER_LAYERS: readonly MobileDecoderLayer[] = VGG_DECODER_LAYERS.slice(0, -1).map((layer, i) => {
  const name = MOBILE_DECODER_NAMES[i]!;
  return layer.kind === 'upsample' ? { kind: 'upsample', name } : decoderBlock(name, layer.inChannels, layer.outChannels);
});
export const MOBILE_DECODER_HEAD = { name: 'b1_layer1_conv3x3', inChannels: 64, outChannels: 3 } as const;

interface BlockWeights {
  depthwiseKernel: tf.Tensor4D;
  depthwiseBias: tf.Tensor1D;
  pointwiseKernel: tf.Tensor4D;
  pointwiseBias: tf.Tensor1D;
}

function blockWeights(weights: NamedWeights, block: SeparableBlock): BlockWeights {
  return {
    depthwiseKernel: requireWeight(weights, `${block.depthwise}/depthwise_kernel`, [3, 3, block.inChannels, 1]) as tf.Tensor4D,
    depthwiseBias: requireWeight(weights, `${block.depthwise}/bias`, [block.inChannels]) as tf.Tensor1D,
    pointwiseKernel: requireWeight(weights, `${block.pointwise}/kernel`, [1, 1, block.inChannels, block.outChannels]) as tf.Tensor4D,
    pointwiseBias: requireWeight(weights, `${block.pointwise}/bias`, [block.outChannels]) as tf.Tensor1D,
  };
}

/** Depthwise 3×3 (+ folded BN) ReLU, 1×1 conv (+ folded BN) ReLU. */
function separable(x: tf.Tensor4D, w: BlockWeights, stride: 1 | 2, pad: 'same' | 'valid'): tf.Tensor4D {
  return tf.tidy(() => {
    const depthwise = tf.fused.depthwiseConv2d({ x, filter: w.depthwiseKernel, strides: stride, pad, bias: w.depthwiseBias, activation: 'relu' });
    return tf.fused.conv2d({ x: depthwise, filter: w.pointwiseKernel, strides: 1, pad: 'valid', bias: w.pointwiseBias, activation: 'relu' });
  });
}

/** The student encoder over its weights (it takes ownership). */
export function createMobileEncoder(weights: NamedWeights): SteppedNetwork {
  const mean = tf.tensor1d([...MEAN_RGB]);
  const stem = MOBILE_ENCODER_STEM;
  try {
    const stemKernel = requireWeight(weights, `${stem.name}/kernel`, [3, 3, stem.inChannels, stem.outChannels]) as tf.Tensor4D;
    const stemBias = requireWeight(weights, `${stem.name}/bias`, [stem.outChannels]) as tf.Tensor1D;
    const steps: LayerStep[] = [
      {
        name: stem.name,
        run: (x) =>
          tf.tidy(() => tf.fused.conv2d({ x: x.sub<tf.Tensor4D>(mean), filter: stemKernel, strides: 2, pad: 'same', bias: stemBias, activation: 'relu' })),
      },
      ...MOBILE_ENCODER_BLOCKS.map((block) => {
        const w = blockWeights(weights, block);
        return { name: block.pointwise, run: (x: tf.Tensor4D) => separable(x, w, block.stride, 'same') };
      }),
    ];
    return { name: 'mobile encoder', steps, checkInput: assertEncodableImage, weights: { ...weights, preprocessMean: mean } };
  } catch (error) {
    mean.dispose();
    throw error;
  }
}

/** Its decoder over its weights (it takes ownership). */
export function createMobileDecoder(weights: NamedWeights): SteppedNetwork {
  const steps: LayerStep[] = MOBILE_DECODER_LAYERS.map((layer) => {
    if (layer.kind === 'upsample') return { name: layer.name, run: upsampleNearest2x };
    const w = blockWeights(weights, layer);
    return { name: layer.pointwise, run: (x: tf.Tensor4D) => tf.tidy(() => separable(reflectPad1(x), w, 1, 'valid')) };
  });
  const head = MOBILE_DECODER_HEAD;
  const headKernel = requireWeight(weights, `${head.name}/kernel`, [3, 3, head.inChannels, head.outChannels]) as tf.Tensor4D;
  const headBias = requireWeight(weights, `${head.name}/bias`, [head.outChannels]) as tf.Tensor1D;
  steps.push({
    name: head.name,
    // Unlike the VGG decoder, the graph keeps a ReLU on the last conv (before the [0,1] clip).
    run: (x) =>
      tf.tidy(() => toPixelRange(tf.fused.conv2d({ x: reflectPad1(x), filter: headKernel, strides: 1, pad: 'valid', bias: headBias, activation: 'relu' }))),
  });
  return { name: 'mobile decoder', steps, checkInput: (features) => assertDecodableFeatures(features, 512), weights };
}
