import { describe, expect, it } from 'vitest';
import { indexNCHW } from '../../src/lib/nchw';
import {
  contentValues,
  defaultLabState,
  groupCountOptions,
  channelsPerGroup,
  groupLabel,
  groupOfCell,
  moveCell,
  parseCellValue,
  parseEpsilon,
  pictureValues,
  readLabParams,
  reshape,
  styleValues,
  syntheticValues,
  writeLabParams,
  type LabState,
  type RgbPicture,
} from '../../src/lib/lab-state';

function roundTrip(state: LabState): LabState {
  const params = new URLSearchParams('backend=wasm');
  writeLabParams(state, params);
  // Through a real URL string, as a shared link travels.
  const url = new URL(`https://example.org/lessons/normalisation/?${params.toString()}`);
  return readLabParams(url.searchParams, defaultLabState());
}

describe('lab state in the URL', () => {
  it('round-trips every field exactly, including awkward doubles, and keeps other parameters', () => {
    const state: LabState = {
      ...defaultLabState(),
      shape: [3, 4, 2, 5],
      preset: 'outlier',
      seed: 4_000_000_000,
      method: 'group',
      groups: 2,
      gamma: [0.1 + 0.2, -1.5, 1e-7, 3],
      beta: [0, 2.25, -1e5, 1 / 3],
      epsilon: 0.001,
      edits: new Map([
        [0, 1 / 3],
        [7, 1e-9],
        [119, -123456.789],
      ]),
      styleEdits: new Map([[5, 42]]),
      selected: [2, 3, 1, 4],
    };
    const params = new URLSearchParams('backend=wasm');
    writeLabParams(state, params);
    expect(params.get('backend')).toBe('wasm');
    expect(roundTrip(state)).toEqual(state);
  });

  it('falls back to defaults for malformed or out-of-range parameters', () => {
    const defaults = defaultLabState();
    const params = new URLSearchParams('shape=9x0xfoo&preset=zebra&method=magic&groups=3&eps=-1&seed=-4&gamma=a_b&edits=999~1_x~2_3~NaN_4~1e40&cell=1_2');
    const state = readLabParams(params, defaults);
    expect(state.shape).toEqual([2, 3, 3, 3]);
    expect(state.preset).toBe('random');
    expect(state.method).toBe('instance');
    expect(state.groups).toBe(3);
    expect(state.epsilon).toBe(1e-5);
    expect(state.seed).toBe(1);
    expect(state.gamma).toEqual([1, 1, 1]);
    expect(state.edits.size).toBe(0);
    expect(state.selected).toEqual([0, 0, 0, 0]);
  });

  it('snaps a group count to a divisor of C and clamps the selected cell into the shape', () => {
    const state = readLabParams(new URLSearchParams('shape=1x4x2x2&method=group&groups=3&cell=5_9_9_9'), defaultLabState());
    expect(state.groups).toBe(2);
    expect(state.selected).toEqual([0, 3, 1, 1]);
  });
});

describe('reading typed numbers', () => {
  it.each([
    ['3.25', 3.25],
    [' -2 ', -2],
    ['\u22121.5', -1.5],
    ['1e3', 1000],
    ['+.5', 0.5],
    ['7.', 7],
    ['2.5E-2', 0.025],
  ])('accepts %j', (text, value) => {
    expect(parseCellValue(text)).toEqual({ ok: true, value });
  });

  it.each([
    ['', { kind: 'empty' }],
    ['abc', { kind: 'not-a-number', text: 'abc' }],
    ['NaN', { kind: 'not-a-number', text: 'NaN' }],
    ['Infinity', { kind: 'infinite' }],
    ['-Infinity', { kind: 'infinite' }],
    ['1e40', { kind: 'too-large', text: '1e40', limit: 1e6 }],
    ['1e400', { kind: 'too-large', text: '1e400', limit: 1e6 }],
    ['0x10', { kind: 'not-a-number', text: '0x10' }],
    ['0b11', { kind: 'not-a-number', text: '0b11' }],
    ['1_000', { kind: 'not-a-number', text: '1_000' }],
  ])('rejects %j and says why', (text, problem) => {
    expect(parseCellValue(text)).toEqual({ ok: false, problem });
  });

  it('wants 1e-12 ≤ ε ≤ 10', () => {
    for (const value of [0, 1e-13, -1, 11, 1e20]) {
      expect(parseEpsilon(String(value)), String(value)).toEqual({ ok: false, problem: { kind: 'epsilon-outside', value, min: 1e-12, max: 10 } });
    }
    expect(parseEpsilon('1e-12')).toEqual({ ok: true, value: 1e-12 });
    expect(parseEpsilon('10')).toEqual({ ok: true, value: 10 });
    expect(parseEpsilon('1e-5')).toEqual({ ok: true, value: 1e-5 });
  });
});

