import { defaultBlockState, malformedBlockParams, readBlockParams, writeBlockParams, type BlockState } from '../lib/block-state';
import { bandOf, layerCount, layerResolution, upsamplesBefore } from '../lib/generator-layers';
import type { GeneratorWeights } from '../lib/generator-weights';
import { clampPsi } from '../lib/mixing-state';
import { nextSeed, seedLimit } from '../lib/rng';
import type { BlockView } from './generator-compute';
import { absLimit, putScaledImage, putScaledMap, sizeCanvas } from './generator-draw';
import { formatNumber } from './format';
import {
  downloadProgress,
  dropMalformedParams,
  errorText,
  Island,
  lightSymbol,
  localStrings,
  oneAtATime,
  showPhase,
  watchFormulaSymbols,
  writeUrlParams,
} from './island';
import { styleganBlockStrings } from '../i18n/components/stylegan-block';
import { generatorStrings } from '../i18n/components/generator';

/**
 * The StyleGAN block lab (lesson 5): one AdaIN layer of the project's generator, chosen by the reader,
 * step by step (input, noise map, conv + noise + bias + leaky ReLU, AdaIN), with every channel's μ and σ
 * before and after AdaIN and the layer's styles y_s, y_b. Formula symbols tagged
 * `\htmlClass{sym sym-NAME}{…}` on the page light up with the readout's numbers for the selected channel.
 */
const symbolNames = ['x', 'mu', 'sigma', 'ys', 'yb', 'out'] as const;
const t = localStrings(styleganBlockStrings);
const generator = localStrings(generatorStrings);
type SymbolName = (typeof symbolNames)[number];
const shownChannels = 6;
const thumbnailSize = 48;

type Compute = typeof import('./generator-compute');

export class StyleganBlock extends Island {
  private state: BlockState = defaultBlockState();
  private compute: Promise<Compute> | undefined;
  private weights: GeneratorWeights | undefined;
  private view: BlockView | undefined;

  connectedCallback(): void {
    const layer = Number(this.dataset.layer);
    if (Number.isInteger(layer) && layer >= 0 && layer < layerCount) this.state.layer = layer;
    const params = new URLSearchParams(location.search);
    this.state = readBlockParams(params, this.state);
    dropMalformedParams(malformedBlockParams(params), this.find('.block-url-note'));
    const layerSelect = this.find<HTMLSelectElement>('[name=layer]');
    layerSelect.replaceChildren(
      ...Array.from({ length: layerCount }, (_, i) => {
        const option = document.createElement('option');
        option.value = String(i);
        option.textContent = t.layerOption(i, layerResolution(i), generator.bands[bandOf(i)], upsamplesBefore(i));
        return option;
      }),
    );
    this.wire();
    this.sync();
    void this.load();
  }

  private wire(): void {
    const seed = this.find<HTMLInputElement>('[name=seed]');
    seed.addEventListener('change', () => {
      const value = Number(seed.value);
      const valid = Number.isSafeInteger(value) && value >= 0 && value <= seedLimit;
      seed.setAttribute('aria-invalid', String(!valid));
      const message = this.find<HTMLElement>('.block-seed-message');
      message.hidden = valid;
      message.textContent = valid ? '' : generator.seedRange(seedLimit);
      if (valid) this.update({ seed: value });
    });
    this.find('.block-new-seed').addEventListener('click', () => this.update({ seed: nextSeed(this.state.seed) }));
    const layer = this.find<HTMLSelectElement>('[name=layer]');
    layer.addEventListener('change', () => this.update({ layer: Number(layer.value), channel: 0 }));
    const psi = this.find<HTMLInputElement>('[name=psi]');
    psi.addEventListener('input', () => this.update({ psi: clampPsi(Number(psi.value)) }));
    const noise = this.find<HTMLInputElement>('[name=noise]');
    noise.addEventListener('change', () => this.update({ noise: noise.checked }));
    const channel = this.find<HTMLInputElement>('[name=channel]');
    channel.addEventListener('input', () => {
      const value = Number(channel.value);
      if (Number.isInteger(value) && value >= 0 && value < (this.view?.channels ?? 0)) this.pickChannel(value);
    });
    watchFormulaSymbols(this, symbolNames, (name) => lightSymbol(name));
  }

  private update(change: Partial<BlockState>): void {
    this.state = { ...this.state, ...change };
    this.sync();
    this.writeUrl();
    void this.run();
  }

  private writeUrl(): void {
    writeUrlParams((params) => writeBlockParams(this.state, params));
  }

  private sync(): void {
    const setValue = (selector: string, value: string): void => {
      const input = this.find<HTMLInputElement>(selector);
      if (input !== document.activeElement) input.value = value;
    };
    setValue('[name=seed]', String(this.state.seed));
    this.find<HTMLSelectElement>('[name=layer]').value = String(this.state.layer);
    this.find<HTMLInputElement>('[name=psi]').value = String(this.state.psi);
    this.find('.block-psi-value').textContent = this.state.psi.toFixed(2);
    this.find<HTMLInputElement>('[name=noise]').checked = this.state.noise;
    setValue('[name=channel]', String(this.state.channel));
  }

  private async load(): Promise<void> {
    const progress = this.find<HTMLElement>('.block-progress');
    this.setPhase('loading');
    try {
      this.compute ??= import('./generator-compute');
      const compute = await this.compute;
      this.weights = await compute.loadGenerator(
        downloadProgress(this.find('progress', progress), this.find('.block-progress-text', progress), generator.theGenerator),
      );
      progress.hidden = true;
      await this.run();
    } catch (error) {
      progress.hidden = true;
      this.showError(error);
    }
  }

