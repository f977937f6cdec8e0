import * as Plot from '@observablehq/plot';
import type { BatchVsInstanceResult } from './photo-compute';
import { labelChart } from './chart-label';
import { chartStyle, chartWidth, formatNumber } from './format';
import { colourChannelNames } from './pictures';
import type { batchVsInstanceStrings } from '../i18n/components/batch-vs-instance';

type Words = (typeof batchVsInstanceStrings)['en'];

/**
 * The BN-vs-IN demo's chart: per colour channel, each photo's own mean (what instance norm uses) as a dot,
 * and the batch's mean (what batch norm uses) as a tick. Loaded lazily with the first result.
 */

const channelColours = ['#e03131', '#2f9e44', '#1c7ed6'] as const;

interface Row {
  channel: string;
  colour: string;
  who: string;
  mean: number;
}

export type ChannelMeans = Pick<BatchVsInstanceResult, 'own' | 'batch'>;

/** The chart's options for the photos' and the batch's channel means at a width, in the page's words. */
export function batchVsInstanceChart(result: ChannelMeans, width: number, words: Words): Plot.PlotOptions {
  const photoNames = result.own.map((_, n) => words.photoColumn(n + 1));
  const rows: Row[] = [];
  colourChannelNames.forEach((channel, c) => {
    const colour = channelColours[c]!;
    result.own.forEach((numbers, n) => rows.push({ channel, colour, who: photoNames[n]!, mean: numbers.mean[c] ?? NaN }));
    rows.push({ channel, colour, who: 'batch', mean: result.batch.mean[c] ?? NaN });
  });
  return {
    width,
    height: 200,
    marginLeft: 48,
    style: chartStyle,
    x: { label: words.colourChannel, domain: [...colourChannelNames], padding: 0.4 },
    y: { label: words.channelMean, domain: [0, 1], grid: true },
    symbol: { legend: true, domain: photoNames, range: ['circle', 'square'] },
    marks: [
      Plot.tickY(
        rows.filter((r) => r.who === 'batch'),
        { x: 'channel', y: 'mean', stroke: 'currentColor', strokeWidth: 2, title: (r: Row) => words.batchMeanTip(formatNumber(r.mean)) },
      ),
      Plot.dot(
        rows.filter((r) => r.who !== 'batch'),
        { x: 'channel', y: 'mean', symbol: 'who', fill: (r: Row) => r.colour, r: 6, title: (r: Row) => words.photoMeanTip(r.who, formatNumber(r.mean)) },
      ),
    ],
  };
}

export function renderBatchVsInstanceChart(container: Element, result: ChannelMeans, words: Words): void {
  const chart = Plot.plot(batchVsInstanceChart(result, chartWidth(container), words));
  labelChart(chart);
  container.replaceChildren(chart);
}
