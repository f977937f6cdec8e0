import * as tf from '@tensorflow/tfjs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { imageInputStrings } from '../../src/i18n/components/image-input';
import { styleLabStrings } from '../../src/i18n/components/style-lab';
import { presetMasks } from '../../src/lib/style-lab-state';
import { disposeStyle, encodeStyle, transfer, type StyleInput } from '../../src/lib/transfer';
import { psnr, useTestModel } from '../lib/fixtures';
import { openPage, useSite, type WatchedPage } from './harness';

/**
 * The style lab in the built site, on WebAssembly at 128²: its results must equal the library's in Node
 * for the same pixels (the page hands out the pixels it started from), it must leave no tensor behind,
 * and bad files must give a message without breaking it; on /zh-cn/ it speaks Chinese.
 */

const vgg = useTestModel('vgg');
const site = useSite();

const labPath = '/lessons/style-transfer/?backend=wasm&content=chelsea&styles=art-swirl-3:1&alpha=1&model=vgg&size=128&color=none&mask=none';

/** A PNG cut short after its size: the header reads, the decoder fails. */
const brokenPng = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 64, 0, 0, 0, 64, 8, 6]);

interface Pixels {
  width: number;
  height: number;
  data: number[];
}

async function runs(page: Page): Promise<number> {
  return Number((await page.locator('style-lab').getAttribute('data-runs')) ?? 0);
}

/** Waits until the lab has finished `count` runs in all and is done. */
async function waitForRuns(page: Page, count: number): Promise<void> {
  await page.waitForFunction(
    (n) => {
      const lab = document.querySelector('style-lab') as HTMLElement | null;
      return Number(lab?.dataset.runs ?? 0) >= n && lab?.dataset.state === 'done';
    },
    count,
    { timeout: 180_000 },
  );
}

async function labPixels(page: Page): Promise<{ output: Pixels; content: Pixels; styles: Pixels[] }> {
  return page.evaluate(() => {
    const lab = document.querySelector('style-lab') as HTMLElement & { lastRunInputs?: { content: ImageData; styles: ImageData[] } };
    const canvas = lab.querySelector<HTMLCanvasElement>('canvas.output')!;
    const plain = (image: ImageData) => ({ width: image.width, height: image.height, data: Array.from(image.data) });
    return {
      output: plain(canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height)),
      content: plain(lab.lastRunInputs!.content),
      styles: lab.lastRunInputs!.styles.map(plain),
    };
  });
}

/** RGBA bytes → [1,H,W,3] float 0..255. */
function rgbTensor({ width, height, data }: Pixels): tf.Tensor4D {
  const rgb = new Float32Array(width * height * 3);
  for (let i = 0, j = 0; i < data.length; i += 4, j += 3) {
    rgb[j] = data[i]!;
    rgb[j + 1] = data[i + 1]!;
    rgb[j + 2] = data[i + 2]!;
  }
  return tf.tensor4d(rgb, [1, height, width, 3]);
}

/** The library's result in Node for the same pixels, rounded to bytes as the page shows it. */
function nodeResult(content: Pixels, styles: Pixels[], inputs: (encoded: ReturnType<typeof encodeStyle>[]) => StyleInput[]): tf.Tensor4D {
  const contentTensor = rgbTensor(content);
  const encoded = styles.map((style) => {
    const tensor = rgbTensor(style);
    const result = encodeStyle(vgg.model, tensor);
    tensor.dispose();
    return result;
  });
  const { image } = transfer(vgg.model, contentTensor, inputs(encoded), { alpha: 1 });
  const rounded = tf.tidy(() => image.clipByValue(0, 255).round() as tf.Tensor4D);
  tf.dispose([contentTensor, image]);
  encoded.forEach(disposeStyle);
  return rounded;
}

async function expectMatchesNode(page: Page, inputs: (encoded: ReturnType<typeof encodeStyle>[], content: Pixels) => StyleInput[]): Promise<void> {
  const { output, content, styles } = await labPixels(page);
  expect([output.width, output.height]).toEqual([content.width, content.height]);
  const expected = nodeResult(content, styles, (encoded) => inputs(encoded, content));
  const actual = rgbTensor(output);
  const quality = psnr(actual, expected);
  console.info(`browser vs Node PSNR: ${quality.toFixed(1)} dB`);
  expect(quality).toBeGreaterThan(30);
  tf.dispose([actual, expected]);
}

