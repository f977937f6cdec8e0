import english from '../en/05-stylegan';
import { translateNotebook } from '../translate';

/** 第 5 课的笔记本：代码与英文版相同，只翻译文字。 */
export default translateNotebook(english, {
  cells: {
    'z-to-w': '从种子到 z、w 和一张人脸',
    'one-block': '手写一个 AdaIN 层',
    'truncation-faces': '截断（truncation）：把 w 拉向平均值',
  },
  exercises: {
    truncation: {
      title: '写出截断',
      task: '写出 `truncateByHand(w, wAvg, psi)`。w 的形状为 [N, wDim]，wAvg（平均中间潜在向量 w̄）的形状为 [wDim]。对 w 的每一行返回 w̄ + ψ · (w − w̄)。检查会在 ψ = 0.7、0.5 和 1.3 时与库比较。',
    },
    'style-adain': {
      title: 'StyleGAN 的 AdaIN',
      task: '写出 `styleAdain(x, ys, yb, epsilon)`。x 的形状为 [N, H, W, C]；ys 和 yb 的形状为 [N, C]。对 x 的每个通道在 H 和 W 上归一化（总体方差，`epsilon` 放在平方根里），乘以 ys，再加上 yb。ys 和 yb 需要变成形状 [N, 1, 1, C]，才能与 x 对齐。',
    },
  },
  questions: {
    'psi-zero': {
      prompt: '设 ψ = 0，然后换一个种子。人脸会怎样？',
      choices: ['不变：每个种子都给出同一张平均脸', '完全改变', '只有颜色改变', '图像变成灰色'],
      explanation: 'ψ = 0 时，对每个种子都有 w′ = w̄。所有层得到相同的风格，所以人脸相同。只有来自种子的噪声还能改变细小的细节。',
      lab: '打开模块实验室，ψ = 0',
    },
    'after-adain-statistics': {
      prompt: '一层的 AdaIN 之后，通道 c 的均值和 σ 是多少？',
      choices: ['通道 c 的 y_b 和 |y_s|', '0 和 1', 'AdaIN 之前的均值和 σ', '学习到的常数的均值和 σ'],
      explanation:
        'AdaIN 把每个通道归一化到均值 0、σ ≈ 1，然后乘以 y_s，再加上 y_b。所以统计量来自 w，经过该层学习到的仿射变换（affine transform）。负的 y_s 会翻转通道，所以它的 σ 是 |y_s|。',
      lab: '打开模块实验室，选第 2 层',
    },
    'noise-off': {
      prompt: '关掉噪声。一层的输出在像素之间仍然有变化吗？',
      choices: ['有：常数和上采样特征经过卷积，会产生结构', '没有：每个通道都变成常数', '只在第一层有', '只在 toRGB 之后有'],
      explanation: '噪声只增加细小的随机细节。人脸的结构来自学习到的常数和卷积，AdaIN 对它们逐通道缩放。',
      lab: '打开模块实验室，关掉噪声',
    },
  },
});
