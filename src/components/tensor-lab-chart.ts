import * as Plot from '@observablehq/plot';
import { groupHue, groupLabel, type LabState } from '../lib/lab-state';
import { sigmaOf, type LabResult } from '../lib/lab-readout';
import { labelChart } from './chart-label';
import { chartStyle, chartWidth, formatNumber } from './format';
import type { tensorLabStrings } from '../i18n/components/tensor-lab';

type Words = (typeof tensorLabStrings)['en'];

/**
 * The tensor lab's chart: μ ± σ of every statistic group (and, for AdaIN, of the style beside it), in the
 * groups' own tints. Loaded lazily with the first result.
 */
export function groupChart(state: LabState, result: LabResult, width: number, words: Words): Plot.PlotOptions {
  type Row = { label: string; group: number; tensor: string; mean: number; std: number; hue: number };
  const rows: Row[] = Array.from(result.mean, (mean, g) => ({
    label: groupLabel(state, g, words.all),
    group: g,
    tensor: state.method === 'adain' ? words.chartContent : 'x',
    mean,
    std: sigmaOf(result.variance[g] ?? 0, state.epsilon),
    hue: groupHue(g),
  }));
  if (state.method === 'adain' && result.styleMean && result.styleStd) {
    const styleStd = result.styleStd;
    rows.push(
      ...Array.from(result.styleMean, (mean, g) => ({
        label: groupLabel(state, g, words.all),
        group: g,
        tensor: words.chartStyle,
        mean,
        std: styleStd[g] ?? 0,
        hue: (groupHue(g) + 40) % 360,
      })),
    );
  }
  const colour = (row: Row): string => `hsl(${row.hue} 65% 48%)`;
  // AdaIN draws content and style side by side at each x: content nudged left (circles), style right (squares).
  const isAdain = state.method === 'adain';
  const series = (tensor: string, dx: number, symbol: 'circle' | 'square') => {
    const data = rows.filter((r) => r.tensor === tensor);
    return [
      Plot.ruleX(data, { x: 'label', y1: (r: Row) => r.mean - r.std, y2: (r: Row) => r.mean + r.std, stroke: colour, strokeWidth: 3, dx }),
      Plot.dot(data, {
        x: 'label',
        y: 'mean',
        fill: colour,
        stroke: 'var(--bg)',
        r: 5,
        symbol,
        dx,
        title: (r: Row) => `${r.tensor} ${r.label}: μ = ${formatNumber(r.mean)}, σ = ${formatNumber(r.std)}`,
      }),
    ];
  };
  const labels = [...new Set(rows.map((r) => r.label))];
  // Labels turn when side by side they would not fit (about 7 px a character at 12 px): on a phone, sooner.
  const turned = labels.length * (Math.max(...labels.map((label) => label.length)) * 7 + 6) > width - 60;
  return {
    width,
    height: turned ? 240 : 220,
    marginLeft: 48,
    marginBottom: turned ? 64 : 48,
    style: chartStyle,
    x: {
      label: isAdain ? words.chartAdainAxis : words.chartGroupAxis,
      domain: labels,
      tickRotate: turned ? -35 : 0,
      padding: 0.3,
    },
    y: { label: 'μ ± σ', grid: true },
    marks: [
      Plot.ruleY([0], { stroke: 'currentColor', strokeOpacity: 0.3 }),
      ...(isAdain ? [...series(words.chartContent, -8, 'circle'), ...series(words.chartStyle, 8, 'square')] : series('x', 0, 'circle')),
    ],
  };
}

export function renderGroupChart(container: Element, state: LabState, result: LabResult, words: Words): void {
  const chart = Plot.plot(groupChart(state, result, chartWidth(container), words));
  labelChart(chart, words.chartLabel(state.method === 'adain'));
  container.replaceChildren(chart);
}
