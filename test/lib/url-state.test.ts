import { describe, expect, test } from 'vitest';
import { defaultBlockState, readBlockParams } from '../../src/lib/block-state';
import { defaultLabState, readLabParams } from '../../src/lib/lab-state';
import { readMixingParams } from '../../src/lib/mixing-state';
import { mulberry32 } from '../../src/lib/rng';
import { readStyleLabParams } from '../../src/lib/style-lab-state';
import {
  choiceField,
  flagField,
  flagsField,
  listField,
  numberField,
  readUrlState,
  wholeNumberField,
  writeUrlState,
  type UrlCodec,
} from '../../src/lib/url-state';

interface Example {
  count: number;
  scale: number;
  mode: 'a' | 'b';
  on: boolean;
  layers: boolean[];
  values: number[];
}

const codec: UrlCodec<Example> = {
  count: wholeNumberField('count', 1, 9),
  scale: numberField('scale', (value) => Math.min(2, Math.max(0, value))),
  mode: choiceField('mode', ['a', 'b'] as const),
  on: flagField('on'),
  layers: flagsField('layers', 3, 'r', 'c'),
  values: listField('values', '_', numberField(''), 2),
};
const defaults: Example = { count: 3, scale: 1, mode: 'a', on: false, layers: [true, false, false], values: [0, 0] };

describe('the URL-state codec', () => {
  test('writes each declared field under its key and reads it back, keeping other keys', () => {
    const state: Example = { count: 7, scale: 0.1 + 0.2, mode: 'b', on: true, layers: [false, true, true], values: [1e-7, -2.5] };
    const params = writeUrlState(codec, state, new URLSearchParams('backend=wasm'));
    expect(params.toString()).toBe('backend=wasm&count=7&scale=0.30000000000000004&mode=b&on=1&layers=crr&values=1e-7_-2.5');
    expect(readUrlState(codec, new URLSearchParams(params.toString()), defaults)).toEqual(state);
  });

  test.each([
    ['count=0', 'count'],
    ['count=1.5', 'count'],
    ['count=', 'count'],
    ['count=+3', 'count'],
    ['scale=', 'scale'],
    ['scale=NaN', 'scale'],
    ['mode=c', 'mode'],
    ['on=yes', 'on'],
    ['layers=rr', 'layers'],
    ['layers=rrx', 'layers'],
    ['values=1', 'values'],
    ['values=1_x', 'values'],
  ] as const)('%s falls back to the default', (query, name) => {
    expect(readUrlState(codec, new URLSearchParams(query), defaults)[name]).toEqual(defaults[name]);
  });

  test('clamps through the field, e.g. scale=9 → 2', () => {
    expect(readUrlState(codec, new URLSearchParams('scale=9'), defaults).scale).toBe(2);
  });

  test('the four labs read any query without throwing', () => {
    const random = mulberry32(7);
    const keys = [
      'shape',
      'seed',
      'cell',
      'gamma',
      'edits',
      'eps',
      'rows',
      'cols',
      'layers',
      'psi',
      'strength',
      'noise',
      'styles',
      'alpha',
      'size',
      'mask',
      'block-layer',
      'block-psi',
    ];
    const pieces = ['', '0', '-1', '1e400', 'NaN', 'x', '_', '~', ',', ':', '3x3x3x3', '1_2_3_4', '2~5', 'brick:1', 'rrrrcccc', '9999999999999999999'];
    for (let i = 0; i < 500; i++) {
      const params = new URLSearchParams();
      for (const key of keys)
        if (random() < 0.5) params.set(key, Array.from({ length: 1 + Math.floor(random() * 3) }, () => pieces[Math.floor(random() * pieces.length)]).join(''));
      expect(() => {
        readLabParams(params, defaultLabState());
        readMixingParams(params);
        readBlockParams(params, defaultBlockState());
        readStyleLabParams(params);
      }).not.toThrow();
    }
  });
});
