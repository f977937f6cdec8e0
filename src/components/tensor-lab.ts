import {
  contentValues,
  defaultLabState,
  groupCount,
  groupCountOptions,
  groupHue,
  channelsPerGroup,
  groupLabel,
  groupOfCell,
  labMethods,
  labPictures,
  labPresets,
  moveCell,
  parseCellValue,
  parseEpsilon,
  readLabParams,
  reshape,
  shapeLimits,
  styleValues,
  writeLabParams,
  type Cell,
  type LabState,
  type RgbPicture,
} from '../lib/lab-state';
import { elementCount, indexNCHW, positionNCHW } from '../lib/nchw';
import { sigmaOf, type LabResult } from '../lib/lab-readout';
import { nextSeed } from '../lib/rng';
import { loadPicture, pictureUrl } from './pictures';
import { formatNumber } from './format';
import { copyLink, element, errorText, Island, LatestRun, lightSymbol, localStrings, watchFormulaSymbols, writeUrlParams } from './island';
import { tensorLabStrings } from '../i18n/components/tensor-lab';
import { renderReadout, symbolNames, symbolTexts, type SymbolName } from './tensor-lab-readout';

/**
 * The tensor lab island. It draws the grid from the URL state at once with plain DOM, then loads tfjs
 * (through lab-compute.ts) and fills in statistics and outputs. Formula symbols tagged
 * `\htmlClass{sym sym-NAME}{…}` anywhere on the page are tied to the selected cell's live numbers.
 */
type TensorKind = 'x' | 'style' | 'y';
const groupSymbols: readonly SymbolName[] = ['mu', 'sigma', 'sigma2', 'epsilon'];

const t = localStrings(tensorLabStrings);

function cellName(kind: TensorKind, [n, c, h, w]: Cell): string {
  return t.cellName(t.tensorNames[kind], n, c, h, w);
}

export class TensorLab extends Island {
  private state: LabState = defaultLabState();
  private pictures: RgbPicture[] = [];
  private result: LabResult | undefined;
  private readonly runs = new LatestRun();
  private hoverGroup: number | undefined;
  private activeSymbol: SymbolName | undefined;
  private compute: Promise<typeof import('./lab-compute')> | undefined;
  private chart: Promise<typeof import('./tensor-lab-chart')> | undefined;
  private tip!: HTMLElement;

  connectedCallback(): void {
    const defaults = defaultLabState({
      method: labMethods.find((m) => m === this.dataset.method),
      preset: labPresets.find((p) => p === this.dataset.preset),
      groups: Number(this.dataset.groups) || undefined,
      shape: this.dataset.shape ? (this.dataset.shape.split('x').map(Number) as unknown as LabState['shape']) : undefined,
    });
    this.state = readLabParams(new URLSearchParams(location.search), defaults);
    this.tip = element('div', { role: 'tooltip', hidden: true }, 'lab-symbol-tip');
    document.body.append(this.tip);
    this.buildControls();
    this.wireEvents();
    void this.refresh({ rebuild: true });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.tip.remove();
  }

  private buildControls(): void {
    const fill = (select: HTMLSelectElement, options: [string, string][]): void => {
      select.replaceChildren(...options.map(([value, label]) => element('option', { value, textContent: label })));
    };
    fill(
      this.find('[name=method]'),
      labMethods.map((m) => [m, t.methods[m]]),
    );
    fill(
      this.find('[name=preset]'),
      labPresets.map((p) => [p, t.presets[p]]),
    );
    for (const [axis, limit] of Object.entries(shapeLimits)) {
      fill(
        this.find(`[name=dim-${axis}]`),
        Array.from({ length: limit }, (_, i) => [String(i + 1), String(i + 1)]),
      );
    }
  }

  private syncControls(): void {
    const { state } = this;
    const set = (name: string, value: string): void => {
      const control = this.find<HTMLInputElement | HTMLSelectElement>(`[name=${name}]`);
      if (control !== document.activeElement) control.value = value;
    };
    (['n', 'c', 'h', 'w'] as const).forEach((axis, i) => set(`dim-${axis}`, String(state.shape[i])));
    set('method', state.method);
    set('preset', state.preset);
    set('seed', String(state.seed));
    set('epsilon', String(state.epsilon));
    const groups = this.find<HTMLSelectElement>('[name=groups]');
    groups.replaceChildren(...groupCountOptions(state.shape[1]).map((g) => element('option', { value: String(g), textContent: String(g) })));
    groups.value = String(state.groups);
    this.find('.lab-groups-control').hidden = state.method !== 'group';
    this.find('.lab-style-panel').hidden = state.method !== 'adain';
    // In AdaIN, y names the style, so the output goes by its full name.
    this.find('.lab-output-name').textContent = state.method === 'adain' ? 'AdaIN(x, y)' : 'y';
    this.find('.lab-axes').textContent = t.reducedAxes(state.method, channelsPerGroup(state));
    this.dataset.method = state.method;
  }

