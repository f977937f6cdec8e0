import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, startSite } from './harness';
import { cellLink } from '../../src/lib/cell-link';

/**
 * Every lesson's notebook in the built site: all its code cells run to the end in the browser's worker (with
 * the real models), and every exercise passes its own solution and rejects its starter code.
 */
let site: Awaited<ReturnType<typeof startSite>>;
beforeAll(async () => {
  site = await startSite();
});
afterAll(async () => {
  await site?.close();
});

const lessons = ['normalisation', 'batch-vs-instance', 'adain', 'style-transfer', 'stylegan', 'style-mixing'];

async function waitUntilRun(page: Page, id: string): Promise<void> {
  await page.waitForFunction(
    (selector) => {
      const state = document.querySelector<HTMLElement>(selector)?.dataset.state;
      return state !== undefined && state !== 'running';
    },
    `#cell-${id}`,
    { timeout: 240_000 },
  );
}

async function cellReport(page: Page, id: string): Promise<string> {
  const cell = page.locator(`#cell-${id}`);
  return `${id}: ${await cell.getAttribute('data-state')}: ${(await cell.locator('.nb-output').innerText()).slice(0, 400)}`;
}

describe.each(lessons)('the notebook of /lessons/%s/', (slug) => {
  test('runs every code cell to the end', async () => {
    const { page, errors } = await openPage(site.context, site.origin, `/lessons/${slug}/`);
    const ids = await page.locator('code-cell').evaluateAll((cells) => cells.filter((cell) => !(cell as HTMLElement).dataset.check).map((cell) => (cell as HTMLElement).dataset.cell!));
    expect(ids.length).toBeGreaterThanOrEqual(3);
    // Running the last cell runs the earlier ones first, in page order.
    await page.locator(`#cell-${ids.at(-1)} .nb-run`).click();
    for (const id of ids) await waitUntilRun(page, id);
    const reports = await Promise.all(ids.map((id) => cellReport(page, id)));
    for (const report of reports) expect(report).toMatch(/^[^:]+: done: /);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('passes every exercise its solution and rejects its starter', async () => {
    const { page } = await openPage(site.context, site.origin, `/lessons/${slug}/`);
    const exercises = await page.locator('code-cell[data-check]').evaluateAll((cells) =>
      cells.map((cell) => ({
        id: (cell as HTMLElement).dataset.cell!,
        solution: cell.closest('.nb-exercise')?.querySelector('.nb-solution code')?.textContent ?? '',
      })),
    );
    expect(exercises.length).toBeGreaterThanOrEqual(2);
    for (const { id } of exercises) {
      await page.locator(`#cell-${id} .nb-check`).click();
      await waitUntilRun(page, id);
      expect(await page.locator(`#cell-${id} .nb-check-result`).innerText(), id).not.toMatch(/Passed/);
    }
    await page.close();
    for (const { id, solution } of exercises) {
      const link = await cellLink(`${site.origin}/lessons/${slug}/`, id, solution);
      const right = await openPage(site.context, site.origin, link.slice(site.origin.length));
      await right.page.locator(`#cell-${id} .nb-check`).click();
      await waitUntilRun(right.page, id);
      expect(await right.page.locator(`#cell-${id} .nb-check-result`).innerText(), id).toMatch(/^✓ Passed/);
      await right.page.close();
    }
  });
});
