/**
 * Runs the site's /speed/ page in Chromium and returns its rows: `npx tsx scripts/bench-browser.ts
 * '?backend=wasm&models=vgg&sizes=256'` prints them. `npm run bench` uses it per backend.
 */
import { launchChromium, serveDist } from '../test/e2e/harness';

export interface SpeedResult {
  id: string;
  ms: number;
  detail?: string;
}

export async function runSpeedPage(query: string, timeoutMs = 590_000): Promise<{ rows: SpeedResult[]; badge: string; failed?: string }> {
  const server = await serveDist();
  const browser = await launchChromium();
  try {
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/speed/${query}${query.includes('?') ? '&' : '?'}autostart`);
    await page.waitForSelector('speed-test[data-done]', { timeout: timeoutMs });
    const rows = await page
      .locator('speed-test tr')
      .evaluateAll((trs) =>
        trs.map((tr) => ({ id: (tr as HTMLElement).dataset.id ?? '', ms: Number((tr as HTMLElement).dataset.ms), detail: (tr as HTMLElement).dataset.detail })),
      );
    const badge = (await page.locator('backend-badge .backend-why').textContent()) ?? '';
    const done = await page.locator('speed-test').getAttribute('data-done');
    return { rows, badge, failed: done === 'failed' ? ((await page.locator('.speed-status').textContent()) ?? '') : undefined };
  } finally {
    await browser.close();
    await server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await runSpeedPage(process.argv[2] ?? '?backend=wasm');
  console.log(result.badge);
  for (const row of result.rows) console.log(`${row.id.padEnd(20)} ${row.ms.toFixed(0).padStart(7)} ms  ${row.detail ?? ''}`);
  if (result.failed) console.log(`failed: ${result.failed}`);
}