  private setPhase(phase: 'loading' | 'running' | 'done' | 'error'): void {
    showPhase(this, phase, this.find('.block-steps'));
  }

  private showError(error: unknown): void {
    const message = this.find<HTMLElement>('.block-error');
    message.hidden = false;
    message.textContent = generator.couldNotRun(errorText(error));
    this.setPhase('error');
  }

  private readonly run = oneAtATime(async (superseded) => {
    if (!this.weights || !this.compute) return;
    this.setPhase('running');
    try {
      const compute = await this.compute;
      const { seed, psi, layer, noise } = this.state;
      const view = await compute.blockView(this.weights, { seed, psi, layer, noise, noiseSeed: seed });
      if (superseded()) return;
      this.view = view;
      if (this.state.channel >= view.channels) this.setChannel(view.channels - 1);
      this.draw();
      this.setPhase('done');
    } catch (error) {
      this.showError(error);
    }
  });

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
    const faceContext = sizeCanvas(this.find('.block-face'), view.image.size * 3, view.image.size * 3);
    putScaledImage(faceContext, view.image.rgb, view.image.size, 0, 0, 0, 3);

    this.find('.block-input-title').textContent =
      view.layer === 0 ? t.inputConstant : view.upsampled ? t.inputUpsampled(view.layer - 1, size) : t.inputPrevious(view.layer - 1);
    const inputShown = Array.from({ length: Math.min(shownChannels, view.input.channels) }, (_, i) => i);
    this.thumbnails(
      '.block-input',
      view.input.values,
      view.input.size,
      view.input.channels,
      inputShown,
      absLimit(view.input.values, view.input.channels, inputShown),
    );

    const noiseCanvas = this.find<HTMLCanvasElement>('.block-noise');
    if (view.noise) {
      const noiseContext = sizeCanvas(noiseCanvas, size * scale, size * scale);
      putScaledMap(noiseContext, view.noise, size, 1, 0, 3, 0, 0, scale);
    }
    noiseCanvas.hidden = !view.noise;
    const scaleRange = [Math.min(...view.noiseScale), Math.max(...view.noiseScale)];
    this.find('.block-noise-note').textContent = view.noise
      ? t.noiseNote(view.channels, formatNumber(scaleRange[0]!), formatNumber(scaleRange[1]!), channel, formatNumber(view.noiseScale[channel]!))
      : t.noiseOff;

    const shown = Array.from({ length: Math.min(shownChannels, view.channels) }, (_, i) => (channel + i) % view.channels);
    // Each row on its own colour scale: AdaIN changes the scale a lot, and the patterns are what should be compared.
    const [limitBefore, limitAfter] = [absLimit(view.before, view.channels, shown), absLimit(view.after, view.channels, shown)];
    this.thumbnails('.block-before', view.before, size, view.channels, shown, limitBefore);
    this.thumbnails('.block-after', view.after, size, view.channels, shown, limitAfter);
    this.find('.block-limit').textContent = t.colours(shown.join(', '), formatNumber(limitBefore), formatNumber(limitAfter));

    const value = (name: SymbolName, text: string): string => `<span class="sym sym-${name}">${text}</span>`;
    this.find('.block-readout').innerHTML = [
      t.readoutHead(view.layer, size, view.channels, channel),
      `${value('mu', 'μ(x<sub>i</sub>)')} = ${formatNumber(view.meanBefore[channel]!)}, ${value('sigma', 'σ(x<sub>i</sub>)')} = ${formatNumber(view.stdBefore[channel]!)}`,
      `${value('ys', 'y<sub>s,i</sub>')} = ${formatNumber(view.styleScale[channel]!)}, ${value('yb', 'y<sub>b,i</sub>')} = ${formatNumber(view.styleBias[channel]!)}`,
      `${value('out', 'AdaIN(x<sub>i</sub>, y)')}: μ = ${formatNumber(view.meanAfter[channel]!)} (= y<sub>b,i</sub>), σ = ${formatNumber(view.stdAfter[channel]!)} (= |y<sub>s,i</sub>|)`,
    ]
      .map((line) => `<p class="block-readout-line">${line}</p>`)
      .join('');
    this.titleFormulaSymbols(view, channel);

    void import('./stylegan-block-chart').then(({ renderBlockChart }) =>
      renderBlockChart(this.find('.block-chart'), view, channel, t, (picked) => this.pickChannel(picked)),
    );
  }

  /** The lesson's formula symbols say their live value on hover. */
  private titleFormulaSymbols(view: BlockView, channel: number): void {
    const titles: Record<SymbolName, string> = {
      x: t.symbolX(channel, view.layer, view.resolution),
      mu: `μ(x_i) = ${formatNumber(view.meanBefore[channel]!)}`,
      sigma: `σ(x_i) = ${formatNumber(view.stdBefore[channel]!)}`,
      ys: `y_s,i = ${formatNumber(view.styleScale[channel]!)}`,
      yb: `y_b,i = ${formatNumber(view.styleBias[channel]!)}`,
      out: t.symbolOut(formatNumber(view.meanAfter[channel]!), formatNumber(view.stdAfter[channel]!)),
    };
    for (const name of symbolNames) document.querySelectorAll(`.katex .sym-${name}`).forEach((node) => node.setAttribute('title', titles[name]));
  }

  private thumbnails(selector: string, values: Float32Array, size: number, channels: number, shown: number[], limit: number): void {
    const scale = Math.max(1, Math.floor(thumbnailSize / size));
    this.find(selector).replaceChildren(
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
