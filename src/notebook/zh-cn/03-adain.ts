import english from '../en/03-adain';
import { translateNotebook } from '../translate';

/** 第 3 课的笔记本：代码与英文版相同，只翻译文字。 */
export default translateNotebook(english, {
  cells: {
    'defining-property': '检验 AdaIN 的定义性质',
    colours: '对两张照片的颜色做 AdaIN',
    'swap-sigma': '只移动 σ，或只移动 μ',
    'which-variance': '非官方移植代码中的 calc_mean_std',
  },
  exercises: {
    adain: {
      title: '写出 AdaIN',
      task: '写出 `adainByHand(content, style)`，输入是形状为 [N, H, W, C] 的张量（风格的 H 和 W 可以不同）。对内容的每个通道，用它自己在 H 和 W 上的均值和 σ 归一化，再乘以风格的 σ，加上风格的均值。使用总体方差。与作者的代码一样，把 ε = 1e-5 只放在内容一侧的平方根里。函数用自己的名字，这样后面的单元格仍然使用库里的 `adain()`。检查会与 `adain()` 比较，因此也检查了每个输出通道都得到风格的均值和 σ。',
    },
    'swap-std': {
      title: '只取风格的 σ',
      task: '写出 `swapStd(content, style)`，输入是形状为 [N, H, W, C] 的张量。与 AdaIN 一样，对内容的每个通道归一化（总体方差，ε = 1e-5 放在平方根里），再乘以风格的 σ。但加回的是内容自己的均值，不是风格的均值。检查会与 `adainFromStatistics(content, { mean: μ(content), std: σ(style) })` 比较。',
    },
  },
  questions: {
    'output-mean': {
      prompt: '经过自适应实例归一化（AdaIN）之后，输出通道 c 的均值是多少？',
      choices: ['风格在通道 c 的均值', '内容在通道 c 的均值', '0', '两个均值的平均'],
      explanation: 'AdaIN 先去掉内容的均值（变成 0），再加上 μ(y)。所以每个输出通道都有风格的均值。它的 σ 也是风格的（不计 ε）。',
      lab: '打开实验室，使用 AdaIN',
    },
    'constant-content': {
      prompt: '内容的通道 0 是常数。AdaIN 在这个通道输出什么？',
      choices: ['在每个位置都是风格的均值', '风格该通道的副本', '这个常数本身', '不是数（NaN）'],
      explanation: 'x − μ(x) 处处为 0，ε 让除法保持有限，所以 σ(y)·0 + μ(y) = μ(y)。输出有风格的均值，但没有它的 σ：AdaIN 只能缩放内容本来就有的变化。',
      lab: '打开实验室，内容通道 0 为常数',
    },
    'whose-layout': {
      prompt: '内容和风格是两张不同照片的小块。输出显示的是谁的空间图案？',
      choices: ['内容的', '风格的', '两者的混合', '都不是：AdaIN 会打乱像素'],
      explanation: 'AdaIN 只对内容的每个通道做平移和缩放。数值的顺序，也就是图案，仍然是内容的。它从风格那里每个通道只取两个数。',
      lab: '打开实验室，使用照片小块',
    },
  },
});
