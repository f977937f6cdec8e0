import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium, openPage, serveDist, waitForLabs } from './harness';
import { englishPages } from './site-pages';

/**
 * The service worker, tested as a reader on a host that cannot send COOP/COEP would meet it: the first
 * visit saves the site, later pages get their isolation headers (and WebAssembly threads) from the worker,
 * and after the models are saved every page and lab works with the server stopped.
 */
let server: Awaited<ReturnType<typeof serveDist>> | undefined;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let origin: string;
beforeAll(async () => {
  server = await serveDist({ isolationHeaders: false });
  origin = server.origin;
  browser = await launchChromium([], { serviceWorkers: 'allow' });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The wasm thread count the backend badge reports, e.g. "WebAssembly with SIMD and 2 threads". */
async function wasmThreads(page: import('playwright-core').Page): Promise<number> {
  await page.waitForSelector('backend-badge[data-backend="wasm"]', { timeout: 120_000 });
  // The lab's badge: the notebook's cells above it have badges of their own, which wait for a Run.
  const why = (await page.locator('backend-badge[data-backend="wasm"] .backend-why').first().textContent()) ?? '';
  const match = /and (\d+) threads?|one thread/.exec(why);
  if (!match) throw new Error(`no thread count in "${why}"`);
  return match[1] ? Number(match[1]) : 1;
}

describe('offline and installable', () => {
  test('without COOP/COEP from the host, the page runs on one thread until the worker serves it, then on every core', async () => {
    const { page, errors } = await openPage(browser.context, origin, '/lessons/normalisation/?backend=wasm');
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
    expect(await wasmThreads(page)).toBe(1);
    await page.waitForSelector('offline-status[data-ready]', { timeout: 120_000 });
    expect(await page.locator('offline-status .offline-state').textContent()).toMatch(/^Available offline: this site \(\d+\.\d MB\) is saved/);

    await page.reload({ waitUntil: 'load' });
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    const threads = await wasmThreads(page);
    // Read after the backend has started: while it starts, tf-runtime.ts reports other core counts to tfjs.
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    console.log(`wasm threads after the service worker took control: ${threads} (hardwareConcurrency ${cores})`);
    expect(threads).toBe(Math.max(cores, 1));
    await waitForLabs(page);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('the manifest and its icons are served', async () => {
    const { page } = await openPage(browser.context, origin, '/');
    const manifest = await page.evaluate(async () => {
      const href = document.querySelector<HTMLLinkElement>('link[rel="manifest"]')!.href;
      const body = (await (await fetch(href)).json()) as { name: string; start_url: string; icons: { src: string; sizes: string }[] };
      const icons = await Promise.all(
        body.icons.map(async (icon) => {
          const image = await createImageBitmap(await (await fetch(new URL(icon.src, href))).blob());
          return `${image.width}x${image.height}`;
        }),
      );
      return { ...body, decoded: icons };
    });
    expect(manifest.name).toBe('AdaIN Notebook');
    expect(manifest.start_url).toBe('/');
    expect(manifest.decoded).toEqual(manifest.icons.map((icon) => icon.sizes));
    expect(manifest.decoded).toContain('512x512');
    await page.close();
  });

  test('after saving the models, every page and lab works with the server stopped', async () => {
    const { page } = await openPage(browser.context, origin, '/lessons/style-transfer/');
    await page.waitForSelector('offline-status[data-ready]', { timeout: 120_000 });
    const folders = page.locator('offline-status li');
    const labels = await folders.allTextContents();
    expect(labels.length).toBe(2);
    for (const label of labels) expect(label).toMatch(/saved \(\d+\.\d MB\)|Save it now \(\d+\.\d MB to download\)/);
    for (const button of await page.locator('offline-status li button').all()) await button.click();
    await page.waitForFunction(() => [...document.querySelectorAll('offline-status li')].every((item) => item.hasAttribute('data-saved')), undefined, {
      timeout: 180_000,
    });
    console.log('offline: models saved');
    await page.close();

    await server!.close();
    server = undefined;
    const offlineFetch = await browser.context.newPage();
    await expect(offlineFetch.goto(`${origin}/not-a-page/`)).rejects.toThrow();
    await offlineFetch.close();

    // The pages in reverse, so that the slowest (lesson 4, VGG-19) comes first and a failure shows early.
    for (const path of englishPages.toReversed()) {
      // wasm keeps every lab's run short; the default backend choice is tested elsewhere.
      const { page: offline, errors } = await openPage(browser.context, origin, `${path}?backend=wasm`);
      await waitForLabs(offline).catch(async (error: unknown) => {
        await offline.screenshot({ path: `.cache/offline-failure-${path.replace(/\W+/g, '_')}.png`, fullPage: true });
        throw error;
      });
      expect(await offline.evaluate(() => crossOriginIsolated), path).toBe(true);
      expect(errors, path).toEqual([]);
      console.log(`offline: ${path} and its labs work`);
      await offline.close();
    }
  }, 900_000);
});
