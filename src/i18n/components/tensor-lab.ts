import type { Localized } from '../../lib/i18n';
import type { LabMethod, LabPreset, NumberProblem } from '../../lib/lab-state';

type TensorKind = 'x' | 'style' | 'y';

/** TensorLab.astro, tensor-lab.ts, tensor-lab-readout.ts and tensor-lab-chart.ts. */
const en = {
  title: 'Tensor lab',
  settings: 'Tensor lab settings',
  shape: 'Shape [N, C, H, W]',
  dimensions: { n: 'N, batch size', c: 'C, channels', h: 'H, height', w: 'W, width' },
  values: 'Values',
  seed: 'Seed',
  newSeed: 'New seed',
  method: 'Method',
  groups: 'Groups',
  resetEdits: 'Reset edits',
  copyLink: 'Copy link',
  inputPanel: 'Input tensor x',
  input: 'Input',
  editHint: '(type to edit; arrow keys move)',
  stylePanel: 'Style tensor y',
  style: 'Style',
  outputPanel: 'Output tensor',
  output: 'Output',
  statisticsPanel: 'Statistics per group',
  /** "One μ, σ per group", split around the two symbols. */
  onePerGroup: ['One ', ', ', ' per group'] as [string, string, string],
  affinePanel: 'Scale and shift per channel',
  /** "Per channel γ and β", split around the two symbols. */
  perChannel: ['Per channel ', ' and ', ''] as [string, string, string],
  adainNoAffine: "AdaIN learns no γ, β: the style's σ(y) and μ(y) take their places.",
  methods: {
    batch: 'Batch norm (BN)',
    layer: 'Layer norm (LN)',
    instance: 'Instance norm (IN)',
    group: 'Group norm (GN)',
    adain: 'AdaIN (content → style)',
  } satisfies Record<LabMethod, string>,
  presets: {
    random: 'Random (seeded)',
    constant: 'Constant channel 0',
    outlier: 'One outlier',
    image: 'Photo patches',
  } satisfies Record<LabPreset, string>,
  /** Which axes one μ, σ² is taken over. */
  reducedAxes: (method: LabMethod, channelsPerGroup: number): string => {
    switch (method) {
      case 'batch':
        return 'μ and σ are taken over N, H, W: one μ, σ per channel, shared by the whole batch.';
      case 'layer':
        return 'μ and σ are taken over C, H, W: one μ, σ per sample.';
      case 'instance':
        return 'μ and σ are taken over H, W: one μ, σ per sample and channel.';
      case 'group':
        return `μ and σ are taken over H, W and ${channelsPerGroup} channel(s) per group: one μ, σ per sample and group.`;
      case 'adain':
        return 'μ and σ are taken over H, W for content and style alike: one μ, σ per sample and channel.';
    }
  },
  /** The word in group labels such as "all n · c1". */
  all: 'all',
  numberProblem: (problem: NumberProblem): string => {
    switch (problem.kind) {
      case 'empty':
        return 'Empty: type a number.';
      case 'not-a-number':
        return `“${problem.text}” is not a number: type one in decimals, such as 16, -0.5 or 1e-3.`;
      case 'infinite':
        return 'Infinity cannot be normalised: type a finite number.';
      case 'too-large':
        return `${problem.text} is too large: keep values within ±${problem.limit.toLocaleString('en')}.`;
      case 'epsilon-outside':
        return `ε must be at least ${problem.min} and at most ${problem.max}: ${problem.value} is too ${problem.value < problem.min ? 'small' : 'large'}.`;
    }
  },
  stillUsingEpsilon: (problem: string, epsilon: string) => `${problem} Still using ε = ${epsilon}.`,
  keepsUsing: (problem: string, value: string) => `${problem} The lab keeps using ${value}.`,
  photosUnreadable: (error: string) => `The photos could not be read (${error}); showing random values.`,
  couldNotCompute: (error: string) => `Could not compute: ${error}`,
  tensorNames: { x: 'input x', style: 'style', y: 'output y' } satisfies Record<TensorKind, string>,
  blockNames: { x: 'input', style: 'style', y: 'output' } satisfies Record<TensorKind, string>,
  /** A cell's name for a screen reader: "input x, sample 0, channel 1, row 2, column 0". */
  cellName: (tensor: string, n: number, c: number, h: number, w: number) => `${tensor}, sample ${n}, channel ${c}, row ${h}, column ${w}`,
  blockName: (tensor: string, n: number, c: number) => `${tensor}, sample ${n}, channel ${c}`,
  affineName: (param: 'gamma' | 'beta', c: number) => `${param === 'gamma' ? 'γ (scale)' : 'β (shift)'} for channel ${c}`,
  /** What a statistics button is, before its visible text: "statistic group n0 · c1 μ = 0.5 σ = 1.2". */
  contentGroup: 'content',
  statisticGroup: 'statistic group',
  styleGroup: (label: string) => `style ${label}`,
  /** The readout. */
  selectedCell: 'Selected cell ',
  forGroup: (label: string) => `. For the selected cell's group (${label}): `,
  endOfSentence: '.',
  with: 'with ',
  styleTakesNoEpsilon: '); the style side takes no ε.',
  /** What each formula symbol stands for (tooltips over the lesson's formulas). */
  symbolTexts: {
    x: (value: string, n: number, c: number, h: number, w: number) => `x = ${value} (selected cell n${n} c${c} h${h} w${w})`,
    gamma: (value: string, c: number) => `γ = ${value} (channel ${c})`,
    beta: (value: string, c: number) => `β = ${value} (channel ${c})`,
    mu: (value: string, group: string) => `μ = ${value} (group ${group})`,
    sigma2: (value: string, group: string) => `σ² = ${value} (group ${group})`,
    sigma: (value: string, group: string) => `σ = √(σ² + ε) = ${value} (group ${group})`,
    style: (n: number, c: number) => `y: the style tensor, sample ${n}, channel ${c}`,
    muStyle: (value: string, group: string) => `μ(y) = ${value} (style ${group})`,
    sigmaStyle: (value: string, group: string) => `σ(y) = ${value} (style ${group})`,
  },
  /** The chart. */
  chartContent: 'content x',
  chartStyle: 'style y',
  chartAdainAxis: 'sample · channel (content ●, style ■)',
  chartGroupAxis: 'statistic group',
  chartLabel: (adain: boolean) => `Chart of μ ± σ for each statistic group${adain ? ', content (circles) and style (squares)' : ''}`,
};

