import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as Plot from '@observablehq/plot';
import { JSDOM } from 'jsdom';
import { describe, expect, test } from 'vitest';
import { adainChart } from '../../src/components/adain-demo-chart';
import { batchVsInstanceChart } from '../../src/components/batch-vs-instance-chart';
import { runningStatisticsChart } from '../../src/components/bn-running-stats-chart';
import { statisticsChart } from '../../src/components/style-lab-charts';
import { blockChart } from '../../src/components/stylegan-block-chart';
import { groupChart } from '../../src/components/tensor-lab-chart';
import { defaultLabState } from '../../src/lib/lab-state';
import { adainDemoStrings } from '../../src/i18n/components/adain-demo';
import { batchVsInstanceStrings } from '../../src/i18n/components/batch-vs-instance';
import { bnRunningStatsStrings } from '../../src/i18n/components/bn-running-stats';
import { styleLabStrings } from '../../src/i18n/components/style-lab';
import { styleganBlockStrings } from '../../src/i18n/components/stylegan-block';
import { tensorLabStrings } from '../../src/i18n/components/tensor-lab';

/**
 * SVG snapshots of every Plot chart, as observablehq/plot tests its own: each chart function gets fixed
 * data, Plot renders it into a jsdom document, and the markup must equal the file in __snapshots__ (.svg, or .html.snap for a chart with a legend: an HTML <figure>). A missing
 * or different snapshot fails; `UPDATE_CHART_SNAPSHOTS=1 npx vitest run test/components` writes them (look
 * at the new SVGs before committing them).
 */

const snapshotDir = join(import.meta.dirname, '__snapshots__');
const update = process.env.UPDATE_CHART_SNAPSHOTS === '1';
const { document } = new JSDOM('').window;

/** Plot numbers its markers and clip paths with a page-wide counter: renumber them in order of appearance. */
function normalisedIds(svg: string): string {
  const ids = new Map<string, string>();
  return svg.replace(/plot-(clip|marker|pattern)-\d+/g, (id, kind: string) => {
    if (!ids.has(id)) ids.set(id, `plot-${kind}-${ids.size + 1}`);
    return ids.get(id)!;
  });
}

/** Coordinates to three decimals, so the last bits of floating-point arithmetic do not count. */
function roundedNumbers(markup: string): string {
  return markup.replace(/-?\d+\.\d{6,}/g, (value) => String(Number(Number(value).toFixed(3))));
}

/** The chart's markup, a tag a line; a chart with a legend is an HTML <figure>, else an SVG. */
function rendered(options: Plot.PlotOptions): { markup: string; extension: 'html.snap' | 'svg' } {
  const chart = Plot.plot({ ...options, document });
  const markup = `${roundedNumbers(normalisedIds(chart.outerHTML)).replace(/></g, '>\n<')}\n`;
  return { markup, extension: chart.tagName.toLowerCase() === 'svg' ? 'svg' : 'html.snap' };
}

function expectSnapshot(name: string, options: Plot.PlotOptions): void {
  const { markup: actual, extension } = rendered(options);
  const file = join(snapshotDir, `${name}.${extension}`);
  if (update) {
    mkdirSync(snapshotDir, { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  expect(existsSync(file), `${file} is missing: run with UPDATE_CHART_SNAPSHOTS=1 to write it`).toBe(true);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

/** Channel statistics with a visible spread: channel c has μ = offset + c/4 and σ = 0.5 + c/8. */
function statistics(channels: number, offset: number): { mean: Float32Array; std: Float32Array } {
  return {
    mean: Float32Array.from({ length: channels }, (_, c) => offset + c / 4),
    std: Float32Array.from({ length: channels }, (_, c) => 0.5 + c / 8),
  };
}

describe('Plot charts match their SVG snapshots', () => {
  test('AdaIN photo demo', () => {
    expectSnapshot(
      'adain-demo',
      adainChart(
        [
          { mean: [0.4, 0.5, 0.6], std: [0.2, 0.25, 0.3] },
          { mean: [0.7, 0.3, 0.2], std: [0.1, 0.15, 0.05] },
          { mean: [0.7, 0.3, 0.2], std: [0.1, 0.15, 0.05] },
        ],
        480,
        adainDemoStrings.en,
      ),
    );
  });

  test('BN vs IN', () => {
    expectSnapshot(
      'batch-vs-instance',
      batchVsInstanceChart(
        {
          own: [
            { mean: [0.2, 0.4, 0.6], std: [0.1, 0.1, 0.1] },
            { mean: [0.8, 0.6, 0.4], std: [0.1, 0.1, 0.1] },
          ],
          batch: { mean: [0.5, 0.5, 0.5], std: [0.3, 0.2, 0.1] },
        },
        480,
        batchVsInstanceStrings.en,
      ),
    );
  });

  test('running statistics, μ and σ', () => {
    const history = {
      batchMean: [
        [1, -1],
        [3, 0],
      ],
      batchVariance: [
        [4, 1],
        [2, 0.25],
      ],
      runningMean: [
        [0.1, -0.1],
        [0.39, -0.09],
      ],
      runningVariance: [
        [1.3, 1],
        [1.37, 0.925],
      ],
    };
    const population = { mean: [2, -0.5], variance: [3, 0.5] };
    expectSnapshot('bn-running-stats-mean', runningStatisticsChart('mean', history, population, 420, bnRunningStatsStrings.en));
    expectSnapshot('bn-running-stats-std', runningStatisticsChart('std', history, population, 420, bnRunningStatsStrings.en));
  });

  test('style lab channel statistics, channel 2 ringed', () => {
    expectSnapshot(
      'style-lab',
      statisticsChart({ content: statistics(8, 0), style: statistics(8, 1), target: statistics(8, 1.01) }, 2, 480, styleLabStrings.en.chart),
    );
  });

  test('StyleGAN block, channel 1 ringed', () => {
    const before = statistics(6, 0);
    const style = statistics(6, 2);
    expectSnapshot(
      'stylegan-block',
      blockChart(
        {
          meanBefore: before.mean,
          stdBefore: before.std,
          meanAfter: style.mean,
          stdAfter: style.std,
          styleBias: style.mean,
          styleScale: style.std.map((s, c) => (c % 2 ? -s : s)),
        },
        1,
        480,
        styleganBlockStrings.en,
      ),
    );
  });

  test('tensor lab groups: instance norm, and AdaIN with the style beside the content', () => {
    const state = defaultLabState();
    const six = (start: number) => Float32Array.from({ length: 6 }, (_, g) => start + g / 2);
    expectSnapshot('tensor-lab-instance', groupChart(state, { output: new Float32Array(54), mean: six(-1), variance: six(0.5) }, 480, tensorLabStrings.en));
    const adain = defaultLabState({ method: 'adain' });
    expectSnapshot(
      'tensor-lab-adain',
      groupChart(adain, { output: new Float32Array(54), mean: six(-1), variance: six(0.5), styleMean: six(1), styleStd: six(0.2) }, 480, tensorLabStrings.en),
    );
  });
});
