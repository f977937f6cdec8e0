import type { BatchNormMode, ImageThroughLayer, TrainingHistory } from '../lib/running-statistics';
import { formatNumber } from './format';
import { errorText, Island, LatestRun, localStrings } from './island';
import { bnRunningStatsStrings } from '../i18n/components/bn-running-stats';
import { islandKitStrings } from '../i18n/components/island-kit';

const t = localStrings(bnRunningStatsStrings);

/** The seed of the lesson's population and of the batches drawn from it. */
const seed = 1;
/** The image the second table sends through the layer. */
const testImage = 0;

interface Statistics {
  mean: number[];
  variance: number[];
}

function cell(text: string, data: Record<string, string> = {}): HTMLTableCellElement {
  const td = document.createElement('td');
  td.textContent = text;
  Object.assign(td.dataset, data);
  return td;
}

function row(channel: number, cells: HTMLTableCellElement[]): HTMLTableRowElement {
  const tr = document.createElement('tr');
  const th = document.createElement('th');
  th.scope = 'row';
  th.textContent = String(channel);
  tr.append(th, ...cells);
  return tr;
}

/** The island for BnRunningStats.astro: trains the running averages through src/lib, charts and tabulates them. */
class BnRunningStats extends Island {
  private readonly runs = new LatestRun();

  connectedCallback(): void {
    this.addEventListener('input', (event) => {
      if ((event.target as HTMLInputElement).name === 'steps') this.showSteps();
    });
    this.addEventListener('change', () => void this.update());
    void this.update();
  }

  private showSteps(): void {
    this.find('.bnr-steps-value').textContent = this.find<HTMLInputElement>('[name=steps]').value;
  }

  private settings(): { batchSize: number; steps: number; momentum: number; mode: BatchNormMode } {
    const mode = this.querySelector<HTMLInputElement>('[name=mode]:checked')?.value === 'eval' ? 'eval' : 'train';
    return {
      batchSize: Number(this.find<HTMLSelectElement>('[name=batch-size]').value),
      steps: Number(this.find<HTMLInputElement>('[name=steps]').value),
      momentum: Number(this.find<HTMLSelectElement>('[name=momentum]').value),
      mode,
    };
  }

  private async update(): Promise<void> {
    const run = this.runs.start();
    const status = this.find('.bnr-status');
    const settings = this.settings();
    status.textContent = t.trainingNow;
    try {
      const [{ ready, tf }, library, { renderRunningStatisticsChart }] = await Promise.all([
        import('./tf-runtime'),
        import('../lib/running-statistics'),
        import('./bn-running-stats-chart'),
      ]);
      await ready();
      const population = library.makePopulation(library.lessonPopulation, seed);
      const target = library.populationStatistics(population);
      const history = await library.trainRunningStatistics(population, { ...settings, seed });
      const channels = target.mean.length;
      const last = history.runningMean.length - 1;
      const running: Statistics =
        last >= 0
          ? { mean: history.runningMean[last]!, variance: history.runningVariance[last]! }
          : { mean: new Array<number>(channels).fill(0), variance: new Array<number>(channels).fill(1) };
      const image = await library.imageThroughLayer(population, testImage, settings.mode, running, { size: settings.batchSize, seed, step: Math.max(0, last) });
      const own = await library.imageThroughLayer(population, testImage, 'train', running, { size: 1, seed, step: 0 });
      if (!this.runs.isLatest(run)) return;
      for (const kind of ['mean', 'std'] as const) renderRunningStatisticsChart(this.find(`[data-chart=${kind}]`), kind, history, target, t);
      this.renderTable(history, target, running);
      this.renderImage(settings.mode, settings.batchSize, image, own);
      status.textContent = '';
      // Read by the browser test: the count must stay flat over repeated runs.
      this.dataset.numTensors = String(tf.memory().numTensors);
      this.dataset.done = String(run);
    } catch (error) {
      if (this.runs.isLatest(run)) status.textContent = localStrings(islandKitStrings).couldNotRun(errorText(error));
    }
  }

  private renderTable(history: TrainingHistory, target: Statistics, running: Statistics): void {
    const lastBatch = history.batchMean.length - 1;
    const rows = target.mean.map((mean, c) => {
      const batch =
        lastBatch >= 0 ? `${formatNumber(history.batchMean[lastBatch]![c]!)}, ${formatNumber(Math.sqrt(history.batchVariance[lastBatch]![c]!))}` : '–';
      return row(c, [
        cell(formatNumber(mean), { kind: 'population-mean', value: String(mean) }),
        cell(formatNumber(running.mean[c]!), { kind: 'running-mean', value: String(running.mean[c]) }),
        cell(formatNumber(Math.sqrt(target.variance[c]!)), { kind: 'population-std', value: String(Math.sqrt(target.variance[c]!)) }),
        cell(formatNumber(Math.sqrt(running.variance[c]!)), { kind: 'running-std', value: String(Math.sqrt(running.variance[c]!)) }),
        cell(batch),
      ]);
    });
    this.find('.bnr-table tbody').replaceChildren(...rows);
  }

  private renderImage(mode: BatchNormMode, batchSize: number, image: ImageThroughLayer, own: ImageThroughLayer): void {
    this.find('.bnr-image-caption').textContent = mode === 'train' ? t.imageInTraining(testImage, batchSize) : t.imageInInference(testImage);
    const rows = image.usedMean.map((mean, c) =>
      row(c, [
        cell(formatNumber(mean), { kind: 'used-mean', value: String(mean), modeUsed: mode }),
        cell(formatNumber(Math.sqrt(image.usedVariance[c]!)), { kind: 'used-std', value: String(Math.sqrt(image.usedVariance[c]!)), modeUsed: mode }),
        cell(formatNumber(own.usedMean[c]!), { kind: 'own-mean', value: String(own.usedMean[c]) }),
        cell(formatNumber(image.outputMean[c]!), { kind: 'output-mean', value: String(image.outputMean[c]) }),
      ]),
    );
    this.find('.bnr-image-table tbody').replaceChildren(...rows);
  }
}

if (!customElements.get('bn-running-stats')) customElements.define('bn-running-stats', BnRunningStats);
