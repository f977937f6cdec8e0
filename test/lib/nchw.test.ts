import { describe, expect, it } from 'vitest';
import { elementCount, indexNCHW, positionNCHW } from '../../src/lib/nchw';

describe('NCHW positions', () => {
  it('indexes row-major: shape [2,3,4,5], element (1,2,3,4) → ((1·3+2)·4+3)·5+4 = 119', () => {
    expect(indexNCHW([2, 3, 4, 5], 1, 2, 3, 4)).toBe(119);
    expect(indexNCHW([2, 3, 4, 5], 0, 0, 0, 0)).toBe(0);
    expect(indexNCHW([2, 3, 4, 5], 0, 1, 0, 0)).toBe(20);
  });

  it('finds the position of an index: 119 → (1,2,3,4), 20 → (0,1,0,0), 27 → (0,1,1,2)', () => {
    expect(positionNCHW([2, 3, 4, 5], 119)).toEqual([1, 2, 3, 4]);
    expect(positionNCHW([2, 3, 4, 5], 20)).toEqual([0, 1, 0, 0]);
    expect(positionNCHW([2, 3, 4, 5], 27)).toEqual([0, 1, 1, 2]);
  });

  it('visits every index once, in the order of four nested loops', () => {
    const shape = [2, 3, 4, 5] as const;
    expect(elementCount(shape)).toBe(120);
    let expected = 0;
    for (let n = 0; n < 2; n++)
      for (let c = 0; c < 3; c++)
        for (let h = 0; h < 4; h++)
          for (let w = 0; w < 5; w++) {
            expect(indexNCHW(shape, n, c, h, w)).toBe(expected);
            expect(positionNCHW(shape, expected)).toEqual([n, c, h, w]);
            expected += 1;
          }
  });
});
