import type { Localized } from '../../lib/i18n';

/** BatchVsInstance.astro and batch-vs-instance.ts. */
const en = {
  title: 'BN vs IN on two photos',
  photo: (n: number) => `Photo ${n}`,
  photoColumn: (n: number) => `photo ${n}`,
  gridLabel: 'The two photos, after batch norm, and after instance norm',
  rows: { input: 'as they are', batch: 'batch norm: one μ, σ per channel for both', instance: 'instance norm: each photo its own μ, σ' },
  /** A canvas's name: "photo 1, as they are". */
  imageLabel: (n: number, row: string) => `photo ${n}, ${row}`,
  drawnAs: 'Standardised values are drawn as 0.2·x̂ + 0.5, so mid-grey is the mean.',
  chartLabel: "Chart of each photo's channel means and the batch's shared means",
  chartNote: "Dots: each photo's own channel mean, which instance norm subtracts. Bars: the batch's mean, which batch norm subtracts from both.",
  tableCaption: 'μ and σ per colour channel (values 0–1)',
  channel: 'channel',
  photoUses: (n: number) => `photo ${n} (IN uses)`,
  batchUses: 'batch (BN uses for both)',
  colourChannel: 'colour channel',
  channelMean: 'channel mean μ',
  batchMeanTip: (mean: string) => `batch μ (BN, both photos): ${mean}`,
  photoMeanTip: (photo: string, mean: string) => `${photo} μ (IN): ${mean}`,
};

const zhCn: typeof en = {
  title: '两张照片上的 BN 与 IN',
  photo: (n) => `照片 ${n}`,
  photoColumn: (n) => `照片 ${n}`,
  gridLabel: '两张照片：原图、批量归一化之后、实例归一化之后',
  rows: { input: '原图', batch: '批量归一化：两张照片共用每个通道的一组 μ、σ', instance: '实例归一化：每张照片用自己的 μ、σ' },
  imageLabel: (n, row) => `照片 ${n}，${row}`,
  drawnAs: '标准化后的值按 0.2·x̂ + 0.5 绘制，所以中灰色就是均值。',
  chartLabel: '每张照片的通道均值与整个批量共用的均值',
  chartNote: '圆点：每张照片自己的通道均值，实例归一化减去的就是它。横条：整个批量的均值，批量归一化从两张照片中都减去它。',
  tableCaption: '每个颜色通道的 μ 和 σ（取值 0–1）',
  channel: '通道',
  photoUses: (n) => `照片 ${n}（IN 使用）`,
  batchUses: '批量（BN 对两张都使用）',
  colourChannel: '颜色通道',
  channelMean: '通道均值 μ',
  batchMeanTip: (mean) => `批量 μ（BN，两张照片）：${mean}`,
  photoMeanTip: (photo, mean) => `${photo} μ（IN）：${mean}`,
};

export const batchVsInstanceStrings: Localized<typeof en> = { en, 'zh-cn': zhCn };
