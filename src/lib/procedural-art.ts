/**
 * Style images the project paints itself, from a seed: op-art waves, a Kandinsky-like composition of
 * circles and lines, a stone mosaic and a Van-Gogh-ish swirl of brush strokes. Pure TypeScript, no DOM and
 * no canvas, so Node and the browser produce the same pixels (the browser test relies on it). Shapes are
 * placed in coordinates relative to the image, so an artwork looks the same at 128² and at 512².
 */
import { mulberry32 } from './rng';

export type ArtKind = 'waves' | 'kandinsky' | 'mosaic' | 'swirl';

export interface RgbaImage {
  width: number;
  height: number;
  /** RGBA, row-major, alpha always 255 (an ArrayBuffer-backed array, as ImageData takes). */
  data: Uint8ClampedArray<ArrayBuffer>;
}

type Rgb = readonly [number, number, number];

function hexToRgb(hex: string): Rgb {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

const palettes = {
  opArt: ['#1b1f3b', '#f4d35e', '#ee964b', '#f95738', '#0d3b66', '#faf0ca'].map(hexToRgb),
  bauhaus: ['#d7263d', '#f4a259', '#1b998b', '#2e294e', '#f6d743', '#4f6d7a', '#c5283d'].map(hexToRgb),
  stone: ['#8c5e3c', '#c9a66b', '#6b8f71', '#3e5c76', '#b5651d', '#d9c5a0', '#7a4e2d', '#a3b18a'].map(hexToRgb),
  night: ['#0b1d51', '#1f3c88', '#3f72af', '#5fa8d3', '#cae9ff', '#f5d547', '#e9b44c'].map(hexToRgb),
};

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)]!;
}

function clamp01(value: number): number {
  return value < 0 ? 0 : value > 1 ? 1 : value;
}

function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}

/** Calls `shade(u, v)` for every pixel centre, with u, v in units of the image's shorter side. */
function paint(width: number, height: number, shade: (u: number, v: number) => Rgb): RgbaImage {
  const data = new Uint8ClampedArray(width * height * 4);
  const unit = Math.min(width, height);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const [r, g, b] = shade((x + 0.5) / unit, (y + 0.5) / unit);
      const i = (y * width + x) * 4;
      data[i] = r;
      data[i + 1] = g;
      data[i + 2] = b;
      data[i + 3] = 255;
    }
  }
  return { width, height, data };
}

/** Smooth value noise on the integer lattice, in [0, 1). */
function valueNoise(seed: number): (x: number, y: number) => number {
  const lattice = (ix: number, iy: number): number => {
    let h = Math.imul(ix, 0x27d4eb2d) ^ Math.imul(iy, 0x165667b1) ^ Math.imul(seed, 0x9e3779b1);
    h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
  };
  return (x, y) => {
    const ix = Math.floor(x);
    const iy = Math.floor(y);
    const fx = x - ix;
    const fy = y - iy;
    const sx = fx * fx * (3 - 2 * fx);
    const sy = fy * fy * (3 - 2 * fy);
    const top = lattice(ix, iy) + (lattice(ix + 1, iy) - lattice(ix, iy)) * sx;
    const bottom = lattice(ix, iy + 1) + (lattice(ix + 1, iy + 1) - lattice(ix, iy + 1)) * sx;
    return top + (bottom - top) * sy;
  };
}

/** Bands bent by two interfering sine waves, in a bold op-art palette. */
function waves(width: number, height: number, random: () => number): RgbaImage {
  const bands = 9 + Math.floor(random() * 6);
  const waveA = { frequency: 1 + random() * 2, amplitude: 0.05 + random() * 0.08, phase: random() * 6.28 };
  const waveB = { frequency: 3 + random() * 3, amplitude: 0.01 + random() * 0.03, phase: random() * 6.28 };
  const colours = Array.from({ length: 4 }, () => pick(palettes.opArt, random));
  return paint(width, height, (u, v) => {
    const bent =
      v +
      waveA.amplitude * Math.sin(2 * Math.PI * waveA.frequency * u + waveA.phase) +
      waveB.amplitude * Math.sin(2 * Math.PI * waveB.frequency * (u + v) + waveB.phase);
    const position = bent * bands;
    const band = Math.floor(position);
    const edge = Math.min(position - band, 1 - (position - band));
    const colour = colours[((band % colours.length) + colours.length) % colours.length]!;
    // A thin dark rule between bands, softened over a fraction of a band so edges do not alias.
    return mix([20, 20, 30], colour, clamp01((edge - 0.04) * 25));
  });
}

