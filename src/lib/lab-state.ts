import { elementCount, indexNCHW, type PositionNCHW, type ShapeNCHW } from './nchw';
import { groupsOf, statisticGroupCount, statisticGroupOf, type NormMethod, type NormSpec } from './norm-groups';
import { mulberry32 } from './rng';
import { choiceField, listField, readUrlState, wholeNumberField, writeUrlState, type UrlCodec, type UrlField } from './url-state';

/**
 * The tensor lab's whole state as one typed object, its URL form, and the preset tensors it starts from.
 * Pure: no DOM and no tfjs, so the lab can draw its grid from the URL before tfjs has loaded.
 */
export type LabMethod = NormMethod | 'adain';
export type LabPreset = 'random' | 'constant' | 'outlier' | 'image';
export type Cell = PositionNCHW;

export const labMethods: readonly LabMethod[] = ['batch', 'layer', 'instance', 'group', 'adain'];
export const labPresets: readonly LabPreset[] = ['random', 'constant', 'outlier', 'image'];
export const shapeLimits = { n: 4, c: 4, h: 8, w: 8 } as const;
/** Cell values stay within ±valueLimit so squares and sums stay exact enough in float32. */
export const valueLimit = 1e6;
export const epsilonLimits = { min: 1e-12, max: 10 } as const;

export interface LabState {
  shape: ShapeNCHW;
  preset: LabPreset;
  seed: number;
  method: LabMethod;
  /** Group count for group norm; always a divisor of C. */
  groups: number;
  /** One γ and one β per channel. */
  gamma: number[];
  beta: number[];
  epsilon: number;
  /** Cells the reader changed, by NCHW index, over the preset's values. */
  edits: Map<number, number>;
  /** The same for AdaIN's style tensor. */
  styleEdits: Map<number, number>;
  selected: Cell;
}

export function defaultLabState(overrides: Partial<Pick<LabState, 'shape' | 'preset' | 'method' | 'groups' | 'seed'>> = {}): LabState {
  const shape = overrides.shape ?? ([2, 3, 3, 3] as const);
  return {
    shape,
    preset: overrides.preset ?? 'random',
    seed: overrides.seed ?? 1,
    method: overrides.method ?? 'instance',
    groups: validGroupCount(overrides.groups ?? 1, shape[1]),
    gamma: new Array<number>(shape[1]).fill(1),
    beta: new Array<number>(shape[1]).fill(0),
    epsilon: 1e-5,
    edits: new Map(),
    styleEdits: new Map(),
    selected: [0, 0, 0, 0],
  };
}

/** The divisors of C: the group counts group norm accepts. */
export function groupCountOptions(channels: number): number[] {
  return Array.from({ length: channels }, (_, i) => i + 1).filter((g) => channels % g === 0);
}

function validGroupCount(groups: number, channels: number): number {
  const options = groupCountOptions(channels);
  return options.includes(groups) ? groups : Math.max(...options.filter((g) => g <= groups), 1);
}

/** The statistic grouping a method uses; AdaIN normalises its content per sample and channel, like IN. */
export function normSpecOf(state: Pick<LabState, 'method' | 'groups'>): NormSpec {
  if (state.method === 'adain') return { method: 'instance' };
  return state.method === 'group' ? { method: 'group', groups: state.groups } : { method: state.method };
}

export function groupOfCell(state: LabState, [n, c]: Cell): number {
  return statisticGroupOf(state.shape, normSpecOf(state), n, c);
}

export function groupCount(state: LabState): number {
  return statisticGroupCount(state.shape, normSpecOf(state));
}

/** Where one statistic group lives, for labels: its samples and channels (it always spans all of H and W). */
export function groupMembers(state: LabState, group: number): { samples: number[]; channels: number[] } {
  const [N, C] = state.shape;
  const spec = normSpecOf(state);
  const samples = new Set<number>();
  const channels = new Set<number>();
  for (let n = 0; n < N; n++)
    for (let c = 0; c < C; c++)
      if (statisticGroupOf(state.shape, spec, n, c) === group) {
        samples.add(n);
        channels.add(c);
      }
  return { samples: [...samples], channels: [...channels] };
}

