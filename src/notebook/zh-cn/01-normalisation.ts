import english from '../en/01-normalisation';
import { translateNotebook } from '../translate';

/** 第 1 课的笔记本：代码与英文版相同，只翻译文字。 */
export default translateNotebook(english, {
  cells: {
    layout: '一批特征图（feature map）',
    'by-hand': '手写实例归一化，与 normalise() 对比',
    epsilon: 'ε 对几乎恒定的通道有什么作用',
    'gamma-beta': 'γ 和 β 决定输出的统计量',
  },
  exercises: {
    'instance-norm': {
      title: '用 tf 运算写出实例归一化',
      task: "写出 `instanceNorm(x, epsilon)`，x 是形状为 [N, H, W, C] 的张量。对每张图像的每个通道，用它自己在 H 和 W 上的均值（mean）和方差（variance）归一化。使用总体方差（population variance，除以 n），并把 `epsilon` 放在平方根里面。返回同样形状的张量。检查会在三种形状的随机张量上，把你的输出与 `normalise(x, { method: 'instance' })` 比较。",
    },
    'normalise-affine': {
      title: '一个公式，适用于所有方法',
      task: '写出 `normaliseOver(x, axes, gamma, beta, epsilon)`。它在给定的轴上计算 x 的 μ 和 σ²，归一化，然后返回 `gamma` · x̂ + `beta`。`gamma` 和 `beta` 每个通道一个值（形状 [C]）。检查会用实例归一化的轴 [1, 2]、批量归一化的轴 [0, 1, 2] 和层归一化的轴 [1, 2, 3] 调用它，并与 `normalise()` 比较。',
    },
  },
  questions: {
    'mean-after-in': {
      prompt: '实例归一化（instance normalisation），γ = 1，β = 0。归一化之后，一张图像的一个通道的均值是多少？',
      choices: ['0（不计舍入误差）', '1', '该通道在整个批量上的均值', '取决于具体数值'],
      explanation:
        '实例归一化减去的正是这张图像这个通道的均值，所以剩下的部分均值为 0。除以 √(σ² + ε) 不会移动均值。在实验室里选中任意一个格子：归一化之后，它所在的组显示 μ = 0。',
      lab: '打开实验室，使用实例归一化',
    },
    'constant-channel': {
      prompt: '通道 0 是常数（每个值都是 2）。实例归一化对这个通道输出什么？',
      choices: ['处处为 0', '处处为 1', '处处为 2', '不是数（NaN）：它除以了零'],
      explanation: '每个值的 x − μ 都是 0，而 ε 让除数 √(0 + ε) 保持大于零，所以结果是 0，不是 NaN。这就是 ε 存在的原因。',
      lab: '打开实验室，通道 0 为常数',
    },
    'layer-norm-count': {
      prompt: '对形状为 [N, C, H, W] = [2, 3, 3, 3] 的张量做层归一化（layer normalisation）。它计算多少对 (μ, σ)？',
      choices: ['2：每张图像一对', '3：每个通道一对', '6：每张图像的每个通道一对', '整个批量 1 对'],
      explanation: '层归一化在一张图像的 C、H、W 上取统计量，所以每张图像一对。批量归一化会得到 3 对（每个通道一对），实例归一化得到 6 对。',
      lab: '打开实验室，使用层归一化',
    },
    'gamma-beta-statistics': {
      prompt: '实例归一化，通道 0 的 γ = 2，β = 1。经过这一层之后，通道 0 的均值和 σ 是多少？',
      choices: ['均值 1，σ 约为 2', '均值 2，σ 约为 1', '均值 0，σ 约为 1', '均值 1，σ 约为 4'],
      explanation: 'x̂ 的均值为 0，σ 接近 1。y = γ·x̂ + β 把离散程度乘以 γ = 2，并把均值移到 β = 1。',
      lab: '打开实验室，γ = 2，β = 1',
    },
  },
});
