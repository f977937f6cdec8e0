import { decodeCellCode, cellLink, linkParameter } from '../lib/cell-link';
import { readCode, recordProgress, writeCode } from '../lib/notebook-storage';
import { formatValue } from '../lib/cell-values';
import type { EditorHandle } from './code-editor';
import { notebookBusyEvent, type OutputItem } from './notebook-protocol';
import { drawOutput } from './notebook-output';
import { session, type RunnableCell, type RunResult } from './notebook-session';
import { Island, localStrings } from './island';
import { notebookStrings } from '../i18n/components/notebook';

/**
 * A code cell (and, with data-check, an exercise): the static code is readable at once; the CodeMirror editor
 * replaces it when the cell comes into view and the page is idle, or at the reader's first click or key.
 * Run sends the code to the lesson's worker (notebook-session.ts); edits are kept in localStorage.
 */
function storage(): Storage | undefined {
  try {
    return localStorage;
  } catch {
    return undefined;
  }
}

let editorModule: Promise<typeof import('./code-editor')> | undefined;

export class CodeCell extends Island implements RunnableCell {
  cellId = '';
  private lesson = '';
  private original = '';
  private current = '';
  private editor: EditorHandle | undefined;
  private editorLoading: Promise<void> | undefined;
  private outputArea!: HTMLElement;
  private status!: HTMLElement;
  private memory!: HTMLElement;
  private startedAt = 0;
  private pendingDraws: Promise<void> = Promise.resolve();
  private t = localStrings(notebookStrings);

  connectedCallback(): void {
    this.cellId = this.dataset.cell ?? '';
    this.lesson = this.dataset.lesson ?? '';
    this.original = this.dataset.original ?? '';
    this.outputArea = this.find('.nb-output');
    this.status = this.find('.nb-status');
    this.memory = this.find('.nb-memory');
    this.current = readCode(storage() ?? noStore, this.lesson, this.cellId) ?? this.original;
    this.showCode(this.current);
    void this.readLink();
    session.register(this, this);
    this.wire();
    this.loadEditorWhenSeen();
  }

  /** A link's code replaces what the reader had, with a note; it runs only when they press Run. */
  private async readLink(): Promise<void> {
    const value = new URLSearchParams(location.search).get(linkParameter(this.cellId));
    if (value === null) return;
    const note = this.find('.nb-link-note');
    const code = await decodeCellCode(value);
    note.hidden = false;
    if (code === undefined) {
      this.find('.nb-link-text').textContent = this.t.linkDamaged;
      return;
    }
    this.current = code;
    this.showCode(code);
    this.dataset.fromLink = 'true';
  }

  private showCode(code: string): void {
    if (this.editor) this.editor.setCode(code);
    else this.find('.nb-code code').textContent = code;
  }

  code(): string {
    return this.editor?.getCode() ?? this.current;
  }

