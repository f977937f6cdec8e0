import * as tf from '@tensorflow/tfjs';
import { maxPool2x2, reflectConv3x3, runSteps, type SteppedNetwork } from './layers';
import { requireWeight, type NamedWeights } from './weights';

/**
 * The AdaIN encoder: normalised VGG-19 from conv1_1 to relu4_1 with reflection padding
 * (../shared/models/SPEC.md). Input [1,H,W,3] RGB 0..255, H and W multiples of 8.
 *
 * The graph's preprocess (RGB→BGR, minus the ImageNet BGR means) is folded into conv1_1 by the
 * converter (scripts/prepare-models.ts): reflection padding commutes with a per-channel shift, so
 * conv(pad(x − m)) = conv(pad(x)) − Σ W·m exactly, and the channel flip is a permutation of the kernel.
 */

export type VggFeatureName = 'relu1_1' | 'relu2_1' | 'relu3_1' | 'relu4_1';

export type VggLayer = { kind: 'conv'; name: string; inChannels: number; outChannels: number; feature?: VggFeatureName } | { kind: 'pool'; name: string };

function conv(name: string, inChannels: number, outChannels: number, feature?: VggFeatureName): VggLayer {
  return feature ? { kind: 'conv', name, inChannels, outChannels, feature } : { kind: 'conv', name, inChannels, outChannels };
}

/** The encoder graph's layers in order, by their names in the graph (and in the weight manifest). */
export const VGG_ENCODER_LAYERS: readonly VggLayer[] = [
  conv('block1_conv1', 3, 64, 'relu1_1'),
  conv('block1_conv2', 64, 64),
  { kind: 'pool', name: 'block1_pool' },
  conv('block2_conv1', 64, 128, 'relu2_1'),
  conv('block2_conv2', 128, 128),
  { kind: 'pool', name: 'block2_pool' },
  conv('block3_conv1', 128, 256, 'relu3_1'),
  conv('block3_conv2', 256, 256),
  conv('block3_conv3', 256, 256),
  conv('block3_conv4', 256, 256),
  { kind: 'pool', name: 'block3_pool' },
  conv('output', 256, 512, 'relu4_1'),
];

export type VggFeatures = Record<VggFeatureName, tf.Tensor4D>;

/** The spatial size the encoder needs: H and W multiples of 8 (three 2×2 pools). */
export function assertEncodableImage(image: tf.Tensor4D): void {
  const [n, h, w, c] = image.shape;
  if (n !== 1 || c !== 3 || h % 8 !== 0 || w % 8 !== 0 || h < 8 || w < 8) {
    throw new RangeError(`the encoder takes [1,H,W,3] with H and W positive multiples of 8, got [${image.shape.join(',')}]`);
  }
}

const VGG_ENCODER_NAME = 'VGG-19 encoder';

/** The encoder over its weights (it takes ownership); run it with runNetwork, or vggFeatures for relu1_1…relu4_1. */
export function createVggEncoder(weights: NamedWeights): SteppedNetwork {
  const steps = VGG_ENCODER_LAYERS.map((layer) => {
    if (layer.kind === 'pool') return { name: layer.name, run: maxPool2x2 };
    const kernel = requireWeight(weights, `${layer.name}/kernel`, [3, 3, layer.inChannels, layer.outChannels]) as tf.Tensor4D;
    const bias = requireWeight(weights, `${layer.name}/bias`, [layer.outChannels]) as tf.Tensor1D;
    return { name: layer.name, run: (x: tf.Tensor4D) => reflectConv3x3(x, kernel, bias, 'relu') };
  });
  return { name: VGG_ENCODER_NAME, steps, checkInput: assertEncodableImage, weights };
}

/** relu1_1 … relu4_1 of a VGG encoder (for the style loss and the lessons); the caller disposes them. */
export function vggFeatures(encoder: SteppedNetwork, image: tf.Tensor4D): VggFeatures {
  if (encoder.name !== VGG_ENCODER_NAME) throw new TypeError(`relu1_1…relu4_1 come from the ${VGG_ENCODER_NAME}, not the ${encoder.name}`);
  assertEncodableImage(image);
  const { kept } = runSteps(encoder.steps, image, (index) => VGG_ENCODER_LAYERS[index]?.kind === 'conv' && VGG_ENCODER_LAYERS[index].feature !== undefined);
  const [relu1_1, relu2_1, relu3_1, relu4_1] = kept as [tf.Tensor4D, tf.Tensor4D, tf.Tensor4D, tf.Tensor4D];
  return { relu1_1, relu2_1, relu3_1, relu4_1 };
}
