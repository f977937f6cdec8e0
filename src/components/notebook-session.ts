import {
  notebookBackendEvent,
  notebookBusyEvent,
  type CellError,
  type CheckOutcome,
  type FromWorker,
  type InitRequest,
  type OutputItem,
  type RunRequest,
} from './notebook-protocol';
import type { BackendStatus } from './backend-events';
import { notebookStrings } from '../i18n/components/notebook';
import { localStrings, pageLocale } from './island';

/**
 * The page's side of the notebook kernel: one worker for all cells of the lesson, started on the first Run.
 * Cells share its scope in page order: running a cell first runs the earlier cells that have not run in
 * this worker. Stop terminates the worker (an endless loop cannot be interrupted any other way); its
 * variables go with it and the next Run starts a fresh one.
 */
export interface RunnableCell {
  readonly cellId: string;
  code(): string;
  /** A run of this cell starts (also when a later cell needs it first). */
  started(note?: string): void;
  output(item: OutputItem): void;
  finished(result: RunResult): void;
}

export type RunResult =
  | { status: 'done'; error?: CellError; tensorsLeft: number; tensorsTotal: number; check?: CheckOutcome }
  | { status: 'stopped' }
  | { status: 'skipped'; because: string };

interface Pending {
  cell: RunnableCell;
  resolve: (result: RunResult) => void;
}

class NotebookSession {
  private worker: Worker | undefined;
  private nextRunId = 1;
  private pending = new Map<number, Pending>();
  private ran = new Set<string>();
  private elements = new Map<RunnableCell, Element>();
  private busy = false;
  private lastRun: { runId: number; cell: RunnableCell } | undefined;

  /** Cells register as they connect; their order is the document's. */
  register(cell: RunnableCell, element: Element): void {
    this.elements.set(cell, element);
  }

  private earlierCells(cell: RunnableCell): RunnableCell[] {
    const element = this.elements.get(cell);
    if (!element) return [];
    return [...this.elements]
      .filter(([, other]) => other.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING)
      .sort(([, a], [, b]) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1))
      .map(([earlier]) => earlier);
  }

  private start(): Worker {
    const worker = new Worker(new URL('./notebook-worker.ts', import.meta.url), { type: 'module', name: 'notebook' });
    worker.postMessage({ type: 'init', search: location.search, locale: pageLocale() } satisfies InitRequest);
    worker.addEventListener('message', (event: MessageEvent<FromWorker>) => this.receive(event.data));
    worker.addEventListener('error', (event) => {
      // The worker script itself failed (a chunk that did not load): every waiting run ends with the reason.
      event.preventDefault();
      const t = localStrings(notebookStrings);
      this.end(t.workerFailed(event.message || t.workerScriptMissing));
    });
    this.worker = worker;
    return worker;
  }

  private receive(message: FromWorker): void {
    if (message.type === 'backend') {
      document.dispatchEvent(new CustomEvent<BackendStatus>(notebookBackendEvent, { detail: message.status }));
      return;
    }
    const pending = this.pending.get(message.runId);
    if (message.type === 'output') {
      // A late error (a timer, an unawaited promise) may arrive after its run has ended.
      const cell = pending?.cell ?? (message.runId === this.lastRun?.runId ? this.lastRun.cell : undefined);
      cell?.output(message.item);
      return;
    }
    if (!pending) return;
    this.pending.delete(message.runId);
    const { error, tensorsLeft, tensorsTotal, check } = message;
    pending.resolve({ status: 'done', tensorsLeft, tensorsTotal, ...(error ? { error } : {}), ...(check ? { check } : {}) });
  }

  /** Ends the worker; waiting runs end as stopped, or with `failure` as their error. */
  private end(failure?: string): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.ran.clear();
    for (const [runId, pending] of this.pending) {
      this.pending.delete(runId);
      pending.resolve(failure ? { status: 'done', error: { message: failure }, tensorsLeft: 0, tensorsTotal: 0 } : { status: 'stopped' });
    }
  }

  private async send(cell: RunnableCell, check?: RunRequest['check'], note?: string): Promise<RunResult> {
    const worker = this.worker ?? this.start();
    const runId = this.nextRunId++;
    this.lastRun = { runId, cell };
    cell.started(note);
    const result = new Promise<RunResult>((resolve) => this.pending.set(runId, { cell, resolve }));
    worker.postMessage({ type: 'run', runId, cellId: cell.cellId, code: cell.code(), ...(check ? { check } : {}) } satisfies RunRequest);
    const outcome = await result;
    cell.finished(outcome);
    if (outcome.status === 'done' && !outcome.error) this.ran.add(cell.cellId);
    return outcome;
  }

  /** Runs the earlier cells that have not run in this worker, then this one. */
  async run(cell: RunnableCell, check?: RunRequest['check']): Promise<RunResult> {
    const t = localStrings(notebookStrings);
    if (this.busy) return { status: 'skipped', because: t.busy };
    this.busy = true;
    document.dispatchEvent(new CustomEvent(notebookBusyEvent, { detail: true }));
    try {
      for (const earlier of this.earlierCells(cell)) {
        if (this.ran.has(earlier.cellId)) continue;
        const outcome = await this.send(earlier, undefined, t.runFirst);
        if (outcome.status === 'stopped') return outcome;
        if (outcome.status === 'done' && outcome.error) {
          // Not run again next time: the reader may want this cell to run despite it.
          this.ran.add(earlier.cellId);
          const skipped: RunResult = {
            status: 'skipped',
            because: t.earlierFailed,
          };
          cell.finished(skipped);
          return skipped;
        }
      }
      return await this.send(cell, check);
    } finally {
      this.busy = false;
      document.dispatchEvent(new CustomEvent(notebookBusyEvent, { detail: false }));
    }
  }

  /** Ends the worker at once, endless loop or not; every cell's variables go with it. */
  stop(): void {
    this.end();
  }
}

export const session = new NotebookSession();