describe('style lab on WebAssembly', () => {
  let watched: WatchedPage;

  beforeAll(async () => {
    watched = await openPage(site.context, site.origin, labPath);
  });
  afterAll(async () => {
    await watched?.page.close();
  });

  test('a 128² transfer runs end to end and equals the library result in Node', async () => {
    const { page, errors, foreignRequests } = watched;
    await page.locator('style-lab .run').click();
    await waitForRuns(page, 1);
    const lab = page.locator('style-lab');
    expect(await lab.getAttribute('data-output-width')).toBe('128');
    expect(Number(await lab.getAttribute('data-output-height'))).toBe(88);
    expect(Number(await lab.getAttribute('data-run-ms'))).toBeGreaterThan(0);
    expect(await page.locator('style-lab backend-badge').getAttribute('data-backend')).toBe('wasm');
    await expectMatchesNode(page, ([style]) => [{ style: style! }]);
    expect(await page.locator('.losses').textContent()).toMatch(/Content loss L_c = \d/);
    expect(await page.locator('.speed-yours-value').textContent()).toMatch(/images\/s/);
    expect(errors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });

  test('after 20 more transfers (α and cache reuse) the tensor count is back to its baseline', async () => {
    const { page } = watched;
    const baseline = Number(await page.locator('style-lab').getAttribute('data-num-tensors'));
    expect(baseline).toBeGreaterThan(0);
    const start = await runs(page);
    for (let i = 1; i <= 20; i += 1) {
      await page.locator('style-lab input.alpha').evaluate(
        (input: HTMLInputElement, value) => {
          input.value = value;
          input.dispatchEvent(new Event('input', { bubbles: true }));
        },
        String(i % 2 === 0 ? 1 : 0.5),
      );
      await waitForRuns(page, start + i);
      expect(Number(await page.locator('style-lab').getAttribute('data-num-tensors')), `after run ${start + i}`).toBe(baseline);
    }
    expect(new URL(page.url()).searchParams.get('alpha')).toBe('1');
  });

  test('two styles mixed half and half equal the library mix', async () => {
    const { page } = watched;
    const before = await runs(page);
    await page.locator('style-lab .add-style').click();
    await waitForRuns(page, before + 1);
    expect(new URL(page.url()).searchParams.get('styles')).toBe('art-swirl-3:1,brick:1');
    await expectMatchesNode(page, ([first, second]) => [
      { style: first!, weight: 0.5 },
      { style: second!, weight: 0.5 },
    ]);
  });

  test('left and right halves take one style each, as the library does with the same masks', async () => {
    const { page } = watched;
    const before = await runs(page);
    await page.locator('style-lab input[name="style-lab-mask"][value="halves"]').check();
    await waitForRuns(page, before + 1);
    await expectMatchesNode(page, ([first, second], content) => {
      const [left, right] = presetMasks('halves', content.width, content.height, 2);
      return [
        { style: first!, mask: tf.tensor2d(left!, [content.height, content.width]) },
        { style: second!, mask: tf.tensor2d(right!, [content.height, content.width]) },
      ];
    });
  });

  test('a mask can be painted with the keyboard alone: arrow keys move the brush, Space paints, and the status says so', async () => {
    const { page, errors } = watched;
    await page.locator('style-lab input[name="style-lab-mask"][value="painted"]').check();
    const overlay = page.locator('style-lab .mask-overlay');
    await overlay.focus();
    expect(await page.locator('style-lab .mask-cursor').isVisible()).toBe(true);
    const status = page.locator('style-lab .mask-status');
    await page.keyboard.press('2');
    expect(await status.textContent()).toBe('Brush: style 2.');
    // From the centre, a quarter of the width to the left: inside the left half, which the preset gave style 1.
    for (let i = 0; i < 8; i += 1) await page.keyboard.press('ArrowLeft');
    const before = await runs(page);
    await page.keyboard.press('Space');
    expect(await status.textContent()).toBe('Painting style 2 from 25 % across, 50 % down.');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    expect(await status.textContent()).toBe('Brush lifted at 25 % across, 56 % down.');
    await waitForRuns(page, before + 1);
    const painted = await overlay.evaluate((canvas: HTMLCanvasElement) => {
      const pixel = (x: number, y: number) => [
        ...canvas.getContext('2d')!.getImageData(Math.round(x * canvas.width), Math.round(y * canvas.height), 1, 1).data,
      ];
      return { stroke: pixel(0.25, 0.53), leftHalf: pixel(0.1, 0.9) };
    });
    // The overlay keeps style 1 in red, style 2 in blue (style-lab-masks.ts): the stroke is blue, the rest of the left half red.
    expect(painted.stroke.slice(0, 3)).toEqual([0, 0, 255]);
    expect(painted.leftHalf[0]).toBe(255);
    expect(errors).toEqual([]);
  });
});

describe('style lab with bad input', () => {
  test('a text file, an empty file and a transparent PNG each give a message, and the lab still works', async () => {
    const { page, errors } = await openPage(site.context, site.origin, labPath);
    const contentInput = page.locator('image-drop[data-target="content"] input[type="file"]');
    const messages = page.locator('style-lab .lab-messages');

    await contentInput.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not an image at all') });
    await expect.poll(() => messages.textContent()).toMatch(/notes\.txt.*not an image/);

    await contentInput.setInputFiles({ name: 'empty.png', mimeType: 'image/png', buffer: Buffer.alloc(0) });
    await expect.poll(() => messages.textContent()).toMatch(/empty\.png.*empty \(0 bytes\)/);

    await contentInput.setInputFiles({ name: 'broken.png', mimeType: 'image/png', buffer: brokenPng });
    await expect.poll(() => messages.textContent()).toMatch(/broken\.png.*could not be decoded/);

    // A transparent 64² PNG and a 3000×2000 one, made by the page's own canvas.
    for (const [width, height, expected] of [
      [64, 64, /transparent parts.*white/],
      [3000, 2000, /3000×2000.*scaled down to 1024×683/],
    ] as const) {
      const file = await page.evaluate(
        async ({ w, h }) => {
          const canvas = new OffscreenCanvas(w, h);
          const context = canvas.getContext('2d')!;
          context.fillStyle = 'rgba(200, 30, 30, 0.5)';
          context.fillRect(0, 0, w / 2, h);
          const blob = await canvas.convertToBlob({ type: 'image/png' });
          return Array.from(new Uint8Array(await blob.arrayBuffer()));
        },
        { w: width, h: height },
      );
      await contentInput.setInputFiles({ name: `made-${width}.png`, mimeType: 'image/png', buffer: Buffer.from(file) });
      await expect.poll(() => messages.textContent(), { timeout: 15_000 }).toMatch(expected);
    }
    expect(new URL(page.url()).searchParams.has('content')).toBe(false);
    expect(await page.locator('style-lab .share-note').textContent()).toMatch(/uploaded content image/);

    await page.locator('style-lab .gallery[data-for="content"] [data-image="coffee"]').click();
    await page.locator('style-lab .run').click();
    await waitForRuns(page, 1);
    expect(await page.locator('style-lab .message-error').count()).toBe(0);
    expect(await page.locator('style-lab').getAttribute('data-output-width')).toBe('128');
    expect(errors).toEqual([]);
    await page.close();
  });

  test('without a camera the webcam demo says so and stays usable', async () => {
    const { page } = await openPage(site.context, site.origin, '/lessons/style-transfer/?backend=wasm');
    await page.locator('webcam-style .webcam-start').click();
    await page.waitForSelector('webcam-style[data-state="error"]');
    expect(await page.locator('webcam-style .webcam-message').textContent()).toMatch(/camera/i);
    expect(await page.locator('webcam-style .webcam-start').isEnabled()).toBe(true);
    await page.close();
  });
});

describe('style lab in Chinese', () => {
  test('on /zh-cn/ a run with the mobile model and a damaged file are worded from the Chinese dictionary', async () => {
    const words = styleLabStrings['zh-cn'];
    const path = '/zh-cn/lessons/style-transfer/?backend=wasm&content=chelsea&styles=art-swirl-3:1&model=mobile&size=128';
    const { page, errors } = await openPage(site.context, site.origin, path);
    const lab = page.locator('style-lab');
    expect(await lab.locator('.run').textContent()).toBe(words.run);
    expect(await lab.locator('.timing').textContent()).toBe(words.timingIdle);
    await lab.locator('.run').click();
    await waitForRuns(page, 1);
    expect(await lab.getAttribute('data-output-width')).toBe('128');
    expect(await lab.locator('.losses').textContent()).toBe(words.lossesNeedVgg);
    expect(await lab.locator('.timing').textContent()).toMatch(/^128×88，用时 .+，包括编码图像。$/);

    await page.locator('image-drop[data-target="content"] input[type="file"]').setInputFiles({ name: 'broken.png', mimeType: 'image/png', buffer: brokenPng });
    const damaged = imageInputStrings['zh-cn'].damaged(imageInputStrings['zh-cn'].fileName('broken.png'), 'PNG');
    await expect.poll(() => lab.locator('.lab-messages').textContent()).toBe(damaged);
    expect(errors).toEqual([]);
    await page.close();
  });
});
