import * as Plot from '@observablehq/plot';
import type { TrainingHistory } from '../lib/running-statistics';
import { labelChart } from './chart-label';
import { chartWidth } from './format';
import type { bnRunningStatsStrings } from '../i18n/components/bn-running-stats';

type Words = (typeof bnRunningStatsStrings)['en'];

/**
 * The running-statistics demo's two charts, μ and σ against the training step: per channel the batches'
 * values (dots), the running estimate (line) and the population's value (dashed). Loaded lazily.
 */

export interface PopulationStatistics {
  mean: readonly number[];
  variance: readonly number[];
}

export type RunningChartKind = 'mean' | 'std';

interface Point {
  step: number;
  channel: number;
  value: number;
}

/** The options of the μ chart or the σ chart for a training history at a width, in the page's words. */
export function runningStatisticsChart(
  kind: RunningChartKind,
  history: TrainingHistory,
  population: PopulationStatistics,
  width: number,
  words: Words,
): Plot.PlotOptions {
  const channels = population.mean.length;
  const toValue = kind === 'mean' ? (v: number) => v : Math.sqrt;
  // The running estimates start at μ = 0, σ² = 1 (as PyTorch's BatchNorm) before the first step.
  const running = [Array<number>(channels).fill(kind === 'mean' ? 0 : 1), ...(kind === 'mean' ? history.runningMean : history.runningVariance)].flatMap(
    (values, step): Point[] => values.map((value, channel) => ({ step, channel, value: toValue(value) })),
  );
  const batch = (kind === 'mean' ? history.batchMean : history.batchVariance).flatMap((values, i): Point[] =>
    values.map((value, channel) => ({ step: i + 1, channel, value: toValue(value) })),
  );
  const target = (kind === 'mean' ? population.mean : population.variance).map(toValue);
  const marks = Array.from({ length: channels }, (_, c) => [
    Plot.dot(
      batch.filter((p) => p.channel === c),
      { x: 'step', y: 'value', r: 1.5, fill: 'currentColor', fillOpacity: 0.35, className: `bnr-c${c}` },
    ),
    Plot.ruleY([target[c]!], { stroke: 'currentColor', strokeDasharray: '4 3', className: `bnr-c${c}` }),
    Plot.line(
      running.filter((p) => p.channel === c),
      { x: 'step', y: 'value', stroke: 'currentColor', strokeWidth: 2, className: `bnr-c${c}` },
    ),
  ]).flat();
  return {
    width,
    height: 220,
    marginLeft: 40,
    className: 'bnr-plot',
    x: { label: words.trainingStep, grid: true },
    y: { label: kind === 'mean' ? 'μ' : 'σ', grid: true },
    marks,
  };
}

export function renderRunningStatisticsChart(
  container: Element,
  kind: RunningChartKind,
  history: TrainingHistory,
  population: PopulationStatistics,
  words: Words,
): void {
  const chart = Plot.plot(runningStatisticsChart(kind, history, population, chartWidth(container, 420), words));
  labelChart(chart);
  container.replaceChildren(chart);
}
