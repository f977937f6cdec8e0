import { describe, expect, test } from 'vitest';
import {
  colourDistance,
  colourHistograms,
  edgeDistance,
  greyscale,
  laplacianVariance,
  maxAbsDifference,
  meanPairwiseDistance,
  palette,
  paletteDistance,
  sobelMagnitude,
  type RgbImage,
} from '../../src/lib/image-metrics';

/** An RGB image whose three channels all hold the given grey values (row-major). */
function greyImage(width: number, height: number, values: number[]): RgbImage {
  return { width, height, data: values.flatMap((v) => [v, v, v]) };
}

describe('greyscale', () => {
  test('Rec. 601 weights', () => {
    const grey = greyscale({ width: 3, height: 1, data: [255, 0, 0, 0, 255, 0, 0, 0, 255] });
    expect(Array.from(grey)).toEqual([0.299 * 255, 0.587 * 255, 0.114 * 255]);
  });
});

describe('Sobel edges', () => {
  test('a vertical step: 40 on both sides of it, 0 away from it, the border repeating the edge pixels', () => {
    // Columns 0, 0, 10 on every row: gx = (10 + 2·10 + 10) − 0 = 40 where a neighbour crosses the step.
    const magnitude = sobelMagnitude([0, 0, 10, 0, 0, 10, 0, 0, 10], 3, 3);
    expect(Array.from(magnitude)).toEqual([0, 40, 40, 0, 40, 40, 0, 40, 40]);
  });

  test('a flat image has no edges', () => {
    expect(Array.from(sobelMagnitude(new Array(16).fill(7), 4, 4)).every((v) => v === 0)).toBe(true);
  });

  test('edge distance is the mean absolute difference of the magnitudes', () => {
    const flat = greyImage(3, 3, new Array(9).fill(0));
    const step = greyImage(3, 3, [0, 0, 10, 0, 0, 10, 0, 0, 10]);
    expect(edgeDistance(flat, step)).toBeCloseTo((6 * 40) / 9, 9);
    expect(edgeDistance(step, step)).toBe(0);
  });

  test('a uniform colour change moves no edge', () => {
    const step = greyImage(3, 3, [0, 0, 10, 0, 0, 10, 0, 0, 10]);
    const brighter = greyImage(3, 3, [50, 50, 60, 50, 50, 60, 50, 50, 60]);
    expect(edgeDistance(step, brighter)).toBeCloseTo(0, 9);
  });
});

describe('colour histograms', () => {
  test('16 bins of 16 values per channel, as fractions of the pixels', () => {
    const histograms = colourHistograms({ width: 2, height: 1, data: [0, 128, 255, 15, 16, 255] });
    const expected = new Array(48).fill(0);
    expected[0] = 1; // R: 0 and 15 both in bin 0
    expected[16 + 8] = 0.5; // G: 128 in bin 8
    expected[16 + 1] = 0.5; // G: 16 in bin 1
    expected[32 + 15] = 1; // B: 255 in the last bin
    expect(Array.from(histograms)).toEqual(expected);
  });

  test('distance: 0 for the same colours in another arrangement, 2 for disjoint colours', () => {
    const a = { width: 2, height: 1, data: [0, 0, 0, 255, 255, 255] };
    const swapped = { width: 2, height: 1, data: [255, 255, 255, 0, 0, 0] };
    const black = { width: 2, height: 1, data: [0, 0, 0, 0, 0, 0] };
    const white = { width: 2, height: 1, data: [255, 255, 255, 255, 255, 255] };
    expect(colourDistance(a, swapped)).toBe(0);
    expect(colourDistance(black, white)).toBe(2);
    // Half the pixels moved from bin 15 to bin 0 in each channel: L1 = 0.5 + 0.5 per channel.
    expect(colourDistance(a, white)).toBe(1);
  });
});

describe('palette', () => {
  // 10×10 images: a background colour and a 4×4 square of another, bins of 32 values per channel.
  function squareImage(background: number[], square: number[], at: [number, number], side = 4): RgbImage {
    const data: number[] = [];
    for (let y = 0; y < 10; y++) {
      for (let x = 0; x < 10; x++) {
        const inside = x >= at[0] && x < at[0] + side && y >= at[1] && y < at[1] + side;
        data.push(...(inside ? square : background));
      }
    }
    return { width: 10, height: 10, data };
  }
  const sky = [100, 150, 250];
  const skin = [230, 180, 140];

  test('the joint bins holding at least 2% of the pixels', () => {
    const image = squareImage(sky, skin, [0, 0]);
    // (100, 150, 250) → bins (3, 4, 7); (230, 180, 140) → bins (7, 5, 4).
    expect([...palette(image)].sort((a, b) => a - b)).toEqual([3 * 64 + 4 * 8 + 7, 7 * 64 + 5 * 8 + 4]);
    // One stray pixel (1%) is not part of the palette.
    const stray = { ...image, data: [0, 0, 0, ...Array.from(image.data).slice(3)] };
    expect(palette(stray).size).toBe(2);
  });

  test('moving or growing a region keeps the palette; recolouring it does not', () => {
    const image = squareImage(sky, skin, [0, 0]);
    expect(paletteDistance(image, squareImage(sky, skin, [5, 3], 5))).toBe(0);
    // One of three colours differs: Jaccard 1 − 1/3.
    expect(paletteDistance(image, squareImage(sky, [40, 20, 10], [0, 0]))).toBeCloseTo(2 / 3, 12);
    expect(paletteDistance(image, squareImage([0, 0, 0], [255, 255, 255], [0, 0]))).toBe(1);
    // The per-channel histograms, by contrast, see the moved-and-grown square as a change.
    expect(colourDistance(image, squareImage(sky, skin, [5, 3], 5))).toBeGreaterThan(0.1);
  });
});

describe('Laplacian variance', () => {
  test('one bright pixel in a 4×3 image', () => {
    // Interior pixels (1,1) and (2,1): Laplacians −4·8 = −32 and 8; mean −12, variance (20² + 20²)/2.
    const image = greyImage(4, 3, [0, 0, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0]);
    expect(laplacianVariance(image)).toBeCloseTo(400, 9);
  });

  test('a linear ramp has none', () => {
    expect(laplacianVariance(greyImage(4, 4, [0, 1, 2, 3, 1, 2, 3, 4, 2, 3, 4, 5, 3, 4, 5, 6]))).toBeCloseTo(0, 9);
  });
});

describe('differences between images', () => {
  test('max abs difference, only between arrays of one length', () => {
    expect(maxAbsDifference([1, 2, 3], Float32Array.from([1, 7, 0]))).toBe(5);
    expect(() => maxAbsDifference([1, 2, 3], [1, 2])).toThrow(RangeError);
  });

  test('mean pairwise RMS distance in [−1, 1] units', () => {
    const black = greyImage(1, 1, [0]);
    const white = greyImage(1, 1, [255]);
    const middle = greyImage(1, 1, [127.5]);
    // Pairs: black–white 2, black–middle 1, white–middle 1.
    expect(meanPairwiseDistance([black, white, middle])).toBeCloseTo(4 / 3, 12);
    expect(meanPairwiseDistance([black, black])).toBe(0);
  });

  test('sizes must agree', () => {
    expect(() => edgeDistance(greyImage(1, 1, [0]), greyImage(2, 1, [0, 0]))).toThrow(RangeError);
  });
});
