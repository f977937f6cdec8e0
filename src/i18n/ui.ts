import type { Locale } from '../lib/i18n';

/**
 * The site chrome and page texts, one object per locale. `zhCn` is typed by the English object, so a key
 * missing from a translation fails `npm run typecheck`. Strings with markup are HTML, rendered with
 * set:html; they hold only links and <code>. Component (island) strings are not here yet.
 */
const en = {
  languageName: 'English',
  siteName: 'AdaIN Notebook',
  siteDescription: 'Normalisation, AdaIN and style, with the real models running in your browser.',
  skipLink: 'Skip to content',
  lessonsNav: 'Lessons',
  themeToggle: 'Toggle dark mode',
  languageSwitch: 'Language',
  footerPrivacy: 'Everything on this site runs in your browser; your images never leave it.',
  footerGlossary: 'Glossary',
  footerCredits: 'Credits and licences',
  /** The offer of this locale's edition, shown on pages of the other locale. */
  offerText: 'This notebook is also in English.',
  offerOpen: 'Read it in English',
  offerDismiss: 'No, thanks',
  lessonKicker: (order: number) => `Lesson ${order}`,
  lessonPager: 'Previous and next lesson',
  untranslated: '',
  homeTitle: 'Normalisation and style, in your browser',
  homeLead:
    'How do batch, instance and adaptive instance normalisation work, and why can a network repaint a photo in the style of any painting? Each lesson puts the formulas next to live numbers you can edit, and the real models run right here in your browser — nothing you load leaves your computer.',
  homeAside: (backends: string, speed: string) =>
    `Curious which of your browser's compute backends the demos use? <a href="${backends}">Check the backends</a>, or <a href="${speed}">measure how fast this device runs the models</a>.`,
  creditsTitle: 'Credits and licences',
  creditsIntro: "The site's own text and code are ours. These are the works of others it uses, with thanks.",
  creditsImages: 'Images',
  creditsImagesNote:
    'Copied into the site; the <code>-128</code> files are downscaled to 128 × 128 pixels for the small demos. The style lab’s swirl, circle, mosaic and wave images are drawn by the site’s own code (<code>src/lib/procedural-art.ts</code>).',
  creditsModels: 'Models',
  creditsColumns: { file: 'File', weights: 'Weights', what: 'What', source: 'Source', licence: 'Licence' },
  creditsPaper: 'Paper',
  creditsPublicDomain: 'Public domain',
  glossaryTitle: 'Glossary',
  glossaryDescription: "The notebook's terms in English and Chinese, with short definitions.",
  glossaryIntro:
    'The terms of the six lessons, each with its standard Chinese term (标准中文术语) and a short definition. Some Chinese course transcripts use other words; where they do, the entry says what they mean.',
  glossaryIntroduced: (order: number) => `Introduced in lesson ${order}, `,
  glossaryCourse: 'Course transcripts may say:',
  speedTitle: 'Speed test',
  speedDescription: 'How fast the style-transfer models run on this device.',
  speedIntro:
    "How fast does this device run the models? This page measures a single large convolution and then the two style-transfer models (VGG-19 and the small mobile network) at 256² and 512² pixels, once with the style image encoded in every run and once with its features cached, as the style lab does when you only move a slider; then the style-mixing generator of lessons 5 and 6, for one face and for a whole 6 × 6 mixing grid in one call. Times are medians. The VGG weights are a 7 MB download, the generator's 2 MB.",
  speedOptions:
    'Options in the address: <code>?models=vgg,mobile,generator&amp;sizes=256,512&amp;runs=3</code>, plus <code>&amp;backend=wasm</code> (or <code>webgpu</code>, <code>webgl</code>, <code>cpu</code>) to choose the backend.',
  speedMeasurements: 'Measurements',
  speedStart: 'Start',
  speedReady: 'Press start; the whole test takes about a minute on a laptop.',
  backendsTitle: 'Backends in this browser',
  backendsDescription: 'Which TensorFlow.js backends run in your browser, and whether they agree.',
  backendsIntro:
    'Every demo runs TensorFlow.js on the fastest backend your browser offers: WebGPU, then WebGL, then WebAssembly, then plain JavaScript. This page starts each one that is available, runs the same small computation (instance norm, a 3×3 convolution, group norm and AdaIN on a 2×4×8×8 tensor) and compares the result with plain JavaScript. Differences around 10<sup>−6</sup> are ordinary float32 rounding.',
  backendsCheck: 'Backend check',
  backendsRun: 'Run the check',
  backendsColumns: { backend: 'backend', state: 'state', difference: 'max |difference| from CPU', time: 'time (second run)' },
};

export type UiStrings = typeof en;

