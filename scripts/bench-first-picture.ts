/**
 * Time to the first stylised image on lesson 4 (`npm run bench -- --first-picture`): Chromium opens
 * /lessons/style-transfer/?backend=wasm&model=<m>&size=256, presses Stylise as soon as it can, and the page
 * records when each step of the way happened (an init script listens to the page's own events and
 * attributes; the weights' arrival comes from the browser's resource timing). A cold visit starts from a
 * fresh browser profile (empty HTTP cache, no service worker); the second visit opens the page again in the
 * same browser once the service worker has saved the model's weights.
 */
import type { BrowserContext } from 'playwright-core';
import { launchChromium, serveDist } from '../test/e2e/harness';
import { median } from './bench-site';

export type BenchModel = 'mobile' | 'vgg';

/** Milliseconds after navigation start, by milestone name (see MILESTONES). */
export type Milestones = Record<string, number>;

/** The rows of the breakdown, in the order they usually happen. */
export const MILESTONES = [
  'page parsed (DOMContentLoaded)',
  'Stylise pressed',
  'tfjs loaded, backend starting',
  'backend ready (wasm compiled, threads up)',
  'mobile weights downloaded',
  'VGG-19 weights downloaded',
  'first layer runs (weights checked and built)',
  'picture by the mobile model',
  'picture by VGG-19',
] as const;

// Plain JavaScript in a string: the page runs it before its own scripts (a function would be rewritten by tsx).
const recorder = `
  const marks = {};
  window.__firstPicture = marks;
  const mark = (name) => { marks[name] ??= performance.now(); };
  document.addEventListener('DOMContentLoaded', () => mark('page parsed (DOMContentLoaded)'));
  document.addEventListener('click', (event) => { if (event.target.closest?.('style-lab .run')) mark('Stylise pressed'); }, true);
  document.addEventListener('notebook:backend-starting', () => mark('tfjs loaded, backend starting'));
  document.addEventListener('notebook:backend', () => mark('backend ready (wasm compiled, threads up)'));
  new MutationObserver((records) => {
    for (const record of records) {
      const lab = record.target;
      if (lab.localName !== 'style-lab') continue;
      if (record.attributeName === 'data-state' && lab.dataset.state === 'running') mark('first layer runs (weights checked and built)');
      if (record.attributeName === 'data-run-ms') {
        const model = lab.dataset.outputModel ?? lab.querySelector('select.model').value;
        mark(model === 'vgg' ? 'picture by VGG-19' : 'picture by the mobile model');
      }
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state', 'data-run-ms'] });
`;

const folders: Record<BenchModel, string> = { mobile: 'adain-mobile', vgg: 'adain-vgg19' };
const pictureMark: Record<BenchModel, string> = { mobile: 'picture by the mobile model', vgg: 'picture by VGG-19' };

/**
 * One visit: opens the lab, presses Stylise, waits for the chosen model's picture; the milestones reached.
 * The page stays open until `leave` has settled (a reader stays too, while the worker saves the weights).
 */
async function visit(
  context: BrowserContext,
  url: string,
  model: BenchModel,
  leave: (marks: Milestones) => Promise<void> = async () => undefined,
  readingMs = 0,
): Promise<Milestones> {
  const page = await context.newPage();
  try {
    await page.addInitScript(recorder);
    await page.goto(url, { waitUntil: 'commit' });
    // A click before the lab's script has run would be lost: a reader could not press it any sooner either.
    await page.waitForFunction(() => customElements.get('style-lab') !== undefined, undefined, { timeout: 60_000, polling: 20 });
    if (readingMs) await page.waitForTimeout(readingMs);
    await page.locator('style-lab .run').click({ timeout: 60_000 });
    await page.waitForFunction(
      (name) => (window as unknown as { __firstPicture: Milestones }).__firstPicture[name] !== undefined || document.querySelector('style-lab .message-error'),
      pictureMark[model],
      { timeout: 300_000, polling: 50 },
    );
    const failed = await page
      .locator('style-lab .message-error')
      .first()
      .textContent({ timeout: 1 })
      .catch(() => null);
    if (failed) throw new Error(`the style lab failed: ${failed}`);
    const marks = await page.evaluate(
      (modelFolders) => {
        const marks: Record<string, number> = { ...(window as unknown as { __firstPicture: Record<string, number> }).__firstPicture };
        for (const [name, folder] of modelFolders) {
          const ends = performance
            .getEntriesByType('resource')
            .filter((entry) => entry.name.includes(`/models/${folder}/`) && entry.name.endsWith('.bin'))
            .map((entry) => (entry as PerformanceResourceTiming).responseEnd);
          if (ends.length) marks[name] = Math.max(...ends);
        }
        return marks;
      },
      [
        ['mobile weights downloaded', folders.mobile],
        ['VGG-19 weights downloaded', folders.vgg],
      ] as const,
    );
    await leave(marks);
    return marks;
  } finally {
    await page.close();
  }
}

