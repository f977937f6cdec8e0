import { backendEvent, type BackendStatus } from './backend-events';
import { imageChosenEvent, type ImageChosenDetail } from './image-drop-events';
import { ImageInputError, resizedPixels } from './image-input';
import { paintChangeEvent } from './paint-events';
import { downloadCanvas, dropMalformedParams, errorText, Island, isBusyPhase, localStrings, showPhase, writeUrlParams } from './island';
import { backendStrings } from '../i18n/components/backend';
import { styleLabStrings } from '../i18n/components/style-lab';
import { formatMegabytes } from './format';
import { MaskPainter } from './style-lab-masks';
import { warmUpWhenNear } from './model-warmup';
import { StyleLabResults } from './style-lab-results';
import { renderStyleSlots } from './style-lab-slots';
import { drawArtThumbnails, ImageSources, isPainting } from './style-lab-sources';
import { largestSideForDevice, modelInputSize, type Size } from '../lib/image-size';
import {
  MAX_STYLES,
  normalisedWeights,
  malformedStyleLabParams,
  readStyleLabParams,
  writeStyleLabParams,
  type ImageId,
  type MaskPreset,
  type StyleLabState,
} from '../lib/style-lab-state';
import type { Losses, RunRequest, RunResult } from './style-engine';

/**
 * The style lab's controller: the state (from and to the URL), the controls, and the runs. Its parts
 * each do one job: the images (style-lab-sources.ts), the list of styles (style-lab-slots.ts), the mask
 * painter (style-lab-masks.ts), the results (style-lab-results.ts); the pipeline and its caches live in
 * TransferSession (src/lib), reached through style-engine.ts, which brings tfjs and the models when the
 * lab nears the viewport (model-warmup.ts) or on the first run. A new run cancels the one in flight; once
 * a run has finished, every change re-runs, and changes of α, weights or masks only re-run AdaIN and the
 * decoder.
 */

/** The largest output side the lab encodes before the reader presses Stylise (see prepareFirstRun). */
const PREPARE_MAX_SIDE = 512;

type LabPhase = 'idle' | 'loading' | 'running' | 'done' | 'cancelled' | 'error';

export interface RunInputs {
  content: ImageData;
  styles: ImageData[];
}

function isOutOfMemory(error: unknown): boolean {
  return /memory|allocat|OOM/i.test(errorText(error));
}

/** What went wrong, in words the reader can act on (errorText puts advice for whoever hosts the site in the console). */
function describeError(error: unknown, side: number, model: StyleLabState['model']): string {
  const message = errorText(error);
  const name = error instanceof Error ? error.name : '';
  if (error instanceof ImageInputError || name.startsWith('Weights')) return message;
  const t = localStrings(styleLabStrings);
  if (isOutOfMemory(error)) return t.outOfMemory(side, model === 'vgg');
  return t.failed(message);
}

export class StyleLab extends Island {
  private readonly t = localStrings(styleLabStrings);
  private state!: StyleLabState;
  private readonly sources = new ImageSources();
  private activeSlot = 0;
  private hasRun = false;
  private runs = 0;
  private controller: AbortController | undefined;
  private inFlight: Promise<void> = Promise.resolve();
  private scheduled: ReturnType<typeof setTimeout> | undefined;
  private masks!: MaskPainter;
  private results!: StyleLabResults;
  /** The pixels the last run started from (test hook: the browser test feeds the same pixels to Node). */
  lastRunInputs: RunInputs | undefined;

  connectedCallback(): void {
    const params = new URLSearchParams(location.search);
    this.state = readStyleLabParams(params);
    dropMalformedParams(malformedStyleLabParams(params), this.find('.lab-url-note'));
    drawArtThumbnails(this);
    this.results = new StyleLabResults(this, (selector) => this.find(selector));
    this.bindControls();
    this.syncControls();
    this.renderSlots();
    void this.loadSources();
    this.listen<CustomEvent<BackendStatus>>(document, backendEvent, (event) => void this.onBackend(event.detail));
    // With VGG-19 chosen, the mobile model comes first: its picture shows while VGG-19 loads (see run).
    warmUpWhenNear(
      this,
      () => (this.state.model === 'vgg' ? ['mobile', 'vgg'] : [this.state.model]),
      (engine) => this.prepareFirstRun(engine),
    );
  }

  // ---- images ------------------------------------------------------------------------------------

