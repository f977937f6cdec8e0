import { readFile } from 'node:fs/promises';
import { Resvg } from '@resvg/resvg-js';
import { resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runNetwork } from '../../src/lib/layers';
import { adainTarget, encodeStyle } from '../../src/lib/transfer';
import { psnr, useTestModel } from '../lib/fixtures';
import { openPage, useSite, type WatchedPage } from './harness';

/**
 * Lesson 3's conditional-IN demo on WebAssembly: each table row is the relu4_1 statistics the library
 * computes in Node from the same pixels (the page hands them out), the reader's image gets its own row,
 * mixing two rows decodes as the library does, bad files give a message, and no tensor is left behind.
 */
const vgg = useTestModel('vgg');
const site = useSite();

interface Row {
  width: number;
  height: number;
  pixels: number[];
  mean: number[];
  std: number[];
  shown: { kind: string; channel: number; value: number }[];
}

async function row(page: Page, key: string): Promise<Row> {
  return page.evaluate((key) => {
    const demo = document.querySelector('cin-vs-adain') as HTMLElement & {
      inputs: Map<string, ImageData>;
      rowStatistics: Map<string, { mean: Float32Array; std: Float32Array }>;
    };
    const image = demo.inputs.get(key)!;
    const statistics = demo.rowStatistics.get(key)!;
    const tr = demo.querySelector(key === 'own' ? '.cin-own-table tr[data-style="own"]' : `.cin-table tr[data-style="${key}"]`)!;
    return {
      width: image.width,
      height: image.height,
      pixels: Array.from(image.data),
      mean: Array.from(statistics.mean),
      std: Array.from(statistics.std),
      shown: [...tr.querySelectorAll<HTMLElement>('td[data-channel]')].map((cell) => ({
        kind: cell.dataset.kind!,
        channel: Number(cell.dataset.channel),
        value: Number(cell.dataset.value),
      })),
    };
  }, key);
}

function rgbTensor(width: number, height: number, rgba: readonly number[]): tf.Tensor4D {
  const rgb = new Float32Array(width * height * 3);
  for (let i = 0, j = 0; i < rgba.length; i += 4, j += 3) rgb.set([rgba[i]!, rgba[i + 1]!, rgba[i + 2]!], j);
  return tf.tensor4d(rgb, [1, height, width, 3]);
}

/** The row src/lib computes in Node for the same pixels. */
function nodeRow(width: number, height: number, rgba: readonly number[]): { mean: Float32Array; std: Float32Array } {
  const image = rgbTensor(width, height, rgba);
  const style = encodeStyle(vgg.model, image);
  const result = { mean: style.statistics.mean.dataSync() as Float32Array, std: style.statistics.std.dataSync() as Float32Array };
  tf.dispose([image, style.statistics.mean, style.statistics.std]);
  return result;
}

function expectRowMatches(page: Row, node: { mean: Float32Array; std: Float32Array }): void {
  expect(page.mean).toHaveLength(512);
  for (let c = 0; c < 512; c++) {
    expect(Math.abs(page.mean[c]! - node.mean[c]!), `μ of channel ${c}`).toBeLessThanOrEqual(1e-3 * Math.max(1, Math.abs(node.mean[c]!)));
    expect(Math.abs(page.std[c]! - node.std[c]!), `σ of channel ${c}`).toBeLessThanOrEqual(1e-3 * Math.max(1, Math.abs(node.std[c]!)));
  }
  for (const cell of page.shown) expect(cell.value).toBe(page[cell.kind === 'std' ? 'std' : 'mean'][cell.channel]);
}

async function done(page: Page): Promise<number> {
  return Number((await page.locator('cin-vs-adain').getAttribute('data-done')) ?? 0);
}

async function waitDone(page: Page, after: number): Promise<number> {
  await page.waitForFunction((n) => Number(document.querySelector<HTMLElement>('cin-vs-adain')?.dataset.done ?? 0) > n, after, { timeout: 240_000 });
  return done(page);
}

