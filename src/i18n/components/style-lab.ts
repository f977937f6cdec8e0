import type { Localized } from '../../lib/i18n';
import type { ColorPreservation } from '../../lib/transfer';
import type { ModelKind } from '../../lib/models';
import type { LocalOnlyPart, MaskPreset, OutputSize } from '../../lib/style-lab-state';

/**
 * StyleLab.astro and its island: style-lab.ts, style-lab-slots.ts, style-lab-masks.ts, style-lab-results.ts,
 * style-lab-charts.ts and style-lab-sources.ts. (Picture names: pictures.ts; file messages: image-input.ts.)
 */
const en = {
  title: 'Style lab',
  content: 'Content',
  contentImage: 'Content image',
  maskOverlay: 'Mask: which style paints which region',
  maskKeys:
    'To paint with the keyboard: the arrow keys move the brush (with Shift, in bigger steps), Space puts it down or lifts it, 1, 2 or 3 chooses a style and E the eraser.',
  contentGallery: 'Built-in content images',
  contentPurpose: 'content image',
  styles: 'Styles',
  slotsLabel: 'Styles and their weights',
  addStyle: (max: number) => `+ Add a style (up to ${max})`,
  pickHint: 'Pick an image for the highlighted style:',
  styleGallery: 'Built-in style images',
  stylePurpose: 'style image',
  paintSummary: 'Paint your own style',
  usePainting: 'Use my painting as the highlighted style',
  result: 'Result',
  output: 'Stylised image',
  timingIdle: 'Press “Stylise” to run the network in your browser.',
  run: 'Stylise',
  cancel: 'Cancel',
  download: 'Download PNG',
  alpha: 'Content ↔ style',
  colour: 'Colour',
  colourOptions: {
    none: 'style’s colours',
    colorStatistics: 'keep content colours (match histogram)',
    luminance: 'keep content colours (luminance only)',
  } satisfies Record<ColorPreservation, string>,
  regions: 'Regions',
  maskOptions: { none: 'whole image', halves: 'left | right', circle: 'centre circle', painted: 'paint' } satisfies Record<MaskPreset, string>,
  model: 'Model',
  modelOptions: { vgg: 'VGG-19 (7 MB, best)', mobile: 'mobile (4 MB, faster)' } satisfies Record<ModelKind, string>,
  size: 'Size',
  sizeOptions: { 128: '128 px (quick)', 256: '256 px', 512: '512 px', max: 'largest this device handles' } satisfies Record<OutputSize, string>,
  brushPaints: 'Brush paints:',
  brushChoices: 'Which style the brush paints',
  brushSize: 'size',
  clearRegions: 'Clear regions',
  unpainted: 'Unpainted parts keep the content.',
  weightsRow: 'Weights',
  layersRow: 'Layers',
  statsSummary: 'Inside the network: channel statistics and losses',
  statsChart: "Scatter of each relu4_1 channel's mean and standard deviation",
  statsCaption:
    'Each dot is one of the 512 channels of relu4_1: its mean μ (across) and standard deviation σ (up), for the content f(c), the style f(s) and the AdaIN output t. At α = 1 with one style, t’s dots sit on the style’s: AdaIN hands the content the style’s statistics. Hover a dot to pick its channel.',
  channel: 'Channel',
  lossesIdle: 'Losses appear after a run with the VGG-19 model.',
  speedSummary: 'How fast is it? The paper’s numbers and yours',
  speedHead: { method: 'Method', anyStyle: 'Any style?' },
  yes: 'yes',
  speedRows: {
    gatys: 'Gatys et al. (optimisation, 2016)',
    gatysTime: 'seconds to minutes per image (many iterations)',
    ulyanov: 'Ulyanov et al. (feed-forward)',
    ulyanovAny: 'no: one network per style',
    chen: 'Chen & Schmidt (style swap)',
    chenTime: 'slower; the swap itself takes most of the time at 512²',
    adain: 'AdaIN (Huang & Belongie)',
    yours: 'AdaIN, this page on your device',
    yoursIdle: 'run a transfer to measure',
  },
  /** The paper's rates: "~90 images/s (0.011 s)". */
  paperRate: (rate: number, seconds: string) => `~${rate} images/s (${seconds} s)`,
  speedNote:
    'The paper’s numbers are from its Table 1, on a Pascal Titan X GPU. As in the paper, the time counts encoding the content, AdaIN and decoding, not encoding the style (the lab caches each style’s statistics).',

  // style-lab.ts
  outOfMemory: (side: number, canUseMobile: boolean) =>
    `Your device ran out of memory for a ${side}-pixel transfer. Try ${canUseMobile ? 'a smaller size or the mobile model' : 'a smaller size'}.`,
  failed: (message: string) => `The style transfer failed: ${message}`,
  localOnly: {
    content: 'the uploaded content image',
    styles: 'uploaded or painted style images',
    mask: 'the painted mask',
  } satisfies Record<LocalOnlyPart, string>,
  /** `parts`: names from localOnly. */
  shareNote: (parts: readonly string[]) =>
    `The address bar now holds this view, except ${parts.join(' and ')}: those stay in your browser and cannot be put in a link.`,
  noRegionPainted: 'No region is painted yet, so the image keeps its content everywhere: paint over the content with a style’s brush.',
  weightsProgress: (loaded: string, total: string) => `${loaded} of ${total}`,
  layersProgress: (done: number, total: number, layer: string) => `${done} of ${total} layers (${layer})`,
  cancelled: 'Cancelled. Change anything or press “Stylise” to run again.',
  backendChanged: (notice: string, backend: string) => `${notice} Press “Stylise” to run again on ${backend}.`,
  imageGone: (id: string) => `The image “${id}” is not available any more; choose another.`,

  // style-lab-slots.ts
  weight: 'Weight',
  weightShare: (percent: number) => `Weight (${percent} %)`,
  yourPainting: 'your painting',
  yourImage: 'your image',
  selectStyle: (number: number, name: string) => `Style ${number}: ${name}; choose to change its image`,
  regionColours: ['red', 'blue', 'green'],
  swatch: (number: number, colour: string) => `Style ${number} paints the ${colour} region`,
  weightOf: (number: number) => `Weight of style ${number}`,
  remove: 'Remove',
  removeStyle: (number: number) => `Remove style ${number}`,

  // style-lab-masks.ts
  brushStyle: (number: number) => `style ${number}`,
  eraser: 'eraser',
  theEraser: 'the eraser',
  brushWhere: (across: number, down: number) => `${across} % across, ${down} % down`,
  brushFocused: (brush: string, where: string) => `Brush: ${brush}, lifted, at ${where}.`,
  brushLiftedAt: (where: string) => `Brush lifted at ${where}.`,
  brushPainting: (brush: string, where: string) => `Painting ${brush} from ${where}.`,
  brushLifted: 'Brush lifted.',
  brushChosen: (brush: string) => `Brush: ${brush}.`,

  // style-lab-results.ts
  /** Under the result: which model made the picture shown. */
  madeBy: { vgg: 'Made by VGG-19.', mobile: 'Made by the mobile model.' } satisfies Record<ModelKind, string>,
  /** The mobile model's quick picture, shown while VGG-19 (7 MB) loads on the first run. */
  madeByMobileWhileVggLoads: 'Made by the mobile model, shown while VGG-19 loads. VGG-19’s picture will replace it.',
  /** "128×88 in 80 ms on WebAssembly, including encoding the images."; `backend` may be empty. */
  timing: (size: string, time: string, backend: string, cached: boolean) =>
    `${size} in ${time}${backend ? ` on ${backend}` : ''}${cached ? ': encodings were cached, so only AdaIN and the decoder ran.' : ', including encoding the images.'}`,
  speedYours: (time: string, size: string, rate: string, backend: string) =>
    `${time} per image at ${size} ≈ ${rate} images/s${backend ? ` on ${backend}` : ''}`,
  measuringLosses: 'Measuring the losses…',
  lossesNeedVgg: 'Losses are measured with the VGG-19 encoder: choose that model to see them.',
  styleLossOf: (number: number, value: string) => `style ${number}: ${value}`,
  /** `styles`: one value, or one styleLossOf per style. */
  losses: (content: string, styles: readonly string[]) =>
    `Content loss L_c = ${content} (result’s relu4_1 against t). Style loss L_s = ${styles.join(', ')} (means and standard deviations, relu1_1 to relu4_1).`,

  // style-lab-charts.ts
  chart: {
    series: { content: 'content f(c)', style: 'style f(s)', target: 'AdaIN output t' },
    x: 'channel mean μ →',
    y: '↑ channel standard deviation σ',
    tip: (series: string, channel: number) => `${series}\nchannel ${channel}`,
    label: 'Chart: each relu4_1 channel as a point (mean μ, standard deviation σ) for the content, the style and the AdaIN output t',
  },
};