  private wireEvents(): void {
    const controls = this.find('.lab-controls');
    controls.addEventListener('change', (event) => this.onControl(event.target as HTMLInputElement | HTMLSelectElement));
    this.find('.lab-new-seed').addEventListener('click', () => {
      this.update({ seed: nextSeed(this.state.seed), edits: new Map(), styleEdits: new Map() }, true);
    });
    this.find('.lab-reset').addEventListener('click', () => {
      const fresh = defaultLabState();
      for (const control of this.querySelectorAll<HTMLInputElement>('[aria-invalid]')) this.showMessage(control, undefined);
      this.update(
        { edits: new Map(), styleEdits: new Map(), gamma: this.state.gamma.map(() => 1), beta: this.state.beta.map(() => 0), epsilon: fresh.epsilon },
        true,
      );
    });
    this.find('.lab-copy').addEventListener('click', () => copyLink(this.find('.lab-copy-status')));

    this.addEventListener('input', (event) => {
      const target = event.target as HTMLInputElement;
      if (target.matches('.lab-cell-input')) {
        this.onCellInput(target);
        this.fitCells(target.dataset.tensor === 'style' ? 'style' : 'x');
      } else if (target.matches('.lab-affine-input')) this.onAffineInput(target);
    });
    this.addEventListener('keydown', (event) => {
      const target = event.target as HTMLElement;
      if (target.matches('.lab-cell-input')) this.onCellKey(event, target as HTMLInputElement);
    });
    this.addEventListener('focusin', (event) => {
      const target = event.target as HTMLElement;
      const cell = target.closest<HTMLElement>('.lab-cell');
      if (cell?.dataset.index) this.select(positionNCHW(this.state.shape, Number(cell.dataset.index)));
      const stat = target.closest<HTMLElement>('.lab-stat');
      if (stat?.dataset.group) this.setHoverGroup(Number(stat.dataset.group));
    });
    this.addEventListener('focusout', () => this.setHoverGroup(undefined));
    this.addEventListener('click', (event) => {
      const target = event.target as HTMLElement;
      const cell = target.closest<HTMLElement>('.lab-cell');
      if (cell?.dataset.index) this.select(positionNCHW(this.state.shape, Number(cell.dataset.index)));
      const stat = target.closest<HTMLElement>('.lab-stat');
      if (stat?.dataset.first) this.select(positionNCHW(this.state.shape, Number(stat.dataset.first)));
    });
    this.addEventListener('pointerover', (event) => {
      const target = event.target as HTMLElement;
      const cell = target.closest<HTMLElement>('.lab-cell');
      const stat = target.closest<HTMLElement>('.lab-stat, .lab-chart [data-group]');
      if (cell?.dataset.index) this.setHoverGroup(groupOfCell(this.state, positionNCHW(this.state.shape, Number(cell.dataset.index))));
      else if (stat?.dataset.group) this.setHoverGroup(Number(stat.dataset.group));
    });
    this.addEventListener('pointerleave', () => this.setHoverGroup(undefined));

    // Formula symbols anywhere on the page (the lesson's KaTeX, the lab's own readout) point at live numbers.
    watchFormulaSymbols(this, symbolNames, (name, symbol) => this.setSymbol(name, symbol));
  }

  private onControl(control: HTMLInputElement | HTMLSelectElement): void {
    const { state } = this;
    switch (control.name) {
      case 'dim-n':
      case 'dim-c':
      case 'dim-h':
      case 'dim-w': {
        const axis = ['dim-n', 'dim-c', 'dim-h', 'dim-w'].indexOf(control.name);
        const shape = [...state.shape] as [number, number, number, number];
        shape[axis] = Number(control.value);
        this.state = reshape(state, shape);
        void this.refresh({ rebuild: true });
        return;
      }
      case 'method':
        this.update({ method: labMethods.find((m) => m === control.value) ?? state.method }, true);
        return;
      case 'groups':
        this.update({ groups: Number(control.value) }, false);
        return;
      case 'preset':
        this.update({ preset: labPresets.find((p) => p === control.value) ?? state.preset, edits: new Map(), styleEdits: new Map() }, true);
        return;
      case 'seed': {
        const seed = Number(control.value);
        if (Number.isInteger(seed) && seed >= 0 && seed < 2 ** 32) this.update({ seed, edits: new Map(), styleEdits: new Map() }, true);
        else control.value = String(state.seed);
        return;
      }
      case 'epsilon': {
        const parsed = parseEpsilon(control.value);
        this.showMessage(control, parsed.ok ? undefined : t.stillUsingEpsilon(t.numberProblem(parsed.problem), String(state.epsilon)));
        if (parsed.ok) this.update({ epsilon: parsed.value }, false);
        return;
      }
    }
  }

