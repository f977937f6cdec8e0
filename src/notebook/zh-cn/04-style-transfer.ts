import english from '../en/04-style-transfer';
import { translateNotebook } from '../translate';

/** 第 4 课的笔记本：代码与英文版相同，只翻译文字。 */
export default translateNotebook(english, {
  cells: {
    encode: '运行真实的 VGG 编码器（encoder），画出 relu4_1 的统计量',
    'move-statistics': '只移动 μ，或只移动 σ，然后解码',
    alpha: '内容—风格权衡 α（content–style trade-off）',
  },
  exercises: {
    'style-target': {
      title: '带 α 的解码器目标',
      task: '写出 `styleTarget(contentFeatures, styleFeatures, alpha)`。对形状为 [N, H, W, C] 的特征，它返回 α · AdaIN(f(c), f(s)) + (1 − α) · f(c)。你可以调用库里的 `adain(content, style)`。检查会在 α = 0.3、0.75 和 0 时与 adainTarget 比较。',
    },
    'style-loss': {
      title: '由通道统计量得到的风格损失',
      task: '写出 `styleLoss(a, b)`。a 和 b 是对象，包含特征 relu1_1、relu2_1、relu3_1 和 relu4_1，形状都是 [1, H, W, C]。对每一层，在 H 和 W 上取通道均值 μ 和 σ = √(总体方差 + 1e-5)。把四层的 ‖μ(a) − μ(b)‖₂ + ‖σ(a) − σ(b)‖₂ 加起来（论文的公式 13；tf.norm 给出 ‖·‖₂）。返回一个标量张量。',
    },
  },
  questions: {
    'alpha-zero': {
      prompt: '设 α = 0。结果显示什么？',
      choices: ['照片，由解码器重建', '风格图像', '一张灰色图像', '噪声'],
      explanation:
        'α = 0 时，目标 t 就是 f(c) 本身。解码器（decoder）的训练目标是：在它的输出上运行编码器，能得回 t（内容损失）。所以它返回一张接近照片的图像，只损失一些细节。',
      lab: '打开实验室，α = 0',
    },
    'two-styles': {
      prompt: '两种风格，权重各为 0.5。目标 t 等于用哪种统计量做的一次 AdaIN？',
      choices: ['两种风格的 μ 和 σ 的平均', '一种风格的 μ 和另一种风格的 σ', '两者中较大的 σ', '没有哪一次 AdaIN 能给出同样的 t'],
      explanation: 't = 0.5 · (σ₁·x̂ + μ₁) + 0.5 · (σ₂·x̂ + μ₂) = (0.5σ₁ + 0.5σ₂)·x̂ + (0.5μ₁ + 0.5μ₂)。混合风格就是混合它们的统计量。',
      lab: '打开实验室，使用两种风格',
    },
    'colour-preservation': {
      prompt: '保留颜色（colour preservation）会在迁移之前给风格图像重新上色。结果的颜色主要是谁的？',
      choices: ['主要是照片的', '风格图像的', '只有灰色', '随机的调色板'],
      explanation: '风格图像先被赋予照片的颜色均值和协方差。迁移随后从它那里取笔触，而它的颜色统计量已经与照片一致。',
      lab: '打开实验室，保留颜色',
    },
  },
});
