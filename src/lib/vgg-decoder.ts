import * as tf from '@tensorflow/tfjs';
import { reflectConv3x3, upsampleNearest2x, type SteppedNetwork } from './layers';
import { requireWeight, type NamedWeights } from './weights';

/**
 * The AdaIN decoder for the VGG encoder: relu4_1-shaped features [1,h,w,512] → RGB 0..255 [1,8h,8w,3]
 * (../shared/models/SPEC.md). The graph's own AdaIN layer is not part of it: transfer.ts computes the
 * target features (with α, mixing and masks) and hands them here.
 */

export type DecoderLayer = { kind: 'conv'; name: string; inChannels: number; outChannels: number; relu: boolean } | { kind: 'upsample'; name: string };

function conv(name: string, inChannels: number, outChannels: number, relu = true): DecoderLayer {
  return { kind: 'conv', name, inChannels, outChannels, relu };
}

/** The decoder graph's layers in order, by their names in the graph and the weight manifest. */
export const VGG_DECODER_LAYERS: readonly DecoderLayer[] = [
  conv('block4_conv1_decode', 512, 256),
  { kind: 'upsample', name: 'up_sampling2d' },
  conv('block3_conv1_decode', 256, 256),
  conv('block3_conv2_decode', 256, 256),
  conv('block3_conv3_decode', 256, 256),
  conv('block3_conv4_decode', 256, 128),
  { kind: 'upsample', name: 'up_sampling2d_1' },
  conv('block2_conv1_decode', 128, 128),
  conv('block2_conv2_decode', 128, 64),
  { kind: 'upsample', name: 'up_sampling2d_2' },
  conv('block1_conv1_decode', 64, 64),
  // The last conv has no ReLU: the output is clipped to [0, 1] instead.
  conv('block1_conv2_decode', 64, 3, false),
];

/** The decoder's last step: [0,1] clip and scale to 0..255, as the graph's `output` block. */
export function toPixelRange(x: tf.Tensor4D): tf.Tensor4D {
  return tf.tidy(() => tf.clipByValue(x, 0, 1).mul(255));
}

export function assertDecodableFeatures(features: tf.Tensor4D, channels: number): void {
  const [n, , , c] = features.shape;
  if (n !== 1 || c !== channels) throw new RangeError(`the decoder takes [1,h,w,${channels}] features, got [${features.shape.join(',')}]`);
}

/** The decoder over its weights (it takes ownership): features [1,h,w,512] → RGB 0..255 [1,8h,8w,3]. */
export function createVggDecoder(weights: NamedWeights): SteppedNetwork {
  const steps = VGG_DECODER_LAYERS.map((layer) => {
    if (layer.kind === 'upsample') return { name: layer.name, run: upsampleNearest2x };
    const kernel = requireWeight(weights, `${layer.name}/kernel`, [3, 3, layer.inChannels, layer.outChannels]) as tf.Tensor4D;
    const bias = requireWeight(weights, `${layer.name}/bias`, [layer.outChannels]) as tf.Tensor1D;
    return { name: layer.name, run: (x: tf.Tensor4D) => reflectConv3x3(x, kernel, bias, layer.relu ? 'relu' : 'linear') };
  });
  steps.push({ name: 'output', run: toPixelRange });
  return { name: 'VGG-19 decoder', steps, checkInput: (features) => assertDecodableFeatures(features, 512), weights };
}
