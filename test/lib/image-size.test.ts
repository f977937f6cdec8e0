import { describe, expect, test } from 'vitest';
import {
  DECODE_CAP,
  fitWithinCap,
  isSmallImage,
  largestSideForDevice,
  megapixels,
  modelInputSize,
  peakActivationBytes,
  readImageHeader,
  roundToMultiple,
} from '../../src/lib/image-size';

function bytes(...parts: Array<number[] | string>): Uint8Array {
  const out: number[] = [];
  for (const part of parts) out.push(...(typeof part === 'string' ? Array.from(part, (c) => c.charCodeAt(0)) : part));
  return Uint8Array.from(out);
}
const u32be = (v: number) => [(v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255];
const u16be = (v: number) => [(v >>> 8) & 255, v & 255];
const u16le = (v: number) => [v & 255, (v >>> 8) & 255];
const u32le = (v: number) => [v & 255, (v >>> 8) & 255, (v >>> 16) & 255, (v >>> 24) & 255];

describe('readImageHeader', () => {
  test('PNG: size from IHDR', () => {
    const png = bytes([0x89], 'PNG', [13, 10, 26, 10], u32be(13), 'IHDR', u32be(10000), u32be(7500), [8, 6, 0, 0, 0]);
    expect(readImageHeader(png)).toEqual({ format: 'png', width: 10000, height: 7500 });
  });

  test('JPEG: size from the frame header after an APP segment', () => {
    const app0 = [0xff, 0xe0, ...u16be(16), ...'JFIF'.split('').map((c) => c.charCodeAt(0)), 0, 1, 1, 0, 0, 1, 0, 1, 0, 0];
    const sof2 = [0xff, 0xc2, ...u16be(17), 8, ...u16be(427), ...u16be(640), 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
    expect(readImageHeader(bytes([0xff, 0xd8], app0, sof2))).toEqual({ format: 'jpeg', width: 640, height: 427 });
  });

  test('GIF, WebP (lossless) and BMP', () => {
    expect(readImageHeader(bytes('GIF89a', u16le(320), u16le(200), [0, 0, 0, 0]))).toEqual({ format: 'gif', width: 320, height: 200 });
    const bits = (300 - 1) | ((150 - 1) << 14);
    expect(readImageHeader(bytes('RIFF', u32le(100), 'WEBP', 'VP8L', u32le(80), [0x2f], u32le(bits)))).toEqual({ format: 'webp', width: 300, height: 150 });
    const bmp = bytes('BM', new Array(16).fill(0), u32le(64), u32le(-32 >>> 0), [0, 0]);
    expect(readImageHeader(bmp)).toEqual({ format: 'bmp', width: 64, height: 32 });
  });

  test('text, an empty file and a truncated PNG are not images', () => {
    expect(readImageHeader(new TextEncoder().encode('hello, this is not an image'))).toBeUndefined();
    expect(readImageHeader(new Uint8Array(0))).toBeUndefined();
    expect(readImageHeader(bytes([0x89], 'PNG', [13, 10, 26, 10]))).toBeUndefined();
  });
});

describe('sizes for the models', () => {
  test('roundToMultiple gives multiples of 8, never 0', () => {
    expect(roundToMultiple(13)).toBe(16);
    expect(roundToMultiple(11.9)).toBe(8);
    expect(roundToMultiple(2)).toBe(8);
  });

  test('modelInputSize brings the longer side to the target and keeps the aspect within rounding', () => {
    expect(modelInputSize({ width: 451, height: 300 }, 256)).toEqual({ width: 256, height: 168 });
    expect(modelInputSize({ width: 427, height: 640 }, 512)).toEqual({ width: 344, height: 512 });
    expect(modelInputSize({ width: 64, height: 64 }, 256)).toEqual({ width: 256, height: 256 });
    for (const [w, h] of [
      [1000, 3],
      [3, 1000],
      [777, 555],
    ] as const) {
      const size = modelInputSize({ width: w, height: h }, 512);
      expect(size.width % 8).toBe(0);
      expect(size.height % 8).toBe(0);
      expect(Math.max(size.width, size.height)).toBe(512);
    }
  });

  test('modelInputSize refuses an empty image', () => {
    expect(() => modelInputSize({ width: 0, height: 10 }, 256)).toThrow(RangeError);
  });

  test('fitWithinCap leaves small images alone and scales a 10,000² image to the cap', () => {
    expect(fitWithinCap({ width: 451, height: 300 })).toEqual({ width: 451, height: 300, downscaled: false });
    expect(fitWithinCap({ width: 10000, height: 10000 })).toEqual({ width: DECODE_CAP, height: DECODE_CAP, downscaled: true });
    expect(fitWithinCap({ width: 8000, height: 2000 }, 1000)).toEqual({ width: 1000, height: 250, downscaled: true });
  });

  test('an image is small below 32 pixels on its shorter side', () => {
    expect(isSmallImage({ width: 31, height: 500 })).toBe(true);
    expect(isSmallImage({ width: 500, height: 32 })).toBe(false);
  });

  test('megapixels are rounded to whole ones', () => {
    expect(megapixels({ width: 20000, height: 15000 })).toBe(300);
    expect(megapixels({ width: 3000, height: 2000 })).toBe(6);
  });
});

describe('largestSideForDevice', () => {
  test('peak activation bytes grow with the pixel count, VGG above mobile', () => {
    expect(peakActivationBytes(512 * 512, 'vgg')).toBe(512 * 512 * 192 * 4);
    expect(peakActivationBytes(512 * 512, 'mobile')).toBeLessThan(peakActivationBytes(512 * 512, 'vgg'));
  });

  test('more memory allows a larger side, never beyond the WebAssembly-safe cap', () => {
    expect(largestSideForDevice('vgg', 0.5)).toBe(256);
    expect(largestSideForDevice('vgg', 1)).toBe(512);
    expect(largestSideForDevice('vgg', 2)).toBe(768);
    expect(largestSideForDevice('vgg', 8)).toBe(1024);
    expect(largestSideForDevice('vgg', 64)).toBe(1024);
    expect(largestSideForDevice('vgg', undefined)).toBe(1024);
  });
});
