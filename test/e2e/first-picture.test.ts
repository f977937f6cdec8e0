import type { Page, Request } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { launchChromium, openPage, serveDist, useSite } from './harness';

/**
 * The first picture comes fast: the style lab starts tfjs and the weights when it nears the viewport, the
 * run reuses that download, and the lab encodes its images before the press; with VGG-19 chosen and not yet
 * loaded, the mobile model's picture shows first, labelled, and VGG-19's replaces it; the service worker's
 * install (the whole site) waits until the lab is done and the page has been quiet. (Behaviour, not timing: `npm run bench -- --first-picture` measures the time.)
 */
const site = useSite();

const lab = (model: 'mobile' | 'vgg') =>
  `/lessons/style-transfer/?backend=wasm&content=chelsea&styles=art-swirl-3:1&alpha=1&model=${model}&size=128&color=none&mask=none`;

/** The weight files the page requested so far, by path under models/. */
function weightRequests(page: Page): string[] {
  const requested: string[] = [];
  page.on('request', (request: Request) => {
    const match = /\/models\/(.+\.bin)$/.exec(request.url());
    if (match) requested.push(match[1]!);
  });
  return requested;
}

async function outputIsDrawn(page: Page): Promise<boolean> {
  return page.locator('style-lab canvas.output').evaluate((canvas: HTMLCanvasElement) => {
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    return data.some((value, i) => i % 4 !== 3 && value !== 0);
  });
}

