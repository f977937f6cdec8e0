import { modelInputSize } from '../lib/image-size';
import { renderArt } from '../lib/procedural-art';
import { galleryImage } from '../lib/style-lab-state';
import type { StatisticsArrays } from '../lib/transfer';
import { formatNumber } from './format';
import { imageChosenEvent, type ImageChosenDetail } from './image-drop-events';
import { canvasFromPixels, decodeImageBlob, decodeImageUrl, resizedPixels } from './image-input';
import { errorText, Island, LatestRun, localStrings, oneAtATime } from './island';
import { galleryTitle } from './pictures';
import { cinVsAdainStrings } from '../i18n/components/cin-vs-adain';
import { pictureStrings } from '../i18n/components/pictures';
import { siteUrl } from './site-url';

/** Styles and content are encoded at this longer side (the table's statistics depend on the scale). */
const side = 256;
const ownKey = 'own';
const t = localStrings(cinVsAdainStrings);

type Compute = typeof import('./cin-compute');

/** The island for CinVsAdain.astro: builds the table through cin-compute.ts, then decodes rows on request. */
class CinVsAdain extends Island {
  private compute: Compute | undefined;
  private readonly ownRuns = new LatestRun();
  /** The pixels of the content and of each row (by style id, and 'own'), and each row's statistics: read by the browser test. */
  readonly inputs = new Map<string, ImageData>();
  readonly rowStatistics = new Map<string, StatisticsArrays>();

  connectedCallback(): void {
    this.find('.cin-start').addEventListener('click', () => void this.start());
    this.addEventListener('change', (event) => {
      if ((event.target as Element).closest('.cin-controls')) {
        this.markRows();
        void this.decodeTable();
      }
    });
    this.addEventListener('input', (event) => {
      const target = event.target as HTMLInputElement;
      if (target.name === 'mix') this.setText('.cin-mix-value', target.value);
    });
    this.addEventListener(imageChosenEvent, (event) => {
      const { target, blob } = (event as CustomEvent<ImageChosenDetail>).detail;
      if (target === 'cin-style') void this.useImage(blob);
    });
    this.markRows();
  }

  private setText(selector: string, text: string): void {
    this.find(selector).textContent = text;
  }

  private showProgress(text: string, fraction: number): void {
    this.find('.cin-progress').hidden = false;
    this.setText('.cin-progress-text', text);
    this.find<HTMLProgressElement>('progress').value = fraction;
  }

  /** A message for the reader (undefined clears it); the error itself goes to the console for developers. */
  private showError(error: unknown): void {
    const box = this.find('.cin-error');
    box.hidden = error === undefined;
    box.textContent = error === undefined ? '' : errorText(error);
    if (error !== undefined) console.warn(error);
  }

  private styleIds(): string[] {
    return (this.dataset.styles ?? '').split(' ').filter(Boolean);
  }

  private async pixelsOf(id: string): Promise<ImageData> {
    const image = galleryImage(id);
    if (!image) throw new Error(`unknown image ${id}`);
    if (image.art) return new ImageData(renderArt(image.art.kind, image.art.seed, side, side).data, side, side);
    const decoded = await decodeImageUrl(siteUrl(`images/${image.file!}`));
    return resizedPixels(decoded.canvas, modelInputSize(decoded.canvas, side));
  }

  private async start(): Promise<void> {
    const button = this.find<HTMLButtonElement>('.cin-start');
    button.disabled = true;
    this.showError(undefined);
    try {
      this.showProgress(t.loading, 0);
      const compute = await import('./cin-compute');
      await compute.ready();
      await compute.loadVgg(({ loadedBytes, totalBytes }) => {
        const fraction = loadedBytes / Math.max(1, totalBytes);
        this.showProgress(t.loadingPercent(Math.round(100 * fraction)), fraction / 2);
      });
      const content = await this.pixelsOf('chelsea');
      this.inputs.set('content', content);
      await compute.encodeContent('chelsea', content);
      const ids = this.styleIds();
      for (const [k, id] of ids.entries()) {
        const image = galleryImage(id);
        this.showProgress(t.encoding(k + 1, ids.length, image ? galleryTitle(image, localStrings(pictureStrings), true) : id), 0.5 + (0.5 * k) / ids.length);
        const pixels = await this.pixelsOf(id);
        this.inputs.set(id, pixels);
        this.fillRow(this.find(`.cin-table tr[data-style="${id}"]`), id, await compute.encodeRow(id, pixels));
      }
      this.compute = compute;
      this.find('.cin-progress').hidden = true;
      button.remove();
      await this.decodeTable();
      await this.useImage(undefined);
    } catch (error) {
      button.disabled = false;
      this.showError(error);
    }
  }

