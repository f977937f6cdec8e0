import type { Localized } from '../../lib/i18n';
import type { NormMethod } from '../../lib/norm-groups';

/** NormCubes.astro. */
const en = {
  names: { batch: 'Batch norm', layer: 'Layer norm', instance: 'Instance norm', group: 'Group norm' } satisfies Record<NormMethod, string>,
  sets: {
    batch: 'one μ, σ per channel, over N, H, W',
    layer: 'one μ, σ per sample, over C, H, W',
    instance: 'one μ, σ per sample and channel, over H, W',
    group: 'one μ, σ per sample and group of channels, over H, W',
  } satisfies Record<NormMethod, string>,
  caption:
    'A feature tensor drawn as a cube: N (the samples of a batch) runs into the page, C (channels) across, and H·W (all pixels of a feature map) down. The shaded cells share one μ and one σ. Batch norm shades one channel in every sample; layer norm one whole sample; instance norm one channel of one sample; group norm a group of channels (here 3 of 6) of one sample. Choose a cube to set the tensor lab to that method.',
};

const zhCn: typeof en = {
  names: { batch: '批量归一化', layer: '层归一化', instance: '实例归一化', group: '组归一化' },
  sets: {
    batch: '每个通道一组 μ、σ，在 N、H、W 上计算',
    layer: '每个样本一组 μ、σ，在 C、H、W 上计算',
    instance: '每个样本的每个通道一组 μ、σ，在 H、W 上计算',
    group: '每个样本的每组通道一组 μ、σ，在 H、W 上计算',
  },
  caption:
    '把一个特征张量画成立方体：N（一个批量中的样本）向纸面里延伸，C（通道）横向排列，H·W（一张特征图的全部像素）纵向排列。涂色的单元格共用一个 μ 和一个 σ。批量归一化涂的是每个样本中的同一个通道；层归一化涂一个完整的样本；实例归一化涂一个样本的一个通道；组归一化涂一个样本的一组通道（这里是 6 个中的 3 个）。点击一个立方体，即可把张量实验设为该方法。',
};

export const normCubesStrings: Localized<typeof en> = { en, 'zh-cn': zhCn };
