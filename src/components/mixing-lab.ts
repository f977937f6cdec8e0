import {
  batchIndex,
  clampPsi,
  clampStrength,
  crossoverLayers,
  crossoverOf,
  gridLayout,
  mixingPresets,
  moveSelection,
  noiseDraws,
  parseSeeds,
  presetLayers,
  presetOf,
  readMixingParams,
  writeMixingParams,
  type MixingState,
} from '../lib/mixing-state';
import { bandOf, layerCount, layerResolution } from '../lib/generator-layers';
import type { GeneratorWeights } from '../lib/generator-weights';
import { putScaledImage, putScaledMap, sizeCanvas } from './generator-draw';
import { copyLink, downloadCanvas, downloadProgress, errorText, Island, localStrings, oneAtATime, showPhase, writeUrlParams } from './island';
import { mixingLabStrings } from '../i18n/components/mixing-lab';
import { generatorStrings } from '../i18n/components/generator';

/**
 * The style-mixing lab island: a StyleGAN-paper grid (row seeds × column seeds, one batched call), layer by
 * layer style sources, crossover, per-layer noise, truncation, and the selected face under several noise
 * draws. All state is in the URL. After every redraw the element's data-tensors holds tf's live tensor
 * count (data-tensors-baseline: the count once the weights were loaded), so a test can see leaks.
 */
const gridScale = 3;
const gridGap = 4;
const drawScale = 2;

type Compute = typeof import('./generator-compute');

const t = localStrings(mixingLabStrings);
const generator = localStrings(generatorStrings);

function layerRange(layers: number[]): string {
  if (layers.length === 0) return t.none;
  const first = layers[0]!;
  const last = layers[layers.length - 1]!;
  const contiguous = last - first === layers.length - 1;
  const names = contiguous ? (first === last ? t.layer(first) : t.layers(`${first}–${last}`)) : t.layers(layers.join(', '));
  const resolutions = [...new Set(layers.map(layerResolution))].map((r) => `${r}²`).join(', ');
  return t.withResolutions(names, resolutions);
}

export function describeMix(fromRow: readonly boolean[]): string {
  const rowLayers = fromRow.flatMap((v, i) => (v ? [i] : []));
  const columnLayers = fromRow.flatMap((v, i) => (v ? [] : [i]));
  const crossover = crossoverOf(fromRow);
  const preset = presetOf(fromRow);
  const lead = preset ? t.presetMix(generator.bands[preset]) : crossover !== null ? t.crossoverMix(crossover) : t.customMix;
  return t.mixSources(lead, layerRange(rowLayers), layerRange(columnLayers));
}

export class MixingLab extends Island {
  private state!: MixingState;
  private compute: Promise<Compute> | undefined;
  private weights: GeneratorWeights | undefined;
  private redraws = 0;

  connectedCallback(): void {
    this.state = readMixingParams(new URLSearchParams(location.search));
    this.buildLayerRows();
    this.wire();
    this.syncControls();
    void this.load();
  }

  private buildLayerRows(): void {
    const body = this.find<HTMLTableSectionElement>('.mixing-layers tbody');
    body.replaceChildren(
      ...Array.from({ length: layerCount }, (_, layer) => {
        const row = document.createElement('tr');
        row.dataset.layer = String(layer);
        const resolution = layerResolution(layer);
        row.innerHTML = `
          <th scope="row">${layer} <small>${resolution}² ${generator.bands[bandOf(layer)]}</small></th>
          <td><button type="button" class="mixing-source" aria-label="${t.sourceFrom(layer)}"></button></td>
          <td><input type="checkbox" class="mixing-noise-on" aria-label="${t.noiseAt(layer)}" /></td>
          <td><input type="range" class="mixing-strength" min="0" max="3" step="0.1" aria-label="${t.strengthAt(layer)}" /> <output></output></td>`;
        return row;
      }),
    );
  }

