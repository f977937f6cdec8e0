import type { BatchVsInstanceResult, ChannelNumbers } from './photo-compute';
import { colourChannelNames, drawPicture, loadPicture, pictureUrl } from './pictures';
import { formatNumber } from './format';
import { errorText, Island, LatestRun, localStrings } from './island';
import { batchVsInstanceStrings } from '../i18n/components/batch-vs-instance';
import { islandKitStrings } from '../i18n/components/island-kit';

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
      const [{ batchVsInstance }, { renderBatchVsInstanceChart }] = await Promise.all([import('./photo-compute'), import('./batch-vs-instance-chart')]);
      const result = await batchVsInstance(pictures);
      if (!this.runs.isLatest(run)) return;
      result.batchImages.forEach((image, n) => drawPicture(this.querySelector(`canvas[data-row=batch][data-n="${n}"]`), image));
      result.instanceImages.forEach((image, n) => drawPicture(this.querySelector(`canvas[data-row=instance][data-n="${n}"]`), image));
      this.renderTable(result);
      renderBatchVsInstanceChart(this.find('.bvi-chart'), result, localStrings(batchVsInstanceStrings));
      status.textContent = '';
      this.dataset.done = String(run);
    } catch (error) {
      status.textContent = localStrings(islandKitStrings).couldNotRun(errorText(error));
    }
  }

  private renderTable(result: BatchVsInstanceResult): void {
    const rows = colourChannelNames.map((name, c) => {
      const tr = document.createElement('tr');
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = name;
      tr.append(th, ...result.own.map((numbers, n) => cell(numbers, c, `photo-${n}`)), cell(result.batch, c, 'batch'));
      return tr;
    });
    this.querySelector('.bvi-table tbody')?.replaceChildren(...rows);
  }
}

if (!customElements.get('batch-vs-instance')) customElements.define('batch-vs-instance', BatchVsInstance);
