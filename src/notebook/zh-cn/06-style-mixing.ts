import english from '../en/06-style-mixing';
import { translateNotebook } from '../translate';

/** 第 6 课的笔记本：代码与英文版相同，只翻译文字。 */
export default translateNotebook(english, {
  cells: {
    crossover: '两张人脸，每一个交叉点（crossover point）',
    'own-rule': '你自己的逐层混合规则',
    noise: '同样的 w，新的噪声',
  },
  exercises: {
    'layer-latents': {
      title: '每一层一个 w',
      task: '写出 `mixLatents(w1, w2, crossover, numWs)`。w1 和 w2 的形状为 [N, wDim]。返回形状为 [N, numWs, wDim] 的张量：当 i < `crossover` 时第 i 层是 w1，否则是 w2。`tf.stack(listOfLayers, 1)` 沿层的轴堆叠。检查会在交叉点为 3、0、8 和 5 时与 layerLatents 比较。',
    },
    'mixing-grid': {
      title: '混合网格',
      task: '写出 `gridLatents(rowWs, columnWs, crossover, numWs)`。rowWs 的形状为 [R, wDim]，columnWs 为 [C, wDim]。网格的第 r · C + c 张图像（逐行排列）在交叉点之前的层取第 r 行的 w，其余的层取第 c 列的 w。返回 [R · C, numWs, wDim]。你可以调用库里的 `layerLatents(w1, w2, crossover, numWs)`。',
    },
  },
  questions: {
    'crossover-zero': {
      prompt: '让每一层都取列的人脸（交叉点为 0）。网格的每一行显示什么？',
      choices: ['列的人脸，每一行都一样', '每个格子都是该行的人脸', '行与列人脸的混合', '随机的人脸'],
      explanation: '交叉点为 0 时，没有哪一层取行的 w，所以格子 (r, c) 就是第 c 列的人脸。每一行都重复列的人脸。',
      lab: '打开混合实验室，交叉点为 0',
    },
    'fine-from-row': {
      prompt: '只有细粒度的层（32²）取行的人脸。沿着一行，什么在变化？',
      choices: ['主要是颜色', '轮廓和姿态', '整张脸', '什么都不变'],
      explanation: '细粒度的层在最高分辨率上工作，在我们的生成器里决定颜色和细小的细节。轮廓和姿态来自粗粒度的层，它们仍然取列的人脸。',
      lab: '打开混合实验室，使用“细粒度”预设',
    },
    'psi-zero-grid': {
      prompt: '设 ψ = 0。网格显示多少张不同的人脸？',
      choices: ['一张', '与行数一样多', '与列数一样多', '行数 × 列数'],
      explanation: 'ψ = 0 把每个 w 都映射到平均值 w̄，所以行和列的人脸在每一层得到相同的风格。网格共用同一次噪声采样，所以所有格子都是同一张脸。',
      lab: '打开混合实验室，ψ = 0',
    },
    'noise-off-resample': {
      prompt: '关掉所有层的噪声，然后重新采样噪声。什么会改变？',
      choices: ['什么都不变', '头发之类的细小细节', '颜色', '脸形'],
      explanation: '关掉噪声后，图像只取决于风格。新采样的噪声不会被使用，所以噪声面板里的六张脸完全相同。',
      lab: '打开混合实验室，关掉噪声',
    },
  },
});
