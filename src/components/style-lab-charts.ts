import * as Plot from '@observablehq/plot';
import type { StatisticsArrays } from '../lib/transfer';
import { channelPoints, channelTip, renderPickingChannels, type ChannelPoint } from './channel-points';
import { chartWidth } from './format';
import type { styleLabStrings } from '../i18n/components/style-lab';

/**
 * The lab's chart: every relu4_1 channel as a dot at (μ, σ), for f(c), f(s) and t, with the selected
 * channel ringed. Loaded lazily after the first result.
 */

/** The chart's words in the page's language (styleLabStrings' chart). */
export type ChartWords = (typeof styleLabStrings)['en']['chart'];

function points(series: string, statistics: StatisticsArrays): ChannelPoint[] {
  return channelPoints(series, statistics.mean, (channel) => statistics.std[channel]!);
}

export interface ChartStatistics {
  content: StatisticsArrays;
  style: StatisticsArrays;
  target: StatisticsArrays;
}

/** The chart's options for the three tensors' channel statistics, ringing the selected channel, at a width. */
export function statisticsChart(statistics: ChartStatistics, selected: number, width: number, words: ChartWords): Plot.PlotOptions {
  const { content, style, target } = words.series;
  const data = [...points(content, statistics.content), ...points(style, statistics.style), ...points(target, statistics.target)];
  return {
    width,
    height: Math.round(width * 0.62),
    marginLeft: 48,
    style: { background: 'transparent', color: 'currentColor', fontSize: '12px' },
    x: { label: words.x, type: 'symlog', grid: true },
    y: { label: words.y, type: 'symlog', grid: true },
    color: { domain: [content, style, target], range: ['#868e96', '#f08c00', '#4263eb'], legend: true },
    marks: [
      // Drawn in order, the style as hollow squares and t as small filled crosses on top, so t's dots can
      // be seen landing on the style's.
      Plot.dot(
        data.filter((point) => point.series === content),
        { x: 'mean', y: 'std', stroke: 'series', r: 2, strokeOpacity: 0.6 },
      ),
      Plot.dot(
        data.filter((point) => point.series === style),
        { x: 'mean', y: 'std', stroke: 'series', symbol: 'square', r: 4, strokeWidth: 1.2 },
      ),
      Plot.dot(
        data.filter((point) => point.series === target),
        { x: 'mean', y: 'std', fill: 'series', symbol: 'cross', r: 2.6 },
      ),
      Plot.dot(
        data.filter((point) => point.channel === selected),
        { x: 'mean', y: 'std', stroke: 'currentColor', r: 7, strokeWidth: 1.5 },
      ),
      channelTip(data, (point) => words.tip(point.series, point.channel)),
    ],
  };
}

export function renderStatisticsChart(
  container: Element,
  statistics: ChartStatistics,
  selected: number,
  onPick: (channel: number) => void,
  words: ChartWords,
): void {
  renderPickingChannels(container, statisticsChart(statistics, selected, chartWidth(container), words), words.label, onPick);
}
