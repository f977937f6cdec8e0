import { beforeAll, describe, expect, test } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import type { Page } from 'playwright-core';
import { openPage, useSite } from './harness';
import { tensorLabSettled } from './tensor-lab-page';
import { groupMoments, normalise, type NormSpec } from '../../src/lib/norm';
import { adain, channelStatistics } from '../../src/lib/adain';
import { fromNHWC, toNHWC } from '../../src/lib/layout';
import type { ShapeNCHW } from '../../src/lib/nchw';

/**
 * The tensor lab in the built site: what it shows must be what src/lib computes in Node for the same tensor,
 * bad input must leave it working, and its URL must reproduce the view.
 */
const site = useSite();
beforeAll(async () => {
  await tf.setBackend('cpu');
});

interface LabView {
  shape: ShapeNCHW;
  values: number[];
  styleValues: number[];
  means: number[];
  variances: number[];
  stds: number[];
  outputs: number[];
  gamma: number[];
  beta: number[];
  epsilon: number;
  method: string;
}

async function readLab(page: Page): Promise<LabView> {
  await tensorLabSettled(page);
  return page.evaluate(() => {
    const lab = document.querySelector('tensor-lab')!;
    // Inputs are read as typed; everything else from the full-precision data- attributes.
    const numbers = (selector: string, key: string) =>
      [...lab.querySelectorAll<HTMLElement>(selector)].map((node) => Number(node instanceof HTMLInputElement ? node.value : node.dataset[key]));
    const select = (name: string) => lab.querySelector<HTMLSelectElement>(`[name=${name}]`)!.value;
    return {
      shape: [Number(select('dim-n')), Number(select('dim-c')), Number(select('dim-h')), Number(select('dim-w'))] as unknown as ShapeNCHW,
      values: numbers('.lab-cell-input[data-tensor=x]', 'value'),
      styleValues: numbers('.lab-cell-input[data-tensor=style]', 'value'),
      means: numbers('.lab-stat[data-tensor=x]', 'mean'),
      variances: numbers('.lab-stat[data-tensor=x]', 'variance'),
      stds: numbers('.lab-stat[data-tensor=x]', 'std'),
      outputs: numbers('.lab-cell-output', 'value'),
      gamma: numbers('.lab-affine-input[data-param=gamma]', 'value'),
      beta: numbers('.lab-affine-input[data-param=beta]', 'value'),
      epsilon: Number(lab.querySelector<HTMLInputElement>('[name=epsilon]')!.value),
      method: select('method'),
    };
  });
}

function specOf(view: LabView, groups: number): NormSpec {
  if (view.method === 'adain') return { method: 'instance' };
  return view.method === 'group' ? { method: 'group', groups } : { method: view.method as NormSpec['method'] };
}

/** What src/lib says for the tensor the page shows, computed here in Node on the cpu backend. */
function expected(view: LabView, groups = 1): { means: number[]; variances: number[]; outputs: number[] } {
  return tf.tidy(() => {
    const x = toNHWC({ shape: view.shape, data: Float32Array.from(view.values) });
    const spec = specOf(view, groups);
    const { mean, variance } = groupMoments(x, spec);
    const y =
      view.method === 'adain'
        ? adain(x, toNHWC({ shape: view.shape, data: Float32Array.from(view.styleValues) }), view.epsilon)
        : normalise(x, spec, { gamma: tf.tensor1d(view.gamma), beta: tf.tensor1d(view.beta), epsilon: view.epsilon });
    return { means: Array.from(mean.dataSync()), variances: Array.from(variance.dataSync()), outputs: Array.from(fromNHWC(y).data) };
  });
}

function expectClose(actual: number[], wanted: number[], tolerance = 1e-4): void {
  expect(actual.length).toBe(wanted.length);
  actual.forEach((value, i) =>
    expect(Math.abs(value - wanted[i]!), `index ${i}: ${value} vs ${wanted[i]}`).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(wanted[i]!))),
  );
}

function expectMatchesLib(view: LabView, groups = 1): void {
  const wanted = expected(view, groups);
  expectClose(view.means, wanted.means);
  expectClose(view.variances, wanted.variances);
  expectClose(
    view.stds,
    wanted.variances.map((v) => Math.sqrt(v + view.epsilon)),
  );
  expectClose(view.outputs, wanted.outputs);
}

const cellInput = (index: number, tensor = 'x') => `tensor-lab .lab-cell-input[data-tensor=${tensor}][data-index="${index}"]`;