  private update(change: Partial<LabState>, rebuild: boolean): void {
    this.state = { ...this.state, ...change };
    void this.refresh({ rebuild });
  }

  private onCellInput(input: HTMLInputElement): void {
    const kind = input.dataset.tensor === 'style' ? 'style' : 'x';
    const index = Number(input.dataset.index);
    const parsed = parseCellValue(input.value);
    const edits = new Map(kind === 'x' ? this.state.edits : this.state.styleEdits);
    if (!parsed.ok) {
      const current = (kind === 'x' ? this.values : this.styleValuesNow)[index] ?? 0;
      this.showMessage(input, t.keepsUsing(t.numberProblem(parsed.problem), String(current)));
      return;
    }
    this.showMessage(input, undefined);
    edits.set(index, parsed.value);
    this.update(kind === 'x' ? { edits } : { styleEdits: edits }, false);
  }

  private onAffineInput(input: HTMLInputElement): void {
    const which = input.dataset.param === 'beta' ? 'beta' : 'gamma';
    const channel = Number(input.dataset.channel);
    const parsed = parseCellValue(input.value);
    if (!parsed.ok) {
      this.showMessage(input, t.keepsUsing(t.numberProblem(parsed.problem), String(this.state[which][channel])));
      return;
    }
    this.showMessage(input, undefined);
    const values = [...this.state[which]];
    values[channel] = parsed.value;
    this.update({ [which]: values }, false);
  }

  /** An inline message right under the control, announced and linked to it with aria-describedby. */
  private showMessage(control: HTMLInputElement | HTMLSelectElement, message: string | undefined): void {
    const host = control.closest('.lab-message-host') ?? control.parentElement;
    const id = `${this.id}-message-${control.name || control.dataset.index || 'field'}-${control.dataset.tensor ?? control.dataset.param ?? ''}${control.dataset.channel ?? ''}`;
    let note = document.getElementById(id);
    if (!message) {
      note?.remove();
      control.removeAttribute('aria-invalid');
      control.removeAttribute('aria-describedby');
      return;
    }
    if (!note) {
      note = element('p', { id, role: 'alert' }, 'message-error lab-message');
      host?.append(note);
    }
    note.textContent = message;
    control.setAttribute('aria-invalid', 'true');
    control.setAttribute('aria-describedby', id);
  }

  private onCellKey(event: KeyboardEvent, input: HTMLInputElement): void {
    const steps: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const step = steps[event.key];
    if (!step) return;
    // Left/right move the caret inside the number first, and leave the cell only at its ends.
    const atStart = input.selectionStart === 0 && (input.selectionEnd === 0 || input.selectionEnd === input.value.length);
    const atEnd = input.selectionEnd === input.value.length;
    if ((event.key === 'ArrowLeft' && !atStart) || (event.key === 'ArrowRight' && !atEnd)) return;
    event.preventDefault();
    const here = positionNCHW(this.state.shape, Number(input.dataset.index));
    const next = moveCell(this.state.shape, here, ...step);
    const target = this.querySelector<HTMLInputElement>(
      `.lab-cell-input[data-tensor=${input.dataset.tensor}][data-index="${indexNCHW(this.state.shape, ...next)}"]`,
    );
    target?.focus();
    target?.select();
  }

  private get values(): Float64Array {
    return contentValues(this.state, this.pictures);
  }

  private get styleValuesNow(): Float64Array {
    return styleValues(this.state, this.pictures);
  }

  private select(cell: Cell): void {
    const same = indexNCHW(this.state.shape, ...cell) === indexNCHW(this.state.shape, ...this.state.selected);
    this.state = { ...this.state, selected: cell };
    if (same) return;
    this.writeUrl();
    this.highlight();
    this.renderReadout();
  }

