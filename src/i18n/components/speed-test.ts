import type { Localized } from '../../lib/i18n';
import type { ModelKind } from '../../lib/models';

/** The speed page's measurements (speed.astro's <speed-test> and speed-test.ts); times and sizes come formatted. */
const en = {
  measuringConv: 'Measuring a convolution…',
  measuringModel: (kind: ModelKind) => `Measuring the ${kind} model…`,
  measuringGenerator: 'Measuring the style-mixing generator…',
  done: 'Done.',
  stopped: (error: string) => `The test stopped: ${error}`,
  conv: (h: number, w: number, c: number) => `3×3 conv ${h}×${w}×${c}→${c}`,
  modelLoad: (kind: ModelKind) => `${kind} weights: download and build`,
  transferFull: (kind: ModelKind, size: number) => `${kind} ${size}² transfer, style encoded too`,
  transferCached: (kind: ModelKind, size: number) => `${kind} ${size}² transfer, style cached`,
  generatorLoad: 'generator weights: download and build',
  generatorOne: 'generator: one 32² face (mapping + synthesis)',
  generatorGrid: 'generator: 6 × 6 mixing grid + 12 sources, one call',
  perFace: (ms: string) => `${ms} ms per face`,
};

const zhCn: typeof en = {
  measuringConv: '正在测量一个卷积…',
  measuringModel: (kind) => `正在测量 ${kind} 模型…`,
  measuringGenerator: '正在测量风格混合生成器…',
  done: '完成。',
  stopped: (error) => `测试中止：${error}`,
  conv: (h, w, c) => `3×3 卷积 ${h}×${w}×${c}→${c}`,
  modelLoad: (kind) => `${kind} 权重：下载并构建`,
  transferFull: (kind, size) => `${kind} ${size}² 风格迁移，风格也重新编码`,
  transferCached: (kind, size) => `${kind} ${size}² 风格迁移，风格已缓存`,
  generatorLoad: '生成器权重：下载并构建',
  generatorOne: '生成器：一张 32² 的脸（映射 + 合成）',
  generatorGrid: '生成器：6 × 6 混合网格 + 12 张源图像，一次调用',
  perFace: (ms) => `每张脸 ${ms} ms`,
};

export const speedTestStrings: Localized<typeof en> = { en, 'zh-cn': zhCn };
