import type { Localized } from '../../lib/i18n';
import type { StyleBand } from '../../lib/generator-layers';

/** Words the two generator labs share (the block lab and the style-mixing lab). */
const en = {
  /** For "Loading the generator: 1.05 of 2.09 MB". */
  theGenerator: 'the generator',
  loading: 'Loading the generator…',
  couldNotRun: (error: string) => `The generator could not run: ${error}`,
  seed: 'Seed',
  seedRange: (limit: number) => `A seed is a whole number from 0 to ${limit}.`,
  bands: { coarse: 'coarse', middle: 'middle', fine: 'fine' } satisfies Record<StyleBand, string>,
};

const zhCn: typeof en = {
  theGenerator: '生成器',
  loading: '正在加载生成器…',
  couldNotRun: (error) => `生成器无法运行：${error}`,
  seed: '随机种子',
  seedRange: (limit) => `随机种子是 0 到 ${limit} 之间的整数。`,
  bands: { coarse: '粗粒度', middle: '中等', fine: '细粒度' },
};

export const generatorStrings: Localized<typeof en> = { en, 'zh-cn': zhCn };
