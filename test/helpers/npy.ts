import { readFileSync } from 'node:fs';

/** A NumPy .npy array (format versions 1–3, C order, little-endian float32 or uint8). */
export interface NpyArray {
  shape: number[];
  data: Float32Array | Uint8Array;
}

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // "\x93NUMPY"

export function parseNpy(bytes: Uint8Array): NpyArray {
  if (!MAGIC.every((b, i) => bytes[i] === b)) throw new Error('not a .npy file');
  const major = bytes[6]!;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const headerStart = major === 1 ? 10 : 12;
  const header = new TextDecoder().decode(bytes.subarray(headerStart, headerStart + headerLength));
  const descr = /'descr':\s*'([^']+)'/.exec(header)?.[1];
  const fortran = /'fortran_order':\s*(True|False)/.exec(header)?.[1];
  const shapeText = /'shape':\s*\(([^)]*)\)/.exec(header)?.[1];
  if (descr === undefined || fortran === undefined || shapeText === undefined) throw new Error(`unreadable .npy header: ${header}`);
  if (fortran === 'True') throw new Error('Fortran-order .npy arrays are not supported');
  const shape = shapeText
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .map(Number);
  const count = shape.reduce((a, b) => a * b, 1);
  const body = bytes.slice(headerStart + headerLength);
  if (descr === '<f4') {
    if (body.byteLength !== count * 4) throw new Error(`.npy body holds ${body.byteLength} bytes, shape needs ${count * 4}`);
    return { shape, data: new Float32Array(body.buffer, 0, count) };
  }
  if (descr === '|u1') {
    if (body.byteLength !== count) throw new Error(`.npy body holds ${body.byteLength} bytes, shape needs ${count}`);
    return { shape, data: body };
  }
  throw new Error(`unsupported .npy dtype ${descr}`);
}

export function readNpy(path: string): NpyArray {
  return parseNpy(new Uint8Array(readFileSync(path)));
}
