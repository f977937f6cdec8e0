import type { BatchVsInstanceResult, ChannelNumbers } from './photo-compute';
import { drawPicture, loadPicture, pictureUrl } from './pictures';
import { formatNumber, chartWidth } from './format';
import { labelChart } from './chart-label';
import { errorText, Island, LatestRun, localStrings } from './island';
import { batchVsInstanceStrings } from '../i18n/components/batch-vs-instance';
import { islandKitStrings } from '../i18n/components/island-kit';

const t = localStrings(batchVsInstanceStrings);

const channelNames = ['R', 'G', 'B'] as const;
const channelColours = ['#e03131', '#2f9e44', '#1c7ed6'] as const;

function cell(numbers: ChannelNumbers, c: number, owner: string): HTMLTableCellElement {
  const td = document.createElement('td');
  const mean = numbers.mean[c] ?? NaN;
  const std = numbers.std[c] ?? NaN;
  td.textContent = `μ ${formatNumber(mean)}, σ ${formatNumber(std)}`;
  Object.assign(td.dataset, { owner, channel: String(c), mean: String(mean), std: String(std) });
  return td;
}

/** The island for BatchVsInstance.astro: reads two photos, runs BN and IN through src/lib, draws both. */
class BatchVsInstance extends Island {
  private readonly runs = new LatestRun();

  connectedCallback(): void {
    this.addEventListener('change', () => void this.update());
    void this.update();
  }

  private chosen(): string[] {
    return [0, 1].map((n) => this.find<HTMLSelectElement>(`[name=photo-${n}]`).value);
  }

  private async update(): Promise<void> {
    const run = this.runs.start();
    const status = this.find('.bvi-status');
    try {
      const pictures = await Promise.all(this.chosen().map((name) => loadPicture(pictureUrl(name))));
      pictures.forEach((picture, n) => drawPicture(this.querySelector(`canvas[data-row=input][data-n="${n}"]`), picture));
      const [{ batchVsInstance }, Plot] = await Promise.all([import('./photo-compute'), import('@observablehq/plot')]);
      const result = await batchVsInstance(pictures);
      if (!this.runs.isLatest(run)) return;
      result.batchImages.forEach((image, n) => drawPicture(this.querySelector(`canvas[data-row=batch][data-n="${n}"]`), image));
      result.instanceImages.forEach((image, n) => drawPicture(this.querySelector(`canvas[data-row=instance][data-n="${n}"]`), image));
      this.renderTable(result);
      this.renderChart(result, Plot);
      status.textContent = '';
      this.dataset.done = String(run);
    } catch (error) {
      status.textContent = localStrings(islandKitStrings).couldNotRun(errorText(error));
    }
  }

  private renderTable(result: BatchVsInstanceResult): void {
    const rows = channelNames.map((name, c) => {
      const tr = document.createElement('tr');
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = name;
      tr.append(th, ...result.own.map((numbers, n) => cell(numbers, c, `photo-${n}`)), cell(result.batch, c, 'batch'));
      return tr;
    });
    this.querySelector('.bvi-table tbody')?.replaceChildren(...rows);
  }

  private renderChart(result: BatchVsInstanceResult, Plot: typeof import('@observablehq/plot')): void {
    type Row = { channel: string; colour: string; who: string; mean: number };
    const photoNames = [t.photoColumn(1), t.photoColumn(2)];
    const photos: Row[] = channelNames.flatMap((channel, c) =>
      result.own.map((numbers, n) => ({ channel, colour: channelColours[c] ?? 'gray', who: photoNames[n] ?? '', mean: numbers.mean[c] ?? NaN })),
    );
    const batch: Row[] = channelNames.map((channel, c) => ({ channel, colour: channelColours[c] ?? 'gray', who: 'batch', mean: result.batch.mean[c] ?? NaN }));
    const width = chartWidth(this.querySelector('.bvi-chart'));
    const chart = Plot.plot({
      width,
      height: 200,
      marginLeft: 48,
      style: { background: 'transparent', color: 'var(--fg)', fontSize: '12px' },
      x: { label: t.colourChannel, domain: [...channelNames], padding: 0.4 },
      y: { label: t.channelMean, domain: [0, 1], grid: true },
      symbol: { legend: true, domain: photoNames, range: ['circle', 'square'] },
      marks: [
        Plot.tickY(batch, { x: 'channel', y: 'mean', stroke: 'currentColor', strokeWidth: 2, title: (r: Row) => t.batchMeanTip(formatNumber(r.mean)) }),
        Plot.dot(photos, {
          x: 'channel',
          y: 'mean',
          symbol: 'who',
          fill: (r: Row) => r.colour,
          r: 6,
          title: (r: Row) => t.photoMeanTip(r.who, formatNumber(r.mean)),
        }),
      ],
    });
    labelChart(chart);
    this.querySelector('.bvi-chart')?.replaceChildren(chart);
  }
}

if (!customElements.get('batch-vs-instance')) customElements.define('batch-vs-instance', BatchVsInstance);
