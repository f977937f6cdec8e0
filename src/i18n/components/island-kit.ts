import type { Localized } from '../../lib/i18n';

/** The island kit's own texts (island.ts) and the lines several islands share. */
const en = {
  linkCopied: 'Link copied.',
  copyAddressBar: 'Copy the address bar: it holds this view.',
  /** e.g. "Loading the generator: 1.05 of 2.09 MB"; the megabytes are already formatted. */
  loading: (what: string, loadedMb: string, totalMb: string) => `Loading ${what}: ${loadedMb} of ${totalMb} MB`,
  couldNotRun: (error: string) => `Could not run the demo: ${error}`,
  /** dropMalformedParams: around the keys and values a lab dropped from the address (shown as code), e.g. "size=9999, alpha=x". */
  droppedParams: { before: 'The address held values this lab cannot use (', after: '); it shows the defaults for them instead.' },
};

const zhCn: typeof en = {
  linkCopied: '链接已复制。',
  copyAddressBar: '请复制地址栏：它保存着当前的视图。',
  loading: (what, loadedMb, totalMb) => `正在加载${what}：${loadedMb} / ${totalMb} MB`,
  couldNotRun: (error) => `无法运行演示：${error}`,
  droppedParams: { before: '地址中有本实验用不了的值（', after: '）；这些项改用默认值显示。' },
};

export const islandKitStrings: Localized<typeof en> = { en, 'zh-cn': zhCn };
