import type { Localized } from '../../lib/i18n';

/** AdainDemo.astro and adain-demo.ts. */
const en = {
  title: 'AdaIN on colour channels',
  content: 'Content',
  style: 'Style',
  /** The three images, in the chart's legend and the table's head: content x, style y, AdaIN(x, y). */
  tensors: ['content x', 'style y', 'AdaIN(x, y)'] as [string, string, string],
  tableCaption: "μ and σ per colour channel (values 0–1): the output's match the style's",
  channel: 'channel',
  colourChannel: 'colour channel',
  chartLabel: 'Per colour channel, μ ± σ of the content, the style and the AdaIN output',
};

const zhCn: typeof en = {
  title: '颜色通道上的 AdaIN',
  content: '内容',
  style: '风格',
  tensors: ['内容 x', '风格 y', 'AdaIN(x, y)'],
  tableCaption: '每个颜色通道的 μ 和 σ（取值 0–1）：输出的 μ、σ 与风格图像的一致',
  channel: '通道',
  colourChannel: '颜色通道',
  chartLabel: '每个颜色通道上内容、风格和 AdaIN 输出的 μ ± σ',
};

export const adainDemoStrings: Localized<typeof en> = { en, 'zh-cn': zhCn };
