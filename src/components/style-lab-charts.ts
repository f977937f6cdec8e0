import * as Plot from '@observablehq/plot';
import type { StatisticsArrays } from '../lib/transfer';
import { channelPoints, channelTip, renderPickingChannels, type ChannelPoint } from './channel-points';
import { chartWidth } from './format';

/**
 * The lab's chart: every relu4_1 channel as a dot at (μ, σ), for f(c), f(s) and t, with the selected
 * channel ringed. Loaded lazily after the first result.
 */
type Series = 'content f(c)' | 'style f(s)' | 'AdaIN output t';

const seriesOrder: Series[] = ['content f(c)', 'style f(s)', 'AdaIN output t'];

function points(series: Series, statistics: StatisticsArrays): ChannelPoint<Series>[] {
  return channelPoints(series, statistics.mean, (channel) => statistics.std[channel]!);
}

export interface ChartStatistics {
  content: StatisticsArrays;
  style: StatisticsArrays;
  target: StatisticsArrays;
}

/** The chart's options for the three tensors' channel statistics, ringing the selected channel, at a width. */
export function statisticsChart(statistics: ChartStatistics, selected: number, width: number): Plot.PlotOptions {
  const data = [...points('content f(c)', statistics.content), ...points('style f(s)', statistics.style), ...points('AdaIN output t', statistics.target)];
  return {
    width,
    height: Math.round(width * 0.62),
    marginLeft: 48,
    style: { background: 'transparent', color: 'currentColor', fontSize: '12px' },
    x: { label: 'channel mean μ →', type: 'symlog', grid: true },
    y: { label: '↑ channel standard deviation σ', type: 'symlog', grid: true },
    color: { domain: seriesOrder, range: ['#868e96', '#f08c00', '#4263eb'], legend: true },
    marks: [
      // Drawn in order, the style as hollow squares and t as small filled crosses on top, so t's dots can
      // be seen landing on the style's.
      Plot.dot(
        data.filter((point) => point.series === 'content f(c)'),
        { x: 'mean', y: 'std', stroke: 'series', r: 2, strokeOpacity: 0.6 },
      ),
      Plot.dot(
        data.filter((point) => point.series === 'style f(s)'),
        { x: 'mean', y: 'std', stroke: 'series', symbol: 'square', r: 4, strokeWidth: 1.2 },
      ),
      Plot.dot(
        data.filter((point) => point.series === 'AdaIN output t'),
        { x: 'mean', y: 'std', fill: 'series', symbol: 'cross', r: 2.6 },
      ),
      Plot.dot(
        data.filter((point) => point.channel === selected),
        { x: 'mean', y: 'std', stroke: 'currentColor', r: 7, strokeWidth: 1.5 },
      ),
      channelTip(data, (point) => `${point.series}\nchannel ${point.channel}`),
    ],
  };
}

export function renderStatisticsChart(container: Element, statistics: ChartStatistics, selected: number, onPick: (channel: number) => void): void {
  renderPickingChannels(
    container,
    statisticsChart(statistics, selected, chartWidth(container)),
    'Chart: each relu4_1 channel as a point (mean μ, standard deviation σ) for the content, the style and the AdaIN output t',
    onPick,
  );
}
