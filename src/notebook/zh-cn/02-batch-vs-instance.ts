import english from '../en/02-batch-vs-instance';
import { translateNotebook } from '../translate';

/** 第 2 课的笔记本：代码与英文版相同，只翻译文字。 */
export default translateNotebook(english, {
  cells: {
    running: '训练模式与推理模式（training mode / inference mode）',
    'batch-neighbours': '在批量归一化中，其他图像也有影响',
    axes: '四种方法，四组轴',
  },
  exercises: {
    'group-norm': {
      title: '写出组归一化',
      task: '写出 `groupNorm(x, groups, epsilon)`，x 的形状为 [N, H, W, C]。把 C 个通道分成若干组，每组 C / `groups` 个相邻通道：第 0 组包含通道 0 … C/G − 1。对每张图像的每一组，在 H、W 和该组的通道上归一化，然后返回原来形状的张量。检查使用 3、2 和 1 个组。',
    },
    'batch-norm-step': {
      title: '批量归一化的一个训练步',
      task: '写出 `batchNormStep(x, running, momentum)`，x 的形状为 [N, H, W, C]。`running` 是 `{ mean, variance }`，形状都是 [C]。返回 `{ y, running: { mean, variance } }`。y 用这个批量自己在 N、H、W 上的均值和总体方差归一化 x（ε = 1e-5）。新的滑动平均值（running statistics）为 (1 − `momentum`) · 旧值 + `momentum` · 批量值。与 PyTorch 一样，滑动方差使用批量的无偏方差（unbiased variance）：乘以 n / (n − 1)，其中 n = N · H · W。',
    },
  },
  questions: {
    'outlier-batch': {
      prompt: '图像 0 中的一个值变得非常大。使用批量归一化（batch normalisation）时，谁的输出会改变？',
      choices: ['两张图像在该通道的输出', '只有图像 0', '只有那个很大的值', '每张图像的每个通道'],
      explanation:
        '批量归一化在整个批量上为每个通道取一个 μ 和 σ。离群值移动了该通道的 μ 和 σ，因此也改变了每张图像在该通道的输出。把实验室切换到实例归一化：这时只有图像 0 改变。',
      lab: '打开实验室，带离群值并使用批量归一化',
    },
    'group-equals-instance': {
      prompt: '对 3 个通道做组归一化（group normalisation），G = 3 组。哪种方法给出相同的输出？',
      choices: ['实例归一化', '层归一化', '批量归一化', '都不是'],
      explanation: 'G = C 时，每组只有一个通道，所以每张图像的每个通道有自己的 μ 和 σ：这就是实例归一化。G = 1 时，一个组包含所有通道：这就是层归一化。',
      lab: '打开实验室，使用组归一化，G = 3',
    },
    'batch-of-one': {
      prompt: '批量归一化处于训练模式，批量只有一张图像。哪种方法给出相同的输出？',
      choices: ['实例归一化', '层归一化', '都不是：批量归一化需要两张图像', 'G = 1 的组归一化'],
      explanation: 'N = 1 时，一个通道在 N、H、W 上的值，就是唯一那张图像在 H、W 上的值。所以统计量的分组与实例归一化相同。',
      lab: '打开实验室，对一张图像使用批量归一化',
    },
  },
});
