import type { ImageFormat } from './image-size';

/**
 * Whether a file's first bytes say the image is animated (APNG, animated GIF, animated WebP): the browser
 * decodes only the first frame for a canvas, and the reader should know that. Pure: bytes in, no DOM.
 */
function ascii(bytes: Uint8Array, start: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(start, start + length));
}

/** APNG: an acTL chunk before the first IDAT (PNG spec, APNG extension). */
function pngIsAnimated(bytes: Uint8Array, view: DataView): boolean {
  for (let offset = 8; offset + 8 <= bytes.length;) {
    const type = ascii(bytes, offset + 4, 4);
    if (type === 'acTL') return true;
    if (type === 'IDAT' || type === 'IEND') return false;
    offset += 12 + view.getUint32(offset);
  }
  return false;
}

/** Skips GIF data sub-blocks (each a length byte, then that many bytes; 0 ends them). */
function skipSubBlocks(bytes: Uint8Array, offset: number): number {
  while (offset < bytes.length && bytes[offset] !== 0) offset += 1 + bytes[offset]!;
  return offset + 1;
}

/** GIF: a looping (NETSCAPE2.0) extension, or a second image in the bytes read. */
function gifIsAnimated(bytes: Uint8Array): boolean {
  const flags = bytes[10] ?? 0;
  let offset = 13 + (flags & 0x80 ? 3 * 2 ** ((flags & 0x07) + 1) : 0);
  let images = 0;
  while (offset < bytes.length) {
    const block = bytes[offset];
    if (block === 0x21) {
      if (bytes[offset + 1] === 0xff && ascii(bytes, offset + 3, 11) === 'NETSCAPE2.0') return true;
      offset = skipSubBlocks(bytes, offset + 2);
    } else if (block === 0x2c) {
      if (++images > 1) return true;
      const local = bytes[offset + 9] ?? 0;
      offset += 10 + (local & 0x80 ? 3 * 2 ** ((local & 0x07) + 1) : 0);
      offset = skipSubBlocks(bytes, offset + 1);
    } else {
      return false;
    }
  }
  return false;
}

export function isAnimated(format: ImageFormat, bytes: Uint8Array): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (format === 'png') return pngIsAnimated(bytes, view);
  if (format === 'gif') return gifIsAnimated(bytes);
  // WebP: the VP8X chunk's flags carry an animation bit (0x02).
  if (format === 'webp') return ascii(bytes, 12, 4) === 'VP8X' && ((bytes[20] ?? 0) & 0x02) !== 0;
  return false;
}
