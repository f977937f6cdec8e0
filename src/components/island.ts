/**
 * The island kit: what every island (a custom element that wires one demo) needs, written once.
 *   Island                 base class: find() markup, listen() outside the island until it leaves the page
 *   element                a new element with properties and a class
 *   errorText              the message of anything thrown, for "Could not …: <text>" (developer advice: console)
 *   copyLink               the page address to the clipboard, with a status line
 *   downloadCanvas         a canvas as a PNG file
 *   downloadProgress       a download's bytes on a <progress> and its text
 *   writeUrlParams         the island's state into the address bar (other keys, e.g. ?backend=, stay)
 *   LatestRun, oneAtATime  latest run wins: stale results are never drawn
 *   watchFormulaSymbols, lightSymbol   formula symbols `\htmlClass{sym sym-NAME}{…}` tied to live numbers (pointer and keys)
 *   pageLocale, localStrings   the page's locale, and its entry of a text table from src/i18n/components/
 * siteUrl (site-url.ts) gives paths under the site's base URL. See src/components/README.md.
 */

import { islandKitStrings } from '../i18n/components/island-kit';
import { weightsErrorStrings } from '../i18n/components/weights-errors';
import { localeOfTag, type Locale, type Localized } from '../lib/i18n';

/** The page's locale, from its <html lang> (e.g. for a worker, which has no document). */
export function pageLocale(): Locale {
  return localeOfTag(document.documentElement.lang);
}

/**
 * The page locale's entry of a text table (src/i18n/components/): the page says its locale in <html lang>,
 * which the .astro side rendered from the same route, so the island's words match the markup's.
 */
export function localStrings<T>(table: Localized<T>): T {
  return table[pageLocale()];
}

export abstract class Island extends HTMLElement {
  private lifetime = new AbortController();

  /** The first element matching `selector`; markup that lacks it is a bug, so this throws. */
  protected find<T extends Element = HTMLElement>(selector: string, root: ParentNode = this): T {
    const found = root.querySelector<T>(selector);
    if (!found) throw new Error(`<${this.localName}> markup lacks ${selector}`);
    return found;
  }

  /** A listener on something outside the island (document, window), removed when the island leaves the page. */
  listen<E extends Event = Event>(target: EventTarget, type: string, listener: (event: E) => void): void {
    target.addEventListener(type, listener as EventListener, { signal: this.lifetime.signal });
  }

  disconnectedCallback(): void {
    this.lifetime.abort();
    this.lifetime = new AbortController();
  }
}

/** A new element with properties and a class, e.g. element('span', { textContent: 'μ' }, 'sym sym-mu'). */
export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  className = '',
): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  if (className) node.className = className;
  return node;
}

/** The fields of src/lib/weights.ts's errors that a reader's message uses (this file does not import that module). */
interface WeightsFailure {
  url?: string;
  status?: number | null;
  detail?: string;
  developerAdvice?: string;
}

/**
 * The message for the page, in its language for a weights failure (told apart by the error's name); advice
 * meant for whoever hosts the site, and the developer's message, go to the console.
 */
export function errorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const failure = error as Error & WeightsFailure;
  if (typeof failure.developerAdvice === 'string') console.warn(`${error.message} ${failure.developerAdvice}`);
  const t = localStrings(weightsErrorStrings);
  switch (error.name) {
    case 'WeightsMissingError':
      return t.missing(failure.url ?? '', failure.status ?? null);
    case 'WeightsCorruptError':
      return t.damaged(failure.url ?? '', failure.detail ?? '');
    case 'WeightsFormatError':
      return t.mismatch(failure.detail ?? '');
    default:
      return error.message;
  }
}

/** Copies the page address (it holds the island's state) and says so in `status`. */
export function copyLink(status: Element): void {
  const t = localStrings(islandKitStrings);
  Promise.resolve()
    .then(() => navigator.clipboard.writeText(location.href))
    .then(
      () => (status.textContent = t.linkCopied),
      () => (status.textContent = t.copyAddressBar),
    );
}

export function downloadCanvas(canvas: HTMLCanvasElement, fileName: string): void {
  canvas.toBlob((blob) => {
    if (!blob) return;
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = fileName;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  }, 'image/png');
}

/** Reports a download on a <progress> and its text, e.g. "Loading the generator: 1.05 of 2.09 MB"; `what` is in the page's language. */
export function downloadProgress(bar: HTMLProgressElement, text: Element, what: string): (progress: { loadedBytes: number; totalBytes: number }) => void {
  const t = localStrings(islandKitStrings);
  return ({ loadedBytes, totalBytes }) => {
    bar.value = totalBytes ? loadedBytes / totalBytes : 0;
    text.textContent = t.loading(what, (loadedBytes / 1e6).toFixed(2), (totalBytes / 1e6).toFixed(2));
  };
}

/** Lets `write` change the address bar's query (without a history entry); returns what `write` returns. */
export function writeUrlParams<T>(write: (params: URLSearchParams) => T): T {
  const params = new URLSearchParams(location.search);
  const result = write(params);
  history.replaceState(history.state, '', `${location.pathname}?${params.toString()}${location.hash}`);
  return result;
}

/**
 * Removes query keys whose values a lab could not use from the address bar and says so in `note` (hidden
 * when there are none), so a shared link with a typo does not silently show something else.
 */
export function dropMalformedParams(keys: readonly string[], note: HTMLElement): void {
  note.hidden = keys.length === 0;
  if (keys.length === 0) return;
  const params = new URLSearchParams(location.search);
  const shown = keys.map((key) => `${key}=${params.get(key) ?? ''}`).join(', ');
  const { before, after } = localStrings(islandKitStrings).droppedParams;
  note.replaceChildren(before, element('code', { textContent: shown }), after);
  writeUrlParams((query) => keys.forEach((key) => query.delete(key)));
}

