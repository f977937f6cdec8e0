/**
 * Training images for the project's own style-based generator: DiceBear "Lorelei" faces (art CC0 1.0 by
 * Lisa Wischofsky, code MIT; see training/DATA.md), rendered with resvg and written as one uint8 .npy
 * array [N, size, size, 3] (RGB), and each image's skin tone (an index into SKIN_COLORS) as uint8 [N] in
 * `<out>-skin.npy`, for measures per skin tone. Deterministic: the same arguments give the same bytes on every machine.
 *
 * Coarse factors (head shape, hair style, eyes, mouth, glasses/beard/accessories, pose: flip, tilt, shift,
 * zoom) and fine ones (skin, hair and background colours) are drawn independently, so the generator's
 * coarse and fine styles have something separate to learn.
 *
 *   npx tsx scripts/faces-dataset.ts [--count 40000] [--size 32] [--seed 20261123] [--out training/data/faces-32.npy]
 */
import { createAvatar } from '@dicebear/core';
import { lorelei } from '@dicebear/collection';
import { Resvg } from '@resvg/resvg-js';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { mulberry32 } from '../src/lib/rng';

/** DiceBear's Lorelei skin tones, in the order the data set draws from; `<out>-skin.npy` stores indices into it. */
export const SKIN_COLORS = ['ffdbb4', 'f2d3b1', 'edb98a', 'd08b5b', 'ae5d29', '8d5524', '694d3d', 'f9c9b6'];
const HAIR_COLORS = ['2c1b18', '4a312c', '724133', 'a55728', 'b58143', 'd6b370', 'e8e1e1', 'c93305', '6a4c93', '3b7dd8', 'e05a9c'];
const BACKGROUND_COLORS = ['b6e3f4', 'c0aede', 'd1d4f9', 'ffd5dc', 'ffdfbf', 'c1f0c1', 'f4f1bb', 'a0c4ff', 'fdffb6', 'bdb2ff', '9bf6ff', 'ffc6ff'];

function pickIndex(uniform: () => number, count: number): number {
  return Math.floor(uniform() * count);
}

function pick<T>(uniform: () => number, items: readonly T[]): T {
  return items[pickIndex(uniform, items.length)] as T;
}

function integerBetween(uniform: () => number, low: number, high: number): number {
  return low + Math.floor(uniform() * (high - low + 1));
}

/**
 * One face as SVG and its skin tone (an index into SKIN_COLORS); DiceBear picks the part shapes from `seed`,
 * we pick pose and colours from `uniform`, in this order (the order fixes the data set's bytes).
 */
function drawFace(index: number, uniform: () => number): { svg: string; skin: number } {
  const flip = uniform() < 0.5;
  const rotate = (integerBetween(uniform, -12, 12) + 360) % 360;
  const scale = integerBetween(uniform, 85, 110);
  const translateX = integerBetween(uniform, -6, 6);
  const translateY = integerBetween(uniform, -4, 8);
  const skin = pickIndex(uniform, SKIN_COLORS.length);
  const svg = createAvatar(lorelei, {
    seed: `adain-notebook-face-${index}`,
    flip,
    rotate,
    scale,
    translateX,
    translateY,
    skinColor: [SKIN_COLORS[skin]!],
    hairColor: [pick(uniform, HAIR_COLORS)],
    backgroundColor: [pick(uniform, BACKGROUND_COLORS)],
    backgroundType: ['solid'],
  }).toString();
  return { svg, skin };
}

/** RGBA from resvg, composited over white (the background is opaque anyway) to RGB. */
function renderRgb(svg: string, size: number): Uint8Array {
  const rendered = new Resvg(svg, { fitTo: { mode: 'width', value: size }, background: 'white' }).render();
  if (rendered.width !== size || rendered.height !== size) {
    throw new Error(`rendered ${rendered.width}×${rendered.height}, expected ${size}×${size}`);
  }
  const rgba = rendered.pixels;
  const rgb = new Uint8Array(size * size * 3);
  for (let p = 0; p < size * size; p++) {
    rgb[3 * p] = rgba[4 * p] ?? 0;
    rgb[3 * p + 1] = rgba[4 * p + 1] ?? 0;
    rgb[3 * p + 2] = rgba[4 * p + 2] ?? 0;
  }
  return rgb;
}

/** NumPy .npy v1.0 header for a C-ordered uint8 array, padded to a multiple of 64 bytes. */
function npyHeader(shape: readonly number[]): Uint8Array {
  const tuple = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  const dict = `{'descr': '|u1', 'fortran_order': False, 'shape': ${tuple}, }`;
  const unpadded = 10 + dict.length + 1;
  const text = dict + ' '.repeat((64 - (unpadded % 64)) % 64) + '\n';
  const header = new Uint8Array(10 + text.length);
  header.set([0x93, ...Buffer.from('NUMPY'), 1, 0]);
  new DataView(header.buffer).setUint16(8, text.length, true);
  header.set(Buffer.from(text, 'latin1'), 10);
  return header;
}

function main(): void {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '40000' },
      size: { type: 'string', default: '32' },
      seed: { type: 'string', default: '20261123' },
      out: { type: 'string' },
    },
  });
  const count = Number(values.count);
  const size = Number(values.size);
  const out = values.out ?? `training/data/faces-${size}.npy`;
  const uniform = mulberry32(Number(values.seed));
  const header = npyHeader([count, size, size, 3]);
  const file = new Uint8Array(header.length + count * size * size * 3);
  file.set(header);
  const skinHeader = npyHeader([count]);
  const skinFile = new Uint8Array(skinHeader.length + count);
  skinFile.set(skinHeader);
  const started = Date.now();
  for (let i = 0; i < count; i++) {
    const { svg, skin } = drawFace(i, uniform);
    file.set(renderRgb(svg, size), header.length + i * size * size * 3);
    skinFile[skinHeader.length + i] = skin;
    if ((i + 1) % 5000 === 0) console.log(`${i + 1}/${count} faces, ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, file);
  const skinOut = skinLabelsPath(out);
  writeFileSync(skinOut, skinFile);
  console.log(`wrote ${out}: [${count}, ${size}, ${size}, 3] uint8, and ${skinOut}: [${count}] uint8 skin-tone indices`);
}

/** Where the skin-tone indices of the images in `imagesPath` are written: `faces-32.npy` → `faces-32-skin.npy`. */
export function skinLabelsPath(imagesPath: string): string {
  return imagesPath.replace(/\.npy$/, '') + '-skin.npy';
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