  private wire(): void {
    const seedsInput = (name: 'rows' | 'cols'): void => {
      const input = this.find<HTMLInputElement>(`[name=${name}]`);
      const message = this.find<HTMLElement>(`.mixing-${name}-message`);
      input.addEventListener('change', () => {
        const parsed = parseSeeds(input.value);
        input.setAttribute('aria-invalid', String(!parsed.ok));
        message.hidden = parsed.ok;
        message.textContent = parsed.ok ? '' : t.seedsProblem(parsed.problem);
        if (!parsed.ok) return;
        const [row, column] = this.state.selected;
        const seeds = name === 'rows' ? { rowSeeds: parsed.value } : { columnSeeds: parsed.value };
        const next = { ...this.state, ...seeds };
        this.update({ ...seeds, selected: [Math.min(row, next.rowSeeds.length - 1), Math.min(column, next.columnSeeds.length - 1)] });
      });
    };
    seedsInput('rows');
    seedsInput('cols');
    for (const preset of mixingPresets) {
      this.find(`[data-preset=${preset}]`).addEventListener('click', () => this.update({ fromRow: presetLayers(preset) }));
    }
    const crossover = this.find<HTMLInputElement>('[name=crossover]');
    crossover.addEventListener('input', () => this.update({ fromRow: crossoverLayers(Number(crossover.value)) }));
    const psi = this.find<HTMLInputElement>('[name=psi]');
    psi.addEventListener('input', () => this.update({ psi: clampPsi(Number(psi.value)) }));
    const layers = this.find('.mixing-layers');
    layers.addEventListener('click', (event) => {
      const button = (event.target as Element).closest('.mixing-source');
      const layer = Number(button?.closest('tr')?.dataset.layer);
      if (!button || !Number.isInteger(layer)) return;
      this.update({ fromRow: this.state.fromRow.map((v, i) => (i === layer ? !v : v)) });
    });
    layers.addEventListener('input', (event) => {
      const target = event.target as HTMLInputElement;
      const layer = Number(target.closest('tr')?.dataset.layer);
      if (target.matches('.mixing-noise-on')) this.update({ noiseEnabled: this.state.noiseEnabled.map((v, i) => (i === layer ? target.checked : v)) });
      if (target.matches('.mixing-strength'))
        this.update({ noiseStrength: this.state.noiseStrength.map((v, i) => (i === layer ? clampStrength(Number(target.value)) : v)) });
    });
    this.find('.mixing-noise-all').addEventListener('click', () => {
      const allOn = this.state.noiseEnabled.every(Boolean);
      this.update({ noiseEnabled: this.state.noiseEnabled.map(() => !allOn) });
    });
    this.find('.mixing-resample').addEventListener('click', () => this.update({ noiseSeed: (this.state.noiseSeed + noiseDraws) % 2 ** 31 }));
    this.find('.mixing-download').addEventListener('click', () =>
      downloadCanvas(
        this.find<HTMLCanvasElement>('.mixing-grid'),
        `style-mixing-rows-${this.state.rowSeeds.join('-')}-cols-${this.state.columnSeeds.join('-')}.png`,
      ),
    );
    this.find('.mixing-copy').addEventListener('click', () => copyLink(this.find('.mixing-copy-status')));
    const grid = this.find<HTMLCanvasElement>('.mixing-grid');
    grid.addEventListener('keydown', (event) => {
      const next = moveSelection(this.state.selected, event.key, this.state.rowSeeds.length, this.state.columnSeeds.length);
      if (next[0] === this.state.selected[0] && next[1] === this.state.selected[1]) return;
      event.preventDefault();
      this.update({ selected: next });
    });
    grid.addEventListener('click', (event) => {
      const rect = grid.getBoundingClientRect();
      const x = ((event.clientX - rect.left) / rect.width) * grid.width;
      const y = ((event.clientY - rect.top) / rect.height) * grid.height;
      const layout = this.layout();
      const size = 32 * gridScale;
      for (let row = 0; row < this.state.rowSeeds.length; row++) {
        for (let column = 0; column < this.state.columnSeeds.length; column++) {
          const position = layout.positions[batchIndex(this.state, { kind: 'mix', row, column })]!;
          if (x >= position.x && x < position.x + size && y >= position.y && y < position.y + size) this.update({ selected: [row, column] });
        }
      }
    });
  }

