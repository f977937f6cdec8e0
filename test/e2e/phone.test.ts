import { describe, expect, test } from 'vitest';
import { openPage, useSite, waitForLabs } from './harness';
import { allPages } from './site-pages';

/**
 * On a 390 px phone no page scrolls sideways, after its labs have drawn their results: wide things (tables,
 * tensors, display formulas) scroll inside their own box. On failure the test names what sticks out.
 */
const site = useSite();

const phoneWidth = 390;

describe(`phones (${phoneWidth} px)`, () => {
  test.each(allPages)('%s does not scroll sideways', async (path) => {
    const { page } = await openPage(site.context, site.origin, `${path}?backend=wasm`, phoneWidth);
    await waitForLabs(page);
    const layout = await page.evaluate(() => {
      const viewport = document.documentElement.clientWidth;
      // An element sticks out when it reaches past the viewport and no ancestor clips or scrolls it.
      const clipped = (element: Element): boolean => {
        for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
          if (getComputedStyle(parent).overflowX !== 'visible') return true;
        }
        return false;
      };
      const outside = [...document.body.querySelectorAll('*')]
        .filter((element) => element.getBoundingClientRect().right > viewport + 0.5 && !clipped(element))
        .slice(0, 8)
        .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].join('.')} right=${Math.round(element.getBoundingClientRect().right)}`);
      return { viewport, scrollWidth: document.documentElement.scrollWidth, outside };
    });
    expect(layout.outside, path).toEqual([]);
    expect(layout.scrollWidth, path).toBeLessThanOrEqual(layout.viewport);
    await page.close();
  });
});
