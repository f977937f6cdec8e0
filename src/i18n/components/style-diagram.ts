import type { Localized } from '../../lib/i18n';

/** StyleDiagram.astro: the AdaIN network's diagram, its live values and the symbols' titles. */
const en = {
  title: 'The AdaIN style transfer network',
  description:
    'The content image c and the style image s each pass through the same fixed VGG-19 encoder f up to relu4_1. AdaIN gives the content features f(c) the channel means and standard deviations of the style features f(s), producing t. The trained decoder g turns t into the image g(t). During training, g(t) is encoded again: the content loss compares its relu4_1 with t, the style loss compares its channel statistics at relu1_1 to relu4_1 with those of s.',
  content: 'content c',
  style: 'style s',
  toRelu: 'to relu4_1, fixed',
  sameWeights: 'same weights',
  alphaMix: '+ α mix',
  decoder: 'decoder g',
  trained: 'trained',
  result: 'result g(t)',
  trainingOnly: 'training only: the loss network (the same fixed VGG-19)',
  contentLoss: '𝓛c vs t',
  styleLoss: '𝓛s vs s',
  styleLossLayers: 'μ, σ at relu1_1…4_1',
  caption: 'Only the decoder g learns. The encoder is a fixed, pretrained VGG-19; AdaIN has no parameters at all.',
  /** "Live, for channel k of the lab’s last run:", split around the channel number. */
  live: ['Live, for channel ', ' of the lab’s last run:'] as [string, string],
  alphaRow: 'α (content ↔ style)',
  contentLossRow: 'content loss 𝓛_c',
  styleLossRow: 'style loss 𝓛_s',
  /** A formula symbol's title: "= 0.123 (channel 7)". */
  valueTitle: (value: string) => `= ${value}`,
  channelValueTitle: (value: string, channel: number) => `= ${value} (channel ${channel})`,
};

const zhCn: typeof en = {
  title: 'AdaIN 风格迁移网络',
  description:
    '内容图像 c 和风格图像 s 分别通过同一个固定的 VGG-19 编码器 f，直到 relu4_1。AdaIN 让内容特征 f(c) 具有风格特征 f(s) 的通道均值和标准差，得到 t。训练好的解码器 g 把 t 变成图像 g(t)。训练时，g(t) 会再次被编码：内容损失把它的 relu4_1 与 t 比较，风格损失把它在 relu1_1 到 relu4_1 上的通道统计量与 s 的比较。',
  content: '内容 c',
  style: '风格 s',
  toRelu: '到 relu4_1，固定',
  sameWeights: '相同权重',
  alphaMix: '+ α 混合',
  decoder: '解码器 g',
  trained: '训练得到',
  result: '结果 g(t)',
  trainingOnly: '仅在训练时：损失网络（同一个固定的 VGG-19）',
  contentLoss: '𝓛c 对比 t',
  styleLoss: '𝓛s 对比 s',
  styleLossLayers: 'relu1_1…4_1 上的 μ、σ',
  caption: '只有解码器 g 需要学习。编码器是固定的预训练 VGG-19；AdaIN 根本没有参数。',
  live: ['实时数值，取自实验上一次运行的通道 ', '：'],
  alphaRow: 'α（内容 ↔ 风格）',
  contentLossRow: '内容损失 𝓛_c',
  styleLossRow: '风格损失 𝓛_s',
  valueTitle: (value) => `= ${value}`,
  channelValueTitle: (value, channel) => `= ${value}（通道 ${channel}）`,
};

export const styleDiagramStrings: Localized<typeof en> = { en, 'zh-cn': zhCn };
