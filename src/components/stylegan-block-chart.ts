import * as Plot from '@observablehq/plot';
import { channelPoints, channelTip, renderPickingChannels } from './channel-points';
import { chartWidth } from './format';
import type { styleganBlockStrings } from '../i18n/components/stylegan-block';

/**
 * The block lab's chart: every channel of one AdaIN layer as a point (μ, σ) before AdaIN, after it, and at
 * the style (y_b, |y_s|); the after-crosses land in the style's squares. Loaded lazily after the first result.
 */
export interface ChannelStatistics {
  meanBefore: ArrayLike<number>;
  stdBefore: ArrayLike<number>;
  meanAfter: ArrayLike<number>;
  stdAfter: ArrayLike<number>;
  styleScale: ArrayLike<number>;
  styleBias: ArrayLike<number>;
}

type Words = (typeof styleganBlockStrings)['en'];

type Series = 'before' | 'style' | 'after';

const seriesOrder: Series[] = ['before', 'style', 'after'];

/** The chart's options for one layer's channel statistics, ringing the selected channel, at a width, in the page's words. */
export function blockChart(statistics: ChannelStatistics, selected: number, width: number, words: Words): Plot.PlotOptions {
  const before = channelPoints<Series>('before', statistics.meanBefore, (c) => statistics.stdBefore[c]!);
  const style = channelPoints<Series>('style', statistics.styleBias, (c) => Math.abs(statistics.styleScale[c]!));
  const after = channelPoints<Series>('after', statistics.meanAfter, (c) => statistics.stdAfter[c]!);
  const data = [...before, ...style, ...after];
  return {
    width,
    height: Math.round(width * 0.6),
    marginLeft: 48,
    style: { background: 'transparent', color: 'currentColor', fontSize: '12px' },
    x: { label: words.meanAxis, grid: true },
    y: { label: words.stdAxis, grid: true },
    color: { domain: seriesOrder, range: ['#868e96', '#f08c00', '#4263eb'], legend: true, tickFormat: (series: Series) => words.series[series] },
    marks: [
      Plot.dot(before, { x: 'mean', y: 'std', stroke: 'series', r: 2, strokeOpacity: 0.7 }),
      Plot.dot(style, { x: 'mean', y: 'std', stroke: 'series', symbol: 'square', r: 4.5, strokeWidth: 1.2 }),
      Plot.dot(after, { x: 'mean', y: 'std', fill: 'series', symbol: 'cross', r: 2.6 }),
      Plot.link([selected], {
        x1: (c: number) => before[c]!.mean,
        y1: (c: number) => before[c]!.std,
        x2: (c: number) => after[c]!.mean,
        y2: (c: number) => after[c]!.std,
        stroke: 'currentColor',
        strokeDasharray: '3 3',
        markerEnd: 'arrow',
      }),
      Plot.dot(
        data.filter((point) => point.channel === selected && point.series !== 'style'),
        { x: 'mean', y: 'std', stroke: 'currentColor', r: 7, strokeWidth: 1.5 },
      ),
      channelTip(data, (point) => `${words.series[point.series]}\n${words.channelTip(point.channel)}`),
    ],
  };
}

export function renderBlockChart(container: Element, statistics: ChannelStatistics, selected: number, words: Words, onPick: (channel: number) => void): void {
  renderPickingChannels(container, blockChart(statistics, selected, chartWidth(container, 620), words), words.chartLabel, onPick);
}