const zhCn: typeof en = {
  title: '风格迁移实验',
  content: '内容',
  contentImage: '内容图像',
  maskOverlay: '掩码：哪种风格画在哪个区域',
  maskKeys: '用键盘绘制：方向键移动画笔（按住 Shift 步子更大），空格键落笔或提笔，1、2、3 选择风格，E 选择橡皮擦。',
  contentGallery: '内置内容图像',
  contentPurpose: '内容图像',
  styles: '风格',
  slotsLabel: '各风格及其权重',
  addStyle: (max) => `+ 添加风格（最多 ${max} 种）`,
  pickHint: '为高亮的风格选一张图像：',
  styleGallery: '内置风格图像',
  stylePurpose: '风格图像',
  paintSummary: '自己画一种风格',
  usePainting: '把我的画用作高亮的风格',
  result: '结果',
  output: '风格化后的图像',
  timingIdle: '按“风格化”，在你的浏览器里运行网络。',
  run: '风格化',
  cancel: '取消',
  download: '下载 PNG',
  alpha: '内容 ↔ 风格',
  colour: '颜色',
  colourOptions: {
    none: '用风格的颜色',
    colorStatistics: '保留内容颜色（匹配直方图）',
    luminance: '保留内容颜色（只迁移亮度）',
  },
  regions: '区域',
  maskOptions: { none: '整张图像', halves: '左 | 右', circle: '中心圆', painted: '自己画' },
  model: '模型',
  modelOptions: { vgg: 'VGG-19（7 MB，效果最好）', mobile: 'mobile（4 MB，更快）' },
  size: '尺寸',
  sizeOptions: { 128: '128 px（快速）', 256: '256 px', 512: '512 px', max: '本设备能处理的最大尺寸' },
  brushPaints: '画笔绘制：',
  brushChoices: '画笔绘制哪种风格',
  brushSize: '大小',
  clearRegions: '清除区域',
  unpainted: '没有画到的地方保留内容。',
  weightsRow: '模型权重',
  layersRow: '层',
  statsSummary: '网络内部：通道统计量与损失',
  statsChart: 'relu4_1 每个通道的均值与标准差散点图',
  statsCaption:
    '每个点是 relu4_1 的 512 个通道之一：横轴是它的均值 μ，纵轴是标准差 σ，分别画出内容 f(c)、风格 f(s) 和 AdaIN 输出 t。α = 1 且只有一种风格时，t 的点正好落在风格的点上：AdaIN 把风格的统计量交给了内容。把鼠标移到一个点上即可选中它的通道。',
  channel: '通道',
  lossesIdle: '用 VGG-19 模型运行一次后，这里会显示损失。',
  speedSummary: '速度有多快？论文的数字与你的数字',
  speedHead: { method: '方法', anyStyle: '任意风格？' },
  yes: '是',
  speedRows: {
    gatys: 'Gatys 等人（优化法，2016）',
    gatysTime: '每张图像几秒到几分钟（需要多次迭代）',
    ulyanov: 'Ulyanov 等人（前馈网络）',
    ulyanovAny: '否：每种风格一个网络',
    chen: 'Chen 与 Schmidt（风格交换）',
    chenTime: '较慢；在 512² 时，交换本身占去大部分时间',
    adain: 'AdaIN（Huang 与 Belongie）',
    yours: 'AdaIN，本页在你的设备上',
    yoursIdle: '运行一次迁移来测量',
  },
  paperRate: (rate, seconds) => `约 ${rate} 张/秒（${seconds} s）`,
  speedNote:
    '论文的数字来自其表 1，在 Pascal Titan X GPU 上测得。和论文一样，计时包括编码内容图像、AdaIN 和解码，不包括编码风格图像（实验会缓存每种风格的统计量）。',

  outOfMemory: (side, canUseMobile) => `你的设备内存不足，无法完成 ${side} 像素的迁移。请试试${canUseMobile ? '更小的尺寸或 mobile 模型' : '更小的尺寸'}。`,
  failed: (message) => `风格迁移失败：${message}`,
  localOnly: {
    content: '上传的内容图像',
    styles: '上传或自己画的风格图像',
    mask: '自己画的掩码',
  },
  shareNote: (parts) => `地址栏现在保存了当前的设置，但不包括${parts.join('和')}：它们只留在你的浏览器里，无法放进链接。`,
  noRegionPainted: '还没有画出任何区域，所以整张图像都保留内容：请用某种风格的画笔在内容图像上涂画。',
  weightsProgress: (loaded, total) => `${loaded} / ${total}`,
  layersProgress: (done, total, layer) => `${done} / ${total} 层（${layer}）`,
  cancelled: '已取消。修改任意设置，或按“风格化”重新运行。',
  backendChanged: (notice, backend) => `${notice}请按“风格化”，在 ${backend} 上重新运行。`,
  imageGone: (id) => `图像“${id}”已不可用，请另选一张。`,

  weight: '权重',
  weightShare: (percent) => `权重（${percent} %）`,
  yourPainting: '你的画',
  yourImage: '你的图像',
  selectStyle: (number, name) => `风格 ${number}：${name}；选中后可更换它的图像`,
  regionColours: ['红色', '蓝色', '绿色'],
  swatch: (number, colour) => `风格 ${number} 绘制${colour}区域`,
  weightOf: (number) => `风格 ${number} 的权重`,
  remove: '移除',
  removeStyle: (number) => `移除风格 ${number}`,

  brushStyle: (number) => `风格 ${number}`,
  eraser: '橡皮擦',
  theEraser: '橡皮擦',
  brushWhere: (across, down) => `横向 ${across} %、纵向 ${down} % 处`,
  brushFocused: (brush, where) => `画笔：${brush}，已提起，位于${where}。`,
  brushLiftedAt: (where) => `画笔已在${where}提起。`,
  brushPainting: (brush, where) => `从${where}开始绘制（${brush}）。`,
  brushLifted: '画笔已提起。',
  brushChosen: (brush) => `画笔：${brush}。`,

  madeBy: { vgg: '由 VGG-19 生成。', mobile: '由 mobile 模型生成。' },
  madeByMobileWhileVggLoads: '由 mobile 模型生成，在 VGG-19 加载时先显示。VGG-19 的结果出来后会替换它。',
  timing: (size, time, backend, cached) =>
    `${size}，用时 ${time}${backend ? `（${backend}）` : ''}${cached ? '：编码已缓存，所以只运行了 AdaIN 和解码器。' : '，包括编码图像。'}`,
  speedYours: (time, size, rate, backend) => `${size} 时每张图像 ${time} ≈ ${rate} 张/秒${backend ? `（${backend}）` : ''}`,
  measuringLosses: '正在计算损失…',
  lossesNeedVgg: '损失要用 VGG-19 编码器来计算：选择这个模型即可看到。',
  styleLossOf: (number, value) => `风格 ${number}：${value}`,
  losses: (content, styles) =>
    `内容损失 L_c = ${content}（结果的 relu4_1 与 t 相比）。风格损失 L_s = ${styles.join('；')}（均值与标准差，relu1_1 到 relu4_1）。`,

  chart: {
    series: { content: '内容 f(c)', style: '风格 f(s)', target: 'AdaIN 输出 t' },
    x: '通道均值 μ →',
    y: '↑ 通道标准差 σ',
    tip: (series, channel) => `${series}\n通道 ${channel}`,
    label: '图表：relu4_1 的每个通道是一个点（均值 μ，标准差 σ），分别画出内容、风格和 AdaIN 输出 t',
  },
};

export const styleLabStrings: Localized<typeof en> = { en, 'zh-cn': zhCn };
