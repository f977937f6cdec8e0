import type { Localized } from '../../lib/i18n';

/** CinVsAdain.astro and cin-vs-adain.ts. */
const en = {
  title: 'Conditional IN: a table of styles; AdaIN: a style from any image',
  intro: 'Content: Chelsea the cat. Both sides use the same VGG-19 encoder (to relu4_1, 512 channels) and the same decoder.',
  start: 'Load the model and build the table (7 MB)',
  tableTitle: "CIN's view: look up a row, or mix two",
  tableCaption: '(γ, β) per style: channels 0 and 1 of 512',
  style: 'style',
  rowsLabel: 'Which rows to use',
  rowA: 'Row A',
  rowB: 'Row B',
  mix: 'Mix t',
  mixFormula: '(γ, β) = (1 − t)·row A + t·row B',
  tableOutput: 'The cat decoded with the chosen table row',
  adainTitle: "AdaIN's view: compute the row from an image",
  /** The drop zone's purpose ("your own style image"). */
  styleImage: 'style image',
  coffeeNow: 'Now: Coffee, a photo that is not in the table.',
  ownCaption: 'Its row, from the encoder',
  yourImage: 'your image',
  ownOutput: 'The cat decoded with the row computed from your image',
  loading: 'Loading the VGG encoder and decoder…',
  loadingPercent: (percent: number) => `Loading the VGG encoder and decoder… ${percent}%`,
  encoding: (k: number, count: number, name: string) => `Encoding style ${k} of ${count}: ${name}`,
  /** "Now: photo.png (notices)." */
  now: (name: string, notices: string) => `Now: ${name}${notices ? ` (${notices})` : ''}.`,
};

const zhCn: typeof en = {
  title: '条件实例归一化：一张风格表；AdaIN：从任意图像得到风格',
  intro: '内容图像：猫咪 Chelsea。两边使用同一个 VGG-19 编码器（到 relu4_1，512 个通道）和同一个解码器。',
  start: '加载模型并建立风格表（7 MB）',
  tableTitle: '条件实例归一化的做法：查一行，或把两行混合',
  tableCaption: '每种风格的 (γ, β)：512 个通道中的通道 0 和 1',
  style: '风格',
  rowsLabel: '使用哪几行',
  rowA: '行 A',
  rowB: '行 B',
  mix: '混合 t',
  mixFormula: '(γ, β) = (1 − t)·行 A + t·行 B',
  tableOutput: '用所选表格行解码出的猫',
  adainTitle: 'AdaIN 的做法：从一张图像算出这一行',
  styleImage: '风格图像',
  coffeeNow: '当前：咖啡，一张不在表中的照片。',
  ownCaption: '它的一行，由编码器算出',
  yourImage: '你的图像',
  ownOutput: '用从你的图像算出的一行解码出的猫',
  loading: '正在加载 VGG 编码器和解码器…',
  loadingPercent: (percent) => `正在加载 VGG 编码器和解码器… ${percent}%`,
  encoding: (k, count, name) => `正在编码第 ${k} 种风格（共 ${count} 种）：${name}`,
  now: (name, notices) => `当前：${name}${notices ? `（${notices}）` : ''}。`,
};

export const cinVsAdainStrings: Localized<typeof en> = { en, 'zh-cn': zhCn };
