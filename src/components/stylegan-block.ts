import { defaultBlockState, readBlockParams, writeBlockParams, type BlockState } from '../lib/block-state';
import { bandOf, clampPsi, layerCount, layerResolutionOf, seedLimit } from '../lib/mixing-state';
import type { GeneratorWeights } from '../lib/generator-weights';
import type { BlockView } from './generator-compute';
import { absLimit, putScaledImage, putScaledMap, sizeCanvas } from './generator-draw';
import { formatNumber } from './format';

/**
 * The StyleGAN block lab (lesson 5): one AdaIN layer of the project's generator, chosen by the reader,
 * step by step (input, noise map, conv + noise + bias + leaky ReLU, AdaIN), with every channel's μ and σ
 * before and after AdaIN and the layer's styles y_s, y_b. Formula symbols tagged
 * `\htmlClass{sym sym-NAME}{…}` on the page light up with the readout's numbers for the selected channel.
 */
const symbolNames = ['x', 'mu', 'sigma', 'ys', 'yb', 'out'] as const;
type SymbolName = (typeof symbolNames)[number];
const shownChannels = 6;
const thumbnailSize = 48;

type Compute = typeof import('./generator-compute');

function query<T extends Element>(root: ParentNode, selector: string): T {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`block lab markup lacks ${selector}`);
  return found;
}

export class StyleganBlock extends HTMLElement {
  private state: BlockState = defaultBlockState();
  private compute: Promise<Compute> | undefined;
  private weights: GeneratorWeights | undefined;
  private view: BlockView | undefined;
  private running = false;
  private pending = false;

  connectedCallback(): void {
    const layer = Number(this.dataset.layer);
    if (Number.isInteger(layer) && layer >= 0 && layer < layerCount) this.state.layer = layer;
    this.state = readBlockParams(new URLSearchParams(location.search), this.state);
    const layerSelect = query<HTMLSelectElement>(this, '[name=layer]');
    layerSelect.replaceChildren(
      ...Array.from({ length: layerCount }, (_, i) => {
        const option = document.createElement('option');
        option.value = String(i);
        option.textContent = `layer ${i}: ${layerResolutionOf(i)}² (${bandOf(i)}${i % 2 === 0 && i > 0 ? ', after upsampling' : ''})`;
        return option;
      }),
    );
    this.wire();
    this.sync();
    void this.load();
  }

  private wire(): void {
    const seed = query<HTMLInputElement>(this, '[name=seed]');
    seed.addEventListener('change', () => {
      const value = Number(seed.value);
      const valid = Number.isSafeInteger(value) && value >= 0 && value <= seedLimit;
      seed.setAttribute('aria-invalid', String(!valid));
      const message = query<HTMLElement>(this, '.block-seed-message');
      message.hidden = valid;
      message.textContent = valid ? '' : `A seed is a whole number from 0 to ${seedLimit}.`;
      if (valid) this.update({ seed: value });
    });
    query(this, '.block-new-seed').addEventListener('click', () => this.update({ seed: (this.state.seed * 48271 + 11) % 2147483647 }));
    const layer = query<HTMLSelectElement>(this, '[name=layer]');
    layer.addEventListener('change', () => this.update({ layer: Number(layer.value), channel: 0 }));
    const psi = query<HTMLInputElement>(this, '[name=psi]');
    psi.addEventListener('input', () => this.update({ psi: clampPsi(Number(psi.value)) }));
    const noise = query<HTMLInputElement>(this, '[name=noise]');
    noise.addEventListener('change', () => this.update({ noise: noise.checked }));
    const channel = query<HTMLInputElement>(this, '[name=channel]');
    channel.addEventListener('input', () => {
      const value = Number(channel.value);
      if (Number.isInteger(value) && value >= 0 && value < (this.view?.channels ?? 0)) this.pickChannel(value);
    });
    const onSymbol = (event: Event): void => {
      const symbol = (event.target as Element | null)?.closest?.('.sym');
      const name = symbol ? symbolNames.find((n) => symbol.classList.contains(`sym-${n}`)) : undefined;
      const leaving = event.type === 'pointerout' || event.type === 'focusout';
      this.highlight(leaving ? undefined : name);
    };
    for (const type of ['pointerover', 'pointerout', 'focusin', 'focusout']) document.addEventListener(type, onSymbol);
  }

