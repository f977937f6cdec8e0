import type { Localized } from '../../lib/i18n';

/** OfflineStatus.astro and offline-status.ts (the footer's offline line); sizes come formatted ("7.3 MB"). */
const en = {
  newVersion: 'A new version of the site is ready.',
  loadIt: 'Load it',
  folders: { 'adain-vgg19': 'VGG-19 style-transfer model (lesson 4)', 'adain-mobile': 'mobile style-transfer model (lesson 4)' } as Record<string, string>,
  saving: 'Saving the site for offline use…',
  couldNotSave: 'This browser could not save the site for offline use.',
  available: (size: string) => `Available offline: this site (${size}) is saved in your browser.`,
  saved: (label: string, size: string) => `${label}: saved (${size}).`,
  notSaved: (label: string) => `${label}: not saved yet; it downloads when it first runs.`,
  saveNow: (size: string) => `Save it now (${size} to download)`,
  savingModel: (loaded: string, total: string) => `Saving: ${loaded} of ${total}`,
  downloadFailed: (label: string) => `${label}: the download failed (are you offline?). Try again later.`,
};

const zhCn: typeof en = {
  newVersion: '本站有新版本可用。',
  loadIt: '加载新版本',
  folders: { 'adain-vgg19': 'VGG-19 风格迁移模型（第 4 课）', 'adain-mobile': 'mobile 风格迁移模型（第 4 课）' },
  saving: '正在保存本站以供离线使用…',
  couldNotSave: '这个浏览器无法保存本站以供离线使用。',
  available: (size) => `可离线使用：本站（${size}）已保存在你的浏览器中。`,
  saved: (label, size) => `${label}：已保存（${size}）。`,
  notSaved: (label) => `${label}：尚未保存；第一次运行时会下载。`,
  saveNow: (size) => `现在保存（需下载 ${size}）`,
  savingModel: (loaded, total) => `正在保存：${loaded} / ${total}`,
  downloadFailed: (label) => `${label}：下载失败（是否已离线？）。请稍后再试。`,
};

export const offlineStatusStrings: Localized<typeof en> = { en, 'zh-cn': zhCn };
