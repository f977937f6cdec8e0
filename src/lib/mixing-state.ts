import { bandOf, layerCount, type StyleBand } from './generator-layers';
import { seedLimit } from './rng';
import { flagsField, listField, numberField, readUrlState, wholeNumberField, writeUrlState, type UrlCodec, type UrlField } from './url-state';

/**
 * The style-mixing lab's whole state as one typed object and its URL form, plus the grid's layout.
 * Pure: no DOM and no tfjs, so the lab can set up its controls from the URL before tfjs has loaded.
 *
 * A grid image (r, c) takes layer i's w from row seed r where `fromRow[i]`, otherwise from column seed c.
 * The crossover k is the special case fromRow = [true × k, false × (8 − k)]: w1 (row) before k, w2 (column) after.
 */

export const maxSeedsPerAxis = 6;
export const psiLimits = { min: 0, max: 1.5, step: 0.05 } as const;
export const strengthLimits = { min: 0, max: 3, step: 0.1 } as const;
/** How many noise draws of one face the noise explorer shows. */
export const noiseDraws = 6;

export type MixingPreset = StyleBand;

export interface MixingState {
  rowSeeds: number[];
  columnSeeds: number[];
  /** Per layer: true where the grid takes the row seed's w. */
  fromRow: boolean[];
  psi: number;
  /** Every grid image gets the same noise draw, so only the styles differ between cells. */
  noiseSeed: number;
  noiseEnabled: boolean[];
  noiseStrength: number[];
  /** The grid cell the noise explorer shows: [row, column]. */
  selected: [number, number];
}

export const mixingPresets: readonly MixingPreset[] = ['coarse', 'middle', 'fine'];

/** The StyleGAN paper's grid: the row seed gives one band of styles, the column seed all the others. */
export function presetLayers(preset: MixingPreset): boolean[] {
  return Array.from({ length: layerCount }, (_, i) => bandOf(i) === preset);
}

export function presetOf(fromRow: readonly boolean[]): MixingPreset | null {
  return mixingPresets.find((preset) => presetLayers(preset).every((v, i) => v === fromRow[i])) ?? null;
}

export function crossoverLayers(crossover: number): boolean[] {
  if (!Number.isInteger(crossover) || crossover < 0 || crossover > layerCount)
    throw new RangeError(`crossover ${crossover} must be an integer in 0..${layerCount}`);
  return Array.from({ length: layerCount }, (_, i) => i < crossover);
}

/** k when fromRow is "row before k, column from k on", else null (e.g. the middle preset). */
export function crossoverOf(fromRow: readonly boolean[]): number | null {
  const k = fromRow.indexOf(false) === -1 ? layerCount : fromRow.indexOf(false);
  return fromRow.slice(k).every((v) => !v) ? k : null;
}

export function defaultMixingState(): MixingState {
  return {
    rowSeeds: [1, 2, 3, 4, 5, 6],
    columnSeeds: [7, 8, 9, 10, 11, 12],
    fromRow: presetLayers('coarse'),
    psi: 0.7,
    noiseSeed: 1,
    noiseEnabled: new Array<boolean>(layerCount).fill(true),
    noiseStrength: new Array<number>(layerCount).fill(1),
    selected: [0, 0],
  };
}

/** What is wrong with a seed list the reader typed; the lab's dictionary says it in the page's language. */
export type SeedsProblem = { kind: 'none' } | { kind: 'too-many'; max: number } | { kind: 'not-a-seed'; text: string; limit: number };

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: SeedsProblem };

/** "3, 14 15" → [3, 14, 15]: 1 to 6 whole numbers in 0..2³¹−1, separated by commas or spaces. */
export function parseSeeds(text: string): Parsed<number[]> {
  const parts = text.split(/[\s,]+/).filter((part) => part.length > 0);
  if (parts.length === 0) return { ok: false, problem: { kind: 'none' } };
  if (parts.length > maxSeedsPerAxis) return { ok: false, problem: { kind: 'too-many', max: maxSeedsPerAxis } };
  const seeds: number[] = [];
  for (const part of parts) {
    const seed = /^\d+$/.test(part) ? Number(part) : Number.NaN;
    if (!Number.isSafeInteger(seed) || seed > seedLimit) return { ok: false, problem: { kind: 'not-a-seed', text: part, limit: seedLimit } };
    seeds.push(seed);
  }
  return { ok: true, value: seeds };
}