  private highlight(name: SymbolName | undefined): void {
    document.querySelectorAll('.sym.is-active').forEach((node) => node.classList.remove('is-active'));
    if (name) document.querySelectorAll(`.sym-${name}`).forEach((node) => node.classList.add('is-active'));
  }

  private update(change: Partial<BlockState>): void {
    this.state = { ...this.state, ...change };
    this.sync();
    this.writeUrl();
    void this.run();
  }

  private writeUrl(): void {
    history.replaceState(history.state, '', `?${writeBlockParams(this.state, new URLSearchParams(location.search))}${location.hash}`);
  }

  private sync(): void {
    const setValue = (selector: string, value: string): void => {
      const input = query<HTMLInputElement>(this, selector);
      if (input !== document.activeElement) input.value = value;
    };
    setValue('[name=seed]', String(this.state.seed));
    query<HTMLSelectElement>(this, '[name=layer]').value = String(this.state.layer);
    query<HTMLInputElement>(this, '[name=psi]').value = String(this.state.psi);
    query(this, '.block-psi-value').textContent = this.state.psi.toFixed(2);
    query<HTMLInputElement>(this, '[name=noise]').checked = this.state.noise;
    setValue('[name=channel]', String(this.state.channel));
  }

  private async load(): Promise<void> {
    const progress = query<HTMLElement>(this, '.block-progress');
    const bar = query<HTMLProgressElement>(progress, 'progress');
    try {
      this.compute ??= import('./generator-compute');
      const compute = await this.compute;
      this.weights = await compute.loadGenerator(({ loadedBytes, totalBytes }) => {
        bar.value = totalBytes ? loadedBytes / totalBytes : 0;
        query(progress, '.block-progress-text').textContent = `Loading the generator: ${(loadedBytes / 1e6).toFixed(2)} of ${(totalBytes / 1e6).toFixed(2)} MB`;
      });
      progress.hidden = true;
      await this.run();
    } catch (error) {
      progress.hidden = true;
      this.showError(error);
    }
  }

  private showError(error: unknown): void {
    const message = query<HTMLElement>(this, '.block-error');
    message.hidden = false;
    message.textContent = `The generator could not run: ${error instanceof Error ? error.message : String(error)}`;
    this.dataset.state = 'error';
  }

  private async run(): Promise<void> {
    if (!this.weights || !this.compute) return;
    if (this.running) {
      this.pending = true;
      return;
    }
    this.running = true;
    this.dataset.state = 'running';
    try {
      do {
        this.pending = false;
        const compute = await this.compute;
        const { seed, psi, layer, noise } = this.state;
        this.view = await compute.blockView(this.weights, { seed, psi, layer, noise, noiseSeed: seed });
      } while (this.pending);
      if (this.state.channel >= this.view.channels) this.setChannel(this.view.channels - 1);
      this.draw();
      this.dataset.state = 'done';
    } catch (error) {
      this.showError(error);
    } finally {
      this.running = false;
    }
  }

  private setChannel(channel: number): void {
    this.state.channel = channel;
    this.sync();
    this.writeUrl();
  }

  private pickChannel(channel: number): void {
    this.setChannel(channel);
    this.draw();
  }