/** Whether a lab in that phase is loading a model or computing. */
export function isBusyPhase(phase: string): boolean {
  return phase === 'loading' || phase === 'running' || phase === 'drawing';
}

/**
 * Shows a lab's phase: `data-state` on the lab (tests wait for it), and aria-busy on the region the lab is
 * updating while it is busy: assistive technology waits for the finished result, and the page can tell that
 * a lab is working (see `labsAreBusy`).
 */
export function showPhase(lab: HTMLElement, phase: string, updating: Element): void {
  lab.dataset.state = phase;
  updating.setAttribute('aria-busy', String(isBusyPhase(phase)));
}

/** Whether some lab on the page is computing or loading its model now. */
export function labsAreBusy(): boolean {
  return document.querySelector('[aria-busy="true"]') !== null;
}

/** Latest run wins: runs may overlap, and each draws only if no later run has started since. */
export class LatestRun {
  private current = 0;

  /** Starts a run: its number, larger than every earlier run's. */
  start(): number {
    return ++this.current;
  }

  isLatest(run: number): boolean {
    return run === this.current;
  }
}

/**
 * One run at a time, latest request wins: a request during a run marks that run superseded (the task
 * checks `superseded()` before it draws) and runs the task again when it ends. For heavy work that must
 * not pile up, such as a generator call per slider step.
 */
export function oneAtATime(task: (superseded: () => boolean) => Promise<void>): () => Promise<void> {
  let running = false;
  let pending = false;
  return async () => {
    if (running) {
      pending = true;
      return;
    }
    running = true;
    try {
      do {
        pending = false;
        await task(() => pending);
      } while (pending);
    } finally {
      running = false;
    }
  };
}

/**
 * Calls `onSymbol` when the pointer or keyboard focus enters a formula symbol `.sym.sym-NAME` (NAME one of
 * `names`) anywhere on the page, and with undefined when it leaves one.
 */
export function watchFormulaSymbols<Name extends string>(
  island: Island,
  names: readonly Name[],
  onSymbol: (name: Name | undefined, symbol: HTMLElement | undefined) => void,
): void {
  letKeysStepThroughFormulas();
  const handle = (event: Event): void => {
    const target = event.target instanceof Element ? event.target : undefined;
    const symbol = target?.closest<HTMLElement>('.sym') ?? (target?.matches(formulaWithSymbols) ? currentSymbol(target) : undefined);
    const leaving = event.type === 'pointerout' || event.type === 'focusout';
    const name = symbol ? names.find((candidate) => symbol.classList.contains(`sym-${candidate}`)) : undefined;
    onSymbol(leaving ? undefined : name, leaving ? undefined : symbol);
  };
  for (const type of ['pointerover', 'pointerout', 'focusin', 'focusout', symbolStepEvent]) island.listen(document, type, handle);
}

/**
 * Keyboard access to the symbols inside the lessons' formulas. KaTeX hides its visual HTML from screen readers
 * (they read its MathML), so a symbol in it must not take focus itself; the formula does: Tab reaches it, and
 * the arrow keys (Home, End) step through its symbols, each lit as on hover.
 */
const formulaWithSymbols = '.formula-symbols';
const symbolStepEvent = 'formula-symbol-step';

function currentSymbol(formula: Element): HTMLElement | undefined {
  return formula.querySelector<HTMLElement>('.sym.is-current') ?? formula.querySelector<HTMLElement>('.sym') ?? undefined;
}

let formulasReachable = false;
function letKeysStepThroughFormulas(): void {
  for (const symbol of document.querySelectorAll('.katex .sym')) {
    const formula = symbol.closest('.katex-display') ?? symbol.closest('.katex');
    if (!formula || formula.matches(formulaWithSymbols)) continue;
    formula.classList.add(formulaWithSymbols.slice(1));
    formula.setAttribute('tabindex', '0');
  }
  if (formulasReachable) return;
  formulasReachable = true;
  // Registered before any island's listeners, so they see the symbol marked current on focus.
  document.addEventListener('focusin', (event) => {
    if (event.target instanceof Element && event.target.matches(formulaWithSymbols)) currentSymbol(event.target)?.classList.add('is-current');
  });
  document.addEventListener('keydown', (event) => {
    const formula = event.target instanceof Element && event.target.matches(formulaWithSymbols) ? event.target : undefined;
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
    if (!formula || (step === undefined && event.key !== 'Home' && event.key !== 'End')) return;
    event.preventDefault();
    const symbols = [...formula.querySelectorAll<HTMLElement>('.sym')];
    const now = Math.max(
      0,
      symbols.findIndex((symbol) => symbol.classList.contains('is-current')),
    );
    const next = event.key === 'Home' ? 0 : event.key === 'End' ? symbols.length - 1 : (now + (step ?? 0) + symbols.length) % symbols.length;
    symbols[now]?.classList.remove('is-current');
    symbols[next]?.classList.add('is-current');
    symbols[next]?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    formula.dispatchEvent(new Event(symbolStepEvent, { bubbles: true }));
  });
}

/** Lights every `.sym-NAME` on the page (the symbol in the formulas and the numbers beside it); undefined clears. */
export function lightSymbol(name: string | undefined): void {
  for (const node of document.querySelectorAll('.sym.is-active')) node.classList.remove('is-active');
  if (name) for (const node of document.querySelectorAll(`.sym-${name}`)) node.classList.add('is-active');
}