  private layout(): ReturnType<typeof gridLayout> {
    return gridLayout(this.state.rowSeeds.length, this.state.columnSeeds.length, 32 * gridScale, gridGap);
  }

  private update(change: Partial<MixingState>): void {
    this.state = { ...this.state, ...change };
    writeUrlParams((params) => writeMixingParams(this.state, params));
    this.syncControls();
    void this.redraw();
  }

  private syncControls(): void {
    const { state } = this;
    const setValue = (selector: string, value: string): void => {
      const input = this.find<HTMLInputElement>(selector);
      if (input !== document.activeElement) input.value = value;
    };
    setValue('[name=rows]', state.rowSeeds.join(', '));
    setValue('[name=cols]', state.columnSeeds.join(', '));
    const crossover = crossoverOf(state.fromRow);
    const crossoverInput = this.find<HTMLInputElement>('[name=crossover]');
    crossoverInput.value = String(crossover ?? 0);
    crossoverInput.setAttribute('aria-valuetext', crossover === null ? t.noSingleCrossover : t.layer(crossover));
    this.find('.mixing-crossover-value').textContent = crossover === null ? '—' : String(crossover);
    this.find<HTMLInputElement>('[name=psi]').value = String(state.psi);
    this.find('.mixing-psi-value').textContent = state.psi.toFixed(2);
    const preset = presetOf(state.fromRow);
    for (const name of mixingPresets) this.find(`[data-preset=${name}]`).setAttribute('aria-pressed', String(name === preset));
    this.querySelectorAll<HTMLTableRowElement>('.mixing-layers tbody tr').forEach((row, layer) => {
      const source = this.find<HTMLButtonElement>('.mixing-source', row);
      const fromRow = state.fromRow[layer]!;
      source.textContent = fromRow ? t.row : t.column;
      source.dataset.source = fromRow ? 'row' : 'column';
      source.setAttribute('aria-label', t.sourceName(layer, fromRow));
      this.find<HTMLInputElement>('.mixing-noise-on', row).checked = state.noiseEnabled[layer]!;
      const strength = this.find<HTMLInputElement>('.mixing-strength', row);
      if (strength !== document.activeElement) strength.value = String(state.noiseStrength[layer]);
      strength.disabled = !state.noiseEnabled[layer];
      this.find('output', row).textContent = state.noiseStrength[layer]!.toFixed(1);
    });
    this.find('.mixing-noise-seed').textContent = t.noiseSeeds(state.noiseSeed, state.noiseSeed + noiseDraws - 1);
    this.find('.mixing-description').textContent = describeMix(state.fromRow);
    const [row, column] = state.selected;
    this.find('.mixing-selected').textContent = t.selectedFace(state.rowSeeds[row]!, state.columnSeeds[column]!);
    this.placeSelection();
  }

  private placeSelection(): void {
    const layout = this.layout();
    const [row, column] = this.state.selected;
    const position = layout.positions[batchIndex(this.state, { kind: 'mix', row, column })]!;
    const size = 32 * gridScale;
    const marker = this.find<HTMLElement>('.mixing-marker');
    marker.style.left = `${(position.x / layout.width) * 100}%`;
    marker.style.top = `${(position.y / layout.height) * 100}%`;
    marker.style.width = `${(size / layout.width) * 100}%`;
    marker.style.height = `${(size / layout.height) * 100}%`;
  }