function clampToStep(value: number, limits: { min: number; max: number; step: number }): number {
  const stepped = Math.round(value / limits.step) * limits.step;
  return Math.min(limits.max, Math.max(limits.min, Number(stepped.toFixed(6))));
}

export function clampPsi(psi: number): number {
  return clampToStep(psi, psiLimits);
}

export function clampStrength(strength: number): number {
  return clampToStep(strength, strengthLimits);
}

const seedsField = (key: string): UrlField<number[]> => ({
  key,
  read: (text) => {
    const parsed = parseSeeds(text);
    return parsed.ok ? parsed.value : undefined;
  },
  write: (seeds) => seeds.join(','),
});

const mixingCodec: UrlCodec<MixingState> = {
  rowSeeds: seedsField('rows'),
  columnSeeds: seedsField('cols'),
  fromRow: flagsField('layers', layerCount, 'r', 'c'),
  psi: numberField('psi', clampPsi),
  noiseSeed: wholeNumberField('noise-seed', 0, seedLimit),
  noiseEnabled: flagsField('noise', layerCount, '1', '0'),
  noiseStrength: listField('strength', ',', numberField('', clampStrength), layerCount),
  selected: {
    key: 'cell',
    read: (text) => {
      const [row, column, ...rest] = text.split(',').map((part) => (/^-?\d+$/.test(part) ? Number(part) : Number.NaN));
      return Number.isSafeInteger(row) && Number.isSafeInteger(column) && rest.length === 0 ? [row!, column!] : undefined;
    },
    write: (cell) => cell.join(','),
  },
};

/** The state a URL describes; whatever is missing or malformed keeps its value from `defaults`. */
export function readMixingParams(params: URLSearchParams, defaults: MixingState = defaultMixingState()): MixingState {
  const state = readUrlState(mixingCodec, params, structuredClone(defaults));
  // The selected face stays inside the grid the seeds make.
  const [row, column] = state.selected;
  state.selected = [Math.min(Math.max(0, row), state.rowSeeds.length - 1), Math.min(Math.max(0, column), state.columnSeeds.length - 1)];
  return state;
}

/** Writes the whole state into `params` (other keys, e.g. ?backend=, are kept). */
export function writeMixingParams(state: MixingState, params: URLSearchParams): URLSearchParams {
  return writeUrlState(mixingCodec, state, params);
}

/**
 * The order of images in the lab's one batched synthesis call: the rows × columns grid row-major, then the
 * row seeds' own images (all layers from the row), then the column seeds' own images.
 */
export function batchIndex(
  state: Pick<MixingState, 'rowSeeds' | 'columnSeeds'>,
  cell: { kind: 'mix'; row: number; column: number } | { kind: 'row'; row: number } | { kind: 'column'; column: number },
): number {
  const [rows, columns] = [state.rowSeeds.length, state.columnSeeds.length];
  if (cell.kind === 'mix') return cell.row * columns + cell.column;
  if (cell.kind === 'row') return rows * columns + cell.row;
  return rows * columns + rows + cell.column;
}

export interface GridLayout {
  width: number;
  height: number;
  /** Top-left corner of each batch image (batchIndex order) on the canvas. */
  positions: { x: number; y: number }[];
}

/**
 * Where each image goes on the grid canvas, as in the StyleGAN paper's figure: the column seeds' images
 * across the top, the row seeds' down the left, the mixes between; `gap` pixels between images and a wider
 * gap after the sources.
 */
export function gridLayout(rows: number, columns: number, imageSize: number, gap: number): GridLayout {
  const step = imageSize + gap;
  const offset = imageSize + 3 * gap;
  const positions: { x: number; y: number }[] = [];
  for (let r = 0; r < rows; r++) for (let c = 0; c < columns; c++) positions.push({ x: offset + c * step, y: offset + r * step });
  for (let r = 0; r < rows; r++) positions.push({ x: 0, y: offset + r * step });
  for (let c = 0; c < columns; c++) positions.push({ x: offset + c * step, y: 0 });
  return { width: offset + columns * step - gap, height: offset + rows * step - gap, positions };
}

/** Next selected cell for an arrow key, staying inside the grid. */
export function moveSelection(selected: [number, number], key: string, rows: number, columns: number): [number, number] {
  const [row, column] = selected;
  const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
  const [dr, dc] = moves[key] ?? [0, 0];
  return [Math.min(rows - 1, Math.max(0, row + dr)), Math.min(columns - 1, Math.max(0, column + dc))];
}