type Shape =
  | { kind: 'disc'; x: number; y: number; radius: number; colour: Rgb; ring: number }
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; thickness: number; colour: Rgb };

/** Signed distance from (u, v) to the shape's edge: negative inside. */
function signedDistance(shape: Shape, u: number, v: number): number {
  if (shape.kind === 'disc') return Math.hypot(u - shape.x, v - shape.y) - shape.radius;
  const dx = shape.x2 - shape.x1;
  const dy = shape.y2 - shape.y1;
  const t = clamp01(((u - shape.x1) * dx + (v - shape.y1) * dy) / (dx * dx + dy * dy));
  return Math.hypot(u - shape.x1 - t * dx, v - shape.y1 - t * dy) - shape.thickness / 2;
}

/** Circles with dark rings and crossing black lines over a warm paper ground. */
function kandinsky(width: number, height: number, random: () => number): RgbaImage {
  const aspect = width / Math.min(width, height);
  const depth = height / Math.min(width, height);
  const shapes: Shape[] = [];
  for (let i = 0; i < 9; i += 1) {
    shapes.push({
      kind: 'disc',
      x: random() * aspect,
      y: random() * depth,
      radius: 0.04 + random() * 0.2,
      colour: pick(palettes.bauhaus, random),
      ring: random() < 0.6 ? 0.008 + random() * 0.012 : 0,
    });
  }
  for (let i = 0; i < 7; i += 1) {
    shapes.push({
      kind: 'line',
      x1: random() * aspect,
      y1: random() * depth,
      x2: random() * aspect,
      y2: random() * depth,
      thickness: 0.004 + random() * 0.018,
      colour: [25, 22, 20],
    });
  }
  // Lines and discs interleave, as in the paintings: shuffle their drawing order.
  for (let i = shapes.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [shapes[i], shapes[j]] = [shapes[j]!, shapes[i]!];
  }
  const grain = valueNoise(Math.floor(random() * 1e9));
  const pixel = 1 / Math.min(width, height);
  return paint(width, height, (u, v) => {
    let colour: Rgb = mix([244, 234, 213], [226, 208, 176], clamp01(0.5 * v + 0.3 * grain(u * 6, v * 6)));
    for (const shape of shapes) {
      const distance = signedDistance(shape, u, v);
      const coverage = clamp01(0.5 - distance / pixel);
      if (coverage === 0) continue;
      let fill = shape.colour;
      if (shape.kind === 'disc' && shape.ring > 0) fill = mix(fill, [25, 22, 20], clamp01(0.5 - (-distance - shape.ring) / pixel));
      colour = mix(colour, fill, coverage);
    }
    return colour;
  });
}