describe('first picture', () => {
  test('the weights download starts when the lab nears the viewport, before Stylise, and the run reuses it', async () => {
    const page = await site.context.newPage();
    // A short window, so that the lab starts more than a screen below it.
    await page.setViewportSize({ width: 1280, height: 400 });
    const requested = weightRequests(page);
    await page.goto(`${site.origin}${lab('mobile')}`, { waitUntil: 'load' });
    const { top, screen } = await page.locator('style-lab').evaluate((element) => ({ top: element.getBoundingClientRect().top, screen: innerHeight }));
    expect(top, 'the lab must start more than two screens down for this test').toBeGreaterThan(2 * screen);
    await page.waitForTimeout(2000);
    expect(requested).toEqual([]);

    await page.locator('style-lab').scrollIntoViewIfNeeded();
    await expect.poll(() => requested.length, { timeout: 60_000 }).toBe(2);
    expect(requested.toSorted()).toEqual(['adain-mobile/decoder.bin', 'adain-mobile/encoder.bin']);
    expect(await page.locator('style-lab').getAttribute('data-state')).toBe('idle');

    await page.locator('style-lab .run').click();
    await page.waitForSelector('style-lab[data-state="done"]', { timeout: 120_000 });
    expect(await page.locator('style-lab .output-model').textContent()).toBe('Made by the mobile model.');
    expect(requested).toHaveLength(2);
    await page.close();
  });

  test('with VGG-19 chosen, the mobile picture shows first, labelled, and VGG-19’s replaces it without leaking tensors', async () => {
    const { page, errors } = await openPage(site.context, site.origin, '/');
    // VGG-19's weights wait until the mobile model's picture is on the page.
    let release: () => void = () => undefined;
    const mobileShown = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/models/adain-vgg19/*.bin', async (route) => {
      await mobileShown;
      await route.continue();
    });
    await page.goto(`${site.origin}${lab('vgg')}`, { waitUntil: 'load' });
    await page.locator('style-lab .run').click();

    await page.waitForSelector('style-lab[data-output-model="mobile"]', { timeout: 120_000 });
    const labElement = page.locator('style-lab');
    expect(await labElement.getAttribute('data-state')).not.toBe('done');
    expect(await page.locator('style-lab .output-model').textContent()).toBe(
      'Made by the mobile model, shown while VGG-19 loads. VGG-19’s picture will replace it.',
    );
    expect(await outputIsDrawn(page)).toBe(true);
    const mobilePicture = await page.locator('style-lab canvas.output').evaluate((canvas: HTMLCanvasElement) => canvas.toDataURL());
    release();

    await page.waitForSelector('style-lab[data-state="done"][data-output-model="vgg"]', { timeout: 180_000 });
    expect(await page.locator('style-lab .output-model').textContent()).toBe('Made by VGG-19.');
    expect(await page.locator('style-lab canvas.output').evaluate((canvas: HTMLCanvasElement) => canvas.toDataURL())).not.toBe(mobilePicture);
    expect(await page.locator('style-lab .losses').textContent()).toMatch(/Content loss L_c = \d/);
    expect(await labElement.getAttribute('data-runs')).toBe('1');
    const afterFirst = Number(await labElement.getAttribute('data-num-tensors'));

    // The same picture again, once by the mobile model and once by VGG-19 (now loaded: no quick picture
    // first): the tensors kept are the same as after the first run, so its quick picture left nothing behind.
    await labElement.locator('select.model').selectOption('mobile');
    await page.waitForSelector('style-lab[data-runs="2"][data-state="done"]', { timeout: 120_000 });
    expect(await page.locator('style-lab .output-model').textContent()).toBe('Made by the mobile model.');
    await labElement.locator('select.model').selectOption('vgg');
    await page.waitForSelector('style-lab[data-runs="3"][data-state="done"]', { timeout: 180_000 });
    expect(await page.locator('style-lab .output-model').textContent()).toBe('Made by VGG-19.');
    expect(Number(await labElement.getAttribute('data-num-tensors'))).toBe(afterFirst);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('while the reader reads, the lab encodes its images with VGG-19, and the first press runs only AdaIN and the decoder', async () => {
    const { page, errors } = await openPage(site.context, site.origin, lab('vgg'));
    const labElement = page.locator('style-lab');
    await labElement.scrollIntoViewIfNeeded();
    await page.waitForSelector('style-lab[data-prepared="vgg"]', { timeout: 180_000 });
    expect(await labElement.getAttribute('data-state')).toBe('idle');
    const outputModels: string[] = [];
    await page.exposeFunction('outputModel', (model: string) => outputModels.push(model));
    await labElement.evaluate((element) => {
      new MutationObserver(() =>
        (window as unknown as { outputModel: (model: string) => void }).outputModel((element as HTMLElement).dataset.outputModel ?? ''),
      ).observe(element, { attributes: true, attributeFilter: ['data-output-model'] });
    });

    await page.locator('style-lab .run').click();
    await page.waitForSelector('style-lab[data-state="done"]', { timeout: 120_000 });
    // VGG-19 was ready, so no mobile picture came first; the encodings were there before the press.
    expect(outputModels).toEqual(['vgg']);
    expect(await page.locator('style-lab .timing').textContent()).toMatch(
      /^128×88 in \d+ ms on WebAssembly: encodings were cached, so only AdaIN and the decoder ran\.$/,
    );
    expect(await page.locator('style-lab .losses').textContent()).toMatch(/Content loss L_c = \d/);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('the service worker registers only after the first picture, once no lab has been busy for 3 s', async () => {
    const server = await serveDist();
    const browser = await launchChromium([], { serviceWorkers: 'allow' });
    try {
      const page = await browser.context.newPage();
      await page.addInitScript(() => {
        const times: { registered?: number; picture?: number; outputBusy?: boolean } = {};
        (window as unknown as { times: typeof times }).times = times;
        const register = ServiceWorkerContainer.prototype.register;
        ServiceWorkerContainer.prototype.register = function (...args) {
          times.registered ??= performance.now();
          return register.apply(this, args);
        };
        new MutationObserver(() => {
          if (document.querySelector('style-lab .lab-output[aria-busy="true"]')) times.outputBusy = true;
          if (document.querySelector('style-lab[data-run-ms]')) times.picture ??= performance.now();
        }).observe(document, { subtree: true, attributes: true, attributeFilter: ['aria-busy', 'data-run-ms'] });
        // Something else busy from the start, until the lab is: however slow the click, the worker cannot
        // register before it (and this shows that any busy region holds the install back).
        document.addEventListener('DOMContentLoaded', () => {
          const other = document.createElement('div');
          other.id = 'other-busy-region';
          other.setAttribute('aria-busy', 'true');
          document.body.append(other);
        });
      });
      await page.goto(`${server.origin}${lab('mobile')}`, { waitUntil: 'commit' });
      await page.waitForFunction(() => customElements.get('style-lab') !== undefined, undefined, { polling: 20 });
      await page.locator('style-lab .run').click();
      await page.waitForFunction(() => (window as unknown as { times: { outputBusy?: boolean } }).times.outputBusy === true);
      await page.locator('#other-busy-region').evaluate((other) => other.remove());
      await page.waitForFunction(() => (window as unknown as { times: { registered?: number } }).times.registered !== undefined, undefined, {
        timeout: 120_000,
      });
      const times = await page.evaluate(() => (window as unknown as { times: { registered: number; picture?: number; outputBusy?: boolean } }).times);
      expect(times.outputBusy).toBe(true);
      expect(times.picture).toBeDefined();
      // Polled every 250 ms: at least 3 s after the last poll that saw the lab busy, which came before the picture.
      expect(times.registered - times.picture!).toBeGreaterThan(2500);
      await page.waitForSelector('offline-status[data-ready]', { timeout: 120_000 });
    } finally {
      await browser.close();
      await server.close();
    }
  });

  test('the Chinese page names the model that made the picture in Chinese', async () => {
    const { page } = await openPage(site.context, site.origin, `/zh-cn${lab('mobile')}`);
    await page.locator('style-lab .run').click();
    await page.waitForSelector('style-lab[data-state="done"]', { timeout: 120_000 });
    expect(await page.locator('style-lab .output-model').textContent()).toBe('由 mobile 模型生成。');
    await page.close();
  });
});
