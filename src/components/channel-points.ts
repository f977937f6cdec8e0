import * as Plot from '@observablehq/plot';
import { labelChart } from './chart-label';

/**
 * What the two channel scatters (the style lab's, the block lab's) share: a channel as a point (μ, σ) of
 * one series, the tip that names it, and picking a channel by clicking near its point.
 */

export interface ChannelPoint<Series extends string = string> {
  series: Series;
  channel: number;
  mean: number;
  std: number;
}

/** One point per channel: channel c at (mean[c], std(c)). */
export function channelPoints<Series extends string>(series: Series, mean: ArrayLike<number>, std: (channel: number) => number): ChannelPoint<Series>[] {
  return Array.from({ length: mean.length }, (_, channel) => ({ series, channel, mean: mean[channel]!, std: std(channel) }));
}

/** The tip of the point nearest the pointer: its series and channel as `heading` words them (the page's language), then μ and σ. */
export function channelTip<Series extends string>(data: readonly ChannelPoint<Series>[], heading: (point: ChannelPoint<Series>) => string): Plot.Markish {
  return Plot.tip(
    data,
    Plot.pointer({
      x: 'mean',
      y: 'std',
      title: (point: ChannelPoint<Series>) => `${heading(point)}\nμ = ${point.mean.toFixed(3)}\nσ = ${point.std.toFixed(3)}`,
    }),
  );
}

/** Draws the chart, labelled, into the container; a click picks the channel whose tip is showing. */
export function renderPickingChannels(container: Element, options: Plot.PlotOptions, label: string, onPick: (channel: number) => void): void {
  const chart = Plot.plot(options);
  chart.addEventListener('click', () => {
    const value = (chart as unknown as { value?: ChannelPoint | null }).value;
    if (value) onPick(value.channel);
  });
  labelChart(chart, label);
  container.replaceChildren(chart);
}
