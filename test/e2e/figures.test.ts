import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, startSite } from './harness';

/**
 * The lessons' SVG figures: they render in light and dark and at phone width without running off the side,
 * the four cubes set the tensor lab to their method, and the StyleGAN diagram lights the block lab's layer.
 */
let site: Awaited<ReturnType<typeof startSite>>;
beforeAll(async () => {
  site = await startSite();
});
afterAll(async () => {
  await site?.close();
});

const figures = [
  {
    path: '/lessons/batch-vs-instance/',
    selector: '.norm-cubes',
    shape: '.cube-cell.is-shared',
    texts: ['Batch norm', 'Layer norm', 'Instance norm', 'Group norm'],
  },
  { path: '/lessons/stylegan/', selector: '.stylegan-diagram', shape: '.sgd-adain rect', texts: ['AdaIN 0', 'AdaIN 7', 'mapping network f'] },
];

/** The figure's box, the page's overflow, and the colours its shapes were given by the theme's CSS variables. */
async function inspect(page: Page, selector: string, shape: string) {
  return page.evaluate(
    ([selector, shape]) => {
      const figure = document.querySelector<HTMLElement>(selector)!;
      const box = figure.getBoundingClientRect();
      const svgs = [...figure.querySelectorAll('svg')].map((svg) => svg.getBoundingClientRect());
      const shapeStyle = getComputedStyle(figure.querySelector(shape)!);
      const rootStyle = getComputedStyle(document.documentElement);
      const probe = document.createElement('span');
      probe.style.color = rootStyle.getPropertyValue('--accent');
      document.body.append(probe);
      const accent = getComputedStyle(probe).color;
      probe.remove();
      return {
        left: box.left,
        right: box.right,
        viewport: document.documentElement.clientWidth,
        // Every part of the figure, not the page: formulas elsewhere on a page may overflow on their own.
        widest: Math.max(...[...figure.querySelectorAll('*')].map((node) => node.getBoundingClientRect().right)),
        figureOverflow: figure.scrollWidth - figure.clientWidth,
        svgs: svgs.map((r) => ({ width: r.width, height: r.height, left: r.left, right: r.right })),
        fill: shapeStyle.fill,
        stroke: shapeStyle.stroke,
        accent,
        background: rootStyle.getPropertyValue('--bg').trim(),
        text: figure.textContent ?? '',
      };
    },
    [selector, shape] as const,
  );
}

describe('figures', () => {
  for (const figure of figures) {
    test(`${figure.selector} renders in light and dark, on a desktop and at 390 px`, async () => {
      const { page, errors } = await openPage(site.context, site.origin, figure.path);
      const seen: Record<string, Awaited<ReturnType<typeof inspect>>> = {};
      for (const scheme of ['light', 'dark'] as const) {
        for (const width of [1280, 390]) {
          await page.setViewportSize({ width, height: 900 });
          await page.emulateMedia({ colorScheme: scheme });
          const view = await inspect(page, figure.selector, figure.shape);
          const label = `${scheme} ${width}px`;
          expect(view.left, label).toBeGreaterThanOrEqual(0);
          expect(view.right, label).toBeLessThanOrEqual(view.viewport);
          expect(view.figureOverflow, label).toBeLessThanOrEqual(0);
          expect(view.widest, label).toBeLessThanOrEqual(view.viewport);
          for (const svg of view.svgs) {
            expect(svg.width, label).toBeGreaterThan(100);
            expect(svg.height, label).toBeGreaterThan(50);
            expect(svg.right, label).toBeLessThanOrEqual(view.viewport);
          }
          for (const text of figure.texts) expect(view.text, label).toContain(text);
          seen[label] = view;
        }
      }
      // The theme's variables reach the SVG: the page background differs, and so do the shapes' colours.
      expect(seen['light 1280px']!.background).not.toBe(seen['dark 1280px']!.background);
      const colours = (label: string) => `${seen[label]!.fill} ${seen[label]!.stroke}`;
      expect(colours('light 1280px')).not.toBe(colours('dark 1280px'));
      expect([seen['light 1280px']!.fill, seen['light 1280px']!.stroke]).toContain(seen['light 1280px']!.accent);
      expect([seen['dark 1280px']!.fill, seen['dark 1280px']!.stroke]).toContain(seen['dark 1280px']!.accent);
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  test('each cube sets the tensor lab to its method through the URL', async () => {
    const { page, errors } = await openPage(site.context, site.origin, '/lessons/batch-vs-instance/');
    const expected = [
      { method: 'batch', channels: '3' },
      { method: 'layer', channels: '3' },
      { method: 'instance', channels: '3' },
      { method: 'group', channels: '4', groups: '2' },
    ];
    for (const cube of expected) {
      await page.locator(`.norm-cube-link[data-method=${cube.method}]`).click();
      await page.waitForFunction(
        (method) =>
          new URLSearchParams(location.search).get('method') === method &&
          document.querySelector<HTMLSelectElement>('tensor-lab [name=method]')?.value === method,
        cube.method,
      );
      expect(new URL(page.url()).hash).toBe('#tensor-lab');
      expect(await page.locator('tensor-lab [name=dim-c]').inputValue()).toBe(cube.channels);
      if (cube.groups) expect(await page.locator('tensor-lab [name=groups]').inputValue()).toBe(cube.groups);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  test("the StyleGAN diagram lights the block lab's layer", async () => {
    const lit = (page: Page) => page.locator('.stylegan-diagram .is-selected').evaluateAll((nodes) => nodes.map((node) => (node as SVGElement).dataset.layer));
    const { page, errors } = await openPage(site.context, site.origin, '/lessons/stylegan/?backend=wasm');
    expect(await lit(page)).toEqual(['2', '2']);
    await page.selectOption('stylegan-block [name=layer]', '5');
    expect(await lit(page)).toEqual(['5', '5']);
    await page.close();
    const shared = await openPage(site.context, site.origin, '/lessons/stylegan/?backend=wasm&block-layer=6');
    expect(await lit(shared.page)).toEqual(['6', '6']);
    await shared.page.close();
    expect([...errors, ...shared.errors]).toEqual([]);
  });
});
