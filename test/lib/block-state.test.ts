import { describe, expect, test } from 'vitest';
import { defaultBlockState, malformedBlockParams, readBlockParams, writeBlockParams } from '../../src/lib/block-state';

describe('block lab URL state', () => {
  test('a state survives a round trip through the URL, beside other keys', () => {
    const state = { seed: 2147483647, psi: 0.35, layer: 7, noise: false, channel: 31 };
    const params = writeBlockParams(state, new URLSearchParams('backend=wasm&rows=1,2'));
    expect(params.get('backend')).toBe('wasm');
    expect(params.get('rows')).toBe('1,2');
    expect(params.toString()).toContain('block-seed=2147483647');
    expect(readBlockParams(new URLSearchParams(params.toString()))).toEqual(state);
  });

  test('missing or malformed values keep the defaults; ψ is clamped to its slider', () => {
    const defaults = defaultBlockState();
    expect(readBlockParams(new URLSearchParams(''))).toEqual(defaults);
    const bad = readBlockParams(new URLSearchParams('block-seed=-4&block-layer=8&block-noise=yes&block-channel=1.5&block-psi=NaN'));
    expect(bad).toEqual(defaults);
    expect(readBlockParams(new URLSearchParams('block-seed=2147483648')).seed).toBe(defaults.seed);
    expect(readBlockParams(new URLSearchParams('block-psi=9')).psi).toBe(1.5);
    expect(readBlockParams(new URLSearchParams('block-psi=0.33')).psi).toBe(0.35);
    expect(readBlockParams(new URLSearchParams('block-layer=0&block-noise=0')).layer).toBe(0);
  });
});

describe('malformed values in the address', () => {
  test('names the keys whose values the block cannot read, and only those', () => {
    const params = new URLSearchParams('block-seed=abc&block-psi=0.7&block-layer=99&block-noise=1&block-channel=-1&backend=wasm');
    expect(malformedBlockParams(params).sort()).toEqual(['block-channel', 'block-layer', 'block-seed']);
    expect(malformedBlockParams(new URLSearchParams('block-seed=12&block-layer=3'))).toEqual([]);
  });
});
