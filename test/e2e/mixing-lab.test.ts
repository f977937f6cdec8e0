import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { disposeGeneratorWeights, loadGeneratorWeights, type GeneratorWeights } from '../../src/lib/generator-weights';
import { wFromSeeds } from '../../src/lib/mapping';
import { mixingFigureLatents, synthesize } from '../../src/lib/synthesis';
import { useWasm } from '../lib/fixtures';
import { openPage, startSite } from './harness';

/**
 * The style-mixing lab in the built site, on WebAssembly: its grid must hold the library's images computed
 * here in Node for the same seeds, and redraws must leave no tensor behind. Missing weights give a message.
 */
const root = resolve(import.meta.dirname, '../..');
const rowSeeds = [1, 2, 3];
const columnSeeds = [4, 5, 6, 7];
const psi = 0.7;
const noiseSeed = 5;
// Crossover 4: rows give layers 0-3 (the coarse preset), columns the rest.
const labPath = `/lessons/style-mixing/?backend=wasm&rows=${rowSeeds.join(',')}&cols=${columnSeeds.join(',')}&layers=rrrrcccc&psi=${psi}&noise-seed=${noiseSeed}`;

let site: Awaited<ReturnType<typeof startSite>>;
let generator: GeneratorWeights;

beforeAll(async () => {
  await useWasm();
  generator = await loadGeneratorWeights({ baseUrl: '', fetch: async (url) => new Response(await readFile(join(root, 'public/generator', url))) });
  site = await startSite();
});
afterAll(async () => {
  if (generator) disposeGeneratorWeights(generator);
  await site?.close();
});

async function waitForRedraws(page: Page, count: number): Promise<void> {
  await page.waitForFunction(
    (n) => {
      const lab = document.querySelector('mixing-lab') as HTMLElement | null;
      return Number(lab?.dataset.redraws ?? 0) >= n && lab?.dataset.state === 'done';
    },
    count,
    { timeout: 120_000 },
  );
}

/** The grid canvas as RGBA bytes, with its scale. */
async function gridPixels(page: Page): Promise<{ width: number; scale: number; data: number[] }> {
  return page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('mixing-lab canvas.mixing-grid')!;
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    return { width: canvas.width, scale: Number(canvas.dataset.scale), data: Array.from(data) };
  });
}

/** What the library draws in Node for these layer sources: the mixes, then the row seeds alone, then the column seeds alone. */
function nodeImages(fromRow: readonly boolean[]): Float32Array {
  return tf.tidy(() => {
    const all = mixingFigureLatents(wFromSeeds(generator, rowSeeds, psi), wFromSeeds(generator, columnSeeds, psi), fromRow);
    const { images } = synthesize(generator, all, { noise: { seeds: new Array<number>(all.shape[0]).fill(noiseSeed) }, range: 'bytes' });
    return Float32Array.from(images.dataSync());
  });
}

/** The largest difference between the grid on the page and the library's images for the same layer sources. */
async function gridDifference(page: Page, fromRow: readonly boolean[]): Promise<number> {
  const expected = nodeImages(fromRow);
  const { width, scale, data } = await gridPixels(page);
  // Same layout as mixing-state's gridLayout: sources top and left, a 3-gap margin after them, 4-pixel gaps.
  const [size, gap] = [32 * scale, 4];
  const offset = size + 3 * gap;
  const positions = [
    ...rowSeeds.flatMap((_, r) => columnSeeds.map((_, c) => [offset + c * (size + gap), offset + r * (size + gap)])),
    ...rowSeeds.map((_, r) => [0, offset + r * (size + gap)]),
    ...columnSeeds.map((_, c) => [offset + c * (size + gap), 0]),
  ];
  let maxDiff = 0;
  positions.forEach(([x, y], index) => {
    for (let py = 0; py < 32; py++)
      for (let px = 0; px < 32; px++)
        for (let ch = 0; ch < 3; ch++) {
          // The centre of each scale × scale square.
          const canvasIndex = ((y! + py * scale + 1) * width + (x! + px * scale + 1)) * 4 + ch;
          maxDiff = Math.max(maxDiff, Math.abs(data[canvasIndex]! - expected[((index * 32 + py) * 32 + px) * 3 + ch]!));
        }
  });
  return maxDiff;
}