const zhCn: typeof en = {
  title: '张量实验',
  settings: '张量实验设置',
  shape: '形状 [N, C, H, W]',
  dimensions: { n: 'N，批量大小', c: 'C，通道数', h: 'H，高', w: 'W，宽' },
  values: '数值',
  seed: '随机种子',
  newSeed: '换一个种子',
  method: '方法',
  groups: '组数',
  resetEdits: '撤销修改',
  copyLink: '复制链接',
  inputPanel: '输入张量 x',
  input: '输入',
  editHint: '（直接输入即可修改；方向键移动）',
  stylePanel: '风格张量 y',
  style: '风格',
  outputPanel: '输出张量',
  output: '输出',
  statisticsPanel: '每组的统计量',
  onePerGroup: ['每组一个 ', '、', ''],
  affinePanel: '每个通道的缩放与偏移',
  perChannel: ['每个通道的 ', ' 和 ', ''],
  adainNoAffine: 'AdaIN 不学习 γ、β：由风格的 σ(y) 和 μ(y) 代替它们。',
  methods: {
    batch: '批量归一化（BN）',
    layer: '层归一化（LN）',
    instance: '实例归一化（IN）',
    group: '组归一化（GN）',
    adain: 'AdaIN（内容 → 风格）',
  },
  presets: {
    random: '随机（带种子）',
    constant: '通道 0 为常数',
    outlier: '一个离群值',
    image: '照片小块',
  },
  reducedAxes: (method, channelsPerGroup) => {
    switch (method) {
      case 'batch':
        return 'μ 和 σ 在 N、H、W 上计算：每个通道一组 μ、σ，整个批量共用。';
      case 'layer':
        return 'μ 和 σ 在 C、H、W 上计算：每个样本一组 μ、σ。';
      case 'instance':
        return 'μ 和 σ 在 H、W 上计算：每个样本的每个通道一组 μ、σ。';
      case 'group':
        return `μ 和 σ 在 H、W 以及每组的 ${channelsPerGroup} 个通道上计算：每个样本的每组一组 μ、σ。`;
      case 'adain':
        return 'μ 和 σ 在 H、W 上计算，内容和风格都一样：每个样本的每个通道一组 μ、σ。';
    }
  },
  all: '全部',
  numberProblem: (problem) => {
    switch (problem.kind) {
      case 'empty':
        return '为空：请输入一个数。';
      case 'not-a-number':
        return `“${problem.text}”不是数：请用十进制书写，例如 16、-0.5 或 1e-3。`;
      case 'infinite':
        return '无穷大无法归一化：请输入一个有限的数。';
      case 'too-large':
        return `${problem.text} 太大了：请把数值保持在 ±${problem.limit.toLocaleString('en')} 以内。`;
      case 'epsilon-outside':
        return `ε 必须不小于 ${problem.min}、不大于 ${problem.max}：${problem.value} 太${problem.value < problem.min ? '小' : '大'}了。`;
    }
  },
  stillUsingEpsilon: (problem, epsilon) => `${problem}仍在使用 ε = ${epsilon}。`,
  keepsUsing: (problem, value) => `${problem}实验仍在使用 ${value}。`,
  photosUnreadable: (error) => `无法读取照片（${error}）；改为显示随机数值。`,
  couldNotCompute: (error) => `无法计算：${error}`,
  tensorNames: { x: '输入 x', style: '风格', y: '输出 y' },
  blockNames: { x: '输入', style: '风格', y: '输出' },
  cellName: (tensor, n, c, h, w) => `${tensor}，样本 ${n}，通道 ${c}，第 ${h} 行，第 ${w} 列`,
  blockName: (tensor, n, c) => `${tensor}，样本 ${n}，通道 ${c}`,
  affineName: (param, c) => `通道 ${c} 的 ${param === 'gamma' ? 'γ（缩放）' : 'β（偏移）'}`,
  contentGroup: '内容',
  statisticGroup: '统计组',
  styleGroup: (label) => `风格 ${label}`,
  selectedCell: '选中的单元格 ',
  forGroup: (label) => `。选中单元格所在的组（${label}）：`,
  endOfSentence: '。',
  with: '其中 ',
  styleTakesNoEpsilon: ')；风格一侧不加 ε。',
  symbolTexts: {
    x: (value, n, c, h, w) => `x = ${value}（选中的单元格 n${n} c${c} h${h} w${w}）`,
    gamma: (value, c) => `γ = ${value}（通道 ${c}）`,
    beta: (value, c) => `β = ${value}（通道 ${c}）`,
    mu: (value, group) => `μ = ${value}（组 ${group}）`,
    sigma2: (value, group) => `σ² = ${value}（组 ${group}）`,
    sigma: (value, group) => `σ = √(σ² + ε) = ${value}（组 ${group}）`,
    style: (n, c) => `y：风格张量，样本 ${n}，通道 ${c}`,
    muStyle: (value, group) => `μ(y) = ${value}（风格 ${group}）`,
    sigmaStyle: (value, group) => `σ(y) = ${value}（风格 ${group}）`,
  },
  chartContent: '内容 x',
  chartStyle: '风格 y',
  chartAdainAxis: '样本 · 通道（内容 ●，风格 ■）',
  chartGroupAxis: '统计组',
  chartLabel: (adain) => `每个统计组的 μ ± σ 图表${adain ? '，内容（圆点）与风格（方块）' : ''}`,
};

export const tensorLabStrings: Localized<typeof en> = { en, 'zh-cn': zhCn };
