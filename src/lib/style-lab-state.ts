import type { ModelKind } from './models';
import { artKinds, type ArtKind } from './procedural-art';
import type { ColorPreservation } from './transfer';
import { choiceField, malformedUrlKeys, numberField, readUrlState, writeUrlState, type UrlCodec } from './url-state';

/**
 * The style lab's state as one typed object and its URL form, so a view can be shared: built-in images by
 * id, style weights, α, model, output size, colour mode and mask preset. Uploaded and painted images live
 * only in the page; the URL then keeps the built-in ones and says nothing of the rest. Pure: no DOM, no tfjs.
 */

/**
 * A built-in photo or texture (public/images/<file>), or a project-made artwork `art-<kind>-<seed>`. Its name
 * in the page's language: galleryTitle (src/components/pictures.ts).
 */
export interface GalleryImage {
  id: string;
  /** File under public/images/ for photos and textures; absent for procedural art. */
  file?: string;
  /** 128² thumbnail under public/images/ (photos and textures). */
  thumbnail?: string;
  art?: { kind: ArtKind; seed: number };
  role: 'photo' | 'texture' | 'art';
}

const photo = (id: string, extension = 'png'): GalleryImage => ({
  id,
  file: `${id}.${extension}`,
  thumbnail: `${id}-128.png`,
  role: 'photo',
});
const texture = (id: string): GalleryImage => ({ id, file: `${id}.png`, thumbnail: `${id}-128.png`, role: 'texture' });
const art = (kind: ArtKind, seed: number): GalleryImage => ({ id: `art-${kind}-${seed}`, art: { kind, seed }, role: 'art' });

export const galleryImages: readonly GalleryImage[] = [
  photo('chelsea'),
  photo('astronaut'),
  photo('coffee'),
  photo('rocket', 'jpg'),
  art('swirl', 3),
  art('kandinsky', 5),
  art('mosaic', 2),
  art('waves', 4),
  texture('brick'),
  texture('gravel'),
  texture('grass'),
];

/** A gallery id, or `upload-<n>` / `paint-<n>` for images that exist only in the page (never in a URL). */
export type ImageId = string;

export function isLocalImage(id: ImageId): boolean {
  return /^(upload|paint)-\d+$/.test(id);
}

export function galleryImage(id: ImageId): GalleryImage | undefined {
  return galleryImages.find((image) => image.id === id) ?? parseArtId(id);
}

/** Any `art-<kind>-<seed>` is a valid image, so a shared URL can name an artwork with another seed. */
function parseArtId(id: string): GalleryImage | undefined {
  const match = /^art-([a-z]+)-(\d{1,9})$/.exec(id);
  const kind = artKinds.find((k) => k === match?.[1]);
  if (!match || !kind) return undefined;
  return art(kind, Number(match[2]));
}

export type OutputSize = 128 | 256 | 512 | 'max';
export const outputSizes: readonly OutputSize[] = [128, 256, 512, 'max'];

export type MaskPreset = 'none' | 'halves' | 'circle' | 'painted';
export const maskPresets: readonly MaskPreset[] = ['none', 'halves', 'circle', 'painted'];

export const colorModes: readonly ColorPreservation[] = ['none', 'colorStatistics', 'luminance'];
export const modelKinds: readonly ModelKind[] = ['vgg', 'mobile'];

export const MAX_STYLES = 3;

export interface StyleSlot {
  image: ImageId;
  /** Relative weight ≥ 0; normalised to sum 1 when the transfer runs. */
  weight: number;
}

export interface StyleLabState {
  content: ImageId;
  styles: StyleSlot[];
  alpha: number;
  model: ModelKind;
  size: OutputSize;
  color: ColorPreservation;
  mask: MaskPreset;
}

export function defaultStyleLabState(): StyleLabState {
  return { content: 'chelsea', styles: [{ image: 'art-swirl-3', weight: 1 }], alpha: 1, model: 'vgg', size: 256, color: 'none', mask: 'none' };
}