function range(values: number[], name: string): string {
  const first = values[0] ?? 0;
  const last = values[values.length - 1] ?? 0;
  return first === last ? `${name}${first}` : `${name}${first}–${last}`;
}

/**
 * A short label such as "n0 · c1" (IN) or "all n · c2" (BN); `all` is the reader's word for "all" (the
 * lab's dictionary gives it), n and c stay symbols.
 */
export function groupLabel(state: LabState, group: number, all: string): string {
  const { samples, channels } = groupMembers(state, group);
  const [N, C] = state.shape;
  const sampleText = samples.length === N && N > 1 ? `${all} n` : range(samples, 'n');
  const channelText = channels.length === C && C > 1 ? `${all} c` : range(channels, 'c');
  return `${sampleText} · ${channelText}`;
}

/** How many channels one statistic group spans (group norm; the lab says which axes μ, σ² are taken over). */
export function channelsPerGroup(state: Pick<LabState, 'method' | 'groups' | 'shape'>): number {
  return state.shape[1] / groupsOf(normSpecOf(state), state.shape[1]);
}

/** A hue per statistic group, spread by the golden angle so neighbouring groups look different. */
export function groupHue(group: number): number {
  return Math.round((group * 137.508 + 200) % 360);
}

/** Two decimals, so the values on screen are exactly the values computed with. */
function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * A random tensor whose channels sit on different scales (each channel draws its own offset and spread),
 * as real features do; 'constant' makes channel 0 constant in every sample, 'outlier' adds one huge value.
 */
export function syntheticValues(shape: ShapeNCHW, preset: Exclude<LabPreset, 'image'>, seed: number): Float64Array {
  const random = mulberry32(seed);
  const [N, C, H, W] = shape;
  const offsets = Array.from({ length: C }, () => round2(random() * 8 - 4));
  const spreads = Array.from({ length: C }, () => 0.5 + random() * 3);
  const values = new Float64Array(elementCount(shape));
  for (let n = 0; n < N; n++)
    for (let c = 0; c < C; c++)
      for (let h = 0; h < H; h++)
        for (let w = 0; w < W; w++) {
          const noise = round2(offsets[c]! + spreads[c]! * (random() * 2 - 1));
          values[indexNCHW(shape, n, c, h, w)] = preset === 'constant' && c === 0 ? 2 : noise;
        }
  if (preset === 'outlier') values[indexNCHW(shape, 0, 0, Math.floor(H / 2), Math.floor(W / 2))] = 50;
  return values;
}

/** An RGB picture as the lab reads it: width × height pixels, 3 bytes each, row by row. */
export interface RgbPicture {
  width: number;
  height: number;
  rgb: Uint8Array | Uint8ClampedArray;
}

/** The photos the 'image' preset samples, in order of the batch index (files in public/images/). */
export const labPictures = ['chelsea', 'rocket', 'coffee', 'astronaut'] as const;

/**
 * Patches of real photos: sample n reads picture n, channels are R, G, B (and grey as a fourth), values in
 * 0–1; the seed picks where the patch sits. Pixels are taken every few pixels so a patch shows structure.
 */
export function pictureValues(shape: ShapeNCHW, seed: number, pictures: readonly RgbPicture[]): Float64Array {
  const [N, C, H, W] = shape;
  const random = mulberry32(seed);
  const values = new Float64Array(elementCount(shape));
  for (let n = 0; n < N; n++) {
    const picture = pictures[n % pictures.length];
    if (!picture) throw new RangeError('pictureValues needs at least one picture');
    const step = Math.max(1, Math.floor(Math.min(picture.width / W, picture.height / H) / 3));
    const left = Math.floor(random() * (picture.width - step * (W - 1)));
    const top = Math.floor(random() * (picture.height - step * (H - 1)));
    for (let h = 0; h < H; h++)
      for (let w = 0; w < W; w++) {
        const offset = ((top + h * step) * picture.width + left + w * step) * 3;
        const rgb = [picture.rgb[offset]!, picture.rgb[offset + 1]!, picture.rgb[offset + 2]!];
        const grey = 0.299 * rgb[0]! + 0.587 * rgb[1]! + 0.114 * rgb[2]!;
        for (let c = 0; c < C; c++) values[indexNCHW(shape, n, c, h, w)] = round2((c < 3 ? rgb[c]! : grey) / 255);
      }
  }
  return values;
}