  private setHoverGroup(group: number | undefined): void {
    if (group === this.hoverGroup) return;
    this.hoverGroup = group;
    this.highlight();
  }

  private setSymbol(name: SymbolName | undefined, anchor: HTMLElement | undefined): void {
    this.activeSymbol = name;
    lightSymbol(name);
    this.highlight();
    this.showTip(name, anchor);
  }

  /** Beside a symbol in the lesson's formula (outside the lab), the number it stands for right now. */
  private showTip(name: SymbolName | undefined, anchor: HTMLElement | undefined): void {
    const text = name && symbolTexts(this.state, this.values, this.result)[name];
    if (!name || !anchor || !text || anchor.closest('tensor-lab') || !anchor.closest('.katex')) {
      this.tip.hidden = true;
      return;
    }
    const box = anchor.getBoundingClientRect();
    this.tip.textContent = text;
    this.tip.style.left = `${Math.max(8, box.left)}px`;
    this.tip.style.top = `${box.bottom + 6}px`;
    this.tip.hidden = false;
  }

  private writeUrl(): void {
    writeUrlParams((params) => writeLabParams(this.state, params));
  }

  private async ensurePictures(): Promise<void> {
    if (this.state.preset !== 'image' || this.pictures.length) return;
    this.pictures = await Promise.all(labPictures.map((name) => loadPicture(pictureUrl(name))));
  }

  /** Draws what the state says now; statistics follow when tfjs has computed them. */
  private async refresh({ rebuild }: { rebuild: boolean }): Promise<void> {
    const revision = this.runs.start();
    this.dataset.revision = String(revision);
    this.writeUrl();
    this.syncControls();
    try {
      await this.ensurePictures();
    } catch (error) {
      this.showStatus(t.photosUnreadable(errorText(error)));
      this.state = { ...this.state, preset: 'random' };
      this.syncControls();
    }
    if (!this.runs.isLatest(revision)) return;
    if (rebuild) this.buildTensors();
    this.fillInputs();
    this.renderAffine(rebuild);
    this.colourGroups();
    this.highlight();
    this.renderReadout();
    await this.computeAndDraw(revision);
  }

  private showStatus(message: string): void {
    this.find('.lab-status').textContent = message;
  }

  private async computeAndDraw(revision: number): Promise<void> {
    const state = this.state;
    const content = this.values;
    const style = this.styleValuesNow;
    try {
      this.compute ??= import('./lab-compute');
      this.chart ??= import('./tensor-lab-chart');
      const { computeLab } = await this.compute;
      const result = await computeLab(state, content, style);
      // A later edit may have finished first: only the newest state is drawn.
      if (!this.runs.isLatest(revision)) return;
      this.result = result;
      this.renderOutput();
      this.renderStatistics();
      this.renderReadout();
      await this.renderChart();
      this.showStatus('');
      this.dataset.computedRevision = String(revision);
    } catch (error) {
      // Forget a failed chunk load so the next edit tries again.
      this.compute = undefined;
      this.chart = undefined;
      this.showStatus(t.couldNotCompute(errorText(error)));
    }
  }

  private buildTensors(): void {
    for (const kind of ['x', 'style', 'y'] as const) {
      const host = this.find(`.lab-tensor[data-tensor=${kind}]`);
      const [N, C, H, W] = this.state.shape;
      host.style.setProperty('--channels', String(C));
      const children: HTMLElement[] = [element('span', { ariaHidden: 'true' }, 'lab-axis')];
      for (let c = 0; c < C; c++) children.push(element('span', { textContent: `c${c}`, ariaHidden: 'true' }, 'lab-axis'));
      for (let n = 0; n < N; n++) {
        children.push(element('span', { textContent: `n${n}`, ariaHidden: 'true' }, 'lab-axis lab-axis-n'));
        for (let c = 0; c < C; c++) {
          const block = element('div', {}, 'lab-block lab-message-host');
          block.setAttribute('role', 'group');
          block.setAttribute('aria-label', t.blockName(t.blockNames[kind], n, c));
          const grid = element('div', {}, 'lab-block-cells');
          grid.style.setProperty('--width', String(W));
          for (let h = 0; h < H; h++)
            for (let w = 0; w < W; w++) {
              const cell: Cell = [n, c, h, w];
              const index = String(indexNCHW(this.state.shape, ...cell));
              if (kind === 'y') {
                const out = element('output', { title: cellName(kind, cell) }, 'lab-cell lab-cell-output');
                out.dataset.index = index;
                out.setAttribute('aria-label', cellName(kind, cell));
                grid.append(out);
              } else {
                const input = element('input', { type: 'text', inputMode: 'decimal', autocomplete: 'off', spellcheck: false }, 'lab-cell lab-cell-input');
                input.dataset.index = index;
                input.dataset.tensor = kind;
                input.setAttribute('aria-label', cellName(kind, cell));
                grid.append(input);
              }
            }
          block.append(grid);
          children.push(block);
        }
      }
      host.replaceChildren(...children);
    }
  }

