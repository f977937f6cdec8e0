import * as Plot from '@observablehq/plot';
import type { ChannelNumbers } from './photo-compute';
import { labelChart } from './chart-label';
import { chartStyle, chartWidth, formatNumber } from './format';
import { colourChannelNames } from './pictures';
import type { adainDemoStrings } from '../i18n/components/adain-demo';

type Words = (typeof adainDemoStrings)['en'];

/**
 * The AdaIN photo demo's chart: per colour channel, μ ± σ of the content, the style and the AdaIN output.
 * Loaded lazily with the first result.
 */

const tensorColours = ['#868e96', '#e8590c', '#3b5bdb'] as const;

interface Row {
  channel: string;
  tensor: string;
  mean: number;
  std: number;
}

/** The chart's options for the three tensors' numbers (content, style, output) at a width, in the page's words. */
export function adainChart(numbers: readonly [ChannelNumbers, ChannelNumbers, ChannelNumbers], width: number, words: Words): Plot.PlotOptions {
  const tensorNames = words.tensors;
  const rows: Row[] = numbers.flatMap((tensor, t) =>
    colourChannelNames.map((channel, c) => ({ channel, tensor: tensorNames[t]!, mean: tensor.mean[c] ?? NaN, std: tensor.std[c] ?? NaN })),
  );
  return {
    width,
    height: 220,
    marginLeft: 48,
    marginBottom: 36,
    style: chartStyle,
    fx: { label: words.colourChannel, domain: [...colourChannelNames] },
    x: { domain: [...tensorNames], axis: null, padding: 0.3 },
    y: { label: 'μ ± σ', grid: true },
    color: { domain: [...tensorNames], range: [...tensorColours], legend: true },
    marks: [
      Plot.ruleX(rows, { fx: 'channel', x: 'tensor', y1: (r: Row) => r.mean - r.std, y2: (r: Row) => r.mean + r.std, stroke: 'tensor', strokeWidth: 3 }),
      Plot.dot(rows, {
        fx: 'channel',
        x: 'tensor',
        y: 'mean',
        fill: 'tensor',
        r: 5,
        title: (r: Row) => `${r.tensor}, ${r.channel}: μ = ${formatNumber(r.mean)}, σ = ${formatNumber(r.std)}`,
      }),
    ],
  };
}

export function renderAdainChart(container: Element, numbers: readonly [ChannelNumbers, ChannelNumbers, ChannelNumbers], words: Words): void {
  const chart = Plot.plot(adainChart(numbers, chartWidth(container), words));
  labelChart(chart, words.chartLabel);
  container.replaceChildren(chart);
}
