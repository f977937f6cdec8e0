import type * as tf from '@tensorflow/tfjs';
import { dispose as tfDispose } from '@tensorflow/tfjs';
import { disposeNetwork, type SteppedNetwork } from './layers';
import { createMobileDecoder, createMobileEncoder } from './mobile';
import { createVggDecoder } from './vgg-decoder';
import { createVggEncoder } from './vgg-encoder';
import { loadModelsIndex, loadWeightSets, type LoadOptions } from './weights';

/** The two encoder/decoder pairs the page offers; both map RGB 0..255 ↔ [1,H/8,W/8,512] features. */
export type ModelKind = 'vgg' | 'mobile';

/** Run either part with runNetwork / runNetworkAsync (layers.ts). */
export interface StyleTransferModel {
  kind: ModelKind;
  /** RGB 0..255 [1,H,W,3] → relu4_1(-like) features [1,H/8,W/8,512]. */
  encoder: SteppedNetwork;
  /** Features → RGB 0..255. */
  decoder: SteppedNetwork;
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
      ? { kind, encoder: createVggEncoder(encoderWeights), decoder: createVggDecoder(decoderWeights) }
      : { kind, encoder: createMobileEncoder(encoderWeights), decoder: createMobileDecoder(decoderWeights) };
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
  const [encoderWeights, decoderWeights] = (await loadWeightSets([paths.encoder, paths.decoder], { ...options, integrity })) as [
    tf.NamedTensorMap,
    tf.NamedTensorMap,
  ];
  return createModel(kind, encoderWeights, decoderWeights);
}

export function disposeModel(model: StyleTransferModel): void {
  disposeNetwork(model.encoder);
  disposeNetwork(model.decoder);
}
