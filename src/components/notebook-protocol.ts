import type { BackendStatus } from './backend-events';
import type { Locale } from '../lib/i18n';

/** Messages between the page's code cells and the notebook worker (notebook-worker.ts). */
export interface RunRequest {
  type: 'run';
  runId: number;
  cellId: string;
  code: string;
  /** For an exercise: after the code runs, the named function is checked by this checker. */
  check?: { entry: string; checkId: string };
}

export interface InitRequest {
  type: 'init';
  /** The page's query string: `?backend=` and `?threads=` apply to the worker too. */
  search: string;
  /** The page's language: the worker's messages and the checkers' hints are in it. */
  locale: Locale;
}

export type ToWorker = InitRequest | RunRequest;

/** One statistic group of show()'s grid. */
export interface GridGroup {
  label: string;
  mean: number;
  std: number;
}

export type OutputItem =
  | { kind: 'text'; text: string; tone?: 'value' | 'note' }
  | { kind: 'progress'; key: string; text: string }
  | {
      kind: 'grid';
      shape: [number, number, number, number];
      values: number[];
      /** Statistic group of each (n, c), n·C + c. */
      groupOf: number[];
      groups: GridGroup[];
      method: string;
    }
  | { kind: 'image'; width: number; height: number; rgba: Uint8ClampedArray }
  | { kind: 'plot'; spec: unknown };

export interface CellError {
  message: string;
  /** The reader's line in the cell, when known. */
  line?: number;
}

export interface CheckOutcome {
  passed: boolean;
  message: string;
}

export type FromWorker =
  | { type: 'backend'; status: BackendStatus }
  | { type: 'output'; runId: number; item: OutputItem }
  | {
      type: 'done';
      runId: number;
      error?: CellError;
      /** Tensors this run created that are still alive (freed when the cell runs again). */
      tensorsLeft: number;
      /** All tensors alive in the worker, the models' weights included. */
      tensorsTotal: number;
      check?: CheckOutcome;
    };

/** A mark or transform call recorded in the worker (`Plot.dot(data, options)`), rebuilt on the page. */
export const plotCallKey = '__plotCall';
export interface PlotCall {
  [plotCallKey]: string;
  args: unknown[];
}

/** Fired on `document` with the worker's backend (cells' badges listen); the labs' badges keep theirs. */
export const notebookBackendEvent = 'notebook:cell-backend';
/** Fired on `document` with `true` while a run is going on, `false` after: every cell's Stop follows it. */
export const notebookBusyEvent = 'notebook:busy';