  private draw(): void {
    const view = this.view;
    if (!view) return;
    const channel = Math.min(this.state.channel, view.channels - 1);
    const size = view.resolution;
    const scale = Math.max(1, Math.floor(thumbnailSize / size));
    const faceContext = sizeCanvas(query(this, '.block-face'), view.image.size * 3, view.image.size * 3);
    putScaledImage(faceContext, view.image.rgb, view.image.size, 0, 0, 0, 3);

    query(this, '.block-input-title').textContent = view.layer === 0 ? 'Input: the learned 4×4 constant' : view.upsampled ? `Input: layer ${view.layer - 1}’s output, upsampled to ${size}×${size}` : `Input: layer ${view.layer - 1}’s output`;
    const inputShown = Array.from({ length: Math.min(shownChannels, view.input.channels) }, (_, i) => i);
    this.thumbnails('.block-input', view.input.values, view.input.size, view.input.channels, inputShown, absLimit(view.input.values, view.input.channels, inputShown));

    const noiseCanvas = query<HTMLCanvasElement>(this, '.block-noise');
    if (view.noise) {
      const noiseContext = sizeCanvas(noiseCanvas, size * scale, size * scale);
      putScaledMap(noiseContext, view.noise, size, 1, 0, 3, 0, 0, scale);
    }
    noiseCanvas.hidden = !view.noise;
    const scaleRange = [Math.min(...view.noiseScale), Math.max(...view.noiseScale)];
    query(this, '.block-noise-note').textContent = view.noise
      ? `One N(0, 1) value per pixel, shared by all ${view.channels} channels; channel c adds it × its learned scale (here ${formatNumber(scaleRange[0]!)} … ${formatNumber(scaleRange[1]!)}; channel ${channel}: ${formatNumber(view.noiseScale[channel]!)}).`
      : 'Noise is off.';

    const shown = Array.from({ length: Math.min(shownChannels, view.channels) }, (_, i) => (channel + i) % view.channels);
    // Each row on its own colour scale: AdaIN changes the scale a lot, and the patterns are what should be compared.
    const [limitBefore, limitAfter] = [absLimit(view.before, view.channels, shown), absLimit(view.after, view.channels, shown)];
    this.thumbnails('.block-before', view.before, size, view.channels, shown, limitBefore);
    this.thumbnails('.block-after', view.after, size, view.channels, shown, limitAfter);
    query(this, '.block-limit').textContent = `Channels ${shown.join(', ')}. Colours: white 0, red positive, blue negative, saturated at ±${formatNumber(limitBefore)} before and ±${formatNumber(limitAfter)} after AdaIN.`;

    const value = (name: SymbolName, text: string): string => `<span class="sym sym-${name}">${text}</span>`;
    query(this, '.block-readout').innerHTML = [
      `Layer ${view.layer} (${size}×${size}, ${view.channels} channels), channel <i>i</i> = ${channel}:`,
      `${value('mu', 'μ(x<sub>i</sub>)')} = ${formatNumber(view.meanBefore[channel]!)}, ${value('sigma', 'σ(x<sub>i</sub>)')} = ${formatNumber(view.stdBefore[channel]!)}`,
      `${value('ys', 'y<sub>s,i</sub>')} = ${formatNumber(view.styleScale[channel]!)}, ${value('yb', 'y<sub>b,i</sub>')} = ${formatNumber(view.styleBias[channel]!)}`,
      `${value('out', 'AdaIN(x<sub>i</sub>, y)')}: μ = ${formatNumber(view.meanAfter[channel]!)} (= y<sub>b,i</sub>), σ = ${formatNumber(view.stdAfter[channel]!)} (= |y<sub>s,i</sub>|)`,
    ]
      .map((line) => `<p class="block-readout-line">${line}</p>`)
      .join('');
    this.titleFormulaSymbols(view, channel);

    void import('./stylegan-block-chart').then(({ renderBlockChart }) =>
      renderBlockChart(query(this, '.block-chart'), view, channel, (picked) => this.pickChannel(picked)),
    );
  }

  /** The lesson's formula symbols say their live value on hover. */
  private titleFormulaSymbols(view: BlockView, channel: number): void {
    const titles: Record<SymbolName, string> = {
      x: `x_i: channel ${channel} of layer ${view.layer} before AdaIN (${view.resolution}×${view.resolution} values)`,
      mu: `μ(x_i) = ${formatNumber(view.meanBefore[channel]!)}`,
      sigma: `σ(x_i) = ${formatNumber(view.stdBefore[channel]!)}`,
      ys: `y_s,i = ${formatNumber(view.styleScale[channel]!)}`,
      yb: `y_b,i = ${formatNumber(view.styleBias[channel]!)}`,
      out: `AdaIN output: μ = ${formatNumber(view.meanAfter[channel]!)}, σ = ${formatNumber(view.stdAfter[channel]!)}`,
    };
    for (const name of symbolNames) document.querySelectorAll(`.katex .sym-${name}`).forEach((node) => node.setAttribute('title', titles[name]));
  }

  private thumbnails(selector: string, values: Float32Array, size: number, channels: number, shown: number[], limit: number): void {
    const scale = Math.max(1, Math.floor(thumbnailSize / size));
    query(this, selector).replaceChildren(
      ...shown.map((c) => {
        const figure = document.createElement('figure');
        const canvas = document.createElement('canvas');
        canvas.className = 'pixelated';
        putScaledMap(sizeCanvas(canvas, size * scale, size * scale), values, size, channels, c, limit, 0, 0, scale);
        const caption = document.createElement('figcaption');
        caption.textContent = `c${c}`;
        figure.append(canvas, caption);
        return figure;
      }),
    );
  }
}

if (!customElements.get('stylegan-block')) customElements.define('stylegan-block', StyleganBlock);