  private fillInputs(): void {
    for (const [kind, values] of [
      ['x', this.values],
      ['style', this.styleValuesNow],
    ] as const) {
      for (const input of this.querySelectorAll<HTMLInputElement>(`.lab-cell-input[data-tensor=${kind}]`)) {
        // Leave a cell the reader is typing in (or holding a bad value in) as it is.
        if (input === document.activeElement || input.getAttribute('aria-invalid')) continue;
        input.value = String(values[Number(input.dataset.index)]);
      }
      this.fitCells(kind);
    }
    if (!this.result || this.result.output.length !== elementCount(this.state.shape)) {
      for (const out of this.querySelectorAll<HTMLOutputElement>('.lab-cell-output')) out.textContent = '…';
    }
  }

  private renderAffine(rebuild: boolean): void {
    const host = this.find('.lab-affine');
    const isAdain = this.state.method === 'adain';
    this.find('.lab-affine-note').hidden = !isAdain;
    host.hidden = isAdain;
    if (rebuild || host.childElementCount === 0) {
      const rows = (['gamma', 'beta'] as const).map((param) => {
        const row = element('div', {}, 'lab-affine-row');
        row.append(element('span', { textContent: param === 'gamma' ? 'γ' : 'β' }, `lab-affine-label sym sym-${param}`));
        this.state[param].forEach((_, c) => {
          const field = element('label', {}, 'lab-affine-field lab-message-host');
          field.append(element('span', { textContent: `c${c}` }, 'lab-affine-channel'));
          const input = element('input', { type: 'text', inputMode: 'decimal', autocomplete: 'off' }, 'lab-affine-input');
          input.dataset.param = param;
          input.dataset.channel = String(c);
          input.setAttribute('aria-label', t.affineName(param, c));
          field.append(input);
          row.append(field);
        });
        return row;
      });
      host.replaceChildren(...rows);
    }
    for (const input of host.querySelectorAll<HTMLInputElement>('.lab-affine-input')) {
      if (input === document.activeElement || input.getAttribute('aria-invalid')) continue;
      input.value = String(this.state[input.dataset.param === 'beta' ? 'beta' : 'gamma'][Number(input.dataset.channel)]);
    }
  }

  /** Each statistic group gets its own tint, so the reduced axes show at a glance. */
  private colourGroups(): void {
    for (const cell of this.querySelectorAll<HTMLElement>('.lab-cell')) {
      const kind = cell.closest<HTMLElement>('.lab-tensor')?.dataset.tensor;
      const group = groupOfCell(this.state, positionNCHW(this.state.shape, Number(cell.dataset.index)));
      cell.dataset.group = String(group);
      // The style tensor has its own statistics; it wears the content's tints shifted, to look related but apart.
      cell.style.setProperty('--hue', String(kind === 'style' ? (groupHue(group) + 40) % 360 : groupHue(group)));
    }
  }

  private selectedGroup(): number {
    return groupOfCell(this.state, this.state.selected);
  }

  private highlight(): void {
    // While a formula symbol is pointed at, it speaks of the selected cell, so its group is the one lit.
    const active = this.activeSymbol ? this.selectedGroup() : (this.hoverGroup ?? this.selectedGroup());
    const selectedIndex = String(indexNCHW(this.state.shape, ...this.state.selected));
    const symbol = this.activeSymbol;
    const [, c] = this.state.selected;
    this.dataset.activeGroup = String(active);
    for (const cell of this.querySelectorAll<HTMLElement>('.lab-cell')) {
      const kind = cell.closest<HTMLElement>('.lab-tensor')?.dataset.tensor;
      const inGroup = kind !== 'style' && cell.dataset.group === String(active);
      const isSelected = cell.dataset.index === selectedIndex;
      cell.classList.toggle('in-group', inGroup);
      cell.classList.toggle('is-selected', isSelected);
      let target = false;
      if (symbol === 'x') target = isSelected && kind === 'x';
      else if (symbol === 'y' || symbol === 'xhat') target = isSelected && kind === 'y';
      else if (symbol && groupSymbols.includes(symbol)) target = kind === 'x' && cell.dataset.group === String(this.selectedGroup());
      else if (symbol === 'style' || symbol === 'mu-style' || symbol === 'sigma-style')
        target = kind === 'style' && cell.dataset.group === String(this.selectedGroup());
      cell.classList.toggle('is-symbol-target', target);
    }
    for (const stat of this.querySelectorAll<HTMLElement>('.lab-stat')) stat.classList.toggle('in-group', stat.dataset.group === String(active));
    for (const input of this.querySelectorAll<HTMLElement>('.lab-affine-input')) {
      input.classList.toggle('is-symbol-target', input.dataset.channel === String(c) && symbol === input.dataset.param);
    }
  }