const zhCn: UiStrings = {
  languageName: '简体中文',
  siteName: 'AdaIN 笔记本',
  siteDescription: '归一化、AdaIN 与风格迁移：真实的模型就在你的浏览器里运行。',
  skipLink: '跳到正文',
  lessonsNav: '课程',
  themeToggle: '切换深色模式',
  languageSwitch: '语言',
  footerPrivacy: '本站的一切都在你的浏览器中运行，你的图片不会离开它。',
  footerGlossary: '术语表',
  footerCredits: '致谢与许可',
  offerText: '本笔记有简体中文版。',
  offerOpen: '阅读中文版',
  offerDismiss: '不用了',
  lessonKicker: (order: number) => `第 ${order} 课`,
  lessonPager: '上一课与下一课',
  untranslated: '本课的中文版还在翻译中，下面先给出英文原文。',
  homeTitle: '在浏览器里学归一化与风格迁移',
  homeLead:
    '批量归一化、实例归一化和自适应实例归一化是怎样工作的？为什么一个网络能把照片重新画成任意一幅画的风格？每一课都把公式和可以动手修改的实时数字放在一起，真实的模型就在你的浏览器里运行——你载入的任何内容都不会离开你的电脑。',
  homeAside: (backends: string, speed: string) =>
    `想知道演示用的是浏览器的哪个计算后端？<a href="${backends}">查看后端</a>，或者<a href="${speed}">测一测这台设备运行模型有多快</a>。`,
  creditsTitle: '致谢与许可',
  creditsIntro: '本站的文字和代码是我们自己写的。下面是本站用到的他人作品，谨致谢意。',
  creditsImages: '图像',
  creditsImagesNote:
    '这些图像复制到了本站中；<code>-128</code> 文件缩小到了 128 × 128 像素，供小型演示使用。风格实验中的漩涡、圆圈、马赛克和波浪图像由本站自己的代码绘制（<code>src/lib/procedural-art.ts</code>）。',
  creditsModels: '模型',
  creditsColumns: { file: '文件', weights: '权重', what: '内容', source: '来源', licence: '许可' },
  creditsPaper: '论文',
  creditsPublicDomain: '公有领域',
  glossaryTitle: '术语表',
  glossaryDescription: '本笔记的术语：中英对照，附简短释义。',
  glossaryIntro:
    '六节课里的术语，每条都给出标准中文术语、英文原词（English term）和简短释义。有些中文课程的字幕用了别的说法；遇到这种情况，词条会说明它们的实际含义。',
  glossaryIntroduced: (order: number) => `见第 ${order} 课：`,
  glossaryCourse: '课程字幕中可能写作：',
  speedTitle: '速度测试',
  speedDescription: '风格迁移模型在这台设备上运行得有多快。',
  speedIntro:
    '这台设备运行模型有多快？本页先测一个大卷积，再测两个风格迁移模型（VGG-19 和小型的 mobile 网络）在 256² 和 512² 像素下的速度：一次每轮都重新编码风格图像，一次缓存风格特征（就像你只拖动滑块时风格实验所做的那样）；最后测第 5、6 课的风格混合生成器，分别生成一张脸和一次生成整个 6 × 6 的混合网格。时间取中位数。VGG 权重需下载 7 MB，生成器的权重 2 MB。',
  speedOptions:
    '地址中的选项：<code>?models=vgg,mobile,generator&amp;sizes=256,512&amp;runs=3</code>，加上 <code>&amp;backend=wasm</code>（或 <code>webgpu</code>、<code>webgl</code>、<code>cpu</code>）可以指定后端。',
  speedMeasurements: '测量结果',
  speedStart: '开始',
  speedReady: '按“开始”；在笔记本电脑上整个测试大约需要一分钟。',
  backendsTitle: '这个浏览器中的后端',
  backendsDescription: '你的浏览器能运行哪些 TensorFlow.js 后端（backend），它们的结果是否一致。',
  backendsIntro:
    '每个演示都在你的浏览器提供的最快后端（backend）上运行 TensorFlow.js：依次是 WebGPU、WebGL、WebAssembly，最后是纯 JavaScript。本页逐个启动可用的后端，运行同一段小计算（在一个 2×4×8×8 的张量上做实例归一化、3×3 卷积、组归一化和 AdaIN），并把结果与纯 JavaScript 的结果比较。10<sup>−6</sup> 左右的差异是 float32 正常的舍入误差。',
  backendsCheck: '后端检查',
  backendsRun: '运行检查',
  backendsColumns: { backend: '后端', state: '状态', difference: '与 CPU 的最大 |差值|', time: '时间（第二次运行）' },
};

export const ui: Record<Locale, UiStrings> = { en, 'zh-cn': zhCn };