/** Weights scaled to sum to 1; all-zero weights count as equal. */
export function normalisedWeights(weights: readonly number[]): number[] {
  const clean = weights.map((w) => (Number.isFinite(w) && w > 0 ? w : 0));
  const sum = clean.reduce((a, b) => a + b, 0);
  return sum > 0 ? clean.map((w) => w / sum) : clean.map(() => 1 / clean.length);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

const styleLabCodec: UrlCodec<StyleLabState> = {
  content: { key: 'content', read: (id) => (galleryImage(id) ? id : undefined), write: (id) => (isLocalImage(id) ? undefined : id) },
  styles: {
    key: 'styles',
    read: (text) => {
      const styles = text
        .split(',')
        .filter(Boolean)
        .slice(0, MAX_STYLES)
        .map((entry) => {
          const [image = '', weight = '1'] = entry.split(':');
          return { image, weight: Number(weight) };
        })
        .filter((slot) => galleryImage(slot.image) && Number.isFinite(slot.weight) && slot.weight >= 0);
      return styles.length > 0 ? styles : undefined;
    },
    write: (styles) => {
      const shareable = styles.filter((slot) => !isLocalImage(slot.image));
      return shareable.length > 0 ? shareable.map((slot) => `${slot.image}:${Number(slot.weight.toFixed(3))}`).join(',') : undefined;
    },
  },
  alpha: numberField(
    'alpha',
    (alpha) => clamp(alpha, 0, 1),
    (alpha) => String(Number(alpha.toFixed(2))),
  ),
  model: choiceField('model', modelKinds),
  size: choiceField('size', outputSizes),
  color: choiceField('color', colorModes),
  // A painted mask lives only in the page.
  mask: {
    ...choiceField(
      'mask',
      maskPresets.filter((mask) => mask !== 'painted'),
    ),
    write: (mask) => (mask === 'painted' ? undefined : mask),
  },
};

/** Reads the lab's keys from a query string; anything missing or invalid keeps its default. */
export function readStyleLabParams(params: URLSearchParams): StyleLabState {
  return readUrlState(styleLabCodec, params, defaultStyleLabState());
}

/** The lab's keys in `params` that hold a value it cannot use. */
export function malformedStyleLabParams(params: URLSearchParams): string[] {
  return malformedUrlKeys(styleLabCodec, params);
}

/** What lives only in the page and never in a URL: an uploaded content image, uploaded or painted styles, a painted mask. */
export type LocalOnlyPart = 'content' | 'styles' | 'mask';

/**
 * Writes the lab's keys into `params` (other keys, such as ?backend=, stay). Returns what could not be
 * written (the page words it).
 */
export function writeStyleLabParams(state: StyleLabState, params: URLSearchParams): LocalOnlyPart[] {
  writeUrlState(styleLabCodec, state, params);
  const left: LocalOnlyPart[] = [];
  if (isLocalImage(state.content)) left.push('content');
  if (state.styles.some((slot) => isLocalImage(slot.image))) left.push('styles');
  if (state.mask === 'painted') left.push('mask');
  return left;
}

/**
 * Preset masks over a width×height grid, one per style (row-major, values in [0,1], non-overlapping):
 * 'halves' gives style 1 the left half and style 2 the right; 'circle' gives style 1 a centred disc and
 * style 2 the rest. With a single style, its region is styled and the rest keeps the content. Styles beyond
 * the second get empty masks. Edges are one cell wide and soft, so boundaries blend.
 */
export function presetMasks(preset: Exclude<MaskPreset, 'none' | 'painted'>, width: number, height: number, styleCount: number): Float32Array[] {
  const first = new Float32Array(width * height);
  const radius = 0.35 * Math.min(width, height);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const inside = preset === 'halves' ? width / 2 - (x + 0.5) : radius - Math.hypot(x + 0.5 - width / 2, y + 0.5 - height / 2);
      first[y * width + x] = clamp(inside + 0.5, 0, 1);
    }
  }
  return Array.from({ length: styleCount }, (_, k) => (k === 0 ? first : k === 1 ? first.map((v) => 1 - v) : new Float32Array(width * height)));
}
