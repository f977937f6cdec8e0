import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { isAnimated } from '../../src/lib/image-animation';
import { readImageHeader } from '../../src/lib/image-size';

/** Files laid out by hand after the GIF89a, PNG/APNG and WebP container specifications. */
function bytes(...parts: Array<readonly number[] | string>): Uint8Array {
  const out: number[] = [];
  for (const part of parts) out.push(...(typeof part === 'string' ? Array.from(part, (c) => c.charCodeAt(0)) : part));
  return Uint8Array.from(out);
}
const u32be = (v: number) => [(v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255];
const u16le = (v: number) => [v & 255, (v >>> 8) & 255];

// GIF: header, 2×2 screen with a 2-colour global table, then blocks.
const gifStart = ['GIF89a', u16le(2), u16le(2), [0x80, 0, 0], [0, 0, 0, 255, 255, 255]] as const;
const graphicControl = [0x21, 0xf9, 4, 0, 10, 0, 0, 0];
const frame = [0x2c, ...u16le(0), ...u16le(0), ...u16le(2), ...u16le(2), 0, 2, 2, 0x44, 0x01, 0];
const loop = [0x21, 0xff, 11, ...Array.from('NETSCAPE2.0', (c) => c.charCodeAt(0)), 3, 1, 0, 0, 0];
const trailer = [0x3b];

function pngChunk(type: string, data: number[]): number[] {
  return [...u32be(data.length), ...Array.from(type, (c) => c.charCodeAt(0)), ...data, 0, 0, 0, 0];
}
const pngSignature = [0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10];
const ihdr = pngChunk('IHDR', [...u32be(2), ...u32be(2), 8, 6, 0, 0, 0]);

describe('isAnimated', () => {
  test('GIF: one frame is still; two frames, or a looping extension, are animated', () => {
    expect(isAnimated('gif', bytes(...gifStart, graphicControl, frame, trailer))).toBe(false);
    expect(isAnimated('gif', bytes(...gifStart, graphicControl, frame, graphicControl, frame, trailer))).toBe(true);
    expect(isAnimated('gif', bytes(...gifStart, loop, graphicControl, frame, trailer))).toBe(true);
  });

  test('PNG: an acTL chunk before the image data makes an APNG', () => {
    const idat = pngChunk('IDAT', [1, 2, 3]);
    expect(isAnimated('png', bytes(pngSignature, ihdr, idat))).toBe(false);
    expect(isAnimated('png', bytes(pngSignature, ihdr, pngChunk('acTL', [...u32be(2), ...u32be(0)]), idat))).toBe(true);
  });

  test('WebP: the VP8X animation flag', () => {
    const vp8x = (flags: number) => bytes('RIFF', [0, 0, 0, 0], 'WEBP', 'VP8X', [10, 0, 0, 0], [flags, 0, 0, 0], [1, 0, 0], [1, 0, 0]);
    expect(isAnimated('webp', vp8x(0x02))).toBe(true);
    expect(isAnimated('webp', vp8x(0x10))).toBe(false);
  });

  test("the site's own still pictures are not animated", async () => {
    const file = new Uint8Array(await readFile(resolve(import.meta.dirname, '../../public/images/chelsea.png')));
    const header = readImageHeader(file);
    expect(header?.format).toBe('png');
    expect(isAnimated(header!.format, file)).toBe(false);
  });
});