  private wire(): void {
    this.find('.nb-run').addEventListener('click', () => void this.run());
    this.querySelector('.nb-check')?.addEventListener('click', () => void this.run(true));
    this.find('.nb-stop').addEventListener('click', () => session.stop());
    this.find('.nb-reset').addEventListener('click', () => {
      this.current = this.original;
      this.showCode(this.original);
      writeCode(storage() ?? noStore, this.lesson, this.cellId, this.original, this.original);
      this.status.textContent = this.t.backToLesson;
    });
    this.find('.nb-copy').addEventListener('click', () => void this.copyLink());
    const staticCode = this.find('.nb-code');
    staticCode.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && event.shiftKey) {
        event.preventDefault();
        void this.run();
      } else if (event.key.length === 1 || event.key === 'Enter') {
        void this.loadEditor(true);
      }
    });
    staticCode.addEventListener('click', () => void this.loadEditor(true));
    for (const tab of this.querySelectorAll<HTMLButtonElement>('.nb-tab')) tab.addEventListener('click', () => this.selectTab(tab));
    this.listen<CustomEvent<boolean>>(document, notebookBusyEvent, (event) => {
      this.find<HTMLButtonElement>('.nb-stop').disabled = !event.detail;
    });
  }

  private selectTab(chosen: HTMLButtonElement): void {
    for (const tab of this.querySelectorAll<HTMLButtonElement>('.nb-tab')) {
      const selected = tab === chosen;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      const panel = this.querySelector<HTMLElement>(`#${tab.getAttribute('aria-controls') ?? ''}`);
      if (panel) panel.hidden = !selected;
    }
  }

  private loadEditorWhenSeen(): void {
    const observer = new IntersectionObserver((entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      const idle = window.requestIdleCallback ?? ((callback: () => void) => setTimeout(callback, 200));
      idle(() => void this.loadEditor(false));
    });
    observer.observe(this);
  }

  private loadEditor(focus: boolean): Promise<void> {
    this.editorLoading ??= (async () => {
      editorModule ??= import('./code-editor');
      const { createEditor } = await editorModule;
      const host = this.find('.nb-editor');
      // Only the static code's focus moves to the editor; a reader on the Run button stays there.
      const hadFocus = this.find('.nb-code').contains(document.activeElement);
      const label = this.t.editorLabel(this.dataset.title ?? this.cellId);
      this.editor = createEditor(
        host,
        this.current,
        label,
        () => void this.run(),
        (code) => this.edited(code),
      );
      this.dataset.editor = 'ready';
      if (hadFocus) this.editor.focus();
    })().catch((error: unknown) => {
      // The static code stays; Run still works with it.
      this.editorLoading = undefined;
      console.error('The code editor did not load', error);
    });
    return this.editorLoading.then(() => {
      if (focus) this.editor?.focus();
    });
  }

  private saveTimer: ReturnType<typeof setTimeout> | undefined;

  private edited(code: string): void {
    this.current = code;
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      const store = storage();
      if (!store) return;
      try {
        writeCode(store, this.lesson, this.cellId, code, this.original);
      } catch {
        this.status.textContent = this.t.notSaved;
      }
    }, 300);
  }

  private async copyLink(): Promise<void> {
    const link = await cellLink(location.href, this.cellId, this.code());
    try {
      await navigator.clipboard.writeText(link);
      this.status.textContent = this.t.linkCopied;
    } catch {
      history.replaceState(history.state, '', link);
      this.status.textContent = this.t.linkInAddressBar;
    }
  }

  private async run(check = false): Promise<void> {
    const spec = check && this.dataset.check && this.dataset.entry ? { entry: this.dataset.entry, checkId: this.dataset.check } : undefined;
    const result = await session.run(this, spec);
    if (result.status === 'skipped' && this.dataset.state !== 'running') this.status.textContent = result.because;
  }

  started(note?: string): void {
    this.startedAt = performance.now();
    this.dataset.state = 'running';
    this.outputArea.replaceChildren();
    this.memory.textContent = '';
    this.pendingDraws = Promise.resolve();
    this.editor?.markLine(undefined);
    this.status.textContent = note ? this.t.runningBecause(note) : this.t.running;
    const checkResult = this.querySelector<HTMLElement>('.nb-check-result');
    if (checkResult) checkResult.hidden = true;
  }

  output(item: OutputItem): void {
    this.pendingDraws = this.pendingDraws.then(() => drawOutput(this.outputArea, item));
  }

  finished(result: RunResult): void {
    void this.pendingDraws.then(() => this.report(result));
  }

  private report(result: RunResult): void {
    const seconds = ((performance.now() - this.startedAt) / 1000).toFixed(2);
    if (result.status === 'stopped') {
      this.dataset.state = 'stopped';
      this.status.textContent = this.t.stopped;
      this.outputArea.append(message('nb-text nb-text-note', this.t.stoppedNote));
      return;
    }
    if (result.status === 'skipped') {
      this.dataset.state = 'skipped';
      this.status.textContent = '';
      this.outputArea.append(message('nb-text nb-text-note', result.because));
      return;
    }
    this.dataset.state = result.error ? 'error' : 'done';
    this.status.textContent = result.error ? this.t.failedAfter(seconds) : this.t.ranIn(seconds);
    if (result.error) {
      const { line } = result.error;
      const source = line ? this.code().split('\n')[line - 1]?.trim() : undefined;
      const where = line ? this.t.line(line, source === undefined || source.length <= 60 ? (source ?? '') : `${source.slice(0, 57)}…`) : '';
      const error = message('nb-text nb-text-error', `${where}${result.error.message}`);
      error.setAttribute('role', 'alert');
      if (line) error.dataset.line = String(line);
      this.outputArea.append(error);
      this.editor?.markLine(line);
    }
    this.memory.textContent = this.t.tensorsLeft(formatValue(result.tensorsLeft), result.tensorsLeft, formatValue(result.tensorsTotal));
    this.memory.dataset.left = String(result.tensorsLeft);
    if (result.check) this.showCheck(result.check.passed, result.check.message);
  }

  private showCheck(passed: boolean, text: string): void {
    const host = this.querySelector<HTMLElement>('.nb-check-result');
    if (!host) return;
    host.hidden = false;
    host.dataset.passed = String(passed);
    host.textContent = `${passed ? this.t.passed : this.t.notYet}${text}`;
    const store = storage();
    if (passed && store) recordProgress(store, this.lesson, 'exercises', this.cellId);
  }
}

function message(className: string, text: string): HTMLElement {
  const node = document.createElement('pre');
  node.className = className;
  node.textContent = text;
  return node;
}

const noStore = { getItem: () => null, setItem: () => undefined, removeItem: () => undefined };

if (!customElements.get('code-cell')) customElements.define('code-cell', CodeCell);
