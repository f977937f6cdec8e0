/**
 * Canvas drawing for the generator labs. Images are upscaled by whole factors with nearest-neighbour
 * (each generated pixel becomes a scale × scale square, written directly as pixels), so what the canvas
 * holds is exactly the generator's bytes and the pixel art is not blurred.
 */

/** Writes RGB image `index` of a batch (HWC bytes, size²·3 each) at (x, y), `scale` canvas pixels per pixel. */
export function putScaledImage(
  context: CanvasRenderingContext2D,
  rgb: ArrayLike<number>,
  size: number,
  index: number,
  x: number,
  y: number,
  scale: number,
): void {
  const out = context.createImageData(size * scale, size * scale);
  const start = index * size * size * 3;
  for (let row = 0; row < size * scale; row++) {
    for (let column = 0; column < size * scale; column++) {
      const source = start + (Math.floor(row / scale) * size + Math.floor(column / scale)) * 3;
      const target = (row * size * scale + column) * 4;
      out.data[target] = rgb[source]!;
      out.data[target + 1] = rgb[source + 1]!;
      out.data[target + 2] = rgb[source + 2]!;
      out.data[target + 3] = 255;
    }
  }
  context.putImageData(out, x, y);
}

/**
 * One channel of an HWC feature map (or a single map when channels = 1) as a diverging blue–white–red
 * picture, with 0 white and ±limit saturated, so maps drawn with the same limit compare by colour.
 */
export function putScaledMap(
  context: CanvasRenderingContext2D,
  values: ArrayLike<number>,
  size: number,
  channels: number,
  channel: number,
  limit: number,
  x: number,
  y: number,
  scale: number,
): void {
  const out = context.createImageData(size * scale, size * scale);
  for (let row = 0; row < size * scale; row++) {
    for (let column = 0; column < size * scale; column++) {
      const value = values[(Math.floor(row / scale) * size + Math.floor(column / scale)) * channels + channel]!;
      const t = Math.max(-1, Math.min(1, value / (limit || 1)));
      const target = (row * size * scale + column) * 4;
      // White at 0, towards red (positive) or blue (negative).
      out.data[target] = t < 0 ? 255 * (1 + t) + 40 * -t : 255 - 35 * t;
      out.data[target + 1] = 255 - 200 * Math.abs(t);
      out.data[target + 2] = t > 0 ? 255 * (1 - t) + 40 * t : 255;
      out.data[target + 3] = 255;
    }
  }
  context.putImageData(out, x, y);
}

/** Largest |value| of the given channels of an HWC map: a shared colour limit. */
export function absLimit(values: ArrayLike<number>, channels: number, shown: readonly number[]): number {
  let limit = 0;
  for (let i = 0; i < values.length; i++) if (shown.includes(i % channels)) limit = Math.max(limit, Math.abs(values[i]!));
  return limit;
}

/** Sizes the canvas to width × height canvas pixels (clearing it). */
export function sizeCanvas(canvas: HTMLCanvasElement, width: number, height: number): CanvasRenderingContext2D {
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('this browser gives no 2D canvas');
  return context;
}
