import type { Localized } from '../../lib/i18n';

/** The backends page's check (backends.astro's <backend-check>); backend names come from backend.ts. */
const en = {
  loading: 'Loading TensorFlow.js…',
  runningOn: (label: string) => `Running on ${label}…`,
  notAvailable: 'not available',
  runsTheDemos: 'runs the demos',
  works: 'works',
  reference: '(reference)',
  failed: (error: string) => `failed: ${error}`,
  done: (label: string) => `Done. The demos run on ${label}.`,
};

const zhCn: typeof en = {
  loading: '正在加载 TensorFlow.js…',
  runningOn: (label) => `正在 ${label} 上运行…`,
  notAvailable: '不可用',
  runsTheDemos: '运行演示',
  works: '可用',
  reference: '（参照）',
  failed: (error) => `出错：${error}`,
  done: (label) => `完成。演示运行在 ${label} 上。`,
};

export const backendCheckStrings: Localized<typeof en> = { en, 'zh-cn': zhCn };
