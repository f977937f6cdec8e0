import type { Localized } from '../../lib/i18n';

/** ImageDrop.astro: "Drop, paste or choose your own style image", split around the underlined word. */
const en = {
  prompt: (purpose: string) => ['Drop, paste or ', 'choose', ` your own ${purpose}`] as [string, string, string],
};

const zhCn: typeof en = {
  prompt: (purpose) => ['拖入、粘贴或', '选择', `你自己的${purpose}`],
};

export const imageDropStrings: Localized<typeof en> = { en, 'zh-cn': zhCn };