/** The style tensor AdaIN moves the content onto: the same preset with another seed, on another scale. */
export function styleSeedOf(seed: number): number {
  return (seed * 7919 + 104729) >>> 0;
}

export function withEdits(base: Float64Array, edits: ReadonlyMap<number, number>): Float64Array {
  const values = Float64Array.from(base);
  for (const [index, value] of edits) if (index >= 0 && index < values.length) values[index] = value;
  return values;
}

/** What is wrong with a number the reader typed; the lab's dictionary says it in the page's language. */
export type NumberProblem =
  | { kind: 'empty' }
  | { kind: 'not-a-number'; text: string }
  | { kind: 'infinite' }
  | { kind: 'too-large'; text: string; limit: number }
  | { kind: 'epsilon-outside'; value: number; min: number; max: number };

/** Decimal notation only: Number() would also take "0x10" (16), "0b11" and "0o7". */
const decimalNumber = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

export type ParsedNumber = { ok: true; value: number } | { ok: false; problem: NumberProblem };

/** Reads a number the reader typed, with the problem of anything the lab cannot compute with. */
export function parseCellValue(text: string, limit = valueLimit): ParsedNumber {
  const trimmed = text.trim().replace(/\u2212/g, '-');
  if (trimmed === '') return { ok: false, problem: { kind: 'empty' } };
  if (/^[+-]?(infinity|∞)$/i.test(trimmed)) return { ok: false, problem: { kind: 'infinite' } };
  if (!decimalNumber.test(trimmed)) return { ok: false, problem: { kind: 'not-a-number', text: text.trim() } };
  const value = Number(trimmed);
  if (!Number.isFinite(value) || Math.abs(value) > limit) return { ok: false, problem: { kind: 'too-large', text: trimmed, limit } };
  return { ok: true, value };
}

/** ε with the rule it must follow, 1e-12 ≤ ε ≤ 10 (the dictionary says the rule). */
export function parseEpsilon(text: string): ParsedNumber {
  const parsed = parseCellValue(text, Infinity);
  if (!parsed.ok) return parsed;
  if (parsed.value < epsilonLimits.min || parsed.value > epsilonLimits.max) {
    return { ok: false, problem: { kind: 'epsilon-outside', value: parsed.value, min: epsilonLimits.min, max: epsilonLimits.max } };
  }
  return parsed;
}

/** Changes the shape, keeping γ, β of channels that remain and dropping edits (their cells moved). */
export function reshape(state: LabState, shape: ShapeNCHW): LabState {
  return fitToShape({ ...state, shape, edits: new Map(), styleEdits: new Map() });
}

/** Makes every field agree with the shape: a valid group count, one γ and β per channel, cells inside it. */
function fitToShape(state: LabState): LabState {
  const channels = state.shape[1];
  const size = elementCount(state.shape);
  const inside = (edits: ReadonlyMap<number, number>) => new Map([...edits].filter(([index]) => index < size));
  return {
    ...state,
    groups: validGroupCount(state.groups, channels),
    gamma: Array.from({ length: channels }, (_, c) => state.gamma[c] ?? 1),
    beta: Array.from({ length: channels }, (_, c) => state.beta[c] ?? 0),
    edits: inside(state.edits),
    styleEdits: inside(state.styleEdits),
    selected: clampCell(state.selected, state.shape),
  };
}

export function clampCell(cell: Cell, shape: ShapeNCHW): Cell {
  return [0, 1, 2, 3].map((axis) => Math.min(Math.max(0, Math.trunc(cell[axis]!)), shape[axis]! - 1)) as unknown as Cell;
}

/** Moves the selection on the page's layout of the tensor: samples down the page, channels across. */
export function moveCell(shape: ShapeNCHW, [n, c, h, w]: Cell, rows: number, columns: number): Cell {
  const [N, C, H, W] = shape;
  const row = Math.min(Math.max(n * H + h + rows, 0), N * H - 1);
  const column = Math.min(Math.max(c * W + w + columns, 0), C * W - 1);
  return [Math.floor(row / H), Math.floor(column / W), row % H, column % W];
}

