import type { Localized } from '../../lib/i18n';

/**
 * What a reader is told when model weights fail (src/lib/weights.ts's errors, told apart by name in errorText).
 * The host's advice goes to the console in English; so does the technical detail on Chinese pages.
 */
const en = {
  missing: (url: string, status: number | null) =>
    `The model file ${url} could not be downloaded${status === null ? '' : ` (HTTP ${status})`}. Check the connection and reload the page; if that does not help, the site is missing this file.`,
  damaged: (url: string, detail: string) =>
    `The model file ${url} is damaged (${detail}). Reload the page; if that does not help, the copy on this site is broken.`,
  mismatch: (detail: string) => `The model weights do not match the network (${detail}).`,
};

const zhCn: typeof en = {
  missing: (url, status) =>
    `无法下载模型文件 ${url}${status === null ? '' : `（HTTP ${status}）`}。请检查网络连接后刷新页面；如果仍然不行，说明本站缺少这个文件。`,
  damaged: (url, _detail) => `模型文件 ${url} 已损坏。请刷新页面；如果仍然不行，说明本站上的这份文件有问题。`,
  mismatch: (_detail) => '模型权重与网络结构不一致。',
};

export const weightsErrorStrings: Localized<typeof en> = { en, 'zh-cn': zhCn };