  private async load(): Promise<void> {
    const progress = this.find<HTMLElement>('.mixing-progress');
    this.setPhase('loading');
    try {
      this.compute ??= import('./generator-compute');
      const compute = await this.compute;
      this.weights = await compute.loadGenerator(
        downloadProgress(this.find('progress', progress), this.find('.mixing-progress-text', progress), generator.theGenerator),
      );
      progress.hidden = true;
      this.dataset.tensorsBaseline = String(compute.liveTensors());
      const { checkpoint, iteration, kimg, minutes } = this.weights.training;
      if (iteration !== undefined) {
        this.find('.mixing-model').textContent = t.weights(
          checkpoint === undefined ? undefined : String(checkpoint),
          Number(iteration).toLocaleString('en'),
          String(kimg ?? '?'),
          String(minutes ?? '?'),
        );
      }
      await this.redraw();
    } catch (error) {
      progress.hidden = true;
      this.showError(error);
    }
  }

  private setPhase(phase: 'loading' | 'drawing' | 'done' | 'error'): void {
    showPhase(this, phase, this.find('.mixing-figure'));
  }

  private showError(error: unknown): void {
    const message = this.find<HTMLElement>('.mixing-error');
    message.hidden = false;
    message.textContent = `${generator.couldNotRun(errorText(error))} ${t.stillWorks}`;
    this.setPhase('error');
  }

  private readonly redraw = oneAtATime(async (superseded) => {
    if (!this.weights || !this.compute) return;
    this.setPhase('drawing');
    try {
      const state = this.state;
      const compute = await this.compute;
      const grid = await compute.mixingGrid(this.weights, state);
      const draws = await compute.noiseVariations(this.weights, state);
      if (superseded()) return;
      this.drawGrid(state, grid);
      this.drawNoise(draws);
      this.find('.mixing-error').hidden = true;
      this.redraws += 1;
      this.dataset.redraws = String(this.redraws);
      this.dataset.tensors = String(compute.liveTensors());
      this.setPhase('done');
    } catch (error) {
      this.showError(error);
    }
  });

  private drawGrid(state: MixingState, grid: { size: number; rgb: Uint8ClampedArray; count: number }): void {
    const layout = gridLayout(state.rowSeeds.length, state.columnSeeds.length, grid.size * gridScale, gridGap);
    const canvas = this.find<HTMLCanvasElement>('.mixing-grid');
    const context = sizeCanvas(canvas, layout.width, layout.height);
    layout.positions.forEach((position, index) => putScaledImage(context, grid.rgb, grid.size, index, position.x, position.y, gridScale));
    canvas.dataset.scale = String(gridScale);
    canvas.setAttribute('aria-label', t.gridName(state.columnSeeds.join(', '), state.rowSeeds.join(', '), describeMix(state.fromRow)));
    this.placeSelection();
  }

  private drawNoise(draws: { size: number; rgb: Uint8ClampedArray; count: number; std: Float32Array }): void {
    const canvas = this.find<HTMLCanvasElement>('.mixing-draws');
    const step = draws.size * drawScale + gridGap;
    const context = sizeCanvas(canvas, draws.count * step - gridGap, draws.size * drawScale);
    for (let k = 0; k < draws.count; k++) putScaledImage(context, draws.rgb, draws.size, k, k * step, 0, drawScale);
    const stdCanvas = this.find<HTMLCanvasElement>('.mixing-std');
    const stdContext = sizeCanvas(stdCanvas, draws.size * drawScale, draws.size * drawScale);
    const maxStd = draws.std.reduce((m, v) => Math.max(m, v), 0);
    putScaledMap(stdContext, draws.std, draws.size, 1, 0, maxStd, 0, 0, drawScale);
    const meanStd = draws.std.reduce((s, v) => s + v, 0) / draws.std.length;
    this.find('.mixing-std-caption').textContent = t.stdCaption(draws.count, meanStd.toFixed(3), maxStd.toFixed(3));
  }
}

if (!customElements.get('mixing-lab')) customElements.define('mixing-lab', MixingLab);
