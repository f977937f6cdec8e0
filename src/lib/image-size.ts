/**
 * Image sizes for the style lab: read an image file's dimensions from its header (without decoding it),
 * fit an image into a size cap keeping its aspect ratio with sides in multiples of 8 (the encoders pool
 * three times by 2), and the limits past which the page tells the reader it changed or refused an image (the
 * words are in src/i18n/components/image-input.ts). Pure: no DOM, no tfjs (the model kind is a type-only import).
 */
import type { ModelKind } from './models';

export interface Size {
  width: number;
  height: number;
}

/** The models need H and W in multiples of 8. */
export const MODEL_SIDE_MULTIPLE = 8;

/** Decoded images are kept at most this large on their longer side; transfers never need more. */
export const DECODE_CAP = 1024;

/**
 * Above this many pixels a file is refused before decoding: even a downscaling decode has to read it,
 * and the browser may hold the full bitmap for a moment (a 20,000² image is 1.6 GB of RGBA).
 */
export const MAX_SOURCE_PIXELS = 200_000_000;

export type ImageFormat = 'png' | 'jpeg' | 'gif' | 'webp' | 'bmp';

export interface ImageHeader extends Size {
  format: ImageFormat;
}

function ascii(bytes: Uint8Array, start: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(start, start + length));
}

/** The JPEG start-of-frame markers (baseline, progressive, lossless…), which carry the image size. */
const JPEG_FRAME_MARKERS = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

function jpegSize(bytes: Uint8Array, view: DataView): Size | undefined {
  let offset = 2;
  while (offset + 9 < bytes.length) {
    if (bytes[offset] !== 0xff) return undefined;
    const marker = bytes[offset + 1]!;
    if (marker === 0xff) {
      offset += 1;
      continue;
    }
    const length = view.getUint16(offset + 2);
    if (JPEG_FRAME_MARKERS.has(marker)) return { height: view.getUint16(offset + 5), width: view.getUint16(offset + 7) };
    offset += 2 + length;
  }
  return undefined;
}

function webpSize(bytes: Uint8Array, view: DataView): Size | undefined {
  const chunk = ascii(bytes, 12, 4);
  if (chunk === 'VP8X' && bytes.length >= 30) {
    const width = 1 + (view.getUint16(24, true) | (bytes[26]! << 16));
    const height = 1 + (view.getUint16(27, true) | (bytes[29]! << 16));
    return { width, height };
  }
  if (chunk === 'VP8 ' && bytes.length >= 30) return { width: view.getUint16(26, true) & 0x3fff, height: view.getUint16(28, true) & 0x3fff };
  if (chunk === 'VP8L' && bytes.length >= 25) {
    const bits = view.getUint32(21, true);
    return { width: 1 + (bits & 0x3fff), height: 1 + ((bits >> 14) & 0x3fff) };
  }
  return undefined;
}

/**
 * Width, height and format from the first bytes of a file (PNG, JPEG, GIF, WebP, BMP), or undefined when the
 * bytes are none of those. For JPEG the size sits after the metadata segments: pass enough bytes (64 KiB
 * covers ordinary photos; EXIF thumbnails can push it further).
 */
export function readImageHeader(bytes: Uint8Array): ImageHeader | undefined {
  if (bytes.length < 12) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes[0] === 0x89 && ascii(bytes, 1, 3) === 'PNG' && bytes.length >= 24 && ascii(bytes, 12, 4) === 'IHDR') {
    return { format: 'png', width: view.getUint32(16), height: view.getUint32(20) };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xd8) {
    const size = jpegSize(bytes, view);
    return size && { format: 'jpeg', ...size };
  }
  if (ascii(bytes, 0, 4) === 'GIF8') return { format: 'gif', width: view.getUint16(6, true), height: view.getUint16(8, true) };
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') {
    const size = webpSize(bytes, view);
    return size && { format: 'webp', ...size };
  }
  if (ascii(bytes, 0, 2) === 'BM' && bytes.length >= 26) {
    return { format: 'bmp', width: Math.abs(view.getInt32(18, true)), height: Math.abs(view.getInt32(22, true)) };
  }
  return undefined;
}

/** The nearest multiple of `multiple` to `value`, at least `multiple`. */
export function roundToMultiple(value: number, multiple = MODEL_SIDE_MULTIPLE): number {
  return Math.max(multiple, Math.round(value / multiple) * multiple);
}

/**
 * The size an image gets when its longer side is brought to `longSide` (down or up), keeping the aspect
 * ratio as closely as sides in multiples of 8 allow. This is the size a transfer runs at.
 */
export function modelInputSize(source: Size, longSide: number): Size {
  if (source.width <= 0 || source.height <= 0) throw new RangeError(`an image needs a positive size, got ${source.width}×${source.height}`);
  const scale = longSide / Math.max(source.width, source.height);
  return { width: roundToMultiple(source.width * scale), height: roundToMultiple(source.height * scale) };
}

/** The size to decode a source at: unchanged when it fits within `cap` on its longer side, else scaled down. */
export function fitWithinCap(source: Size, cap = DECODE_CAP): Size & { downscaled: boolean } {
  const longer = Math.max(source.width, source.height);
  if (longer <= cap) return { width: source.width, height: source.height, downscaled: false };
  const scale = cap / longer;
  return { width: Math.max(1, Math.round(source.width * scale)), height: Math.max(1, Math.round(source.height * scale)), downscaled: true };
}

/** Below this many pixels on its shorter side, an image is enlarged so much that the reader should be told. */
export const SMALL_IMAGE_SIDE = 32;

export function isSmallImage(source: Size): boolean {
  return Math.min(source.width, source.height) < SMALL_IMAGE_SIDE;
}

/** Whole megapixels, for telling the reader how large a refused file is. */
export function megapixels(source: Size): number {
  return Math.round((source.width * source.height) / 1e6);
}

/**
 * Bytes the largest step of one transfer holds at once for a square-ish image of `pixels` pixels (float32):
 * the VGG encoder's and decoder's first-block convolutions keep a 64-channel input, its reflect-padded copy
 * and the 64-channel output alive together; the mobile encoder works at half resolution from its first
 * layer, but its decoder ends with the same 64-channel full-size block.
 */
export function peakActivationBytes(pixels: number, model: ModelKind): number {
  const channelsAlive = model === 'vgg' ? 3 * 64 : 2 * 64 + 32;
  return pixels * channelsAlive * 4;
}

export const OUTPUT_SIDES = [256, 512, 768, 1024] as const;

/** No single step may hold more than this, whatever the device: WebAssembly memory tops out at 2–4 GiB. */
export const ACTIVATION_BUDGET_CAP_BYTES = 2 ** 30;

/**
 * The largest output side (from OUTPUT_SIDES) whose peak activations fit in a quarter of the memory the
 * device reports (navigator.deviceMemory, GiB, which browsers round down and cap at 8), leaving room for
 * the page, the weights and the browser's own copies; never more than ACTIVATION_BUDGET_CAP_BYTES.
 * Without a report, assume 4 GiB.
 */
export function largestSideForDevice(model: ModelKind, deviceMemoryGiB: number | undefined): number {
  const budget = Math.min(((deviceMemoryGiB ?? 4) * 2 ** 30) / 4, ACTIVATION_BUDGET_CAP_BYTES);
  let best: number = OUTPUT_SIDES[0];
  for (const side of OUTPUT_SIDES) {
    if (peakActivationBytes(side * side, model) <= budget) best = side;
  }
  return best;
}