  private renderOutput(): void {
    const output = this.result?.output;
    if (!output) return;
    for (const out of this.querySelectorAll<HTMLOutputElement>('.lab-cell-output')) {
      const value = output[Number(out.dataset.index)] ?? NaN;
      out.textContent = formatNumber(value);
      out.dataset.value = String(value);
    }
    this.fitCells('y');
  }

  /** A tensor's cells widen to its longest value, so no value is cut ("-5.952", "-1.23e-5"). */
  private fitCells(kind: 'x' | 'style' | 'y'): void {
    const host = this.find(`.lab-tensor[data-tensor=${kind}]`);
    const cells = host.querySelectorAll<HTMLInputElement | HTMLOutputElement>('.lab-cell');
    host.style.setProperty('--cell-chars', String(Math.max(0, ...Array.from(cells, (cell) => cell.value.length))));
  }

  private renderStatistics(): void {
    const result = this.result;
    if (!result) return;
    const { state } = this;
    const count = groupCount(state);
    const firstCell = new Map<number, number>();
    for (let i = elementCount(state.shape) - 1; i >= 0; i--) firstCell.set(groupOfCell(state, positionNCHW(state.shape, i)), i);
    const items: HTMLElement[] = [];
    for (let g = 0; g < count; g++) {
      const mean = result.mean[g] ?? NaN;
      const variance = result.variance[g] ?? NaN;
      const std = sigmaOf(variance, state.epsilon);
      const button = element('button', { type: 'button' }, 'lab-stat');
      Object.assign(button.dataset, {
        group: String(g),
        tensor: 'x',
        first: String(firstCell.get(g) ?? 0),
        mean: String(mean),
        variance: String(variance),
        std: String(std),
      });
      button.style.setProperty('--hue', String(groupHue(g)));
      button.append(
        element('span', { textContent: groupLabel(state, g, t.all) }, 'lab-stat-label'),
        ' ',
        element('span', { textContent: `μ = ${formatNumber(mean)}` }),
        ' ',
        element('span', { textContent: `σ = ${formatNumber(std)}` }),
      );
      // The name starts with what the group is and then repeats the visible text, so speech input can use it.
      button.setAttribute('aria-label', `${state.method === 'adain' ? t.contentGroup : t.statisticGroup} ${button.textContent}`);
      items.push(button);
    }
    if (state.method === 'adain' && result.styleMean && result.styleStd) {
      for (let g = 0; g < count; g++) {
        const mean = result.styleMean[g] ?? NaN;
        const std = result.styleStd[g] ?? NaN;
        const button = element('button', { type: 'button' }, 'lab-stat lab-stat-style');
        Object.assign(button.dataset, { group: String(g), tensor: 'style', first: String(firstCell.get(g) ?? 0), mean: String(mean), std: String(std) });
        button.style.setProperty('--hue', String((groupHue(g) + 40) % 360));
        button.append(
          element('span', { textContent: t.styleGroup(groupLabel(state, g, t.all)) }, 'lab-stat-label'),
          ' ',
          element('span', { textContent: `μ = ${formatNumber(mean)}` }),
          ' ',
          element('span', { textContent: `σ = ${formatNumber(std)}` }),
        );
        items.push(button);
      }
    }
    this.find('.lab-stats').replaceChildren(...items);
    this.highlight();
  }

  private async renderChart(): Promise<void> {
    const result = this.result;
    if (!result || !this.chart) return;
    const { renderGroupChart } = await this.chart;
    renderGroupChart(this.find('.lab-chart'), this.state, result, t);
  }

  private renderReadout(): void {
    renderReadout(this.find('.lab-readout'), this.state, this.values, this.result);
  }
}

if (!customElements.get('tensor-lab')) customElements.define('tensor-lab', TensorLab);