describe('mixing lab', () => {
  test('draws the library’s grid on wasm, without console errors or tensor leaks', async () => {
    const { page, errors, foreignRequests } = await openPage(site.context, site.origin, labPath);
    await waitForRedraws(page, 1);
    expect(await page.locator('mixing-lab backend-badge').getAttribute('data-backend')).toBe('wasm');

    expect(await gridDifference(page, [true, true, true, true, false, false, false, false])).toBeLessThanOrEqual(2);

    // 20 redraws of new noise: tf's live tensor count stays at its value after loading the weights.
    const lab = page.locator('mixing-lab');
    const baseline = Number(await lab.getAttribute('data-tensors-baseline'));
    expect(baseline).toBeGreaterThan(0);
    expect(Number(await lab.getAttribute('data-tensors'))).toBe(baseline);
    for (let i = 0; i < 20; i++) {
      const before = Number(await lab.getAttribute('data-redraws'));
      await page.getByRole('button', { name: 'Resample noise only' }).click();
      await waitForRedraws(page, before + 1);
      expect(Number(await lab.getAttribute('data-tensors'))).toBe(baseline);
    }
    expect(new URL(page.url()).searchParams.get('noise-seed')).toBe(String(noiseSeed + 20 * 6));
    expect(errors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await page.close();
  });

  test('the middle and fine presets draw the library’s grids too', async () => {
    const { page, errors } = await openPage(site.context, site.origin, labPath);
    await waitForRedraws(page, 1);
    for (const [preset, layers] of [
      ['middle', 'ccccrrcc'],
      ['fine', 'ccccccrr'],
    ] as const) {
      const before = Number(await page.locator('mixing-lab').getAttribute('data-redraws'));
      await page.getByRole('button', { name: preset, exact: true }).click();
      await waitForRedraws(page, before + 1);
      expect(new URL(page.url()).searchParams.get('layers')).toBe(layers);
      expect(
        await gridDifference(
          page,
          [...layers].map((source) => source === 'r'),
        ),
      ).toBeLessThanOrEqual(2);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  test('keyboard: arrow keys move the selected face; presets and ψ go into the URL', async () => {
    const { page, errors } = await openPage(site.context, site.origin, labPath);
    await waitForRedraws(page, 1);
    await page.locator('mixing-lab canvas.mixing-grid').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    await waitForRedraws(page, 2);
    expect(new URL(page.url()).searchParams.get('cell')).toBe('1,1');
    await page.getByRole('button', { name: 'fine', exact: true }).click();
    expect(new URL(page.url()).searchParams.get('layers')).toBe('ccccccrr');
    await page.locator('mixing-lab [name=psi]').fill('0');
    expect(new URL(page.url()).searchParams.get('psi')).toBe('0');
    expect(errors).toEqual([]);
    await page.close();
  });

  test('missing weights: a message, and the controls still work', async () => {
    const page = await site.context.newPage();
    const warnings: string[] = [];
    page.on('console', (entry) => {
      if (entry.type() === 'warning') warnings.push(entry.text());
    });
    await page.route('**/generator/model.json', (route) => route.fulfill({ status: 404, body: 'not found' }));
    await page.goto(`${site.origin}${labPath}`);
    const message = page.locator('mixing-lab .mixing-error');
    await message.waitFor({ state: 'visible', timeout: 60_000 });
    expect(await message.textContent()).toMatch(/could not be downloaded.*HTTP 404/);
    // The reader sees no "Loading the generator…" beside the error, and no advice meant for whoever hosts the site.
    expect(await page.locator('mixing-lab .mixing-progress').isVisible()).toBe(false);
    expect(await message.textContent()).not.toMatch(/npm/);
    expect(warnings.join('\n')).toContain('npm run prepare-models');
    await page.getByRole('button', { name: 'middle', exact: true }).click();
    expect(new URL(page.url()).searchParams.get('layers')).toBe('ccccrrcc');
    await page.close();
  });
});
