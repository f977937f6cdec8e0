import * as Plot from '@observablehq/plot';
import { chartWidth } from './format';
import { labelChart } from './chart-label';
import { localStrings } from './island';
import { styleganBlockStrings } from '../i18n/components/stylegan-block';

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

type Series = 'before' | 'style' | 'after';

interface ChannelPoint {
  series: Series;
  channel: number;
  mean: number;
  std: number;
}

const seriesOrder: Series[] = ['before', 'style', 'after'];

export function renderBlockChart(container: Element, statistics: ChannelStatistics, selected: number, onPick: (channel: number) => void): void {
  const t = localStrings(styleganBlockStrings);
  const channels = statistics.meanBefore.length;
  const points = (series: Series, mean: ArrayLike<number>, std: (c: number) => number): ChannelPoint[] =>
    Array.from({ length: channels }, (_, channel) => ({ series, channel, mean: mean[channel]!, std: std(channel) }));
  const before = points('before', statistics.meanBefore, (c) => statistics.stdBefore[c]!);
  const style = points('style', statistics.styleBias, (c) => Math.abs(statistics.styleScale[c]!));
  const after = points('after', statistics.meanAfter, (c) => statistics.stdAfter[c]!);
  const data = [...before, ...style, ...after];
  const width = chartWidth(container, 620);
  const chart = Plot.plot({
    width,
    height: Math.round(width * 0.6),
    marginLeft: 48,
    style: { background: 'transparent', color: 'currentColor', fontSize: '12px' },
    x: { label: t.meanAxis, grid: true },
    y: { label: t.stdAxis, grid: true },
    color: { domain: seriesOrder, range: ['#868e96', '#f08c00', '#4263eb'], legend: true, tickFormat: (series: Series) => t.series[series] },
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
      Plot.tip(
        data,
        Plot.pointer({
          x: 'mean',
          y: 'std',
          title: (point: ChannelPoint) =>
            `${t.series[point.series]}\n${t.channelTip(point.channel)}\nμ = ${point.mean.toFixed(3)}\nσ = ${point.std.toFixed(3)}`,
        }),
      ),
    ],
  });
  chart.addEventListener('click', () => {
    const value = (chart as unknown as { value?: ChannelPoint | null }).value;
    if (value) onPick(value.channel);
  });
  labelChart(chart, t.chartLabel);
  container.replaceChildren(chart);
}
