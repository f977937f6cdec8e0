import type { AdainPhotoResult, ChannelNumbers } from './photo-compute';
import { colourChannelNames, drawPicture, loadPicture, pictureUrl } from './pictures';
import { formatNumber } from './format';
import { errorText, Island, LatestRun, localStrings } from './island';
import { adainDemoStrings } from '../i18n/components/adain-demo';
import { islandKitStrings } from '../i18n/components/island-kit';

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
      const [{ adainPhotos }, { renderAdainChart }] = await Promise.all([import('./photo-compute'), import('./adain-demo-chart')]);
      const result = await adainPhotos(content, style);
      if (!this.runs.isLatest(run)) return;
      drawPicture(this.querySelector('canvas[data-image=output]'), result.image);
      this.renderTable(result);
      renderAdainChart(this.find('.adain-chart'), [result.content, result.style, result.output], localStrings(adainDemoStrings));
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
    const rows = colourChannelNames.map((name, c) => {
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
}

if (!customElements.get('adain-demo')) customElements.define('adain-demo', AdainDemo);
