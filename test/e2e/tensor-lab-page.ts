import type { Page } from 'playwright-core';

/** Waits until the tensor lab's statistics on screen belong to the latest edit (its computed revision is its revision). */
export async function tensorLabSettled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const lab = document.querySelector<HTMLElement>('tensor-lab');
      return lab?.dataset.computedRevision !== undefined && lab.dataset.computedRevision === lab.dataset.revision;
    },
    undefined,
    { timeout: 60_000 },
  );
}
