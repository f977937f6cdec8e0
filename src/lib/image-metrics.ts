/**
 * Plain-array measures of small RGB images, for telling what a generator's styles and noise change:
 * edges (Sobel), colours (histograms), fine detail (Laplacian) and diversity (pairwise distance).
 * Images are row-major, 3 interleaved channels per pixel (HWC); values are 0..255 unless a function says so.
 */
export interface RgbImage {
  width: number;
  height: number;
  /** width · height · 3 values, R G B per pixel. */
  data: ArrayLike<number>;
}

function checkSameSize(a: RgbImage, b: RgbImage): void {
  if (a.width !== b.width || a.height !== b.height) throw new RangeError(`images differ in size: ${a.width}×${a.height} and ${b.width}×${b.height}`);
}

/** Luma with the Rec. 601 weights, one value per pixel. */
export function greyscale(image: RgbImage): Float64Array {
  const grey = new Float64Array(image.width * image.height);
  for (let p = 0; p < grey.length; p++) {
    grey[p] = 0.299 * image.data[3 * p]! + 0.587 * image.data[3 * p + 1]! + 0.114 * image.data[3 * p + 2]!;
  }
  return grey;
}

/**
 * Gradient magnitude √(gx² + gy²) with the 3×3 Sobel kernels, same size as the input; pixels outside the
 * image repeat the nearest edge pixel, so a flat image has no edges anywhere, its border included.
 */
export function sobelMagnitude(grey: ArrayLike<number>, width: number, height: number): Float64Array {
  const at = (x: number, y: number): number => grey[Math.min(height - 1, Math.max(0, y)) * width + Math.min(width - 1, Math.max(0, x))]!;
  const magnitude = new Float64Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const gx = at(x + 1, y - 1) + 2 * at(x + 1, y) + at(x + 1, y + 1) - at(x - 1, y - 1) - 2 * at(x - 1, y) - at(x - 1, y + 1);
      const gy = at(x - 1, y + 1) + 2 * at(x, y + 1) + at(x + 1, y + 1) - at(x - 1, y - 1) - 2 * at(x, y - 1) - at(x + 1, y - 1);
      magnitude[y * width + x] = Math.hypot(gx, gy);
    }
  }
  return magnitude;
}

/** Mean absolute difference of the two images' Sobel magnitudes (of their luma): how much the drawn shapes differ. */
export function edgeDistance(a: RgbImage, b: RgbImage): number {
  checkSameSize(a, b);
  const edgesA = sobelMagnitude(greyscale(a), a.width, a.height);
  const edgesB = sobelMagnitude(greyscale(b), b.width, b.height);
  let sum = 0;
  for (let p = 0; p < edgesA.length; p++) sum += Math.abs(edgesA[p]! - edgesB[p]!);
  return sum / edgesA.length;
}

/** Per channel, the fraction of pixels in each of `bins` equal bins over 0..255: [R bins…, G bins…, B bins…]. */
export function colourHistograms(image: RgbImage, bins = 16): Float64Array {
  const pixels = image.width * image.height;
  const histograms = new Float64Array(3 * bins);
  for (let p = 0; p < pixels; p++) {
    for (let c = 0; c < 3; c++) {
      const value = Math.min(255, Math.max(0, image.data[3 * p + c]!));
      const bin = Math.min(bins - 1, Math.floor((value * bins) / 256));
      histograms[c * bins + bin]! += 1 / pixels;
    }
  }
  return histograms;
}

/** L1 distance between the images' colour histograms, averaged over the three channels: 0 (same colours) … 2 (disjoint). */
export function colourDistance(a: RgbImage, b: RgbImage, bins = 16): number {
  const [histogramA, histogramB] = [colourHistograms(a, bins), colourHistograms(b, bins)];
  let sum = 0;
  for (let i = 0; i < histogramA.length; i++) sum += Math.abs(histogramA[i]! - histogramB[i]!);
  return sum / 3;
}

/**
 * The colours an image is painted with: the joint RGB bins (`bins` per channel) that hold at least
 * `minShare` of its pixels. How much area each colour covers does not count, so moving or reshaping a
 * region of one colour leaves the palette alone; recolouring it does not.
 */
export function palette(image: RgbImage, bins = 8, minShare = 0.02): Set<number> {
  const pixels = image.width * image.height;
  const counts = new Map<number, number>();
  const binOf = (value: number): number => Math.min(bins - 1, Math.floor((Math.min(255, Math.max(0, value)) * bins) / 256));
  for (let p = 0; p < pixels; p++) {
    const key = (binOf(image.data[3 * p]!) * bins + binOf(image.data[3 * p + 1]!)) * bins + binOf(image.data[3 * p + 2]!);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return new Set([...counts].filter(([, count]) => count >= minShare * pixels).map(([key]) => key));
}

/** Jaccard distance of the two palettes: 0 (the same colours, whatever their areas) … 1 (no colour in common). */
export function paletteDistance(a: RgbImage, b: RgbImage, bins = 8, minShare = 0.02): number {
  checkSameSize(a, b);
  const [paletteA, paletteB] = [palette(a, bins, minShare), palette(b, bins, minShare)];
  const shared = [...paletteA].filter((key) => paletteB.has(key)).length;
  const union = paletteA.size + paletteB.size - shared;
  return union === 0 ? 0 : 1 - shared / union;
}

/** Variance of the 4-neighbour Laplacian over the interior pixels of the luma: energy at the highest frequencies. */
export function laplacianVariance(image: RgbImage): number {
  const { width, height } = image;
  if (width < 3 || height < 3) throw new RangeError('the Laplacian needs an image of at least 3×3 pixels');
  const grey = greyscale(image);
  const values: number[] = [];
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const p = y * width + x;
      values.push(grey[p - 1]! + grey[p + 1]! + grey[p - width]! + grey[p + width]! - 4 * grey[p]!);
    }
  }
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  return values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length;
}

/** Largest absolute difference between corresponding values of two arrays of one length (two images' data, two runs' outputs). */
export function maxAbsDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new RangeError(`the arrays differ in length: ${a.length} and ${b.length}`);
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i]! - b[i]!));
  return max;
}

/**
 * Mean over all pairs of the RMS difference between two images, in [−1, 1] units (bytes / 127.5 − 1): the
 * diversity measure training/train.py logs, so the numbers compare with its log.
 */
export function meanPairwiseDistance(images: readonly RgbImage[]): number {
  if (images.length < 2) throw new RangeError('pairwise distance needs at least two images');
  const scaled = images.map((image) => Float64Array.from(image.data, (v) => v / 127.5 - 1));
  const length = scaled[0]!.length;
  let sum = 0;
  for (let i = 0; i < scaled.length; i++) {
    for (let j = i + 1; j < scaled.length; j++) {
      const [a, b] = [scaled[i]!, scaled[j]!];
      if (b.length !== length) throw new RangeError('images differ in size');
      let squared = 0;
      for (let k = 0; k < length; k++) squared += (a[k]! - b[k]!) ** 2;
      sum += Math.sqrt(squared / length);
    }
  }
  return sum / ((scaled.length * (scaled.length - 1)) / 2);
}