/** Voronoi tiles in earthy stone colours with dark grout between them. */
function mosaic(width: number, height: number, random: () => number): RgbaImage {
  const aspect = width / Math.min(width, height);
  const depth = height / Math.min(width, height);
  const cellsAcross = 9;
  const cell = 1 / cellsAcross;
  const columns = Math.ceil(aspect / cell);
  const rows = Math.ceil(depth / cell);
  // One tile centre jittered inside each grid cell, so the nearest two lie within the 5×5 cells around a pixel.
  const tiles: Array<{ x: number; y: number; colour: Rgb }> = [];
  for (let gy = 0; gy < rows; gy += 1) {
    for (let gx = 0; gx < columns; gx += 1) {
      const shade = 0.8 + random() * 0.4;
      const [r, g, b] = pick(palettes.stone, random);
      tiles.push({ x: (gx + 0.1 + 0.8 * random()) * cell, y: (gy + 0.1 + 0.8 * random()) * cell, colour: [r * shade, g * shade, b * shade] });
    }
  }
  const pixel = 1 / Math.min(width, height);
  return paint(width, height, (u, v) => {
    let nearest = Infinity;
    let second = Infinity;
    let colour: Rgb = [0, 0, 0];
    const cx = Math.floor(u / cell);
    const cy = Math.floor(v / cell);
    for (let gy = Math.max(0, cy - 2); gy <= Math.min(rows - 1, cy + 2); gy += 1) {
      for (let gx = Math.max(0, cx - 2); gx <= Math.min(columns - 1, cx + 2); gx += 1) {
        const tile = tiles[gy * columns + gx]!;
        const d = Math.hypot(u - tile.x, v - tile.y);
        if (d < nearest) {
          second = nearest;
          nearest = d;
          colour = tile.colour;
        } else if (d < second) {
          second = d;
        }
      }
    }
    // Half the gap between the two nearest centres approximates the distance to the tile's border.
    const border = (second - nearest) / 2;
    return mix([48, 42, 38], colour, clamp01(0.5 + (border - 0.008) / pixel));
  });
}

/** Brush strokes that follow a flow field of a few whirls, in night blues with yellow stars at their centres. */
function swirl(width: number, height: number, random: () => number): RgbaImage {
  const aspect = width / Math.min(width, height);
  const depth = height / Math.min(width, height);
  const whirls = Array.from({ length: 4 }, () => ({
    x: random() * aspect,
    y: random() * depth,
    strength: (random() < 0.5 ? -1 : 1) * (0.5 + random()),
    radius: 0.08 + random() * 0.12,
  }));
  const strokes = valueNoise(Math.floor(random() * 1e9));
  const tint = valueNoise(Math.floor(random() * 1e9));
  const night = palettes.night;
  return paint(width, height, (u, v) => {
    // A gentle drift to the right plus each whirl's tangential flow, fading with distance.
    let fx = 0.6;
    let fy = 0.15 * Math.sin(6 * u);
    let glow = 0;
    for (const whirl of whirls) {
      const dx = u - whirl.x;
      const dy = v - whirl.y;
      const r2 = dx * dx + dy * dy;
      const falloff = whirl.strength / (r2 / (whirl.radius * whirl.radius) + 1);
      fx += (-dy / whirl.radius) * falloff;
      fy += (dx / whirl.radius) * falloff;
      glow = Math.max(glow, Math.exp(-r2 / (0.3 * whirl.radius * whirl.radius)));
    }
    const norm = Math.hypot(fx, fy) || 1;
    const along = (u * fx + v * fy) / norm;
    const across = (-u * fy + v * fx) / norm;
    // Noise stretched along the flow and fine across it reads as paint strokes.
    const stroke = strokes(along * 10, across * 90);
    const level = clamp01(0.25 + 0.5 * tint(u * 3, v * 3) + 0.35 * (stroke - 0.5));
    const base = night[Math.min(night.length - 3, Math.floor(level * (night.length - 2)))]!;
    const lighter = night[Math.min(night.length - 3, Math.floor(level * (night.length - 2)) + 1)]!;
    const blue = mix(base, lighter, stroke);
    return mix(blue, mix(night[5]!, night[6]!, stroke), clamp01(glow * 1.4 - 0.2));
  });
}

const painters: Record<ArtKind, (width: number, height: number, random: () => number) => RgbaImage> = { waves, kandinsky, mosaic, swirl };

export function renderArt(kind: ArtKind, seed: number, width: number, height: number): RgbaImage {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    throw new RangeError(`an artwork needs a positive integer size, got ${width}×${height}`);
  }
  return painters[kind](width, height, mulberry32(seed));
}

export const artKinds: readonly ArtKind[] = ['waves', 'kandinsky', 'mosaic', 'swirl'];