/** Waits until the service worker says the folders' weights are saved (the page lists them in its footer). */
async function waitUntilSaved(context: BrowserContext, origin: string, wanted: readonly string[]): Promise<void> {
  const check = await context.newPage();
  try {
    for (let attempt = 0; attempt < 60; attempt++) {
      await check.goto(`${origin}/`, { waitUntil: 'load' });
      await check.waitForSelector('offline-status[data-ready]', { timeout: 120_000 });
      const saved = await Promise.all(wanted.map((folder) => check.locator(`offline-status li[data-folder="${folder}"][data-saved]`).count()));
      if (saved.every(Boolean)) return;
      await check.waitForTimeout(1000);
    }
    throw new Error(`the service worker did not save ${wanted.join(' and ')} within a minute`);
  } finally {
    await check.close();
  }
}

export interface FirstPictureRuns {
  cold: Milestones[];
  second: Milestones[];
}

/** Serves dist/ and calls `visits` with lesson 4's lab URL in `runs` fresh browsers (empty cache, no service worker yet). */
async function inFreshBrowsers<T>(model: BenchModel, runs: number, visits: (context: BrowserContext, url: string, origin: string) => Promise<T>): Promise<T[]> {
  const server = await serveDist();
  const url = `${server.origin}/lessons/style-transfer/?backend=wasm&model=${model}&size=256`;
  const results: T[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      const browser = await launchChromium([], { serviceWorkers: 'allow' });
      try {
        results.push(await visits(browser.context, url, server.origin));
      } finally {
        await browser.close();
      }
    }
  } finally {
    await server.close();
  }
  return results;
}

/** `runs` cold visits, each in a fresh browser, each followed by a second visit once the weights are saved. */
export async function firstPictureRuns(model: BenchModel, runs: number): Promise<FirstPictureRuns> {
  const pairs = await inFreshBrowsers(model, runs, async (context, url, origin) => ({
    cold: await visit(context, url, model, () => waitUntilSaved(context, origin, [folders[model]])),
    second: await visit(context, url, model),
  }));
  return { cold: pairs.map((pair) => pair.cold), second: pairs.map((pair) => pair.second) };
}

/**
 * `runs` cold visits in which the reader reads for `readingMs` before pressing Stylise, as most readers
 * do; meanwhile the lab loads its models and encodes its images (model-warmup.ts). Each visit's time from
 * the press to the chosen model's picture, in ms.
 */
export function afterReadingRuns(model: BenchModel, runs: number, readingMs: number): Promise<number[]> {
  return inFreshBrowsers(model, runs, async (context, url) => {
    const marks = await visit(context, url, model, undefined, readingMs);
    return marks[pictureMark[model]]! - marks['Stylise pressed']!;
  });
}

/** The first picture of a visit (by whichever model came first) and the chosen model's picture. */
export function pictureTimes(marks: Milestones, model: BenchModel): { first: number; firstBy: string; chosen: number } {
  const pictures = (['mobile', 'vgg'] as const).filter((kind) => marks[pictureMark[kind]] !== undefined);
  const firstBy = pictures.sort((a, b) => marks[pictureMark[a]]! - marks[pictureMark[b]]!)[0] ?? model;
  return { first: marks[pictureMark[firstBy]] ?? Number.NaN, firstBy, chosen: marks[pictureMark[model]] ?? Number.NaN };
}

/** Median of each milestone over the visits that reached it, as a table: one column per case. */
export function breakdownTable(columns: { title: string; visits: Milestones[] }[]): string {
  const width = Math.max(...MILESTONES.map((name) => name.length));
  const header = `${'ms after navigation (medians)'.padEnd(width)}${columns.map((column) => column.title.padStart(14)).join('')}`;
  const rows = MILESTONES.map((name) => {
    const cells = columns.map((column) => {
      const values = column.visits.map((marks) => marks[name]).filter((value): value is number => value !== undefined);
      return (values.length ? median(values).toFixed(0) : '–').padStart(14);
    });
    return `${name.padEnd(width)}${cells.join('')}`;
  });
  return [header, ...rows].join('\n');
}
