/**
 * The layer structure of the project's generator (training/stylegan.py), in one place: AdaIN layers come
 * two per resolution, 4², 8², 16², 32², and the first layer of each resolution after 4² works on the
 * previous output upsampled 2×. No tfjs, so the labs can label their controls before tfjs arrives.
 */
export const layersPerResolution = 2;

/** AdaIN layers of the published generator (numWs in public/generator/model.json); the labs are laid out for it. */
export const layerCount = 8;

/** The side of resolution block `block` (0 → 4, 1 → 8, …). */
export function blockResolution(block: number): number {
  return 4 * 2 ** block;
}

export function blockOfLayer(layer: number): number {
  return Math.floor(layer / layersPerResolution);
}

/** The layers of one resolution block, in order. */
export function layersOfBlock(block: number): number[] {
  return Array.from({ length: layersPerResolution }, (_, i) => block * layersPerResolution + i);
}

/** The resolution (4, 8, 16, …) layer `layer` works at. */
export function layerResolution(layer: number): number {
  return blockResolution(blockOfLayer(layer));
}

/** Whether the layer's input is the previous layer's output upsampled 2× (the first layer of a resolution after 4²). */
export function upsamplesBefore(layer: number): boolean {
  return layer > 0 && layer % layersPerResolution === 0;
}

export type StyleBand = 'coarse' | 'middle' | 'fine';

/** Coarse: 4² and 8²; middle: 16²; fine: 32² (our resolutions; StyleGAN's 1024² model splits at 8² and 32²). */
export function bandOf(layer: number): StyleBand {
  const resolution = layerResolution(layer);
  return resolution <= 8 ? 'coarse' : resolution <= 16 ? 'middle' : 'fine';
}
