import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openPage, startSite } from './harness';

/**
 * Lesson 4's live camera, on the built site, with Chromium's fake camera (a moving test pattern): denied
 * access gets a message; granted, frames are stylised on wasm with a flat tensor count; Stop ends the camera.
 */
let site: Awaited<ReturnType<typeof startSite>>;
beforeAll(async () => {
  site = await startSite(['--use-fake-device-for-media-stream']);
});
afterAll(async () => {
  await site?.close();
});

const path = '/lessons/style-transfer/?backend=wasm';

/** Mean and standard deviation of the output canvas's luma, and its pixels' sum as a fingerprint. */
function outputStatistics(): { mean: number; std: number; sum: number } {
  const canvas = document.querySelector<HTMLCanvasElement>('webcam-style .webcam-output')!;
  const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
  const luma: number[] = [];
  for (let i = 0; i < data.length; i += 4) luma.push(0.299 * data[i]! + 0.587 * data[i + 1]! + 0.114 * data[i + 2]!);
  const mean = luma.reduce((s, v) => s + v, 0) / luma.length;
  const std = Math.sqrt(luma.reduce((s, v) => s + (v - mean) ** 2, 0) / luma.length);
  return { mean, std, sum: data.reduce((s, v) => s + v, 0) };
}

describe('the live camera', () => {
  test('refused camera access is explained, and Start stays usable', async () => {
    await site.context.clearPermissions();
    const { page, errors } = await openPage(site.context, site.origin, path);
    await page.locator('webcam-style .webcam-start').click();
    await page.waitForSelector('webcam-style[data-state="error"]', { timeout: 30_000 });
    expect(await page.locator('webcam-style .webcam-message').textContent()).toMatch(/denied/);
    expect(await page.locator('webcam-style .webcam-start').isDisabled()).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('stylises camera frames with no tensor leak, and Stop turns the camera off', async () => {
    await site.context.grantPermissions(['camera'], { origin: site.origin });
    const { page, errors, foreignRequests } = await openPage(site.context, site.origin, path);
    await page.locator('webcam-style .webcam-start').click();
    await page.waitForSelector('webcam-style[data-state="live"]', { timeout: 120_000 });
    await page.waitForFunction(() => Number(document.querySelector<HTMLElement>('webcam-style')!.dataset.frames) >= 3, null, { timeout: 120_000 });
    const tensorsAt = async (): Promise<number> => Number(await page.locator('webcam-style').getAttribute('data-num-tensors'));
    const [early, first] = [await tensorsAt(), await page.evaluate(outputStatistics)];
    await page.waitForFunction(() => Number(document.querySelector<HTMLElement>('webcam-style')!.dataset.frames) >= 12, null, { timeout: 120_000 });
    const [late, second] = [await tensorsAt(), await page.evaluate(outputStatistics)];
    expect(late).toBe(early);
    // A picture, not a flat or empty canvas; and the moving test pattern makes the frames differ.
    expect(first.std).toBeGreaterThan(10);
    expect(second.sum).not.toBe(first.sum);
    expect(await page.locator('webcam-style .webcam-fps').textContent()).toMatch(/frames\/s at \d+×\d+/);

    await page.locator('webcam-style .webcam-stop').click();
    await page.waitForSelector('webcam-style[data-state="stopped"]');
    const liveTracks = await page.evaluate(() => {
      const stream = document.querySelector<HTMLVideoElement>('webcam-style .webcam-video')!.srcObject as MediaStream | null;
      return stream?.getTracks().filter((track) => track.readyState === 'live').length ?? 0;
    });
    expect(liveTracks).toBe(0);
    expect(errors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await page.close();
  });
});
