import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, startSite, useSite } from './harness';
import { tensorLabSettled } from './tensor-lab-page';

/**
 * The Chinese edition: its pages mirror the English ones, the language switch keeps the reader's place and
 * the labs' state, and the offer of the Chinese edition appears once, only to a browser set to Chinese.
 */
const site = useSite();

const labQuery = '?backend=cpu&shape=2x4x2x3&preset=outlier&method=group&groups=2&seed=42';

/** The tensor lab's inputs and the statistics and outputs it computed, once they belong to the latest edit. */
async function labNumbers(page: Page): Promise<Record<string, number[]>> {
  await tensorLabSettled(page);
  return page.evaluate(() => {
    const lab = document.querySelector('tensor-lab')!;
    const read = (selector: string, key: string) => [...lab.querySelectorAll<HTMLElement>(selector)].map((node) => Number(node.dataset[key]));
    return {
      values: [...lab.querySelectorAll<HTMLInputElement>('.lab-cell-input[data-tensor=x]')].map((input) => Number(input.value)),
      means: read('.lab-stat[data-tensor=x]', 'mean'),
      variances: read('.lab-stat[data-tensor=x]', 'variance'),
      outputs: read('.lab-cell-output', 'value'),
    };
  });
}

describe('the Chinese edition', () => {
  test('pages declare their language and link each other with hreflang', async () => {
    const { page } = await openPage(site.context, site.origin, '/zh-cn/lessons/adain/');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.getAttribute('link[hreflang="en"]', 'href')).toBe('/lessons/adain/');
    expect(await page.getAttribute('link[hreflang="zh-CN"]', 'href')).toBe('/zh-cn/lessons/adain/');
    expect(await page.getAttribute('link[hreflang="x-default"]', 'href')).toBe('/lessons/adain/');
    expect(await page.locator('.lesson-nav a').first().getAttribute('href')).toBe('/zh-cn/lessons/normalisation/');
    await page.close();
  });

  test('the lesson-1 tensor lab gives the same numbers on the Chinese page as on the English one', async () => {
    const english = await openPage(site.context, site.origin, `/lessons/normalisation/${labQuery}`);
    const chinese = await openPage(site.context, site.origin, `/zh-cn/lessons/normalisation/${labQuery}`);
    const numbers = await labNumbers(english.page);
    expect(numbers.means).toHaveLength(2 * 2);
    expect(numbers.outputs).toHaveLength(2 * 4 * 2 * 3);
    expect(await labNumbers(chinese.page)).toEqual(numbers);
    expect(chinese.errors).toEqual([]);
    await english.page.close();
    await chinese.page.close();
  });

  test('the language switch keeps the lesson, the section and the lab state edited after loading', async () => {
    const { page, errors } = await openPage(site.context, site.origin, `/lessons/normalisation/${labQuery}#the-tensor-lab`);
    await labNumbers(page);
    await page.selectOption('tensor-lab [name=method]', 'layer');
    const edited = await labNumbers(page);
    const query = new URL(page.url()).search;
    expect(new URLSearchParams(query).get('method')).toBe('layer');

    await Promise.all([page.waitForURL('**/zh-cn/lessons/normalisation/**'), page.click('.locale-switch a[hreflang="zh-CN"]')]);
    const url = new URL(page.url());
    expect(url.pathname).toBe('/zh-cn/lessons/normalisation/');
    expect(url.search).toBe(query);
    expect(url.hash).toBe('#the-tensor-lab');
    expect(await page.locator('#the-tensor-lab').count()).toBe(1);
    expect(await labNumbers(page)).toEqual(edited);

    await Promise.all([page.waitForURL('**/lessons/normalisation/**'), page.click('.locale-switch a[hreflang="en"]')]);
    expect(new URL(page.url()).pathname).toBe('/lessons/normalisation/');
    expect(new URL(page.url()).search).toBe(query);
    expect(await page.evaluate(() => localStorage.getItem('locale'))).toBe('en');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the offer of the Chinese edition', () => {
  test('a browser set to English never sees it', async () => {
    const { page } = await openPage(site.context, site.origin, '/');
    expect(await page.evaluate(() => navigator.language)).not.toMatch(/^zh/);
    expect(await page.locator('.locale-offer').isVisible()).toBe(false);
    await page.close();
  });

  test('a browser set to Chinese sees it on its first English page only, and is never redirected', async () => {
    const chinese = await startSite([], { locale: 'zh-CN' });
    try {
      const first = await openPage(chinese.context, chinese.origin, '/lessons/adain/');
      expect(new URL(first.page.url()).pathname).toBe('/lessons/adain/');
      await first.page.waitForSelector('.locale-offer:not([hidden])');
      expect(await first.page.getAttribute('.locale-offer-open', 'href')).toBe('/zh-cn/lessons/adain/');
      await first.page.click('.locale-offer-dismiss');
      expect(await first.page.locator('.locale-offer').isVisible()).toBe(false);
      expect(first.errors).toEqual([]);

      const second = await openPage(chinese.context, chinese.origin, '/');
      await second.page.waitForLoadState('networkidle');
      expect(await second.page.locator('.locale-offer').isVisible()).toBe(false);
      const chinesePage = await openPage(chinese.context, chinese.origin, '/zh-cn/');
      expect(await chinesePage.page.locator('.locale-offer').count()).toBe(0);
      await first.page.close();
      await second.page.close();
      await chinesePage.page.close();
    } finally {
      await chinese.close();
    }
  });

  test('it is shown once even if the reader ignores it', async () => {
    const chinese = await startSite([], { locale: 'zh-CN' });
    try {
      const first = await openPage(chinese.context, chinese.origin, '/credits/');
      await first.page.waitForSelector('.locale-offer:not([hidden])');
      const second = await openPage(chinese.context, chinese.origin, '/credits/');
      await second.page.waitForLoadState('networkidle');
      expect(await second.page.locator('.locale-offer').isVisible()).toBe(false);
      await first.page.close();
      await second.page.close();
    } finally {
      await chinese.close();
    }
  });
});
