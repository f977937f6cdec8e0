import { backendEvent, type BackendStatus } from './backend-events';
import { imageChosenEvent, type ImageChosenDetail } from './image-drop-events';
import { canvasFromPixels, decodeImageBlob, decodeImageUrl, ImageInputError, resizedPixels } from './image-input';
import { paintChangeEvent } from './paint-events';
import { styleNumbersEvent, type StyleNumbers } from './style-numbers';
import { downloadCanvas, errorText, Island, writeUrlParams } from './island';
import { MaskPainter, styleColours } from './style-lab-masks';
import { siteUrl } from './site-url';
import { largestSideForDevice, modelInputSize, type Size } from '../lib/image-size';
import { renderArt } from '../lib/procedural-art';
import {
  galleryImage,
  MAX_STYLES,
  normalisedWeights,
  readStyleLabParams,
  writeStyleLabParams,
  type ImageId,
  type MaskPreset,
  type StyleLabState,
} from '../lib/style-lab-state';
import type { Losses, RunRequest, RunResult } from './style-engine';
import type { StatisticsArrays } from '../lib/transfer';

/**
 * The style lab's controller: state (from and to the URL), image sources, the mask painter, and runs.
 * tfjs and the models arrive with style-engine.ts on the first run; until then the lab only decodes and
 * draws images. A new run cancels the one in flight; once a run has finished, every change re-runs, and
 * changes of α, weights or masks only re-run AdaIN and the decoder (the engine caches the encodings).
 */

const styleColourNames = ['red', 'blue', 'green'] as const;

interface ImageSource {
  canvas: HTMLCanvasElement;
  /** Bumped when the pixels behind an id change (a repainted style), so caches see a new key. */
  version: number;
}

type LabPhase = 'idle' | 'loading' | 'running' | 'done' | 'cancelled' | 'error';

export interface RunInputs {
  content: ImageData;
  styles: ImageData[];
}

function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

