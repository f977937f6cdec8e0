import { imageInputStrings } from '../i18n/components/image-input';
import { isAnimated } from '../lib/image-animation';
import { MAX_SOURCE_PIXELS, fitWithinCap, isSmallImage, megapixels, readImageHeader, type Size } from '../lib/image-size';
import { localStrings } from './island';

/**
 * Turns what the reader gives the lab (a file, a pasted blob, a built-in image's URL) into an opaque
 * canvas no larger than DECODE_CAP on its longer side, with the notices the page should show. Large
 * files are decoded straight to the small size (createImageBitmap's resize options), so a 10,000² photo
 * never becomes a 400 MB bitmap in the page.
 */
export interface DecodedImage {
  canvas: HTMLCanvasElement;
  /** What the file said it was; equals the canvas size unless downscaled. */
  source: Size;
  notices: string[];
}

/** A failure the reader can act on; `message` is written for the page. */
export class ImageInputError extends Error {
  override readonly name = 'ImageInputError';
}

/** Bytes read to find the size in a header; JPEG metadata can push the frame header past the first few kB. */
const HEADER_BYTES = 256 * 1024;

function describeFile(blob: Blob): string {
  const t = localStrings(imageInputStrings);
  return blob instanceof File && blob.name ? t.fileName(blob.name) : t.thisFile;
}

/** SVG by its type or its first characters (a file without a type, a paste). */
function looksLikeSvg(blob: Blob, head: Uint8Array): boolean {
  if (blob.type === 'image/svg+xml') return true;
  const text = new TextDecoder()
    .decode(head.subarray(0, 1024))
    .replace(/^\uFEFF/, '')
    .trimStart();
  return /^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/i.test(text);
}

/** Side used for an SVG that states no size of its own (viewBox only). */
const SVG_DEFAULT_SIDE = 512;

/**
 * Rasterises an SVG safely: drawn through an <img> from a blob: URL, which runs no script and loads no
 * external file (the browser's rules for images), then scaled within DECODE_CAP.
 */
async function svgBitmap(blob: Blob): Promise<ImageBitmap> {
  const url = URL.createObjectURL(new Blob([blob], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const size = fitWithinCap({ width: image.naturalWidth || SVG_DEFAULT_SIDE, height: image.naturalHeight || SVG_DEFAULT_SIDE });
    const canvas = document.createElement('canvas');
    canvas.width = size.width;
    canvas.height = size.height;
    canvas.getContext('2d')?.drawImage(image, 0, 0, size.width, size.height);
    return await createImageBitmap(canvas);
  } finally {
    URL.revokeObjectURL(url);
  }
}

async function decodeBitmap(blob: Blob, target: Size & { downscaled: boolean }): Promise<ImageBitmap> {
  // 'none' keeps the file's pixel values as they are, so the browser test and Node see the same numbers.
  const options: ImageBitmapOptions = { colorSpaceConversion: 'none', premultiplyAlpha: 'none', imageOrientation: 'from-image' };
  if (target.downscaled) Object.assign(options, { resizeWidth: target.width, resizeHeight: target.height, resizeQuality: 'high' });
  return createImageBitmap(blob, options);
}

function hasTransparency(context: CanvasRenderingContext2D, size: Size): boolean {
  const { data } = context.getImageData(0, 0, size.width, size.height);
  for (let i = 3; i < data.length; i += 4) if (data[i]! < 255) return true;
  return false;
}

/** Draws the bitmap on an opaque canvas: transparent parts become white (with a notice). */
function toOpaqueCanvas(bitmap: ImageBitmap, notices: string[]): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = bitmap.width;
  canvas.height = bitmap.height;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new ImageInputError(localStrings(imageInputStrings).noCanvasToDraw);
  context.drawImage(bitmap, 0, 0);
  if (hasTransparency(context, canvas)) {
    notices.push(localStrings(imageInputStrings).notices.transparent);
    context.globalCompositeOperation = 'destination-over';
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.globalCompositeOperation = 'source-over';
  }
  return canvas;
}

export async function decodeImageBlob(blob: Blob): Promise<DecodedImage> {
  const t = localStrings(imageInputStrings);
  const name = describeFile(blob);
  if (blob.size === 0) throw new ImageInputError(t.empty(name));
  const head = new Uint8Array(await blob.slice(0, HEADER_BYTES).arrayBuffer());
  const header = readImageHeader(head);
  if (header && header.width * header.height > MAX_SOURCE_PIXELS) {
    throw new ImageInputError(t.tooManyPixels(header.width, header.height, megapixels(header), MAX_SOURCE_PIXELS / 1e6));
  }
  const svg = !header && looksLikeSvg(blob, head);
  if (!header && !svg && blob.type && !blob.type.startsWith('image/')) throw new ImageInputError(t.notAnImage(name, blob.type));
  const notices: string[] = [];
  if (svg) notices.push(t.notices.svg);
  if (header && isAnimated(header.format, head)) notices.push(t.notices.animated);
  const target = header ? fitWithinCap(header) : { width: 0, height: 0, downscaled: false };
  let bitmap: ImageBitmap;
  try {
    bitmap = svg ? await svgBitmap(blob) : await decodeBitmap(blob, target);
  } catch {
    const format = svg ? 'SVG' : header?.format.toUpperCase();
    throw new ImageInputError(format ? t.damaged(name, format) : t.unreadable(name));
  }
  try {
    // Formats without a header we read (SVG, AVIF…) are capped after decoding instead.
    if (!header) {
      const fitted = fitWithinCap(bitmap);
      if (fitted.downscaled) {
        const full = bitmap;
        bitmap = await createImageBitmap(full, { resizeWidth: fitted.width, resizeHeight: fitted.height, resizeQuality: 'high' });
        full.close();
        notices.push(t.notices.downscaled(full.width, full.height, fitted.width, fitted.height));
      }
    } else if (target.downscaled) {
      notices.push(t.notices.downscaled(header.width, header.height, target.width, target.height));
    }
    const canvas = toOpaqueCanvas(bitmap, notices);
    const source = header ?? { width: canvas.width, height: canvas.height };
    if (isSmallImage(source)) notices.push(t.notices.small(source.width, source.height));
    return { canvas, source, notices };
  } finally {
    bitmap.close();
  }
}

/** A built-in image by URL (same decoding path as a file, so its pixels match the browser test's). */
export async function decodeImageUrl(url: string, signal?: AbortSignal): Promise<DecodedImage> {
  const response = await fetch(url, signal ? { signal } : {});
  if (!response.ok) throw new ImageInputError(localStrings(imageInputStrings).notDownloaded(url, response.status));
  return decodeImageBlob(await response.blob());
}

/** RGBA pixels → an opaque canvas (procedural art, paint strokes). */
export function canvasFromPixels(pixels: { width: number; height: number; data: Uint8ClampedArray<ArrayBuffer> }): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = pixels.width;
  canvas.height = pixels.height;
  canvas.getContext('2d')?.putImageData(new ImageData(pixels.data, pixels.width, pixels.height), 0, 0);
  return canvas;
}

/** The image scaled to `size` (smooth, high quality), as RGBA pixels: the numbers a transfer starts from. */
export function resizedPixels(source: CanvasImageSource, size: Size): ImageData {
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new ImageInputError(localStrings(imageInputStrings).noCanvasToResize);
  context.imageSmoothingEnabled = true;
  context.imageSmoothingQuality = 'high';
  context.drawImage(source, 0, 0, size.width, size.height);
  return context.getImageData(0, 0, size.width, size.height);
}
