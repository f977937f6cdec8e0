import type { Localized } from '../../lib/i18n';
import type { SeedsProblem } from '../../lib/mixing-state';

/** MixingLab.astro and mixing-lab.ts (the band names and loading lines are in generator.ts). */
const en = {
  title: 'Style-mixing lab',
  settings: 'Style-mixing settings',
  rowSeeds: 'Row seeds',
  columnSeeds: 'Column seeds',
  presetsLabel: 'Take from the row seed',
  rowGives: 'Row gives:',
  crossover: 'Crossover',
  truncation: 'Truncation ψ',
  gridCaption:
    'Top row: the column seeds alone. Left column: the row seeds alone. Click a face, or focus the grid and use the arrow keys, to see it in the noise panel.',
  download: 'Download grid (PNG)',
  copyLink: 'Copy link',
  layersSection: 'Layers',
  layersCaption: 'Per layer: where its style comes from, and its noise',
  layersHead: { layer: 'Layer', styleFrom: 'Style from', noise: 'Noise', strength: 'Strength' },
  noiseAll: 'Noise all on / off',
  noiseSection: 'Stochastic variation',
  sameStyles: 'Same styles, new noise:',
  resample: 'Resample noise only',
  seedsProblem: (problem: SeedsProblem): string => {
    switch (problem.kind) {
      case 'none':
        return 'Give at least one seed.';
      case 'too-many':
        return `At most ${problem.max} seeds.`;
      case 'not-a-seed':
        return `“${problem.text}” is not a whole number from 0 to ${problem.limit}.`;
    }
  },
  none: 'none',
  layer: (layer: number) => `layer ${layer}`,
  layers: (list: string) => `layers ${list}`,
  /** "layers 0–3 (4², 8²)" */
  withResolutions: (names: string, resolutions: string) => `${names} (${resolutions})`,
  presetMix: (band: string) => `Preset “${band}”: each image takes the ${band} styles from its row’s seed and all others from its column’s seed.`,
  crossoverMix: (layer: number) => `Crossover at layer ${layer}: w1 (the row’s seed) before it, w2 (the column’s) from it on.`,
  customMix: 'A custom mix.',
  mixSources: (lead: string, row: string, column: string) => `${lead} Row seed: ${row}. Column seed: ${column}.`,
  noSingleCrossover: 'no single crossover',
  row: 'row',
  column: 'column',
  sourceName: (layer: number, fromRow: boolean) => `Layer ${layer} style from the ${fromRow ? 'row' : 'column'} seed; press to switch`,
  sourceFrom: (layer: number) => `Layer ${layer} style from`,
  noiseAt: (layer: number) => `Noise at layer ${layer}`,
  strengthAt: (layer: number) => `Noise strength at layer ${layer}`,
  noiseSeeds: (first: number, last: number) => `noise seeds ${first}–${last}`,
  selectedFace: (row: number, column: number) => `row seed ${row} × column seed ${column}`,
  weights: (checkpoint: string | undefined, iterations: string, kimg: string, minutes: string) =>
    `These weights: ${checkpoint ?? 'a checkpoint'} after ${iterations} iterations (${kimg} thousand training images seen, ${minutes} minutes of training on a 2-core CPU).`,
  stillWorks: 'The controls still work and the address keeps your settings.',
  gridName: (columns: string, rows: string, mix: string) =>
    `Style-mixing grid: column seeds ${columns} across the top, row seeds ${rows} down the left, their mixes between. ${mix} Arrow keys choose a face for the noise panel.`,
  stdCaption: (draws: number, mean: string, max: string) =>
    `Per-pixel σ over the ${draws} draws: mean ${mean}, max ${max} (image range −1…1; red = varies most).`,
};

const zhCn: typeof en = {
  title: '风格混合实验',
  settings: '风格混合设置',
  rowSeeds: '行种子',
  columnSeeds: '列种子',
  presetsLabel: '从行种子取',
  rowGives: '行提供：',
  crossover: '交叉点',
  truncation: '截断 ψ',
  gridCaption: '第一行：只用列种子。最左一列：只用行种子。点击一张脸，或让网格获得焦点后用方向键，即可在噪声面板里查看它。',
  download: '下载网格（PNG）',
  copyLink: '复制链接',
  layersSection: '各层',
  layersCaption: '每一层：风格来自哪里，以及它的噪声',
  layersHead: { layer: '层', styleFrom: '风格来自', noise: '噪声', strength: '强度' },
  noiseAll: '全部噪声开 / 关',
  noiseSection: '随机变化',
  sameStyles: '风格相同，噪声重抽：',
  resample: '只重新抽取噪声',
  seedsProblem: (problem) => {
    switch (problem.kind) {
      case 'none':
        return '请至少给出一个种子。';
      case 'too-many':
        return `最多 ${problem.max} 个种子。`;
      case 'not-a-seed':
        return `“${problem.text}”不是 0 到 ${problem.limit} 之间的整数。`;
    }
  },
  none: '无',
  layer: (layer) => `第 ${layer} 层`,
  layers: (list) => `第 ${list} 层`,
  withResolutions: (names, resolutions) => `${names}（${resolutions}）`,
  presetMix: (band) => `预设“${band}”：每张图像的${band}风格取自它所在行的种子，其余都取自它所在列的种子。`,
  crossoverMix: (layer) => `交叉点在第 ${layer} 层：在它之前用 w1（行种子），从它开始用 w2（列种子）。`,
  customMix: '自定义的混合。',
  mixSources: (lead, row, column) => `${lead}行种子：${row}。列种子：${column}。`,
  noSingleCrossover: '没有单一的交叉点',
  row: '行',
  column: '列',
  sourceName: (layer, fromRow) => `第 ${layer} 层的风格来自${fromRow ? '行' : '列'}种子；按下可切换`,
  sourceFrom: (layer) => `第 ${layer} 层的风格来自`,
  noiseAt: (layer) => `第 ${layer} 层的噪声`,
  strengthAt: (layer) => `第 ${layer} 层的噪声强度`,
  noiseSeeds: (first, last) => `噪声种子 ${first}–${last}`,
  selectedFace: (row, column) => `行种子 ${row} × 列种子 ${column}`,
  weights: (checkpoint, iterations, kimg, minutes) =>
    `当前权重：${checkpoint ?? '一个检查点'}，训练了 ${iterations} 次迭代（见过 ${kimg} 千张训练图像，在 2 核 CPU 上训练了 ${minutes} 分钟）。`,
  stillWorks: '控件仍然可用，地址栏会保存你的设置。',
  gridName: (columns, rows, mix) =>
    `风格混合网格：顶部是列种子 ${columns}，左侧是行种子 ${rows}，中间是它们的混合。${mix}用方向键选择一张脸，在噪声面板中查看。`,
  stdCaption: (draws, mean, max) => `${draws} 次抽取的逐像素 σ：平均 ${mean}，最大 ${max}（图像取值范围 −1…1；红色 = 变化最大）。`,
};

export const mixingLabStrings: Localized<typeof en> = { en, 'zh-cn': zhCn };