describe('cells and groups', () => {
  it('moves across channel blocks and down across samples, stopping at the edges', () => {
    const shape = [2, 2, 3, 3] as const;
    expect(moveCell(shape, [0, 0, 0, 2], 0, 1)).toEqual([0, 1, 0, 0]);
    expect(moveCell(shape, [0, 1, 2, 0], 1, 0)).toEqual([1, 1, 0, 0]);
    expect(moveCell(shape, [0, 0, 0, 0], -1, -1)).toEqual([0, 0, 0, 0]);
    expect(moveCell(shape, [1, 1, 2, 2], 1, 1)).toEqual([1, 1, 2, 2]);
  });

  it('lists divisors of C as group counts and labels groups by the samples and channels they span', () => {
    expect(groupCountOptions(4)).toEqual([1, 2, 4]);
    expect(groupCountOptions(3)).toEqual([1, 3]);
    const base = { ...defaultLabState(), shape: [2, 4, 2, 2] as const };
    expect(groupLabel({ ...base, method: 'batch' }, 1, 'all')).toBe('all n · c1');
    expect(groupLabel({ ...base, method: 'instance' }, 5, 'all')).toBe('n1 · c1');
    expect(groupLabel({ ...base, method: 'layer' }, 0, '全部')).toBe('n0 · 全部 c');
    expect(groupLabel({ ...base, method: 'group', groups: 2 }, 3, 'all')).toBe('n1 · c2–3');
    expect(channelsPerGroup({ ...base, method: 'group', groups: 2 })).toBe(2);
    expect(channelsPerGroup({ ...base, method: 'group', groups: 4 })).toBe(1);
    expect(groupOfCell({ ...base, method: 'adain' }, [1, 2, 0, 0])).toBe(6);
  });

  it('keeps γ, β of the channels that remain when the shape changes', () => {
    const state = { ...defaultLabState(), gamma: [2, 3, 4], beta: [5, 6, 7], edits: new Map([[1, 9]]), selected: [1, 2, 2, 2] as const };
    const reshaped = reshape(state, [1, 2, 2, 2]);
    expect(reshaped.gamma).toEqual([2, 3]);
    expect(reshaped.beta).toEqual([5, 6]);
    expect(reshaped.edits.size).toBe(0);
    expect(reshaped.selected).toEqual([0, 1, 1, 1]);
    expect(reshape(state, [1, 4, 2, 2]).gamma).toEqual([2, 3, 4, 1]);
  });
});

describe('preset tensors', () => {
  it('are the same for the same seed, different for another, and have two decimals', () => {
    const a = syntheticValues([2, 3, 4, 4], 'random', 7);
    expect(syntheticValues([2, 3, 4, 4], 'random', 7)).toEqual(a);
    expect(syntheticValues([2, 3, 4, 4], 'random', 8)).not.toEqual(a);
    for (const value of a) expect(Math.round(value * 100) / 100).toBe(value);
  });

  it('"constant" holds channel 0 at one value in every sample; "outlier" has one 50', () => {
    const shape = [2, 2, 3, 3] as const;
    const constant = syntheticValues(shape, 'constant', 3);
    for (let n = 0; n < 2; n++) for (let i = 0; i < 9; i++) expect(constant[indexNCHW(shape, n, 0, Math.floor(i / 3), i % 3)]).toBe(2);
    const outlier = syntheticValues(shape, 'outlier', 3);
    expect(outlier.filter((v) => v === 50)).toHaveLength(1);
    expect(outlier[indexNCHW(shape, 0, 0, 1, 1)]).toBe(50);
  });

  it('"image" reads R, G, B (and grey) of picture n into sample n, scaled to 0–1', () => {
    const solid = (r: number, g: number, b: number): RgbPicture => ({
      width: 16,
      height: 16,
      rgb: Uint8Array.from({ length: 16 * 16 * 3 }, (_, i) => [r, g, b][i % 3]!),
    });
    const values = pictureValues([2, 4, 2, 2], 1, [solid(255, 0, 51), solid(0, 102, 0)]);
    expect(Array.from(values.slice(0, 16))).toEqual([1, 1, 1, 1, 0, 0, 0, 0, 0.2, 0.2, 0.2, 0.2, 0.32, 0.32, 0.32, 0.32]);
    expect(values[indexNCHW([2, 4, 2, 2], 1, 1, 0, 0)]).toBe(0.4);
  });

  it('applies edits over the preset, and gives AdaIN a different style tensor', () => {
    const state = { ...defaultLabState(), edits: new Map([[4, 12.5]]) };
    const content = contentValues(state);
    expect(content[4]).toBe(12.5);
    expect(content[3]).toBe(syntheticValues(state.shape, 'random', state.seed)[3]);
    expect(styleValues(state)).not.toEqual(content);
    expect(styleValues({ ...state, styleEdits: new Map([[0, -3]]) })[0]).toBe(-3);
  });
});
