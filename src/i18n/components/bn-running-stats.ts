import type { Localized } from '../../lib/i18n';

/** BnRunningStats.astro and bn-running-stats.ts. */
const en = {
  title: 'Running averages: training vs inference',
  settings: 'Training settings',
  batchSize: 'Batch size',
  steps: 'Training steps',
  momentum: 'Momentum m',
  pytorchDefault: "(PyTorch's default)",
  mode: 'Layer mode',
  training: 'training:',
  inference: 'inference:',
  channelKey: (c: number) => `channel ${c}`,
  legend: "— lines: running estimates; dots: each batch's own value; dashed: the population's value.",
  meanChart: "Chart: each channel's running mean over the training steps, approaching the population mean. The table below gives the numbers.",
  stdChart: "Chart: each channel's running standard deviation over the training steps, with the population's. The table below gives the numbers.",
  tableCaption: 'After the last step: the running estimates and their targets',
  tableHead: ['channel', 'μ of all data', 'running μ', 'σ of all data', 'running σ', 'last batch μ, σ'] as [string, string, string, string, string, string],
  imageCaption: 'One image through the layer',
  imageHead: ['channel', 'μ used', 'σ used', "image's own μ", 'output mean'] as [string, string, string, string, string],
  trainingNow: 'Training…',
  trainingStep: 'training step',
  imageInTraining: (image: number, batchSize: number) =>
    `Image ${image} in training mode, in a batch of ${batchSize}: it is normalised with the batch's μ and σ${batchSize === 1 ? ', that is its own, so its output mean is always 0' : ''}`,
  imageInInference: (image: number) => `Image ${image} in inference mode: it is normalised with the running estimates, whatever else is in the batch`,
};

const zhCn: typeof en = {
  title: '滑动平均：训练与推理',
  settings: '训练设置',
  batchSize: '批量大小',
  steps: '训练步数',
  momentum: '动量 m',
  pytorchDefault: '（PyTorch 的默认值）',
  mode: '层的模式',
  training: '训练模式：',
  inference: '推理模式：',
  channelKey: (c) => `通道 ${c}`,
  legend: '——实线：滑动平均估计；圆点：每个批量自己的值；虚线：总体的值。',
  meanChart: '图表：每个通道的滑动均值随训练步数的变化，逐渐接近总体均值。下表给出具体数字。',
  stdChart: '图表：每个通道的滑动标准差随训练步数的变化，以及总体的标准差。下表给出具体数字。',
  tableCaption: '最后一步之后：滑动平均估计与它们的目标',
  tableHead: ['通道', '全部数据的 μ', '滑动 μ', '全部数据的 σ', '滑动 σ', '最后一个批量的 μ、σ'],
  imageCaption: '一张图像通过该层',
  imageHead: ['通道', '所用的 μ', '所用的 σ', '图像自己的 μ', '输出均值'],
  trainingNow: '正在训练…',
  trainingStep: '训练步',
  imageInTraining: (image, batchSize) =>
    `图像 ${image} 处于训练模式，所在批量大小为 ${batchSize}：它用该批量的 μ 和 σ 归一化${batchSize === 1 ? '，也就是它自己的，所以输出均值总是 0' : ''}`,
  imageInInference: (image) => `图像 ${image} 处于推理模式：它用滑动平均估计归一化，与批量里的其他图像无关`,
};

export const bnRunningStatsStrings: Localized<typeof en> = { en, 'zh-cn': zhCn };
