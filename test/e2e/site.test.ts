import { describe, expect, test } from 'vitest';
import { openPage, useSite } from './harness';
import { allPages, builtLessonSlugs } from './site-pages';

const site = useSite();

describe('every page of the built site', () => {
  test('there are lessons to check', () => {
    expect(builtLessonSlugs.length).toBeGreaterThanOrEqual(1);
  });

  test.each(allPages)('%s loads with no console errors and no request to another origin', async (path) => {
    const { page, errors, foreignRequests } = await openPage(site.context, site.origin, path);
    await page.waitForLoadState('networkidle');
    expect(errors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await page.close();
  });

  test.each(builtLessonSlugs.flatMap((slug) => [`/lessons/${slug}/`, `/zh-cn/lessons/${slug}/`]))(
    '%s has its formulas rendered by KaTeX at build time',
    async (path) => {
      const { page } = await openPage(site.context, site.origin, path);
      expect(await page.locator('article .katex').count()).toBeGreaterThan(0);
      // No unrendered TeX: the visible prose keeps no `$` delimiters and no KaTeX error spans.
      const prose = await page.locator('article').evaluate((article) => {
        const clone = article.cloneNode(true) as HTMLElement;
        clone.querySelectorAll('.katex, code, pre, script, style').forEach((node) => node.remove());
        return clone.textContent ?? '';
      });
      expect(prose).not.toMatch(/\$/);
      expect(await page.locator('.katex-error').count()).toBe(0);
      await page.close();
    },
  );
});

describe('backends', () => {
  test('WebGPU, WebGL and WebAssembly give the CPU numbers on a small tensor workload', async () => {
    const { page, errors } = await openPage(site.context, site.origin, '/backends/');
    await page.waitForSelector('backend-check[data-done]', { timeout: 240_000 });
    for (const backend of ['webgpu', 'webgl', 'wasm']) {
      const row = page.locator(`tr[data-backend="${backend}"]`);
      expect(await row.getAttribute('data-state'), backend).toBe('ran');
      expect(Number(await row.getAttribute('data-max-diff')), backend).toBeLessThan(1e-4);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  test.each([
    ['webgpu', 'WebGPU'],
    ['wasm', 'WebAssembly'],
    ['cpu', 'plain JavaScript (CPU)'],
  ])('?backend=%s forces that backend and the badge says so', async (backend, label) => {
    const { page } = await openPage(site.context, site.origin, `/backends/?backend=${backend}`);
    await page.waitForSelector(`backend-badge[data-backend="${backend}"]`, { timeout: 120_000 });
    expect(await page.locator('backend-badge .backend-name').textContent()).toBe(`runs on ${label}`);
    expect(await page.locator('backend-badge .backend-why').textContent()).toContain('chosen in the URL');
    await page.close();
  });

  test('without a choice, a software-emulated GPU is passed over with the reason given', async () => {
    const { page } = await openPage(site.context, site.origin, '/backends/');
    await page.waitForSelector('backend-badge[data-backend]', { timeout: 120_000 });
    const chosen = await page.locator('backend-badge').getAttribute('data-backend');
    const why = (await page.locator('backend-badge .backend-why').textContent()) ?? '';
    // This machine's GPUs are SwiftShader; on a machine with a real GPU the first choice stands.
    if (chosen !== 'webgpu') expect(why).toMatch(/WebGPU: .+/);
    expect(why).toMatch(/^Running on /);
    await page.close();
  });
});
