import type { Localized } from '../../lib/i18n';

/** StyleganDiagram.astro: a traditional generator beside the style-based one, and the paper's 18 layers. */
const en = {
  traditionalTitle: '(a) A traditional generator',
  traditionalDescription: 'The latent z is normalised and enters the first layer only. Fully connected, then convolutions and upsampling, then toRGB.',
  traditionalHeading: '(a) traditional',
  latent: 'latent z',
  normalise: 'normalise',
  fullyConnected: 'fully connected',
  conv: 'conv 3×3',
  upsample: 'upsample 2×',
  styleTitle: '(b) The style-based generator, as in this notebook',
  styleDescription:
    "The latent z goes through the mapping network, 8 fully connected layers, to w. The synthesis network starts from a learned 4 by 4 constant. Each of our 8 AdaIN layers has a 3 by 3 convolution, noise added with a learned per-channel scale B, and AdaIN whose scale y_s and bias y_b come from w through the layer's own learned affine transform A. Two layers per resolution: 4, 8, 16 and 32 pixels. A 1 by 1 toRGB convolution draws the 32 by 32 face. Below: the StyleGAN paper's generator has 18 AdaIN layers, two per resolution from 4 to 1024 pixels; ours are its first 8.",
  styleHeading: '(b) style-based (ours)',
  mapping: 'mapping network f',
  mappingLayers: 'normalise, then 8 fully connected layers',
  constant: 'const 4×4×128',
  noise: '+ B·noise',
  toRgb: 'toRGB 1×1 → 32² face',
  footnote: ['* our choice: the paper adds noise and AdaIN to the', 'constant with no conv first.'] as [string, string],
  stripHeading: 'AdaIN layers: the paper’s 18 (to 1024²) and our 8',
  stripNote: 'filled: layers our generator has (4² to 32²); outlined: only in the paper',
  caption:
    'Left: a traditional generator feeds the latent z into its first layer only. Right: the style-based generator maps z to w, starts from a learned constant, and gives every AdaIN layer its own style (y_s, y_b) = A(w) and its own noise, scaled per channel by B. Our generator has 8 AdaIN layers (4² to 32²); the paper’s has 18 (4² to 1024²). The highlighted layer is the one the block lab below shows.',
};

const zhCn: typeof en = {
  traditionalTitle: '(a) 传统的生成器',
  traditionalDescription: '潜在向量 z 经过归一化，只进入第一层。先是全连接层，然后是卷积和上采样，最后是 toRGB。',
  traditionalHeading: '(a) 传统',
  latent: '潜在向量 z',
  normalise: '归一化',
  fullyConnected: '全连接',
  conv: '3×3 卷积',
  upsample: '2× 上采样',
  styleTitle: '(b) 基于风格的生成器，与本笔记中的一致',
  styleDescription:
    '潜在向量 z 经过映射网络（8 个全连接层）得到 w。合成网络从一个学习到的 4×4 常量开始。我们的 8 个 AdaIN 层，每层都有一个 3×3 卷积、按每通道可学习缩放因子 B 加上的噪声，以及一个 AdaIN，它的缩放 y_s 和偏置 y_b 由 w 经过该层自己学习到的仿射变换 A 得到。每个分辨率两层：4、8、16 和 32 像素。一个 1×1 的 toRGB 卷积画出 32×32 的脸。下方：StyleGAN 论文的生成器有 18 个 AdaIN 层，从 4 到 1024 像素每个分辨率两层；我们的是其中的前 8 层。',
  styleHeading: '(b) 基于风格（本笔记）',
  mapping: '映射网络 f',
  mappingLayers: '先归一化，再经过 8 个全连接层',
  constant: '常量 4×4×128',
  noise: '+ B·噪声',
  toRgb: 'toRGB 1×1 → 32² 的脸',
  footnote: ['* 我们的选择：论文在常量上直接加噪声和', 'AdaIN，前面没有卷积。'],
  stripHeading: 'AdaIN 层：论文的 18 层（到 1024²）与我们的 8 层',
  stripNote: '实心：我们的生成器具有的层（4² 到 32²）；空心：只在论文中',
  caption:
    '左：传统的生成器只把潜在向量 z 送进第一层。右：基于风格的生成器把 z 映射为 w，从一个学习到的常量开始，并给每个 AdaIN 层各自的风格 (y_s, y_b) = A(w) 和各自的噪声（每个通道按 B 缩放）。我们的生成器有 8 个 AdaIN 层（4² 到 32²）；论文的有 18 层（4² 到 1024²）。高亮的那一层就是下面的块实验所显示的层。',
};

export const styleganDiagramStrings: Localized<typeof en> = { en, 'zh-cn': zhCn };
