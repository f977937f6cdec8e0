import type { AdainPhotoResult, ChannelNumbers } from './photo-compute';
import { drawPicture, loadPicture, pictureUrl } from './pictures';
import { formatNumber, chartWidth } from './format';
import { labelChart } from './chart-label';
import { errorText, Island, LatestRun, localStrings } from './island';
import { adainDemoStrings } from '../i18n/components/adain-demo';
import { islandKitStrings } from '../i18n/components/island-kit';

const channelNames = ['R', 'G', 'B'] as const;
const t = localStrings(adainDemoStrings);
const tensorColours = ['#868e96', '#e8590c', '#3b5bdb'] as const;

/** The island for AdainDemo.astro. */
class AdainDemo extends Island {
  private readonly runs = new LatestRun();

  connectedCallback(): void {
    this.addEventListener('change', () => void this.update());
    void this.update();
  }

  private async update(): Promise<void> {
    const run = this.runs.start();
    const status = this.find('.adain-status');
    try {
      const [content, style] = await Promise.all(
        ['content', 'style'].map((name) => loadPicture(pictureUrl(this.find<HTMLSelectElement>(`[name=${name}]`).value))),
      );
      if (!content || !style) return;
      drawPicture(this.querySelector('canvas[data-image=content]'), content);
      drawPicture(this.querySelector('canvas[data-image=style]'), style);
      const [{ adainPhotos }, Plot] = await Promise.all([import('./photo-compute'), import('@observablehq/plot')]);
      const result = await adainPhotos(content, style);
      if (!this.runs.isLatest(run)) return;
      drawPicture(this.querySelector('canvas[data-image=output]'), result.image);
      this.renderTable(result);
      this.renderChart(result, Plot);
      status.textContent = '';
      this.dataset.done = String(run);
    } catch (error) {
      status.textContent = localStrings(islandKitStrings).couldNotRun(errorText(error));
    }
  }

  private numbers(result: AdainPhotoResult): ChannelNumbers[] {
    return [result.content, result.style, result.output];
  }

  private renderTable(result: AdainPhotoResult): void {
    const rows = channelNames.map((name, c) => {
      const tr = document.createElement('tr');
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = name;
      tr.append(th);
      this.numbers(result).forEach((numbers, index) => {
        const td = document.createElement('td');
        const mean = numbers.mean[c] ?? NaN;
        const std = numbers.std[c] ?? NaN;
        td.textContent = `μ ${formatNumber(mean)}, σ ${formatNumber(std)}`;
        Object.assign(td.dataset, { tensor: ['content', 'style', 'output'][index], channel: String(c), mean: String(mean), std: String(std) });
        tr.append(td);
      });
      return tr;
    });
    this.querySelector('.adain-table tbody')?.replaceChildren(...rows);
  }

  private renderChart(result: AdainPhotoResult, Plot: typeof import('@observablehq/plot')): void {
    type Row = { channel: string; tensor: string; mean: number; std: number };
    const rows: Row[] = this.numbers(result).flatMap((numbers, index) =>
      channelNames.map((channel, c) => ({ channel, tensor: t.tensors[index] ?? '', mean: numbers.mean[c] ?? NaN, std: numbers.std[c] ?? NaN })),
    );
    const width = chartWidth(this.querySelector('.adain-chart'));
    const chart = Plot.plot({
      width,
      height: 220,
      marginLeft: 48,
      marginBottom: 36,
      style: { background: 'transparent', color: 'var(--fg)', fontSize: '12px' },
      fx: { label: t.colourChannel, domain: [...channelNames] },
      x: { domain: [...t.tensors], axis: null, padding: 0.3 },
      y: { label: 'μ ± σ', grid: true },
      color: { domain: [...t.tensors], range: [...tensorColours], legend: true },
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
    });
    labelChart(chart, t.chartLabel);
    this.querySelector('.adain-chart')?.replaceChildren(chart);
  }
}

if (!customElements.get('adain-demo')) customElements.define('adain-demo', AdainDemo);
