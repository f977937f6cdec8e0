import type { BrowserContext, Page } from 'playwright-core';
import { openPage, type WatchedPage } from './harness';
import { cellLink } from '../../src/lib/cell-link';

/** What the notebook's browser tests do to a lesson page: open it with code in its cells, press a cell's button. */

/** Lesson 1's instance-norm exercise with the most common slip: the unbiased variance (divided by n − 1). */
export const unbiasedInstanceNorm = `function instanceNorm(x, epsilon) {
  const mean = x.mean([1, 2], true);
  const n = x.shape[1] * x.shape[2];
  const variance = x.sub(mean).square().sum([1, 2], true).div(n - 1);
  return x.sub(mean).div(variance.add(epsilon).sqrt());
}`;

/** Opens a lesson with the given code in the given cells, as a shared link would (nothing runs by itself). */
export async function openWithCode(site: { origin: string; context: BrowserContext }, path: string, codes: Record<string, string>): Promise<WatchedPage> {
  let link = `${site.origin}${path}`;
  for (const [id, code] of Object.entries(codes)) link = await cellLink(link, id, code);
  return openPage(site.context, site.origin, link.slice(site.origin.length));
}

/** Clicks a cell's button and waits until the run has ended and its report is drawn. */
export async function press(page: Page, id: string, button: '.nb-run' | '.nb-check' = '.nb-run', timeout = 120_000): Promise<void> {
  const cell = page.locator(`#cell-${id}`);
  await cell.locator(button).click();
  await page.waitForFunction(
    (selector) => {
      const state = document.querySelector<HTMLElement>(selector)?.dataset.state;
      return state !== undefined && state !== 'running';
    },
    `#cell-${id}`,
    { timeout },
  );
  // The report follows the last drawn output (a skipped run reports in its output, with an empty status).
  await page.waitForFunction((selector) => {
    const cell = document.querySelector<HTMLElement>(selector);
    return cell?.dataset.state === 'skipped' || cell?.querySelector('.nb-status')?.textContent !== '';
  }, `#cell-${id}`);
}

/** The ids of the page's code cells (exercises left out), in page order. */
export function codeCellIds(page: Page): Promise<string[]> {
  return page
    .locator('code-cell')
    .evaluateAll((cells) => cells.filter((cell) => !(cell as HTMLElement).dataset.check).map((cell) => (cell as HTMLElement).dataset.cell!));
}

/** The page's exercises: cell id, the function it defines, and the solution behind its toggle. */
export function exercisesOf(page: Page): Promise<{ id: string; entry: string; solution: string }[]> {
  return page.locator('code-cell[data-check]').evaluateAll((cells) =>
    cells.map((cell) => ({
      id: (cell as HTMLElement).dataset.cell!,
      entry: (cell as HTMLElement).dataset.entry!,
      solution: cell.closest('.nb-exercise')?.querySelector('.nb-solution code')?.textContent ?? '',
    })),
  );
}
