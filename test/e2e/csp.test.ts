import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openPage, startSite, waitForLabs } from './harness';
import { englishPages } from './site-pages';

/**
 * The built pages carry a strict Content-Security-Policy in a <meta>; every page and lab works under it,
 * and nothing on them breaks it (a broken rule fires securitypolicyviolation, recorded from the first
 * script on).
 */
let site: Awaited<ReturnType<typeof startSite>>;
beforeAll(async () => {
  site = await startSite([], { extraScripts: { '/csp-probe-worker.js': "postMessage(typeof new Function('return 1 + 1')())" } });
  await site.context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`));
  });
});
afterAll(async () => {
  await site?.close();
});

function violations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
}

describe('Content-Security-Policy', () => {
  test('the policy is strict: scripts and workers from the site only, no inline script, no eval', async () => {
    const { page } = await openPage(site.context, site.origin, '/');
    const policy = (await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')) ?? '';
    const directives = new Map(
      policy.split(';').map((part) => {
        const [name = '', ...values] = part.trim().split(/\s+/);
        return [name, values] as const;
      }),
    );
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(directives.get('worker-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(await page.locator('script:not([src])').count()).toBe(0);
    expect(await page.locator('[onsubmit], [onclick], [onload]').count()).toBe(0);
    // The policy is in force: an inline script added now does not run.
    const ran = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.inlineRan = true';
      document.head.append(script);
      return (window as unknown as { inlineRan?: boolean }).inlineRan === true;
    });
    expect(ran).toBe(false);
    expect((await violations(page)).length).toBe(1);
    await page.close();
  });

  test.each(englishPages)('%s and its labs work under the policy with no violation', async (path) => {
    const { page, errors } = await openPage(site.context, site.origin, `${path}?backend=wasm`);
    await waitForLabs(page);
    expect(await violations(page), path).toEqual([]);
    expect(errors, path).toEqual([]);
    await page.close();
  });

  test("WebAssembly threads start from the site's own worker files, one per core, on the page and in the notebook's worker", async () => {
    const { page } = await openPage(site.context, site.origin, '/lessons/normalisation/?backend=wasm');
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    await page.reload({ waitUntil: 'load' });
    await page.waitForSelector('backend-badge[data-backend="wasm"]', { timeout: 120_000 });
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    // The lab's badge: the notebook's cells above it have badges of their own, which wait for a Run.
    expect(await page.locator('backend-badge[data-backend="wasm"] .backend-why').first().textContent()).toContain(`and ${cores} threads`);
    const pageThreads = [...workers];
    await page.locator('#cell-layout .nb-run').click();
    await page.waitForFunction(() => document.querySelector('#cell-layout .backend-name')?.textContent === 'runs on WebAssembly', undefined, {
      timeout: 120_000,
    });
    // The cells' worker itself, then its threads.
    const [notebookWorker, ...notebookThreads] = workers.slice(pageThreads.length);
    expect(notebookWorker).toMatch(/\/_astro\/notebook-worker[.-][\w-]+\.js$/);
    // One worker per thread: tfjs's start-up code alone would start 8 from blob: URLs (scripts/tfjs-wasm-worker.ts).
    for (const threads of [pageThreads, notebookThreads]) {
      expect(threads.length).toBe(cores);
      for (const url of threads) expect(url).toMatch(new RegExp(`^${site.origin}/_astro/tfjs-backend-wasm-threaded-simd\\.worker\\.[\\w-]+\\.js$`));
    }
    expect(await violations(page)).toEqual([]);
    await page.close();
  });

  test("a dedicated worker from the site does not inherit the page's <meta> policy: it may evaluate code", async () => {
    // The notebook's code cells rely on this: they evaluate the reader's code inside their own worker only,
    // while the page's script-src (no 'unsafe-eval', checked above) keeps eval out of the page itself.
    const { page } = await openPage(site.context, site.origin, '/');
    const answer = await page.evaluate(
      () =>
        new Promise<string>((resolve, reject) => {
          const worker = new Worker('/csp-probe-worker.js');
          worker.onmessage = (event: MessageEvent<string>) => resolve(event.data);
          worker.onerror = (event) => reject(new Error(event.message));
        }),
    );
    expect(answer).toBe('number');
    await page.close();
  });
});