  private async loadSources(): Promise<void> {
    try {
      await Promise.all([this.state.content, ...this.state.styles.map((slot) => slot.image)].map((id) => this.sources.load(id)));
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

  private setContent(id: ImageId): void {
    this.state.content = id;
    this.masks.clear();
    this.drawContentPreview();
  }

  private async takeUpload(target: string, blob: Blob): Promise<void> {
    this.clearMessages();
    try {
      const { id, notices } = await this.sources.addUpload(blob);
      for (const notice of notices) this.showNotice(notice);
      if (target === 'content') this.setContent(id);
      else this.setSlotImage(id);
      this.changed(true);
    } catch (error) {
      this.showError(error);
    }
  }

  private usePainting(): void {
    const current = this.state.styles[this.activeSlot]?.image;
    const id = this.sources.addPainting(this.find<HTMLCanvasElement>('.paint-surface'), current);
    if (id === current) this.renderSlots();
    else this.setSlotImage(id);
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
      void this.sources.load(id).then(
        () => {
          if (gallery.dataset.for === 'content') this.setContent(id);
          else this.setSlotImage(id);
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
      if (slot && isPainting(slot.image)) this.usePainting();
    });
    this.find('.use-painting').addEventListener('click', () => this.usePainting());
    this.find('.add-style').addEventListener('click', () => this.addStyle());
    this.find('.run').addEventListener('click', () => void this.startRun());
    this.find('.cancel').addEventListener('click', () => this.controller?.abort());
    this.find('.download').addEventListener('click', () => downloadCanvas(this.find<HTMLCanvasElement>('.output'), 'stylised.png'));
    this.find('.mask-clear').addEventListener('click', () => {
      this.masks.clear();
      this.drawMaskOverlay();
      this.changed(false);
    });
  }

  private addStyle(): void {
    if (this.state.styles.length >= MAX_STYLES) return;
    const used = new Set(this.state.styles.map((slot) => slot.image));
    const next = ['brick', 'art-kandinsky-5', 'art-mosaic-2', 'gravel'].find((id) => !used.has(id)) ?? 'art-waves-4';
    this.state.styles.push({ image: next, weight: 1 });
    this.activeSlot = this.state.styles.length - 1;
    void this.sources.load(next).then(() => {
      this.renderSlots();
      this.drawMaskOverlay();
      this.changed(true);
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
    renderStyleSlots(
      this.find<HTMLOListElement>('.style-slots'),
      {
        slots: this.state.styles,
        active: this.activeSlot,
        masked: this.state.mask !== 'none',
        thumbnail: (id) => this.sources.get(id)?.canvas,
      },
      {
        select: (k) => {
          this.activeSlot = k;
          this.renderSlots();
        },
        weigh: (k, weight) => {
          this.state.styles[k]!.weight = weight;
          this.changed(false);
        },
        remove: (k) => {
          this.state.styles.splice(k, 1);
          this.activeSlot = Math.min(this.activeSlot, this.state.styles.length - 1);
          this.renderSlots();
          this.drawMaskOverlay();
          this.changed(true);
        },
      },
    );
    this.masks.renderBrushChoices();
    this.syncControls();
  }

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
    this.find<HTMLElement>('.share-note').textContent = left.length ? this.t.shareNote(left.map((part) => this.t.localOnly[part])) : '';
  }

  private outputSide(): number {
    if (this.state.size !== 'max') return this.state.size;
    return largestSideForDevice(this.state.model, (navigator as Navigator & { deviceMemory?: number }).deviceMemory);
  }

  private setPhase(phase: LabPhase): void {
    showPhase(this, phase, this.find('.lab-output'));
    this.find<HTMLButtonElement>('.cancel').disabled = !isBusyPhase(phase);
  }

  private async startRun(): Promise<void> {
    clearTimeout(this.scheduled);
    this.controller?.abort();
    // A first press may wait for the preparation of its encodings (prepareFirstRun): show that it started.
    if (!this.hasRun) this.setPhase('loading');
    await this.inFlight;
    const controller = new AbortController();
    this.controller = controller;
    this.inFlight = this.run(controller).finally(() => {
      if (this.controller === controller) this.controller = undefined;
    });
    await this.inFlight;
  }

  /**
   * While the reader has not pressed Stylise yet, encodes the lab's images with its model (the models have
   * loaded), so that the first run is AdaIN and the decoder only. Quiet: no phase, no progress; when done,
   * `data-prepared` names the model. A press meanwhile waits for it, as it needs the same encodings.
   */
  private prepareFirstRun(engine: typeof import('./style-engine')): Promise<void> {
    // Larger images would keep the reader's processor busy for seconds, maybe for nothing: they wait for the press.
    if (this.hasRun || this.outputSide() > PREPARE_MAX_SIDE) return Promise.resolve();
    const prepared = (async () => {
      const { request } = await this.request(new AbortController().signal, { quiet: true });
      await engine.prepareTransfer(request);
      this.dataset.prepared = request.model;
    })();
    this.inFlight = prepared.catch(() => undefined);
    return prepared;
  }

  /** The request for the current state: the images resized to the output size, keys, weights, masks, progress (none when `quiet`). */
  private async request(signal: AbortSignal, { quiet = false } = {}): Promise<{ request: RunRequest; inputs: RunInputs }> {
    const contentSource = await this.sources.load(this.state.content);
    const styleSources = await Promise.all(this.state.styles.map((slot) => this.sources.load(slot.image)));
    const side = this.outputSide();
    const contentSize = modelInputSize(contentSource.canvas, side);
    const styleSizes = styleSources.map((source) => modelInputSize(source.canvas, side));
    const inputs: RunInputs = {
      content: resizedPixels(contentSource.canvas, contentSize),
      styles: styleSources.map((source, k) => resizedPixels(source.canvas, styleSizes[k]!)),
    };
    const masks = this.state.mask === 'none' ? undefined : this.masks.masksAt(this.state.mask, contentSize);
    if (!quiet && masks?.every((mask) => mask.every((v) => v === 0))) this.showNotice(this.t.noRegionPainted);
    const weights = normalisedWeights(this.state.styles.map((slot) => slot.weight));
    const weightsRow = this.find<HTMLElement>('.weights-progress');
    const runRow = this.find<HTMLElement>('.run-progress');
    const request: RunRequest = {
      model: this.state.model,
      contentKey: this.sources.key(this.state.content, contentSize),
      contentPixels: () => inputs.content,
      styles: this.state.styles.map((slot, k) => ({
        key: this.sources.key(slot.image, styleSizes[k]!),
        pixels: () => inputs.styles[k]!,
        weight: weights[k]!,
        ...(masks ? { mask: masks[k]! } : {}),
      })),
      alpha: this.state.alpha,
      color: this.state.color,
      signal,
    };
    if (quiet) return { request, inputs };
    request.onWeightsProgress = ({ loadedBytes, totalBytes }) => {
      weightsRow.hidden = false;
      this.find<HTMLProgressElement>('progress', weightsRow).value = totalBytes ? loadedBytes / totalBytes : 0;
      this.find('.progress-text', weightsRow).textContent = this.t.weightsProgress(formatMegabytes(loadedBytes), formatMegabytes(totalBytes));
    };
    request.onLayerProgress = ({ done, total, name }) => {
      this.setPhase('running');
      runRow.hidden = false;
      this.find<HTMLProgressElement>('progress', runRow).value = done / total;
      this.find('.progress-text', runRow).textContent = this.t.layersProgress(done, total, name);
    };
    return { request, inputs };
  }

  private async run(controller: AbortController): Promise<void> {
    this.hasRun = true;
    this.clearMessages();
    this.setPhase('loading');
    try {
      const { request, inputs } = await this.request(controller.signal);
      const engine = await import('./style-engine');
      if (controller.signal.aborted) throw new DOMException('cancelled', 'AbortError');
      this.lastRunInputs = inputs;
      const size = { width: inputs.content.width, height: inputs.content.height };
      if (request.model === 'vgg' && !engine.hasModel('vgg')) await this.showMobileWhileVggLoads(engine, request, size);
      const result = await engine.runTransfer(request);
      this.results.show(result, request.alpha, size, { model: request.model, vggStillLoading: false });
      const losses = await this.measureLosses(engine, request, result);
      this.runs += 1;
      this.dataset.runs = String(this.runs);
      this.dataset.numTensors = String(engine.tf.memory().numTensors);
      this.results.showLosses(losses);
      this.setPhase('done');
    } catch (error) {
      this.results.nothingWillReplace();
      if ((error as Error).name === 'AbortError') {
        this.setPhase('cancelled');
        if (this.controller === controller) this.showNotice(this.t.cancelled);
      } else {
        this.setPhase('error');
        this.showError(error);
        if (isOutOfMemory(error)) (await import('./style-engine')).clearEncodings();
      }
    } finally {
      this.find<HTMLElement>('.weights-progress').hidden = true;
      this.find<HTMLElement>('.run-progress').hidden = true;
    }
  }

  /**
   * VGG-19's first run waits for 7 MB of weights: the mobile model's picture (4 MB, a lighter network) comes
   * first, labelled, and VGG-19's replaces it. The weights bar follows VGG-19's download.
   */
  private async showMobileWhileVggLoads(engine: typeof import('./style-engine'), request: RunRequest, size: Size): Promise<void> {
    // VGG-19's download goes on meanwhile; if it fails, VGG-19's own run below says so.
    void engine.getModel('vgg', request.onWeightsProgress).catch(() => undefined);
    try {
      const quick = await engine.runTransfer({ ...request, model: 'mobile', onWeightsProgress: () => undefined });
      this.results.show(quick, request.alpha, size, { model: 'mobile', vggStillLoading: true });
    } catch (error) {
      if ((error as Error).name === 'AbortError') throw error;
      // VGG-19's own run follows and reports its own problems.
      console.warn('The mobile model’s quick picture failed; waiting for VGG-19.', error);
    }
  }

  private async measureLosses(engine: typeof import('./style-engine'), request: RunRequest, result: RunResult): Promise<Losses | undefined> {
    if (request.model !== 'vgg') return undefined;
    this.results.measuringLosses();
    // Let the result paint before the (synchronous) loss encoder runs.
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (request.signal.aborted) throw new DOMException('cancelled', 'AbortError');
    return engine.measureLosses(request, result.pixels);
  }

  private async onBackend(status: BackendStatus): Promise<void> {
    this.results.backendLabel = localStrings(backendStrings).labels[status.choice.backend];
    if (!status.notice) return;
    // A lost GPU device takes its tensors with it: start again from the weights on the new backend.
    this.controller?.abort();
    const engine = await import('./style-engine');
    await engine.resetEngine();
    this.showNotice(this.t.backendChanged(status.notice, this.results.backendLabel));
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

if (!customElements.get('style-lab')) customElements.define('style-lab', StyleLab);
