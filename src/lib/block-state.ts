import { layerCount } from './generator-layers';
import { clampPsi } from './mixing-state';
import { seedLimit } from './rng';
import { flagField, malformedUrlKeys, numberField, readUrlState, wholeNumberField, writeUrlState, type UrlCodec } from './url-state';

/**
 * The StyleGAN block lab's state (lesson 5) and its URL form, under `block-` keys so it can share a page's
 * query string with other labs and ?backend=. Pure: the lab restores its controls before tfjs loads.
 */
export interface BlockState {
  /** The face: its z comes from this seed, and so does its noise. */
  seed: number;
  psi: number;
  /** The AdaIN layer shown, 0..layerCount−1. */
  layer: number;
  noise: boolean;
  /** The channel under the lens; the lab clamps it to the layer's channel count once the generator loads. */
  channel: number;
}

export function defaultBlockState(): BlockState {
  return { seed: 3, psi: 0.7, layer: 2, noise: true, channel: 0 };
}

const blockCodec: UrlCodec<BlockState> = {
  seed: wholeNumberField('block-seed', 0, seedLimit),
  psi: numberField('block-psi', clampPsi),
  layer: wholeNumberField('block-layer', 0, layerCount - 1),
  noise: flagField('block-noise'),
  channel: wholeNumberField('block-channel', 0, 1023),
};

/** The state a URL describes; whatever is missing or malformed keeps its value from `defaults`. */
export function readBlockParams(params: URLSearchParams, defaults: BlockState = defaultBlockState()): BlockState {
  return readUrlState(blockCodec, params, defaults);
}

/** The block's keys in `params` that hold a value it cannot use. */
export function malformedBlockParams(params: URLSearchParams): string[] {
  return malformedUrlKeys(blockCodec, params);
}

/** Writes the whole state into `params`, keeping other keys. */
export function writeBlockParams(state: BlockState, params: URLSearchParams): URLSearchParams {
  return writeUrlState(blockCodec, state, params);
}
