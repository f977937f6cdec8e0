import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openPage, startSite } from './harness';

/**
 * Lesson 5's block lab on the built site: it runs the generator on WebAssembly and shows, for the chosen
 * channel, statistics after AdaIN that are the style's (μ = y_b, σ = |y_s|), as AdaIN defines them.
 */
let site: Awaited<ReturnType<typeof startSite>>;
beforeAll(async () => {
  site = await startSite();
});
afterAll(async () => {
  await site?.close();
});

function numberAfter(text: string, label: RegExp): number {
  const match = text.match(new RegExp(`${label.source}\\s*=\\s*(-?[\\d.]+(?:e[-+]?\\d+)?)`));
  if (!match) throw new Error(`no ${label.source} in: ${text}`);
  return Number(match[1]);
}

describe('the StyleGAN block lab', () => {
  test('after AdaIN each channel carries the style: μ = y_b and σ = |y_s|, with no console errors', async () => {
    const { page, errors, foreignRequests } = await openPage(site.context, site.origin, '/lessons/stylegan/?backend=wasm');
    await page.waitForSelector('stylegan-block[data-state="done"]', { timeout: 120_000 });
    const lines = await page.locator('stylegan-block .block-readout-line').allTextContents();
    expect(lines).toHaveLength(4);
    const ys = numberAfter(lines[2]!, /ys,i/);
    const yb = numberAfter(lines[2]!, /yb,i/);
    const meanAfter = numberAfter(lines[3]!, /μ/);
    const stdAfter = numberAfter(lines[3]!, /σ/);
    // The readout rounds to three decimals.
    expect(Math.abs(meanAfter - yb)).toBeLessThanOrEqual(0.0015);
    expect(Math.abs(stdAfter - Math.abs(ys))).toBeLessThanOrEqual(0.0015 + 1e-3 * Math.abs(ys));
    expect(errors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await page.close();
  });

  test('the URL restores layer, channel, seed and noise, and follows the controls', async () => {
    const { page, errors } = await openPage(
      site.context,
      site.origin,
      '/lessons/stylegan/?backend=wasm&block-layer=6&block-channel=5&block-seed=9&block-noise=0',
    );
    await page.waitForSelector('stylegan-block[data-state="done"]', { timeout: 120_000 });
    expect(await page.locator('stylegan-block [name=layer]').inputValue()).toBe('6');
    expect(await page.locator('stylegan-block [name=seed]').inputValue()).toBe('9');
    expect(await page.locator('stylegan-block [name=noise]').isChecked()).toBe(false);
    const first = await page.locator('stylegan-block .block-readout-line').first().textContent();
    expect(first).toMatch(/Layer 6 \(32×32, \d+ channels\), channel i = 5/);
    await page.locator('stylegan-block [name=layer]').selectOption('1');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('block-layer') === '1');
    const params = new URLSearchParams(new URL(page.url()).search);
    expect(params.get('block-channel')).toBe('0');
    expect(params.get('backend')).toBe('wasm');
    expect(errors).toEqual([]);
    await page.close();
  });

  test('values it cannot use get a short note and leave the address bar; the good ones stay', async () => {
    const { page, errors } = await openPage(site.context, site.origin, '/lessons/stylegan/?backend=wasm&block-seed=abc&block-layer=99&block-channel=5');
    const note = page.locator('stylegan-block .block-url-note');
    await note.waitFor({ state: 'visible' });
    expect(await note.textContent()).toBe(
      'The address held values this lab cannot use (block-seed=abc, block-layer=99); it shows the defaults for them instead.',
    );
    const params = new URL(page.url()).searchParams;
    expect([params.has('block-seed'), params.has('block-layer'), params.get('block-channel'), params.get('backend')]).toEqual([false, false, '5', 'wasm']);
    await page.waitForSelector('stylegan-block[data-state="done"]', { timeout: 120_000 });
    expect(errors).toEqual([]);
    await page.close();
  });
});
