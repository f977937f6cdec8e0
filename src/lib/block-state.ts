import { layerCount } from './generator-layers';
import { clampPsi } from './mixing-state';
import { seedLimit } from './rng';

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

const wholeNumber = (text: string | null, max: number): number | null => {
  const value = text !== null && /^\d+$/.test(text) ? Number(text) : Number.NaN;
  return Number.isSafeInteger(value) && value <= max ? value : null;
};

/** The state a URL describes; whatever is missing or malformed keeps its value from `defaults`. */
export function readBlockParams(params: URLSearchParams, defaults: BlockState = defaultBlockState()): BlockState {
  const psi = Number(params.get('block-psi') ?? Number.NaN);
  const noise = params.get('block-noise');
  return {
    seed: wholeNumber(params.get('block-seed'), seedLimit) ?? defaults.seed,
    psi: params.has('block-psi') && Number.isFinite(psi) ? clampPsi(psi) : defaults.psi,
    layer: wholeNumber(params.get('block-layer'), layerCount - 1) ?? defaults.layer,
    noise: noise === '1' ? true : noise === '0' ? false : defaults.noise,
    channel: wholeNumber(params.get('block-channel'), 1023) ?? defaults.channel,
  };
}

/** Writes the whole state into `params`, keeping other keys. */
export function writeBlockParams(state: BlockState, params: URLSearchParams): URLSearchParams {
  params.set('block-seed', String(state.seed));
  params.set('block-psi', String(state.psi));
  params.set('block-layer', String(state.layer));
  params.set('block-noise', state.noise ? '1' : '0');
  params.set('block-channel', String(state.channel));
  return params;
}
