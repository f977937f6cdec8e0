import { beforeAll, describe, expect, test } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import type { Page } from 'playwright-core';
import { openPage, useSite } from './harness';
import { imageThroughLayer, lessonPopulation, makePopulation, populationStatistics, trainRunningStatistics } from '../../src/lib/running-statistics';

/**
 * Lesson 2's running-averages demo in the built site: the numbers on screen are the ones src/lib computes in
 * Node for the same settings, they converge to the population's statistics with large batches, and repeated
 * runs leave no tensors behind.
 */
const site = useSite();
beforeAll(async () => {
  await tf.setBackend('cpu');
});

const path = '/lessons/batch-vs-instance/?backend=wasm';

async function settle(page: Page, after: number): Promise<number> {
  await page.waitForFunction((previous) => Number(document.querySelector<HTMLElement>('bn-running-stats')?.dataset.done ?? 0) > previous, after, {
    timeout: 60_000,
  });
  return Number(await page.locator('bn-running-stats').getAttribute('data-done'));
}

async function column(page: Page, table: string, kind: string): Promise<number[]> {
  return page
    .locator(`bn-running-stats ${table} td[data-kind=${kind}]`)
    .evaluateAll((cells) => cells.map((cell) => Number((cell as HTMLElement).dataset.value)));
}

function expectClose(actual: readonly number[], expected: readonly number[], tolerance: number): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((value, i) => expect(Math.abs(value - expected[i]!), `index ${i}: ${value} vs ${expected[i]}`).toBeLessThanOrEqual(tolerance));
}

describe('running averages demo (lesson 2)', () => {
  test('shows the running statistics src/lib computes, and they converge to the population statistics', async () => {
    const { page, errors } = await openPage(site.context, site.origin, path);
    let done = await settle(page, 0);
    await page.selectOption('bn-running-stats [name=batch-size]', '32');
    done = await settle(page, done);
    await page.locator('bn-running-stats [name=steps]').fill('300');
    await page.locator('bn-running-stats [name=steps]').dispatchEvent('change');
    done = await settle(page, done);

    const population = makePopulation(lessonPopulation, 1);
    const target = populationStatistics(population);
    const history = await trainRunningStatistics(population, { batchSize: 32, steps: 300, momentum: 0.1, seed: 1 });
    const runningMean = history.runningMean.at(-1)!;
    const runningStd = history.runningVariance.at(-1)!.map(Math.sqrt);

    expectClose(await column(page, '.bnr-table', 'population-mean'), target.mean, 1e-9);
    expectClose(await column(page, '.bnr-table', 'population-std'), target.variance.map(Math.sqrt), 1e-9);
    expectClose(await column(page, '.bnr-table', 'running-mean'), runningMean, 1e-4);
    expectClose(await column(page, '.bnr-table', 'running-std'), runningStd, 1e-4);
    // Converged: within a few standard errors of a running average over batches of 32 of the 64 images.
    expectClose(await column(page, '.bnr-table', 'running-mean'), target.mean, 0.1);
    expectClose(await column(page, '.bnr-table', 'running-std'), target.variance.map(Math.sqrt), 0.1);

    // Inference mode: image 0 is normalised with the running estimates.
    await page.check('bn-running-stats [name=mode][value=eval]');
    done = await settle(page, done);
    const inference = await imageThroughLayer(
      population,
      0,
      'eval',
      { mean: runningMean, variance: history.runningVariance.at(-1)! },
      { size: 32, seed: 1, step: 299 },
    );
    expectClose(await column(page, '.bnr-image-table', 'used-mean'), runningMean, 1e-4);
    expectClose(await column(page, '.bnr-image-table', 'output-mean'), inference.outputMean, 1e-3);

    // Training mode with a batch of one: the image's own statistics, so its output mean is 0.
    await page.check('bn-running-stats [name=mode][value=train]');
    done = await settle(page, done);
    await page.selectOption('bn-running-stats [name=batch-size]', '1');
    done = await settle(page, done);
    expectClose(await column(page, '.bnr-image-table', 'used-mean'), await column(page, '.bnr-image-table', 'own-mean'), 1e-5);
    expectClose(await column(page, '.bnr-image-table', 'output-mean'), [0, 0, 0], 1e-4);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('leaks no tensors over repeated runs', async () => {
    const { page, errors } = await openPage(site.context, site.origin, path);
    let done = await settle(page, 0);
    const baseline = Number(await page.locator('bn-running-stats').getAttribute('data-num-tensors'));
    for (const size of ['4', '16', '2', '8', '1', '32']) {
      await page.selectOption('bn-running-stats [name=batch-size]', size);
      done = await settle(page, done);
      expect(Number(await page.locator('bn-running-stats').getAttribute('data-num-tensors')), `batch size ${size}`).toBe(baseline);
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});
