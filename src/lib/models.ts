import type * as tf from '@tensorflow/tfjs';
import { dispose as tfDispose } from '@tensorflow/tfjs';
import { VggDecoder } from './decoder';
import type { StepCounter } from './layers';
import { MobileDecoder, MobileEncoder } from './mobile';
import { VggEncoder } from './vgg';
import { loadModelsIndex, loadWeightSets, type LoadOptions } from './weights';

/** The two encoder/decoder pairs the page offers; both map RGB 0..255 ↔ [1,H/8,W/8,512] features. */
export type ModelKind = 'vgg' | 'mobile';

export interface Encoder {
  /** Steps reported by encodeAsync (for progress totals). */
  readonly layerCount: number;
  encode(image: tf.Tensor4D): tf.Tensor4D;
  encodeAsync(image: tf.Tensor4D, counter: StepCounter): Promise<tf.Tensor4D>;
  dispose(): void;
}

export interface Decoder {
  readonly layerCount: number;
  decode(features: tf.Tensor4D): tf.Tensor4D;
  decodeAsync(features: tf.Tensor4D, counter: StepCounter): Promise<tf.Tensor4D>;
  dispose(): void;
}

export interface StyleTransferModel {
  kind: ModelKind;
  encoder: Encoder;
  decoder: Decoder;
}

/** Manifest paths (relative to the models folder) that scripts/prepare-models.ts writes. */
export const MODEL_MANIFESTS: Record<ModelKind, { encoder: string; decoder: string }> = {
  vgg: { encoder: 'adain-vgg19/encoder.json', decoder: 'adain-vgg19/decoder.json' },
  mobile: { encoder: 'adain-mobile/encoder.json', decoder: 'adain-mobile/decoder.json' },
};

/** Builds a model from already decoded weights (the encoder and decoder take ownership). */
export function createModel(kind: ModelKind, encoderWeights: tf.NamedTensorMap, decoderWeights: tf.NamedTensorMap): StyleTransferModel {
  try {
    return kind === 'vgg'
      ? { kind, encoder: new VggEncoder(encoderWeights), decoder: new VggDecoder(decoderWeights) }
      : { kind, encoder: new MobileEncoder(encoderWeights), decoder: new MobileDecoder(decoderWeights) };
  } catch (error) {
    tfDispose([encoderWeights, decoderWeights]);
    throw error;
  }
}

/**
 * Downloads, verifies and builds a model pair. Sizes and hashes come from the models' index.json
 * unless `options.integrity` is given. Progress counts the weight bytes of both parts together.
 */
export async function loadModel(kind: ModelKind, options: LoadOptions): Promise<StyleTransferModel> {
  const integrity = options.integrity ?? (await loadModelsIndex(options)).files;
  const paths = MODEL_MANIFESTS[kind];
  const [encoderWeights, decoderWeights] = (await loadWeightSets([paths.encoder, paths.decoder], { ...options, integrity })) as [tf.NamedTensorMap, tf.NamedTensorMap];
  return createModel(kind, encoderWeights, decoderWeights);
}

export function disposeModel(model: StyleTransferModel): void {
  model.encoder.dispose();
  model.decoder.dispose();
}