  private fillRow(row: Element, key: string, statistics: StatisticsArrays): void {
    this.rowStatistics.set(key, statistics);
    for (const cell of row.querySelectorAll<HTMLElement>('td[data-channel]')) {
      const value = statistics[cell.dataset.kind === 'std' ? 'std' : 'mean'][Number(cell.dataset.channel)] ?? NaN;
      cell.textContent = formatNumber(value);
      cell.dataset.value = String(value);
    }
  }

  private markRows(): void {
    const { a, b, t } = this.mixChoice();
    for (const row of this.querySelectorAll<HTMLElement>('.cin-table tr[data-style]')) {
      row.classList.toggle('is-row-a', row.dataset.style === a && t < 1);
      row.classList.toggle('is-row-b', row.dataset.style === b && t > 0);
    }
  }

  private mixChoice(): { a: string; b: string; t: number } {
    return {
      a: this.find<HTMLSelectElement>('[name=row-a]').value,
      b: this.find<HTMLSelectElement>('[name=row-b]').value,
      t: Number(this.find<HTMLInputElement>('[name=mix]').value),
    };
  }

  /** Decodes the content with the mix of rows A and B (a single row when t is 0 or 1), one decode at a time. */
  private readonly decodeTable = oneAtATime(async (superseded) => {
    const compute = this.compute;
    if (!compute) return;
    const { a, b, t } = this.mixChoice();
    try {
      const weights =
        a === b || t === 0
          ? [{ key: a, weight: 1 }]
          : t === 1
            ? [{ key: b, weight: 1 }]
            : [
                { key: a, weight: 1 - t },
                { key: b, weight: t },
              ];
      const pixels = await compute.decodeRows(weights);
      if (superseded()) return;
      this.draw('table', pixels);
      this.finish(compute);
    } catch (error) {
      this.showError(error);
    }
  });

  /** AdaIN's view: the row computed from the reader's image (or, before one is given, a photo the table lacks). */
  private async useImage(blob: Blob | undefined): Promise<void> {
    const compute = this.compute;
    const run = this.ownRuns.start();
    this.showError(undefined);
    try {
      let pixels: ImageData;
      if (blob) {
        const decoded = await decodeImageBlob(blob);
        pixels = resizedPixels(decoded.canvas, modelInputSize(decoded.canvas, side));
        this.setText('.cin-upload-name', t.now(blob instanceof File && blob.name ? blob.name : t.yourImage, decoded.notices.join(' ')));
      } else {
        pixels = await this.pixelsOf('coffee');
      }
      this.drawPreview(pixels);
      if (!compute) return;
      compute.forgetRow(ownKey);
      this.inputs.set(ownKey, pixels);
      const statistics = await compute.encodeRow(ownKey, pixels);
      if (!this.ownRuns.isLatest(run)) return;
      this.fillRow(this.find('.cin-own-table tr[data-style="own"]'), ownKey, statistics);
      const decoded = await compute.decodeRows([{ key: ownKey, weight: 1 }]);
      if (!this.ownRuns.isLatest(run)) return;
      this.draw('own', decoded);
      this.finish(compute);
    } catch (error) {
      this.showError(error);
    }
  }

  private drawPreview(pixels: ImageData): void {
    const zone = this.find('.image-drop-zone');
    const preview = canvasFromPixels({ width: pixels.width, height: pixels.height, data: new Uint8ClampedArray(pixels.data) });
    preview.className = 'cin-preview';
    this.querySelector('.cin-preview')?.remove();
    zone.after(preview);
  }

  private draw(which: 'table' | 'own', pixels: ImageData): void {
    const canvas = this.find<HTMLCanvasElement>(`.cin-output[data-output=${which}]`);
    canvas.width = pixels.width;
    canvas.height = pixels.height;
    canvas.getContext('2d')?.putImageData(pixels, 0, 0);
    canvas.dataset.drawn = String(Number(canvas.dataset.drawn ?? 0) + 1);
  }

  private finish(compute: Compute): void {
    // Read by the browser test: the count must stay flat over repeated runs.
    this.dataset.numTensors = String(compute.tf.memory().numTensors);
    this.dataset.done = String(Number(this.dataset.done ?? 0) + 1);
  }
}

if (!customElements.get('cin-vs-adain')) customElements.define('cin-vs-adain', CinVsAdain);
