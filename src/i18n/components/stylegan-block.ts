import type { Localized } from '../../lib/i18n';

/** StyleganBlock.astro, stylegan-block.ts and stylegan-block-chart.ts. */
const en = {
  title: 'Inside one block',
  settings: 'Block settings',
  newFace: 'New face',
  layer: 'Layer',
  noise: 'noise',
  channel: 'Channel',
  faceSection: 'The generated face',
  face: 'The face',
  inputSection: 'Layer input',
  input: 'Input',
  noiseSection: 'Noise map',
  plusNoise: '+ noise',
  beforeSection: 'Before AdaIN',
  beforeHeading: 'conv 3×3 + noise + bias, leaky ReLU:',
  afterHeading: 'after AdaIN:',
  statisticsSection: 'Channel statistics',
  chartNote:
    'Each channel three times: grey before AdaIN, an orange square at the style (y<sub>b</sub>, |y<sub>s</sub>|), a blue cross after AdaIN. The crosses sit in the squares: AdaIN throws away the statistics the block computed and puts the style’s in. Click a point to pick its channel.',
  /** "layer 3: 16² (middle, after upsampling)" */
  layerOption: (layer: number, resolution: number, band: string, upsampled: boolean) =>
    `layer ${layer}: ${resolution}² (${band}${upsampled ? ', after upsampling' : ''})`,
  inputConstant: 'Input: the learned 4×4 constant',
  inputUpsampled: (previous: number, size: number) => `Input: layer ${previous}’s output, upsampled to ${size}×${size}`,
  inputPrevious: (previous: number) => `Input: layer ${previous}’s output`,
  noiseNote: (channels: number, low: string, high: string, channel: number, scale: string) =>
    `One N(0, 1) value per pixel, shared by all ${channels} channels; channel c adds it × its learned scale (here ${low} … ${high}; channel ${channel}: ${scale}).`,
  noiseOff: 'Noise is off.',
  colours: (shown: string, before: string, after: string) =>
    `Channels ${shown}. Colours: white 0, red positive, blue negative, saturated at ±${before} before and ±${after} after AdaIN.`,
  /** The readout's first line; HTML (the channel symbol is <i>i</i>). */
  readoutHead: (layer: number, size: number, channels: number, channel: number) =>
    `Layer ${layer} (${size}×${size}, ${channels} channels), channel <i>i</i> = ${channel}:`,
  symbolX: (channel: number, layer: number, size: number) => `x_i: channel ${channel} of layer ${layer} before AdaIN (${size}×${size} values)`,
  symbolOut: (mean: string, std: string) => `AdaIN output: μ = ${mean}, σ = ${std}`,
  /** The chart: its three series, axes and the pointer's tip. */
  series: { before: 'before AdaIN', style: 'style (y_b, |y_s|)', after: 'after AdaIN' },
  meanAxis: 'channel mean μ →',
  stdAxis: '↑ channel standard deviation σ',
  channelTip: (channel: number) => `channel ${channel}`,
  chartLabel: 'Chart: each channel of this layer as a point (mean μ, standard deviation σ) before AdaIN, at the style (y_b, |y_s|) and after AdaIN',
};

const zhCn: typeof en = {
  title: '一个块的内部',
  settings: '块的设置',
  newFace: '换一张脸',
  layer: '层',
  noise: '噪声',
  channel: '通道',
  faceSection: '生成的脸',
  face: '脸',
  inputSection: '层的输入',
  input: '输入',
  noiseSection: '噪声图',
  plusNoise: '+ 噪声',
  beforeSection: 'AdaIN 之前',
  beforeHeading: '3×3 卷积 + 噪声 + 偏置，LeakyReLU：',
  afterHeading: 'AdaIN 之后：',
  statisticsSection: '通道统计量',
  chartNote:
    '每个通道画三次：灰色是 AdaIN 之前，橙色方块是风格 (y<sub>b</sub>, |y<sub>s</sub>|)，蓝色叉号是 AdaIN 之后。叉号都落在方块里：AdaIN 丢掉了这个块算出的统计量，换成风格的统计量。点击一个点即可选中它的通道。',
  layerOption: (layer, resolution, band, upsampled) => `第 ${layer} 层：${resolution}²（${band}${upsampled ? '，上采样之后' : ''}）`,
  inputConstant: '输入：学习到的 4×4 常量',
  inputUpsampled: (previous, size) => `输入：第 ${previous} 层的输出，上采样到 ${size}×${size}`,
  inputPrevious: (previous) => `输入：第 ${previous} 层的输出`,
  noiseNote: (channels, low, high, channel, scale) =>
    `每个像素一个 N(0, 1) 值，${channels} 个通道共用；通道 c 加上它乘以自己学习到的缩放因子（这里是 ${low} … ${high}；通道 ${channel}：${scale}）。`,
  noiseOff: '噪声已关闭。',
  colours: (shown, before, after) => `通道 ${shown}。颜色：白色为 0，红色为正，蓝色为负；AdaIN 之前在 ±${before}、之后在 ±${after} 处饱和。`,
  readoutHead: (layer, size, channels, channel) => `第 ${layer} 层（${size}×${size}，${channels} 个通道），通道 <i>i</i> = ${channel}：`,
  symbolX: (channel, layer, size) => `x_i：第 ${layer} 层 AdaIN 之前的通道 ${channel}（${size}×${size} 个值）`,
  symbolOut: (mean, std) => `AdaIN 输出：μ = ${mean}，σ = ${std}`,
  series: { before: 'AdaIN 之前', style: '风格 (y_b, |y_s|)', after: 'AdaIN 之后' },
  meanAxis: '通道均值 μ →',
  stdAxis: '↑ 通道标准差 σ',
  channelTip: (channel) => `通道 ${channel}`,
  chartLabel: '图表：这一层的每个通道画成一个点（均值 μ，标准差 σ），分别在 AdaIN 之前、风格 (y_b, |y_s|) 处和 AdaIN 之后',
};

export const styleganBlockStrings: Localized<typeof en> = { en, 'zh-cn': zhCn };
