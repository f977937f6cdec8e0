import { localStrings } from './island';
import { styleNumbersEvent, symbolValues, type StyleNumbers } from './style-numbers';
import { styleLabStrings } from '../i18n/components/style-lab';
import type { Size } from '../lib/image-size';
import type { ModelKind } from '../lib/models';
import type { StatisticsArrays } from '../lib/transfer';
import type { Losses, RunResult } from './style-engine';

/**
 * The style lab's results: the stylised image, its timing, the losses, and the channel statistics of the
 * chosen relu4_1 channel (table, chart, and the numbers published for the formulas and the diagram).
 */

/** The island's find: markup that lacks the selector is a bug. */
type Find = <T extends Element = HTMLElement>(selector: string) => T;

function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

export class StyleLabResults {
  private readonly t = localStrings(styleLabStrings);
  private last: { result: RunResult; alpha: number } | undefined;
  private losses: Losses | undefined;
  private channel = 0;
  /** The tfjs backend's name, for "… in 80 ms on WebAssembly". */
  backendLabel = '';

  constructor(
    private readonly host: HTMLElement,
    private readonly find: Find,
  ) {
    const channel = find<HTMLInputElement>('input.channel');
    channel.addEventListener('input', () => this.selectChannel(Number(channel.value)));
  }

  /** `madeBy`: the model that made the picture, and whether VGG-19's picture is still to replace it. */
  show(result: RunResult, alpha: number, size: Size, madeBy: { model: ModelKind; vggStillLoading: boolean }): void {
    const output = this.find<HTMLCanvasElement>('.output');
    output.width = size.width;
    output.height = size.height;
    output.getContext('2d')?.putImageData(result.pixels, 0, 0);
    this.host.dataset.outputWidth = String(size.width);
    this.host.dataset.outputHeight = String(size.height);
    this.find('.output-model').textContent = madeBy.vggStillLoading ? this.t.madeByMobileWhileVggLoads : this.t.madeBy[madeBy.model];
    this.host.dataset.outputModel = madeBy.model;
    this.host.dataset.runMs = result.totalMs.toFixed(1);
    this.find<HTMLButtonElement>('.download').disabled = false;
    const sizeText = `${size.width}×${size.height}`;
    this.find('.timing').textContent = this.t.timing(sizeText, formatMs(result.totalMs), this.backendLabel, result.cached);
    const perImage = result.contentEncodeMs + result.decodeMs;
    this.find('.speed-yours-value').textContent = this.t.speedYours(
      formatMs(perImage),
      sizeText,
      (1000 / perImage).toFixed(perImage > 1000 ? 2 : 1),
      this.backendLabel,
    );
    this.last = { result, alpha };
    void this.drawChart();
    this.publishNumbers();
  }

  /** After a failed or cancelled run the picture shown stays, and so no other picture is coming to replace it. */
  nothingWillReplace(): void {
    const model = this.host.dataset.outputModel as ModelKind | undefined;
    if (model) this.find('.output-model').textContent = this.t.madeBy[model];
  }

  measuringLosses(): void {
    this.find('.losses').textContent = this.t.measuringLosses;
  }

  showLosses(losses: Losses | undefined): void {
    const text = this.find('.losses');
    if (!losses) {
      text.textContent = this.t.lossesNeedVgg;
      this.publishNumbers();
      return;
    }
    const styleParts = losses.style.map((value, k) => (losses.style.length > 1 ? this.t.styleLossOf(k + 1, value.toFixed(2)) : value.toFixed(2)));
    text.textContent = this.t.losses(losses.content.toFixed(3), styleParts);
    this.losses = losses;
    this.publishNumbers();
  }

  /** The statistics the chart and formulas show as "the style": the weighted mix, or style 1 with masks. */
  private styleStatistics(): StatisticsArrays | undefined {
    const statistics = this.last?.result.statistics;
    return statistics && (statistics.mixed ?? statistics.styles[0]);
  }

  private selectChannel(channel: number): void {
    if (!Number.isInteger(channel) || channel < 0 || channel > 511) return;
    this.channel = channel;
    this.find<HTMLInputElement>('input.channel').value = String(channel);
    this.publishNumbers();
    void this.drawChart();
  }

  private publishNumbers(): void {
    const last = this.last;
    const style = this.styleStatistics();
    if (!last || !style) return;
    const c = this.channel;
    const { content, target } = last.result.statistics;
    const numbers: StyleNumbers = {
      alpha: last.alpha,
      channel: c,
      muC: content.mean[c]!,
      sigmaC: content.std[c]!,
      muS: style.mean[c]!,
      sigmaS: style.std[c]!,
      muT: target.mean[c]!,
      sigmaT: target.std[c]!,
      ...(this.losses ? { contentLoss: this.losses.content, styleLoss: this.losses.style.reduce((a, b) => a + b, 0) / this.losses.style.length } : {}),
    };
    const values = symbolValues(numbers);
    for (const cell of this.host.querySelectorAll<HTMLElement>('[data-cell]')) cell.textContent = values[cell.dataset.cell!]!.toFixed(3);
    document.dispatchEvent(new CustomEvent<StyleNumbers>(styleNumbersEvent, { detail: numbers }));
  }

  private async drawChart(): Promise<void> {
    const last = this.last;
    const style = this.styleStatistics();
    if (!last || !style) return;
    const { renderStatisticsChart } = await import('./style-lab-charts');
    renderStatisticsChart(
      this.find('.stats-chart'),
      { content: last.result.statistics.content, style, target: last.result.statistics.target },
      this.channel,
      (channel) => this.selectChannel(channel),
      this.t.chart,
    );
  }
}