const listSeparator = '_';

const typedNumber: Omit<UrlField<number>, 'key'> = {
  read: (text) => {
    const parsed = parseCellValue(text);
    return parsed.ok ? parsed.value : undefined;
  },
  write: String,
};

/** Edited cells as `index~value` pairs; a malformed pair is dropped, the others kept. */
function editsField(key: string): UrlField<Map<number, number>> {
  return {
    key,
    read: (text) => {
      const edits = new Map<number, number>();
      for (const pair of text.split(listSeparator)) {
        const [indexText = '', valueText = ''] = pair.split('~');
        const index = /^\d+$/.test(indexText) ? Number(indexText) : Number.NaN;
        const value = typedNumber.read(valueText);
        if (Number.isSafeInteger(index) && value !== undefined) edits.set(index, value);
      }
      return edits;
    },
    write: (edits) =>
      edits.size
        ? [...edits]
            .sort(([a], [b]) => a - b)
            .map(([index, value]) => `${index}~${value}`)
            .join(listSeparator)
        : undefined,
  };
}

/**
 * The URL form. Numbers are written with JavaScript's shortest round-trip form, so reading them back
 * gives the same doubles: a shared link reproduces the view exactly.
 */
const labCodec: UrlCodec<LabState> = {
  shape: {
    key: 'shape',
    read: (text) => {
      const dims = text.split('x').map((part, axis) => wholeNumberField('', 1, Object.values(shapeLimits)[axis] ?? 0).read(part));
      return dims.length === 4 && dims.every((dim) => dim !== undefined) ? (dims as unknown as ShapeNCHW) : undefined;
    },
    write: (shape) => shape.join('x'),
  },
  preset: choiceField('preset', labPresets),
  seed: wholeNumberField('seed', 0, 2 ** 32 - 1),
  method: choiceField('method', labMethods),
  groups: wholeNumberField('groups', 1, shapeLimits.c),
  gamma: listField('gamma', listSeparator, typedNumber),
  beta: listField('beta', listSeparator, typedNumber),
  epsilon: {
    key: 'eps',
    read: (text) => {
      const parsed = parseEpsilon(text);
      return parsed.ok ? parsed.value : undefined;
    },
    write: String,
  },
  selected: {
    key: 'cell',
    read: (text) => {
      const cell = text.split(listSeparator).map((part) => (/^\d+$/.test(part) ? Number(part) : Number.NaN));
      return cell.length === 4 && cell.every(Number.isSafeInteger) ? (cell as unknown as Cell) : undefined;
    },
    write: (cell) => cell.join(listSeparator),
  },
  edits: editsField('edits'),
  styleEdits: editsField('style-edits'),
};

export function writeLabParams(state: LabState, params: URLSearchParams): void {
  writeUrlState(labCodec, state, params);
}

/** Reads the state back; missing or malformed parameters fall back to the given defaults, never throw. */
export function readLabParams(params: URLSearchParams, defaults: LabState): LabState {
  return fitToShape(readUrlState(labCodec, params, defaults));
}

function baseValues(shape: ShapeNCHW, preset: LabPreset, seed: number, pictures: readonly RgbPicture[]): Float64Array {
  return preset === 'image' ? pictureValues(shape, seed, pictures) : syntheticValues(shape, preset, seed);
}

/** The content tensor x: the preset's values with the reader's edits. 'image' needs the decoded pictures. */
export function contentValues(state: LabState, pictures: readonly RgbPicture[] = []): Float64Array {
  return withEdits(baseValues(state.shape, state.preset, state.seed, pictures), state.edits);
}

/** AdaIN's style tensor: random values with another seed, or patches of the other photos for 'image'. */
export function styleValues(state: LabState, pictures: readonly RgbPicture[] = []): Float64Array {
  const preset = state.preset === 'image' ? 'image' : 'random';
  const rotated = [...pictures.slice(2), ...pictures.slice(0, 2)];
  return withEdits(baseValues(state.shape, preset, styleSeedOf(state.seed), rotated), state.styleEdits);
}