function formatMB(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

export class StyleLab extends Island {
  private state!: StyleLabState;
  private readonly sources = new Map<ImageId, ImageSource>();
  private activeSlot = 0;
  private localCount = 0;
  private hasRun = false;
  private runs = 0;
  private controller: AbortController | undefined;
  private inFlight: Promise<void> = Promise.resolve();
  private scheduled: ReturnType<typeof setTimeout> | undefined;
  private masks!: MaskPainter;
  private lastResult: { result: RunResult; request: RunRequest; size: Size } | undefined;
  private channel = 0;
  private backendLabel = '';
  /** The pixels the last run started from (test hook: the browser test feeds the same pixels to Node). */
  lastRunInputs: RunInputs | undefined;

  connectedCallback(): void {
    this.state = readStyleLabParams(new URLSearchParams(location.search));
    this.drawArtThumbnails();
    this.bindControls();
    this.syncControls();
    this.renderSlots();
    void this.loadSources();
    this.listen<CustomEvent<BackendStatus>>(document, backendEvent, (event) => void this.onBackend(event.detail));
  }

  // ---- images ------------------------------------------------------------------------------------

  private drawArtThumbnails(): void {
    for (const canvas of this.querySelectorAll<HTMLCanvasElement>('canvas[data-art]')) {
      const art = galleryImage(canvas.dataset.art ?? '')?.art;
      if (!art) continue;
      canvas.getContext('2d')?.putImageData(new ImageData(renderArt(art.kind, art.seed, canvas.width, canvas.height).data, canvas.width, canvas.height), 0, 0);
    }
  }

  /** Decodes (once) a built-in image; art is painted at 512², enough for any transfer size it is used at. */
  private async source(id: ImageId): Promise<ImageSource> {
    const known = this.sources.get(id);
    if (known) return known;
    const image = galleryImage(id);
    if (!image) throw new ImageInputError(`The image “${id}” is not available any more; choose another.`);
    let canvas: HTMLCanvasElement;
    if (image.art) {
      canvas = canvasFromPixels(renderArt(image.art.kind, image.art.seed, 512, 512));
    } else {
      canvas = (await decodeImageUrl(siteUrl(`images/${image.file!}`))).canvas;
    }
    const source = { canvas, version: 0 };
    this.sources.set(id, source);
    return source;
  }

  private async loadSources(): Promise<void> {
    try {
      await Promise.all([this.state.content, ...this.state.styles.map((slot) => slot.image)].map((id) => this.source(id)));
      this.drawContentPreview();
      this.renderSlots();
    } catch (error) {
      this.showError(error);
    }
  }

  private drawContentPreview(): void {
    const source = this.sources.get(this.state.content);
    if (!source) return;
    const preview = this.find<HTMLCanvasElement>('.content-preview');
    const size = modelInputSize(source.canvas, 512);
    preview.width = size.width;
    preview.height = size.height;
    preview.getContext('2d')?.drawImage(source.canvas, 0, 0, size.width, size.height);
    this.drawMaskOverlay();
  }

  private async takeUpload(target: string, blob: Blob): Promise<void> {
    this.clearMessages();
    try {
      const decoded = await decodeImageBlob(blob);
      const id = `upload-${++this.localCount}`;
      this.sources.set(id, { canvas: decoded.canvas, version: 0 });
      for (const notice of decoded.notices) this.showNotice(notice);
      if (target === 'content') {
        this.state.content = id;
        this.masks.clear();
        this.drawContentPreview();
      } else {
        this.setSlotImage(id);
      }
      this.changed(true);
    } catch (error) {
      this.showError(error);
    }
  }

  private usePainting(canvas: HTMLCanvasElement): void {
    const slot = this.state.styles[this.activeSlot];
    const existing = slot && /^paint-/.test(slot.image) ? this.sources.get(slot.image) : undefined;
    const copy = document.createElement('canvas');
    copy.width = canvas.width;
    copy.height = canvas.height;
    copy.getContext('2d')?.drawImage(canvas, 0, 0);
    if (existing && slot) {
      this.sources.set(slot.image, { canvas: copy, version: existing.version + 1 });
      this.renderSlots();
    } else {
      const id = `paint-${++this.localCount}`;
      this.sources.set(id, { canvas: copy, version: 0 });
      this.setSlotImage(id);
    }
    this.changed(true);
  }

  private setSlotImage(id: ImageId): void {
    const slot = this.state.styles[this.activeSlot];
    if (slot) slot.image = id;
    else this.state.styles.push({ image: id, weight: 1 });
    this.renderSlots();
  }

  // ---- controls ----------------------------------------------------------------------------------

  private bindControls(): void {
    this.masks = new MaskPainter(this.find('.mask-overlay'), this.find('.content-preview'), this.find('.mask-brush-size'), this.find('.mask-brush-choices'), {
      styleCount: () => this.state.styles.length,
      painting: () => this.state.mask === 'painted',
      onPainted: () => this.changed(false),
    });
    const alpha = this.find<HTMLInputElement>('.alpha');
    alpha.addEventListener('input', () => {
      this.state.alpha = Number(alpha.value);
      this.syncControls();
      this.changed(false);
    });
    for (const name of ['color', 'model', 'size'] as const) {
      const select = this.find<HTMLSelectElement>(`select.${name}`);
      select.addEventListener('change', () => {
        if (name === 'color') this.state.color = select.value as StyleLabState['color'];
        if (name === 'model') this.state.model = select.value as StyleLabState['model'];
        if (name === 'size') this.state.size = select.value === 'max' ? 'max' : (Number(select.value) as 128 | 256 | 512);
        this.changed(true);
      });
    }
    for (const radio of this.querySelectorAll<HTMLInputElement>('input[name="style-lab-mask"]')) {
      radio.addEventListener('change', () => {
        if (!radio.checked) return;
        const previous = this.state.mask;
        this.state.mask = radio.value as MaskPreset;
        // Painting starts from the regions the reader was looking at.
        if (this.state.mask === 'painted' && previous !== 'none' && previous !== 'painted') this.masks.drawPreset(previous);
        else if (this.state.mask === 'painted') this.masks.clear();
        this.drawMaskOverlay();
        this.changed(false);
      });
    }
    this.addEventListener('click', (event) => {
      const item = (event.target as Element).closest<HTMLButtonElement>('.gallery-item');
      if (!item) return;
      const id = item.dataset.image!;
      const gallery = item.closest<HTMLElement>('.gallery')!;
      void this.source(id).then(
        () => {
          if (gallery.dataset.for === 'content') {
            this.state.content = id;
            this.masks.clear();
            this.drawContentPreview();
          } else {
            this.setSlotImage(id);
          }
          this.syncControls();
          this.changed(true);
        },
        (error: unknown) => this.showError(error),
      );
    });
    this.addEventListener(imageChosenEvent, (event) => {
      const { target, blob } = (event as CustomEvent<ImageChosenDetail>).detail;
      void this.takeUpload(target, blob);
    });
    this.addEventListener(paintChangeEvent, () => {
      // Live while this painting is a style already; otherwise the "use" button adopts it.
      const slot = this.state.styles[this.activeSlot];
      if (slot && /^paint-/.test(slot.image)) this.usePainting(this.find<HTMLCanvasElement>('.paint-surface'));
    });
    this.find('.use-painting').addEventListener('click', () => this.usePainting(this.find<HTMLCanvasElement>('.paint-surface')));
    this.find('.add-style').addEventListener('click', () => {
      if (this.state.styles.length >= MAX_STYLES) return;
      const used = new Set(this.state.styles.map((slot) => slot.image));
      const next = ['brick', 'art-kandinsky-5', 'art-mosaic-2', 'gravel'].find((id) => !used.has(id)) ?? 'art-waves-4';
      this.state.styles.push({ image: next, weight: 1 });
      this.activeSlot = this.state.styles.length - 1;
      void this.source(next).then(() => {
        this.renderSlots();
        this.drawMaskOverlay();
        this.changed(true);
      });
    });
    this.find('.run').addEventListener('click', () => void this.startRun());
    this.find('.cancel').addEventListener('click', () => this.controller?.abort());
    this.find('.download').addEventListener('click', () => downloadCanvas(this.find<HTMLCanvasElement>('.output'), 'stylised.png'));
    const channel = this.find<HTMLInputElement>('input.channel');
    channel.addEventListener('input', () => this.selectChannel(Number(channel.value)));
    this.find('.mask-clear').addEventListener('click', () => {
      this.masks.clear();
      this.drawMaskOverlay();
      this.changed(false);
    });
  }

  private syncControls(): void {
    this.find<HTMLInputElement>('.alpha').value = String(this.state.alpha);
    this.find<HTMLOutputElement>('.alpha-value').value = this.state.alpha.toFixed(2);
    this.find<HTMLSelectElement>('select.color').value = this.state.color;
    this.find<HTMLSelectElement>('select.model').value = this.state.model;
    this.find<HTMLSelectElement>('select.size').value = String(this.state.size);
    for (const radio of this.querySelectorAll<HTMLInputElement>('input[name="style-lab-mask"]')) radio.checked = radio.value === this.state.mask;
    for (const item of this.querySelectorAll<HTMLButtonElement>('.gallery[data-for="content"] .gallery-item')) {
      item.setAttribute('aria-pressed', String(item.dataset.image === this.state.content));
    }
    const activeImage = this.state.styles[this.activeSlot]?.image;
    for (const item of this.querySelectorAll<HTMLButtonElement>('.gallery[data-for="style"] .gallery-item')) {
      item.setAttribute('aria-pressed', String(item.dataset.image === activeImage));
    }
    this.find<HTMLElement>('.mask-tools').hidden = this.state.mask !== 'painted';
    this.find<HTMLCanvasElement>('.mask-overlay').hidden = this.state.mask === 'none';
    this.find<HTMLButtonElement>('.add-style').disabled = this.state.styles.length >= MAX_STYLES;
  }

  private renderSlots(): void {
    const list = this.find<HTMLOListElement>('.style-slots');
    const weights = normalisedWeights(this.state.styles.map((slot) => slot.weight));
    const masked = this.state.mask !== 'none';
    list.replaceChildren(
      ...this.state.styles.map((slot, k) => {
        const item = document.createElement('li');
        item.className = `style-slot${k === this.activeSlot ? ' is-active' : ''}`;
        item.dataset.slot = String(k);
        const thumb = document.createElement('canvas');
        thumb.width = 48;
        thumb.height = 48;
        const source = this.sources.get(slot.image);
        if (source) thumb.getContext('2d')?.drawImage(source.canvas, 0, 0, 48, 48);
        const select = document.createElement('button');
        select.type = 'button';
        select.className = 'select-style';
        select.setAttribute('aria-pressed', String(k === this.activeSlot));
        select.setAttribute(
          'aria-label',
          `Style ${k + 1}: ${galleryImage(slot.image)?.title ?? (slot.image.startsWith('paint') ? 'your painting' : 'your image')}; choose to change its image`,
        );
        select.append(thumb);
        select.style.cssText = 'padding:0;border:none;background:none;cursor:pointer;line-height:0';
        select.addEventListener('click', () => {
          this.activeSlot = k;
          this.renderSlots();
        });
        const swatch = document.createElement('span');
        swatch.className = 'swatch';
        swatch.style.background = styleColours[k]!;
        swatch.title = `Style ${k + 1} paints the ${styleColourNames[k]} region`;
        swatch.style.visibility = masked ? 'visible' : 'hidden';
        const weight = document.createElement('label');
        const share = this.state.styles.length > 1 && !masked ? ` (${Math.round(weights[k]! * 100)} %)` : '';
        weight.textContent = `Weight${share}`;
        const range = document.createElement('input');
        range.type = 'range';
        range.min = '0';
        range.max = '1';
        range.step = '0.05';
        range.value = String(slot.weight);
        range.className = 'style-weight';
        range.disabled = this.state.styles.length < 2 || masked;
        range.setAttribute('aria-label', `Weight of style ${k + 1}`);
        range.addEventListener('input', () => {
          slot.weight = Number(range.value);
          const normalised = normalisedWeights(this.state.styles.map((s) => s.weight));
          list.querySelectorAll('.style-slot label').forEach((label, j) => {
            label.firstChild!.textContent = `Weight (${Math.round(normalised[j]! * 100)} %)`;
          });
          this.changed(false);
        });
        weight.append(range);
        const remove = document.createElement('button');
        remove.type = 'button';
        remove.className = 'remove-style';
        remove.textContent = 'Remove';
        remove.disabled = this.state.styles.length < 2;
        remove.setAttribute('aria-label', `Remove style ${k + 1}`);
        remove.addEventListener('click', () => {
          this.state.styles.splice(k, 1);
          this.activeSlot = Math.min(this.activeSlot, this.state.styles.length - 1);
          this.renderSlots();
          this.drawMaskOverlay();
          this.changed(true);
        });
        item.append(swatch, select, weight, remove);
        return item;
      }),
    );
    this.masks.renderBrushChoices();
    this.syncControls();
  }

  // ---- masks ------------------------------------------------------------------------------------

  private drawMaskOverlay(): void {
    this.syncControls();
    this.masks.show(this.state.mask);
  }

  // ---- runs --------------------------------------------------------------------------------------

  /** Records a change; re-runs (debounced) once the reader has run the lab at least once. */
  private changed(needsEncoding: boolean): void {
    this.writeUrl();
    if (!this.hasRun) return;
    clearTimeout(this.scheduled);
    this.scheduled = setTimeout(() => void this.startRun(), needsEncoding ? 50 : 120);
  }

  private writeUrl(): void {
    const left = writeUrlParams((params) => writeStyleLabParams(this.state, params));
    this.find<HTMLElement>('.share-note').textContent = left.length
      ? `The address bar now holds this view, except ${left.join(' and ')}: those stay in your browser and cannot be put in a link.`
      : '';
  }

  private outputSide(): number {
    if (this.state.size !== 'max') return this.state.size;
    return largestSideForDevice(this.state.model, (navigator as Navigator & { deviceMemory?: number }).deviceMemory);
  }

  private setPhase(phase: LabPhase): void {
    this.dataset.state = phase;
    const busy = phase === 'loading' || phase === 'running';
    this.find<HTMLButtonElement>('.cancel').disabled = !busy;
  }

  private async startRun(): Promise<void> {
    clearTimeout(this.scheduled);
    this.controller?.abort();
    await this.inFlight;
    const controller = new AbortController();
    this.controller = controller;
    this.inFlight = this.run(controller).finally(() => {
      if (this.controller === controller) this.controller = undefined;
    });
    await this.inFlight;
  }

  private async run(controller: AbortController): Promise<void> {
    this.hasRun = true;
    this.clearMessages();
    this.setPhase('loading');
    const weightsRow = this.find<HTMLElement>('.weights-progress');
    const runRow = this.find<HTMLElement>('.run-progress');
    try {
      const contentSource = await this.source(this.state.content);
      const styleSources = await Promise.all(this.state.styles.map((slot) => this.source(slot.image)));
      const side = this.outputSide();
      const contentSize = modelInputSize(contentSource.canvas, side);
      const styleSizes = styleSources.map((source) => modelInputSize(source.canvas, side));
      const inputs: RunInputs = {
        content: resizedPixels(contentSource.canvas, contentSize),
        styles: styleSources.map((source, k) => resizedPixels(source.canvas, styleSizes[k]!)),
      };
      const masks = this.state.mask === 'none' ? undefined : this.masks.masksAt(this.state.mask, contentSize);
      if (masks?.every((mask) => mask.every((v) => v === 0)))
        this.showNotice('No region is painted yet, so the image keeps its content everywhere: paint over the content with a style’s brush.');
      const weights = normalisedWeights(this.state.styles.map((slot) => slot.weight));
      const engine = await import('./style-engine');
      if (controller.signal.aborted) throw new DOMException('cancelled', 'AbortError');
      const request: RunRequest = {
        model: this.state.model,
        contentKey: `${this.state.content}@${contentSource.version}@${contentSize.width}x${contentSize.height}`,
        contentPixels: () => inputs.content,
        styles: this.state.styles.map((slot, k) => ({
          key: `${slot.image}@${styleSources[k]!.version}@${styleSizes[k]!.width}x${styleSizes[k]!.height}`,
          pixels: () => inputs.styles[k]!,
          weight: weights[k]!,
          ...(masks ? { mask: masks[k]! } : {}),
        })),
        alpha: this.state.alpha,
        color: this.state.color,
        signal: controller.signal,
        onWeightsProgress: ({ loadedBytes, totalBytes }) => {
          weightsRow.hidden = false;
          this.find<HTMLProgressElement>('progress', weightsRow).value = totalBytes ? loadedBytes / totalBytes : 0;
          this.find('.progress-text', weightsRow).textContent = `${formatMB(loadedBytes)} of ${formatMB(totalBytes)}`;
        },
        onLayerProgress: ({ done, total, name }) => {
          this.setPhase('running');
          runRow.hidden = false;
          this.find<HTMLProgressElement>('progress', runRow).value = done / total;
          this.find('.progress-text', runRow).textContent = `${done} of ${total} layers (${name})`;
        },
      };
      this.lastRunInputs = inputs;
      const result = await engine.runTransfer(request);
      this.showResult(result, request, contentSize);
      const losses = await this.measureLosses(engine, request, result);
      this.runs += 1;
      this.dataset.runs = String(this.runs);
      this.dataset.numTensors = String(engine.tf.memory().numTensors);
      this.showLosses(losses);
      this.setPhase('done');
    } catch (error) {
      if ((error as Error).name === 'AbortError') {
        this.setPhase('cancelled');
        if (this.controller === controller) this.showNotice('Cancelled. Change anything or press “Stylise” to run again.');
      } else {
        this.setPhase('error');
        this.showError(error);
        if (/memory|allocat|OOM/i.test(String((error as Error).message))) {
          const engine = await import('./style-engine');
          engine.clearEncodings();
        }
      }
    } finally {
      weightsRow.hidden = true;
      runRow.hidden = true;
    }
  }

  private async measureLosses(engine: typeof import('./style-engine'), request: RunRequest, result: RunResult): Promise<Losses | undefined> {
    if (request.model !== 'vgg') return undefined;
    this.find('.losses').textContent = 'Measuring the losses…';
    // Let the result paint before the (synchronous) loss encoder runs.
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (request.signal.aborted) throw new DOMException('cancelled', 'AbortError');
    return engine.measureLosses(request, result.pixels);
  }

  private showResult(result: RunResult, request: RunRequest, size: Size): void {
    const output = this.find<HTMLCanvasElement>('.output');
    output.width = size.width;
    output.height = size.height;
    output.getContext('2d')?.putImageData(result.pixels, 0, 0);
    this.dataset.outputWidth = String(size.width);
    this.dataset.outputHeight = String(size.height);
    this.dataset.runMs = result.totalMs.toFixed(1);
    this.find<HTMLButtonElement>('.download').disabled = false;
    const on = this.backendLabel ? ` on ${this.backendLabel}` : '';
    this.find('.timing').textContent = result.cached
      ? `${size.width}×${size.height} in ${formatMs(result.totalMs)}${on}: encodings were cached, so only AdaIN and the decoder ran.`
      : `${size.width}×${size.height} in ${formatMs(result.totalMs)}${on}, including encoding the images.`;
    const perImage = result.contentEncodeMs + result.decodeMs;
    this.find('.speed-yours-value').textContent =
      `${formatMs(perImage)} per image at ${size.width}×${size.height} ≈ ${(1000 / perImage).toFixed(perImage > 1000 ? 2 : 1)} images/s${on}`;
    this.lastResult = { result, request, size };
    void this.drawCharts();
    this.publishNumbers();
  }

  private showLosses(losses: Losses | undefined): void {
    const text = this.find('.losses');
    if (!losses) {
      text.textContent = 'Losses are measured with the VGG-19 encoder: choose that model to see them.';
      this.publishNumbers();
      return;
    }
    const styleParts = losses.style.map((value, k) => (losses.style.length > 1 ? `style ${k + 1}: ${value.toFixed(2)}` : value.toFixed(2)));
    text.textContent = `Content loss L_c = ${losses.content.toFixed(3)} (result’s relu4_1 against t). Style loss L_s = ${styleParts.join(', ')} (means and standard deviations, relu1_1 to relu4_1).`;
    this.publishNumbers(losses);
  }

  /** The statistics the charts and formulas show as "the style": the weighted mix, or style 1 with masks. */
  private styleStatistics(): StatisticsArrays | undefined {
    const last = this.lastResult;
    if (!last) return undefined;
    return last.result.statistics.mixed ?? last.result.statistics.styles[0];
  }

  private selectChannel(channel: number): void {
    if (!Number.isInteger(channel) || channel < 0 || channel > 511) return;
    this.channel = channel;
    this.find<HTMLInputElement>('input.channel').value = String(channel);
    this.publishNumbers();
    void this.drawCharts();
  }

  private lastLosses: Losses | undefined;

  private publishNumbers(losses?: Losses): void {
    if (losses) this.lastLosses = losses;
    const last = this.lastResult;
    const style = this.styleStatistics();
    if (!last || !style) return;
    const c = this.channel;
    const { content, target } = last.result.statistics;
    const numbers: StyleNumbers = {
      alpha: last.request.alpha,
      channel: c,
      muC: content.mean[c]!,
      sigmaC: content.std[c]!,
      muS: style.mean[c]!,
      sigmaS: style.std[c]!,
      muT: target.mean[c]!,
      sigmaT: target.std[c]!,
      ...(this.lastLosses
        ? { contentLoss: this.lastLosses.content, styleLoss: this.lastLosses.style.reduce((a, b) => a + b, 0) / this.lastLosses.style.length }
        : {}),
    };
    const cells: Record<string, number> = {
      'mu-c': numbers.muC,
      'sigma-c': numbers.sigmaC,
      'mu-s': numbers.muS,
      'sigma-s': numbers.sigmaS,
      'mu-t': numbers.muT,
      'sigma-t': numbers.sigmaT,
    };
    for (const [key, value] of Object.entries(cells)) this.find(`[data-cell="${key}"]`).textContent = value.toFixed(3);
    document.dispatchEvent(new CustomEvent<StyleNumbers>(styleNumbersEvent, { detail: numbers }));
  }

  private async drawCharts(): Promise<void> {
    const last = this.lastResult;
    const style = this.styleStatistics();
    if (!last || !style) return;
    const { renderStatisticsChart } = await import('./style-lab-charts');
    renderStatisticsChart(
      this.find('.stats-chart'),
      { content: last.result.statistics.content, style, target: last.result.statistics.target },
      this.channel,
      (channel) => this.selectChannel(channel),
    );
  }

  private async onBackend(status: BackendStatus): Promise<void> {
    this.backendLabel = status.label;
    if (!status.notice) return;
    // A lost GPU device takes its tensors with it: start again from the weights on the new backend.
    this.controller?.abort();
    const engine = await import('./style-engine');
    await engine.resetEngine();
    this.showNotice(`${status.notice} Press “Stylise” to run again on ${status.label}.`);
  }

  // ---- messages ----------------------------------------------------------------------------------

  private clearMessages(): void {
    this.find('.lab-messages').replaceChildren();
  }

  private showNotice(text: string): void {
    const p = document.createElement('p');
    p.className = 'message-notice';
    p.textContent = text;
    this.find('.lab-messages').append(p);
  }

  private showError(error: unknown): void {
    const p = document.createElement('p');
    p.className = 'message-error';
    p.textContent = describeError(error, this.outputSide(), this.state.model);
    this.find('.lab-messages').append(p);
  }
}

/** What went wrong, in words the reader can act on. */
export function describeError(error: unknown, side: number, model: StyleLabState['model']): string {
  const message = errorText(error);
  const name = error instanceof Error ? error.name : '';
  if (error instanceof ImageInputError) return message;
  if (name === 'WeightsMissingError') return `${message} If you run this site yourself, run “npm run prepare-models” and build again.`;
  if (name === 'WeightsCorruptError' || name === 'WeightsFormatError')
    return `${message} If you run this site yourself, run “npm run prepare-models -- --force” and build again.`;
  if (/memory|allocat|OOM/i.test(message)) {
    const smaller = model === 'vgg' ? 'a smaller size or the mobile model' : 'a smaller size';
    return `Your device ran out of memory for a ${side}-pixel transfer. Try ${smaller}.`;
  }
  return `The style transfer failed: ${message}`;
}

if (!customElements.get('style-lab')) customElements.define('style-lab', StyleLab);