describe('conditional IN vs AdaIN on WebAssembly', () => {
  let watched: WatchedPage;
  beforeAll(async () => {
    watched = await openPage(site.context, site.origin, '/lessons/adain/?backend=wasm');
  });
  afterAll(async () => {
    await watched?.page.close();
  });

  test("the table's rows and the reader's row equal the encoded styles' statistics computed in Node", async () => {
    const { page, errors, foreignRequests } = watched;
    await page.locator('cin-vs-adain .cin-start').click();
    // Two results: the table's first row decoded, and the default photo's own row.
    await page.waitForFunction(() => Number(document.querySelector<HTMLElement>('cin-vs-adain')?.dataset.done ?? 0) >= 2, undefined, { timeout: 300_000 });
    for (const key of ['art-swirl-3', 'brick']) {
      const shown = await row(page, key);
      expectRowMatches(shown, nodeRow(shown.width, shown.height, shown.pixels));
    }
    const photo = await row(page, 'own');
    expectRowMatches(photo, nodeRow(photo.width, photo.height, photo.pixels));

    // The reader's own image: a PNG from the repository, given through the drop zone's file input.
    const before = await done(page);
    await page
      .locator('cin-vs-adain .image-drop-file')
      .setInputFiles({ name: 'gravel.png', mimeType: 'image/png', buffer: await readFile(resolve(import.meta.dirname, '../../public/images/gravel-128.png')) });
    await waitDone(page, before);
    const own = await row(page, 'own');
    expect(own.pixels).not.toEqual(photo.pixels);
    expectRowMatches(own, nodeRow(own.width, own.height, own.pixels));
    expect(await page.locator('cin-vs-adain .cin-upload-name').textContent()).toContain('gravel.png');
    expect(errors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });

  test('a mix of two rows decodes as the library decodes Σ wₖ·(μₖ, σₖ)', async () => {
    const { page } = watched;
    let count = await done(page);
    await page.selectOption('cin-vs-adain [name=row-a]', 'art-swirl-3');
    count = await waitDone(page, count);
    await page.selectOption('cin-vs-adain [name=row-b]', 'brick');
    count = await waitDone(page, count);
    await page.locator('cin-vs-adain [name=mix]').fill('0.5');
    await page.locator('cin-vs-adain [name=mix]').dispatchEvent('change');
    count = await waitDone(page, count);
    const [a, b] = [await row(page, 'art-swirl-3'), await row(page, 'brick')];
    const output = await page.evaluate(() => {
      const canvas = document.querySelector<HTMLCanvasElement>('cin-vs-adain .cin-output[data-output=table]')!;
      return { width: canvas.width, height: canvas.height, data: Array.from(canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data) };
    });
    const content = await page.evaluate(() => {
      const image = (document.querySelector('cin-vs-adain') as HTMLElement & { inputs: Map<string, ImageData> }).inputs.get('content')!;
      return { width: image.width, height: image.height, data: Array.from(image.data) };
    });
    expect([content.width, content.height]).toEqual([output.width, output.height]);
    const expected = tf.tidy(() => {
      const features = runNetwork(vgg.model.encoder, rgbTensor(content.width, content.height, content.data));
      const style = (row: Row) => ({
        statistics: { mean: tf.tensor4d(row.mean, [1, 1, 1, 512]), std: tf.tensor4d(row.std, [1, 1, 1, 512]) },
        colorPreservation: 'none' as const,
      });
      const target = adainTarget(features, [
        { style: style(a), weight: 0.5 },
        { style: style(b), weight: 0.5 },
      ]);
      return runNetwork(vgg.model.decoder, target).clipByValue(0, 255).round() as tf.Tensor4D;
    });
    const actual = rgbTensor(output.width, output.height, output.data);
    const quality = psnr(actual, expected);
    console.info(`CIN mix, browser vs Node PSNR: ${quality.toFixed(1)} dB`);
    expect(quality).toBeGreaterThan(30);
    tf.dispose([actual, expected]);
  });

  test('a file that is not an image gives a message and the demo keeps working', async () => {
    const { page, errors } = watched;
    await page.locator('cin-vs-adain .image-drop-file').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not an image') });
    await expect.poll(() => page.locator('cin-vs-adain .cin-error').textContent()).toMatch(/not an image/);
    const count = await done(page);
    await page.locator('cin-vs-adain [name=mix]').fill('1');
    await page.locator('cin-vs-adain [name=mix]').dispatchEvent('change');
    await waitDone(page, count);
    expect(errors).toEqual([]);
  });

  test('an SVG is drawn as a picture (its script does not run, its external image is not fetched); tiny and animated images get a note', async () => {
    const { page, errors, foreignRequests } = watched;
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="64" height="48">
      <rect width="64" height="48" fill="#ff0000"/>
      <image href="https://example.com/tracker.png" width="10" height="10"/>
      <script>parent.svgScriptRan = true</script>
    </svg>`;
    const upload = async (name: string, mimeType: string, buffer: Buffer) => {
      const before = await done(page);
      await page.locator('cin-vs-adain .image-drop-file').setInputFiles({ name, mimeType, buffer });
      await waitDone(page, before);
      return (await page.locator('cin-vs-adain .cin-upload-name').textContent()) ?? '';
    };
    expect(await upload('drawing.svg', 'image/svg+xml', Buffer.from(svg))).toContain('This SVG drawing was turned into pixels as a picture');
    const centre = await page
      .locator('cin-vs-adain .cin-preview')
      .evaluate((canvas: HTMLCanvasElement) => [...canvas.getContext('2d')!.getImageData(canvas.width / 2, canvas.height / 2, 1, 1).data]);
    expect(centre).toEqual([255, 0, 0, 255]);
    expect(await page.evaluate(() => (window as unknown as { svgScriptRan?: boolean }).svgScriptRan)).toBeUndefined();

    const onePixel = new Resvg('<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"><rect width="1" height="1" fill="#00ff00"/></svg>')
      .render()
      .asPng();
    expect(await upload('dot.png', 'image/png', Buffer.from(onePixel))).toContain('This image is only 1×1 pixels');
    // Two 1×1 frames (GIF89a: a graphic control extension and an image per frame).
    const frame = [0x21, 0xf9, 4, 0, 10, 0, 0, 0, 0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 0x01, 0];
    const gif = Buffer.from([...Buffer.from('GIF89a'), 1, 0, 1, 0, 0x80, 0, 0, 0, 0, 255, 255, 255, 255, ...frame, ...frame, 0x3b]);
    expect(await upload('blink.gif', 'image/gif', gif)).toContain('This image is animated; the lab uses its first frame.');
    expect(errors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });

  test('leaves no tensors behind over repeated runs', async () => {
    const { page } = watched;
    let count = await done(page);
    const baseline = Number(await page.locator('cin-vs-adain').getAttribute('data-num-tensors'));
    for (const [i, t] of ['0.25', '0.75', '0', '0.5', '1', '0.25'].entries()) {
      await page.locator('cin-vs-adain [name=mix]').fill(t);
      await page.locator('cin-vs-adain [name=mix]').dispatchEvent('change');
      count = await waitDone(page, count);
      expect(Number(await page.locator('cin-vs-adain').getAttribute('data-num-tensors')), `run ${i}`).toBe(baseline);
    }
  });
});
