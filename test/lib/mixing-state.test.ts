import { describe, expect, test } from 'vitest';
import {
  batchIndex,
  clampPsi,
  crossoverLayers,
  crossoverOf,
  defaultMixingState,
  gridLayout,
  moveSelection,
  parseSeeds,
  presetLayers,
  presetOf,
  readMixingParams,
  writeMixingParams,
} from '../../src/lib/mixing-state';

describe('layers', () => {
  test('presets take one band from the row', () => {
    expect(presetLayers('coarse')).toEqual([true, true, true, true, false, false, false, false]);
    expect(presetLayers('middle')).toEqual([false, false, false, false, true, true, false, false]);
    expect(presetLayers('fine')).toEqual([false, false, false, false, false, false, true, true]);
    expect(presetOf(presetLayers('middle'))).toBe('middle');
    expect(presetOf(crossoverLayers(3))).toBeNull();
  });

  test('crossover k: row before k, column from k on; and back', () => {
    expect(crossoverLayers(3)).toEqual([true, true, true, false, false, false, false, false]);
    for (let k = 0; k <= 8; k++) expect(crossoverOf(crossoverLayers(k))).toBe(k);
    // The coarse preset is crossover 4; the middle one is no single crossover.
    expect(crossoverOf(presetLayers('coarse'))).toBe(4);
    expect(crossoverOf(presetLayers('middle'))).toBeNull();
    expect(() => crossoverLayers(9)).toThrow(RangeError);
  });
});

describe('seeds', () => {
  test('commas or spaces, up to six whole numbers', () => {
    expect(parseSeeds(' 3, 14 15,')).toEqual({ ok: true, value: [3, 14, 15] });
    expect(parseSeeds('0 2147483647')).toEqual({ ok: true, value: [0, 2147483647] });
  });

  test.each([
    ['', { kind: 'none' }],
    ['1,2,3,4,5,6,7', { kind: 'too-many', max: 6 }],
    ['1.5', { kind: 'not-a-seed', text: '1.5', limit: 2147483647 }],
    ['-2', { kind: 'not-a-seed', text: '-2', limit: 2147483647 }],
    ['x', { kind: 'not-a-seed', text: 'x', limit: 2147483647 }],
    ['2147483648', { kind: 'not-a-seed', text: '2147483648', limit: 2147483647 }],
  ])('rejects %j and says why', (text, problem) => {
    expect(parseSeeds(text)).toEqual({ ok: false, problem });
  });
});

describe('URL', () => {
  test('round trip of a changed state', () => {
    const state = {
      ...defaultMixingState(),
      rowSeeds: [5, 9],
      columnSeeds: [1, 2, 3],
      fromRow: presetLayers('fine'),
      psi: 0.35,
      noiseSeed: 77,
      noiseEnabled: [true, false, true, true, false, true, true, false],
      noiseStrength: [1, 0, 2.5, 1, 1, 0.3, 3, 1],
      selected: [1, 2] as [number, number],
    };
    const params = writeMixingParams(state, new URLSearchParams('backend=wasm'));
    expect(params.get('backend')).toBe('wasm');
    expect(params.get('layers')).toBe('ccccccrr');
    expect(readMixingParams(params)).toEqual(state);
  });

  test('malformed values fall back to the defaults; ψ and strength are clamped; the cell stays in the grid', () => {
    const defaults = defaultMixingState();
    const state = readMixingParams(new URLSearchParams('rows=1,x&cols=4&layers=rrr&psi=9&strength=9,0,0,0,0,0,0,-1&noise=10&cell=5,5&noise-seed=-3'));
    expect(state.rowSeeds).toEqual(defaults.rowSeeds);
    expect(state.columnSeeds).toEqual([4]);
    expect(state.fromRow).toEqual(defaults.fromRow);
    expect(state.psi).toBe(1.5);
    expect(state.noiseStrength).toEqual([3, 0, 0, 0, 0, 0, 0, 0]);
    expect(state.noiseEnabled).toEqual(defaults.noiseEnabled);
    expect(state.noiseSeed).toBe(defaults.noiseSeed);
    expect(state.selected).toEqual([5, 0]);
  });

  test('ψ snaps to its 0.05 steps', () => {
    expect(clampPsi(0.73)).toBe(0.75);
    expect(clampPsi(-1)).toBe(0);
  });
});

describe('grid', () => {
  test('batch order: mixes row-major, then the row sources, then the column sources', () => {
    const state = { rowSeeds: [1, 2], columnSeeds: [3, 4, 5] };
    expect(batchIndex(state, { kind: 'mix', row: 1, column: 2 })).toBe(5);
    expect(batchIndex(state, { kind: 'row', row: 1 })).toBe(7);
    expect(batchIndex(state, { kind: 'column', column: 0 })).toBe(8);
  });

  test('layout: sources along the top and left, a wider gap after them', () => {
    // 2 rows × 3 columns of 10-pixel images with 2-pixel gaps: mixes start at 10 + 3·2 = 16, step 12.
    const layout = gridLayout(2, 3, 10, 2);
    expect(layout.width).toBe(16 + 3 * 12 - 2);
    expect(layout.height).toBe(16 + 2 * 12 - 2);
    expect(layout.positions[batchIndex({ rowSeeds: [1, 2], columnSeeds: [3, 4, 5] }, { kind: 'mix', row: 1, column: 2 })]).toEqual({ x: 40, y: 28 });
    expect(layout.positions[6]).toEqual({ x: 0, y: 16 });
    expect(layout.positions[10]).toEqual({ x: 40, y: 0 });
    expect(layout.positions).toHaveLength(6 + 2 + 3);
  });

  test('arrow keys move the selection and stop at the edges', () => {
    expect(moveSelection([0, 0], 'ArrowRight', 2, 3)).toEqual([0, 1]);
    expect(moveSelection([0, 0], 'ArrowUp', 2, 3)).toEqual([0, 0]);
    expect(moveSelection([1, 2], 'ArrowDown', 2, 3)).toEqual([1, 2]);
    expect(moveSelection([1, 2], 'Enter', 2, 3)).toEqual([1, 2]);
  });
});
