import type { Localized } from '../../lib/i18n';

/** The names of the photos in public/images/, by file name; `hint` says what the batch-vs-instance demo shows in each. */
const en = {
  chelsea: { name: 'Chelsea the cat', hint: 'bright' },
  rocket: { name: 'Rocket at night', hint: 'dark' },
  coffee: { name: 'Coffee', hint: 'warm' },
  astronaut: { name: 'Astronaut', hint: 'high contrast' },
  /** "Chelsea the cat (bright)" */
  withHint: (name: string, hint: string) => `${name} (${hint})`,
};

const zhCn: typeof en = {
  chelsea: { name: '猫咪 Chelsea', hint: '明亮' },
  rocket: { name: '夜间的火箭', hint: '暗' },
  coffee: { name: '咖啡', hint: '暖色' },
  astronaut: { name: '宇航员', hint: '高对比度' },
  withHint: (name, hint) => `${name}（${hint}）`,
};

export const pictureStrings: Localized<typeof en> = { en, 'zh-cn': zhCn };
