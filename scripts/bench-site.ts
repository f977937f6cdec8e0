/**
 * Site numbers: build time, the JavaScript a lesson page loads before and after tfjs, and the time from
 * navigation to an interactive tensor lab in Chromium. Run by `npm run bench` (after a build, or it builds).
 */
import { execFileSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchChromium, serveDist } from '../test/e2e/harness';

const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'dist');

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

export function timeBuild(): number {
  const start = performance.now();
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' });
  return (performance.now() - start) / 1000;
}

/** The JS files a module pulls in: statically (`from"./x.js"`) or, if asked, through dynamic `import("./x.js")`. */
async function closure(entries: string[], followDynamic: boolean): Promise<Set<string>> {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = await readFile(file, 'utf8');
    const staticImports = [...source.matchAll(/(?:from|import)\s*["'](\.{1,2}\/[^"']+\.js)["']/g)].map((m) => m[1]!);
    const dynamicImports = followDynamic ? [...source.matchAll(/import\(\s*["'](\.{1,2}\/[^"']+\.js)["']\s*\)/g)].map((m) => m[1]!) : [];
    for (const path of [...staticImports, ...dynamicImports]) queue.push(resolve(dirname(file), path));
  }
  return seen;
}

async function gzippedSize(files: Iterable<string>): Promise<number> {
  let total = 0;
  for (const file of files) total += gzipSync(await readFile(file)).length;
  return total;
}

export async function lessonJavaScript(pagePath: string): Promise<{ initialKiB: number; withTfjsKiB: number; files: number }> {
  const html = await readFile(join(dist, pagePath, 'index.html'), 'utf8');
  const entries = [...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) => join(dist, m[1]!));
  const initial = await closure(entries, false);
  const all = await closure(entries, true);
  return { initialKiB: (await gzippedSize(initial)) / 1024, withTfjsKiB: (await gzippedSize(all)) / 1024, files: all.size };
}

/** Milliseconds from navigation start until `readySelector` appears, median over `runs` cold loads. */
export async function timeToInteractive(pagePath: string, readySelector: string, runs = 5): Promise<{ textMs: number; readyMs: number }> {
  const server = await serveDist();
  const browser = await launchChromium();
  const text: number[] = [];
  const ready: number[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      const page = await browser.context.newPage();
      await page.goto(`${server.origin}${pagePath}`, { waitUntil: 'commit' });
      await page.waitForSelector(readySelector, { timeout: 60_000 });
      const readyAt = await page.evaluate(() => performance.now());
      const paint = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN);
      ready.push(readyAt);
      text.push(paint);
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return { textMs: median(text), readyMs: median(ready) };
}

/**
 * A lesson's notebook JS, gzipped: the page's own JS before any editor (static imports), what the CodeMirror
 * editor adds when it loads, and the worker that runs the cells (tfjs and the library, one file).
 */
export async function notebookJavaScript(pagePath: string): Promise<{ beforeKiB: number; editorKiB: number; workerKiB: number }> {
  const html = await readFile(join(dist, pagePath, 'index.html'), 'utf8');
  const entries = [...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) => join(dist, m[1]!));
  const initial = await closure(entries, false);
  const assets = await readdir(join(dist, '_astro'));
  const chunk = (prefix: string): string => {
    const name = assets.find((file) => file.startsWith(prefix) && file.endsWith('.js'));
    if (!name) throw new Error(`no ${prefix}*.js in dist/_astro: build first`);
    return join(dist, '_astro', name);
  };
  const editor = [...(await closure([chunk('code-editor')], false))].filter((file) => !initial.has(file));
  return {
    beforeKiB: (await gzippedSize(initial)) / 1024,
    editorKiB: (await gzippedSize(editor)) / 1024,
    workerKiB: (await gzippedSize([chunk('notebook-worker')])) / 1024,
  };
}

/**
 * Milliseconds from pressing Run on a freshly opened lesson (cold browser: nothing cached) to the first output
 * of a one-line cell, which includes starting the worker, loading tfjs there and choosing its backend.
 */
export async function timeToFirstCellOutput(pagePath: string, cellId: string, runs = 3): Promise<number> {
  const { cellLink } = await import('../src/lib/cell-link');
  const server = await serveDist();
  const times: number[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      const browser = await launchChromium();
      try {
        const page = await browser.context.newPage();
        await page.goto(await cellLink(`${server.origin}${pagePath}`, cellId, '1 + 1'), { waitUntil: 'load' });
        const ms = await page.evaluate(
          (id) =>
            new Promise<number>((done) => {
              const cell = document.getElementById(`cell-${id}`)!;
              const output = cell.querySelector('.nb-output')!;
              const start = performance.now();
              new MutationObserver(() => {
                if (output.querySelector('.nb-text')) done(performance.now() - start);
              }).observe(output, { childList: true });
              cell.querySelector<HTMLButtonElement>('.nb-run')!.click();
            }),
          cellId,
        );
        times.push(ms);
      } finally {
        await browser.close();
      }
    }
  } finally {
    await server.close();
  }
  return median(times);
}
