import type { RgbPicture } from '../lib/lab-state';
import { galleryImages, type GalleryImage } from '../lib/style-lab-state';
import type { pictureStrings } from '../i18n/components/pictures';
import { imageInputStrings } from '../i18n/components/image-input';
import { localeOfTag } from '../lib/i18n';
import { siteUrl } from './site-url';

/**
 * A gallery image's name in the page's language (`words`: that locale's entry of pictureStrings), with
 * "(project-made)" after the art unless `short`. Also used by the .astro side, so no DOM here.
 */
export function galleryTitle(image: GalleryImage, words: (typeof pictureStrings)['en'], short = false): string {
  if (!image.art) return words.gallery[image.id] ?? image.id;
  const name = words.art[image.art.kind];
  const title = galleryImages.some((known) => known.id === image.id) ? name : words.artWithSeed(name, image.art.seed);
  return short ? title : words.projectMade(title);
}

/** The photos' colour channels, which the photo demos treat as feature channels. */
export const colourChannelNames = ['R', 'G', 'B'] as const;

/** Decodes one of the small photos in public/images/ into RGB bytes (alpha dropped). */
export async function loadPicture(url: string): Promise<RgbPicture> {
  const image = new Image();
  image.decoding = 'async';
  image.src = url;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = image.naturalWidth;
  canvas.height = image.naturalHeight;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  // The island kit's localStrings, inlined: this module is also loaded on the .astro side, where island.ts cannot be.
  if (!context) throw new Error(imageInputStrings[localeOfTag(document.documentElement.lang)].noCanvasToRead);
  context.drawImage(image, 0, 0);
  const rgba = context.getImageData(0, 0, canvas.width, canvas.height).data;
  const rgb = new Uint8Array((rgba.length / 4) * 3);
  for (let i = 0, j = 0; i < rgba.length; i += 4, j += 3) {
    rgb[j] = rgba[i]!;
    rgb[j + 1] = rgba[i + 1]!;
    rgb[j + 2] = rgba[i + 2]!;
  }
  return { width: canvas.width, height: canvas.height, rgb };
}

/** URL of a photo copied into public/images/ at 128×128. */
export function pictureUrl(name: string): string {
  return siteUrl(`images/${name}-128.png`);
}

/** Draws decoded RGB bytes or a computed ImageData onto a canvas of the same size. */
export function drawPicture(canvas: HTMLCanvasElement | null, image: ImageData | RgbPicture): void {
  const context = canvas?.getContext('2d');
  if (!canvas || !context) return;
  if (image instanceof ImageData) {
    context.putImageData(image, 0, 0);
    return;
  }
  const rgba = new Uint8ClampedArray(image.width * image.height * 4);
  for (let i = 0, j = 0; j < image.rgb.length; i += 4, j += 3) {
    rgba[i] = image.rgb[j]!;
    rgba[i + 1] = image.rgb[j + 1]!;
    rgba[i + 2] = image.rgb[j + 2]!;
    rgba[i + 3] = 255;
  }
  context.putImageData(new ImageData(rgba, image.width, image.height), 0, 0);
}
