import * as tf from '@tensorflow/tfjs';
import { maxPool2x2, reflectConv3x3, runSteps, SteppedNetwork, type LayerStep, type StepCounter } from './layers';
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

export type VggLayer =
  | { kind: 'conv'; name: string; inChannels: number; outChannels: number; feature?: VggFeatureName }
  | { kind: 'pool'; name: string };

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

export class VggEncoder extends SteppedNetwork {
  protected readonly steps: LayerStep[];
  /** Step index → the feature it produces. */
  private readonly featureAt = new Map<number, VggFeatureName>();

  constructor(weights: NamedWeights) {
    super(weights);
    this.steps = VGG_ENCODER_LAYERS.map((layer, index) => {
      if (layer.kind === 'pool') return { name: layer.name, run: maxPool2x2 };
      if (layer.feature) this.featureAt.set(index, layer.feature);
      const kernel = requireWeight(weights, `${layer.name}/kernel`, [3, 3, layer.inChannels, layer.outChannels]) as tf.Tensor4D;
      const bias = requireWeight(weights, `${layer.name}/bias`, [layer.outChannels]) as tf.Tensor1D;
      return { name: layer.name, run: (x: tf.Tensor4D) => reflectConv3x3(x, kernel, bias, 'relu') };
    });
  }

  protected checkInput(image: tf.Tensor4D): void {
    assertEncodableImage(image);
  }

  /** relu4_1, [1,H/8,W/8,512]. */
  encode(image: tf.Tensor4D): tf.Tensor4D {
    return this.run(image);
  }

  encodeAsync(image: tf.Tensor4D, counter: StepCounter): Promise<tf.Tensor4D> {
    return this.runAsync(image, counter);
  }

  /** relu1_1 … relu4_1 (for the style loss and the lessons); the caller disposes them. */
  features(image: tf.Tensor4D): VggFeatures {
    assertEncodableImage(image);
    const { kept } = runSteps(this.steps, image, (index) => this.featureAt.has(index));
    const [relu1_1, relu2_1, relu3_1, relu4_1] = kept as [tf.Tensor4D, tf.Tensor4D, tf.Tensor4D, tf.Tensor4D];
    return { relu1_1, relu2_1, relu3_1, relu4_1 };
  }

}