describe('the tensor lab on lesson 1', () => {
  test.each(['cpu', 'wasm', 'webgpu', 'webgl'])('shows the statistics src/lib computes, after an edit, with ?backend=%s', async (backend) => {
    const { page, errors, foreignRequests } = await openPage(site.context, site.origin, `/lessons/normalisation/?backend=${backend}`);
    await page.waitForSelector(`tensor-lab backend-badge[data-backend=${backend}]`, { timeout: 60_000 });
    const before = await readLab(page);
    expect(before.shape).toEqual([2, 3, 3, 3]);
    expect(before.method).toBe('instance');
    expectMatchesLib(before);

    await page.fill(cellInput(4), '7.5');
    const after = await readLab(page);
    expect(after.values[4]).toBe(7.5);
    expect(after.means[0]).not.toBeCloseTo(before.means[0]!, 3);
    expectMatchesLib(after);
    expect(new URL(page.url()).searchParams.get('edits')).toBe('4~7.5');

    for (const method of ['batch', 'layer', 'group'] as const) {
      await page.selectOption('tensor-lab [name=method]', method);
      if (method === 'group') await page.selectOption('tensor-lab [name=groups]', '3');
      const view = await readLab(page);
      expect(view.means).toHaveLength(method === 'batch' ? 3 : method === 'layer' ? 2 : 6);
      expectMatchesLib(view, 3);
    }
    expect(errors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await page.close();
  });

  test('when the WebGPU device is lost, the lab moves to another backend, says so, and keeps computing', async () => {
    const page = await site.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // Keep hold of every GPU device the page makes, so the test can take it away as a driver reset would.
    await page.addInitScript(() => {
      const request = GPUAdapter.prototype.requestDevice;
      const devices: GPUDevice[] = [];
      (window as unknown as { gpuDevices: GPUDevice[] }).gpuDevices = devices;
      GPUAdapter.prototype.requestDevice = async function (this: GPUAdapter, descriptor?: GPUDeviceDescriptor) {
        const device = await request.call(this, descriptor);
        devices.push(device);
        return device;
      };
    });
    await page.goto(`${site.origin}/lessons/normalisation/?backend=webgpu`);
    await page.waitForSelector('tensor-lab backend-badge[data-backend=webgpu]', { timeout: 120_000 });
    expectMatchesLib(await readLab(page));

    await page.evaluate(() => (window as unknown as { gpuDevices: GPUDevice[] }).gpuDevices.forEach((device) => device.destroy()));
    await page.waitForFunction(() => document.querySelector<HTMLElement>('tensor-lab backend-badge')?.dataset.backend !== 'webgpu', undefined, {
      timeout: 60_000,
    });
    expect(await page.locator('tensor-lab backend-badge .backend-why').textContent()).toContain('The GPU device was lost');

    await page.fill(cellInput(4), '-3.25');
    const after = await readLab(page);
    expect(after.values[4]).toBe(-3.25);
    expectMatchesLib(after);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('a bad value gets a message at its cell and the lab keeps the last good value', async () => {
    const { page, errors } = await openPage(site.context, site.origin, '/lessons/normalisation/?backend=cpu');
    const start = await readLab(page);
    for (const [text, message] of [
      ['abc', /not a number/],
      ['', /Empty/],
      ['NaN', /not a number/],
      ['Infinity', /finite/],
      ['-Infinity', /finite/],
      ['1e40', /too large/],
    ] as const) {
      await page.fill(cellInput(2), text);
      const alert = page.locator('tensor-lab .lab-message[role=alert]');
      await expect.poll(() => alert.textContent()).toMatch(message);
      expect(await page.getAttribute(cellInput(2), 'aria-invalid')).toBe('true');
      const describedBy = await page.getAttribute(cellInput(2), 'aria-describedby');
      expect(await page.locator(`#${describedBy}`).textContent()).toMatch(message);
      const view = await readLab(page);
      expect(view.means).toEqual(start.means);
      expect(view.outputs).toEqual(start.outputs);
    }
    // Still working: another cell's edit is computed, and fixing the bad cell clears its message.
    await page.fill(cellInput(10), '3');
    const edited = await readLab(page);
    expect(edited.values[10]).toBe(3);
    expectMatchesLib({ ...edited, values: edited.values.map((v, i) => (i === 2 ? start.values[2]! : v)) });
    await page.fill(cellInput(2), '-1.25');
    const fixed = await readLab(page);
    expect(await page.locator('tensor-lab .lab-message').count()).toBe(0);
    expect(await page.getAttribute(cellInput(2), 'aria-invalid')).toBeNull();
    expect(fixed.values[2]).toBe(-1.25);
    expectMatchesLib(fixed);

    await page.fill('tensor-lab .lab-affine-input[data-param=gamma][data-channel="1"]', 'x');
    await expect.poll(() => page.locator('tensor-lab .lab-message[role=alert]').textContent()).toMatch(/not a number/);
    expect((await readLab(page)).outputs).toEqual(fixed.outputs);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('the URL holds the whole view: a reload in a new tab shows the same numbers', async () => {
    const { page } = await openPage(site.context, site.origin, '/lessons/normalisation/?backend=cpu');
    await readLab(page);
    await page.selectOption('tensor-lab [name=dim-c]', '4');
    await page.selectOption('tensor-lab [name=preset]', 'outlier');
    await page.selectOption('tensor-lab [name=method]', 'group');
    await page.selectOption('tensor-lab [name=groups]', '2');
    await page.fill('tensor-lab [name=seed]', '42');
    await page.press('tensor-lab [name=seed]', 'Enter');
    await page.locator('tensor-lab [name=seed]').blur();
    await readLab(page);
    await page.fill(cellInput(5), '0.125');
    await page.fill('tensor-lab .lab-affine-input[data-param=gamma][data-channel="2"]', '2.5');
    await page.fill('tensor-lab .lab-affine-input[data-param=beta][data-channel="0"]', '-1');
    await page.fill('tensor-lab [name=epsilon]', '0.01');
    await page.locator('tensor-lab [name=epsilon]').blur();
    await page.click(cellInput(20));
    const original = await readLab(page);
    expect(original.values).toContain(50);
    const url = page.url();
    const params = new URL(url).searchParams;
    expect(params.get('method')).toBe('group');
    expect(params.get('seed')).toBe('42');
    expect(params.get('cell')).toBe('0_2_0_2');

    const { page: reopened, errors } = await openPage(site.context, site.origin, url.slice(site.origin.length));
    const restored = await readLab(reopened);
    expect(restored).toEqual(original);
    expectMatchesLib(restored, 2);
    const selected = await reopened.locator('tensor-lab .lab-cell-input[data-tensor=x].is-selected').getAttribute('data-index');
    expect(selected).toBe('20');
    expect(errors).toEqual([]);
    await page.close();
    await reopened.close();
  });

  test('arrow keys move between cells; a focused cell lights up its whole statistic group', async () => {
    const { page } = await openPage(site.context, site.origin, '/lessons/normalisation/?backend=cpu');
    await readLab(page);
    await page.focus(cellInput(0));
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.index)).toBe('3');
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.index)).toBe('4');
    // IN on [2,3,3,3]: the group of a cell is its sample's channel, 9 cells.
    expect(await page.locator('tensor-lab .lab-tensor[data-tensor=x] .lab-cell.in-group').count()).toBe(9);
    await page.selectOption('tensor-lab [name=method]', 'batch');
    await readLab(page);
    await page.focus(cellInput(0));
    expect(await page.locator('tensor-lab .lab-tensor[data-tensor=x] .lab-cell.in-group').count()).toBe(18);
    const label = await page.getAttribute(cellInput(0), 'aria-label');
    expect(label).toBe('input x, sample 0, channel 0, row 0, column 0');
    await page.close();
  });

  test("hovering a formula symbol lights the numbers it stands for and shows the selected cell's value", async () => {
    const { page } = await openPage(site.context, site.origin, '/lessons/normalisation/?backend=cpu');
    const view = await readLab(page);
    await page.hover('article .katex .sym-mu >> nth=0');
    expect(await page.locator('tensor-lab .lab-tensor[data-tensor=x] .lab-cell.is-symbol-target').count()).toBe(9);
    const tip = page.locator('.lab-symbol-tip');
    await expect.poll(() => tip.isVisible()).toBe(true);
    expect(await tip.textContent()).toContain(`μ = ${view.means[0]!.toFixed(3)}`);
    expect(await page.locator('tensor-lab .lab-readout .sym-mu.is-active').count()).toBeGreaterThan(0);
    await page.hover('article .katex .sym-gamma >> nth=0');
    expect(await page.locator('tensor-lab .lab-affine-input.is-symbol-target').getAttribute('data-channel')).toBe('0');
    await page.close();
  });

  test("a lesson's formula symbols are reached by Tab and stepped through with the arrow keys, lit as on hover", async () => {
    const { page, errors } = await openPage(site.context, site.origin, '/lessons/normalisation/?backend=cpu');
    await readLab(page);
    const formulas = page.locator('.formula-symbols');
    const formula = formulas.nth(await formulas.evaluateAll((list) => list.findIndex((node) => node.querySelectorAll('.sym').length > 1)));
    const symbolNames = await formula.locator('.sym').evaluateAll((symbols) => symbols.map((symbol) => symbol.className.match(/sym-([\w-]+)/)?.[1]));
    expect(symbolNames.length).toBeGreaterThan(1);
    // Tab from the element just before the formula lands on it.
    await formula.evaluate((node) => {
      const before = document.createElement('button');
      node.before(before);
      before.focus();
    });
    await page.keyboard.press('Tab');
    expect(await formula.evaluate((node) => node === document.activeElement)).toBe(true);
    const lit = () => page.evaluate(() => [...document.querySelectorAll('.katex .sym.is-active')].map((node) => node.className.match(/sym-([\w-]+)/)?.[1]));
    const current = () => formula.locator('.sym.is-current').evaluate((node) => node.className.match(/sym-([\w-]+)/)?.[1]);
    expect(await current()).toBe(symbolNames[0]);
    expect(await lit()).toContain(symbolNames[0]);
    await page.keyboard.press('ArrowRight');
    expect(await current()).toBe(symbolNames[1]);
    expect(await lit()).toContain(symbolNames[1]);
    // The number the symbol stands for shows beside it, as on hover.
    await expect.poll(() => page.locator('.lab-symbol-tip').isVisible()).toBe(true);
    await page.keyboard.press('End');
    expect(await current()).toBe(symbolNames.at(-1));
    // Leaving the formula (back to the element before it) clears the light.
    await page.keyboard.press('Shift+Tab');
    expect(await lit()).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('the readout prints each sign once, cells fit their values, and messages state the real rule', async () => {
    const { page, errors } = await openPage(site.context, site.origin, '/lessons/normalisation/?backend=cpu');
    await readLab(page);
    await page.fill('tensor-lab .lab-affine-input[data-param=beta][data-channel="0"]', '-0.2');
    await page.fill(cellInput(1), '-5.952');
    await page.fill(cellInput(2), '-0.000012345');
    await page.focus(cellInput(0));
    await page.fill(cellInput(0), '-9.875');
    const view = await readLab(page);
    const readout = (await page.locator('tensor-lab .lab-readout').innerText()).replace(/\s+/g, ' ');
    expect(readout).not.toMatch(/[−+-] -/);
    expect(readout).toContain(`+ ${(-view.means[0]!).toFixed(3)})`);
    expect(readout).toMatch(/ − 0\.200 = /);
    // No value is cut: every cell's text (measured in its own font) fits inside its padding.
    const cut = await page.evaluate(() => {
      const context = document.createElement('canvas').getContext('2d')!;
      return [...document.querySelectorAll<HTMLInputElement | HTMLOutputElement>('tensor-lab .lab-cell')]
        .filter((cell) => cell.getClientRects().length > 0)
        .filter((cell) => {
          const style = getComputedStyle(cell);
          context.font = `${style.fontSize} ${style.fontFamily}`;
          return context.measureText(cell.value).width > cell.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) + 0.5;
        })
        .map((cell) => `${cell.dataset.tensor ?? 'y'} ${cell.dataset.index}: ${cell.value}`);
    });
    expect(cut).toEqual([]);
    expect(await page.locator('tensor-lab .lab-cell:visible').count()).toBeGreaterThanOrEqual(108);
    for (const [field, text, message, good] of [
      ['tensor-lab [name=epsilon]', '1e-13', 'ε must be at least 1e-12 and at most 10: 1e-13 is too small.', '0.00001'],
      [cellInput(5), '0x10', '“0x10” is not a number: type one in decimals, such as 16, -0.5 or 1e-3.', '1'],
    ] as const) {
      // ε is read when it is left (change), a cell as it is typed in.
      await page.fill(field, text);
      await page.locator(field).blur();
      await expect.poll(() => page.locator('tensor-lab .lab-message[role=alert]').textContent()).toContain(message);
      await page.fill(field, good);
      await page.locator(field).blur();
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the photo-patch preset', () => {
  test('reads R, G, B of real photos into 0–1 values, and the statistics still match src/lib', async () => {
    const { page, errors } = await openPage(site.context, site.origin, '/lessons/normalisation/?backend=wasm&preset=image&shape=4x4x2x2');
    const view = await readLab(page);
    expect(view.values).toHaveLength(64);
    for (const value of view.values) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(1);
      expect(Math.round(value * 100) / 100).toBe(value);
    }
    expectMatchesLib(view);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the AdaIN lab on lesson 3', () => {
  test('output statistics are the style statistics, as src/lib computes them', async () => {
    const { page, errors } = await openPage(site.context, site.origin, '/lessons/adain/?backend=wasm');
    const view = await readLab(page);
    expect(view.method).toBe('adain');
    expectMatchesLib(view);
    const shown = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('tensor-lab .lab-stat[data-tensor=style]')].map((node) => [
        Number(node.dataset.mean),
        Number(node.dataset.std),
      ]),
    );
    const styleStatistics = tf.tidy(() => {
      const { mean, std } = channelStatistics(toNHWC({ shape: view.shape, data: Float32Array.from(view.styleValues) }));
      return { mean: Array.from(mean.dataSync()), std: Array.from(std.dataSync()) };
    });
    expectClose(
      shown.map(([mean]) => mean!),
      styleStatistics.mean,
    );
    expectClose(
      shown.map(([, std]) => std!),
      styleStatistics.std,
    );
    await page.fill(cellInput(3, 'style'), '9');
    expectMatchesLib(await readLab(page));
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the photo demos', () => {
  async function tableNumbers(page: Page, selector: string): Promise<Record<string, { mean: number; std: number }[]>> {
    return page.evaluate((selector) => {
      const byOwner: Record<string, { mean: number; std: number }[]> = {};
      for (const td of document.querySelectorAll<HTMLElement>(selector)) {
        const owner = td.dataset.owner ?? td.dataset.tensor ?? '';
        (byOwner[owner] ??= [])[Number(td.dataset.channel)] = { mean: Number(td.dataset.mean), std: Number(td.dataset.std) };
      }
      return byOwner;
    }, selector);
  }

  test("batch norm's statistics pool both photos; instance norm's are each photo's own", async () => {
    const { page, errors } = await openPage(site.context, site.origin, '/lessons/batch-vs-instance/?backend=wasm');
    await page.waitForSelector('batch-vs-instance[data-done]', { timeout: 60_000 });
    const numbers = await tableNumbers(page, 'batch-vs-instance td[data-owner]');
    const [first, second, batch] = [numbers['photo-0']!, numbers['photo-1']!, numbers.batch!];
    for (let c = 0; c < 3; c++) {
      // Two photos of the same size: the pooled mean is the average of the means, and the pooled variance
      // is the average of the second moments minus the pooled mean squared.
      const mean = (first[c]!.mean + second[c]!.mean) / 2;
      const secondMoment = (first[c]!.std ** 2 + first[c]!.mean ** 2 + second[c]!.std ** 2 + second[c]!.mean ** 2) / 2;
      expect(batch[c]!.mean).toBeCloseTo(mean, 4);
      expect(batch[c]!.std).toBeCloseTo(Math.sqrt(secondMoment - mean ** 2), 4);
    }
    // The default pair really differs in brightness (a bright cat, a dark launch), which is the point.
    expect(first[0]!.mean - second[0]!.mean).toBeGreaterThan(0.2);
    expect(errors).toEqual([]);
    await page.close();
  });

  test("AdaIN gives the content photo the style photo's channel statistics", async () => {
    const { page, errors } = await openPage(site.context, site.origin, '/lessons/adain/?backend=cpu');
    await page.waitForSelector('adain-demo[data-done]', { timeout: 60_000 });
    await page.selectOption('adain-demo [name=style]', 'coffee');
    await page.waitForSelector('adain-demo[data-done="2"]', { timeout: 60_000 });
    const numbers = await tableNumbers(page, 'adain-demo td[data-tensor]');
    for (let c = 0; c < 3; c++) {
      expect(numbers.output![c]!.mean).toBeCloseTo(numbers.style![c]!.mean, 4);
      expect(numbers.output![c]!.std).toBeCloseTo(numbers.style![c]!.std, 3);
      expect(Math.abs(numbers.content![c]!.mean - numbers.style![c]!.mean)).toBeGreaterThan(1e-3);
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('before tfjs arrives', () => {
  test('the grid is drawn from the URL with plain DOM, and a failed tfjs load is reported, not thrown', async () => {
    const page = await site.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // The lab's maths chunk never arrives: everything the reader sees first must not depend on it.
    await page.route(/lab-compute\.[^/]*\.js$/, (route) => route.abort());
    await page.goto(`${site.origin}/lessons/normalisation/?shape=1x2x2x3&edits=0~9.5`, { waitUntil: 'load' });
    const inputs = page.locator('tensor-lab .lab-cell-input[data-tensor=x]');
    await expect.poll(() => inputs.count()).toBe(12);
    expect(await inputs.first().inputValue()).toBe('9.5');
    await expect.poll(() => page.locator('tensor-lab .lab-status').textContent()).toMatch(/Could not compute/);
    expect(await page.locator('tensor-lab .lab-cell-output').first().textContent()).toBe('…');
    expect(errors).toEqual([]);
    await page.close();
  });
});
