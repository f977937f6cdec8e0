import type { Localized } from '../../lib/i18n';
import type { ArtKind } from '../../lib/procedural-art';

/** The names of the built-in pictures: the small demos' photos and the style lab's gallery. */
const en = {
  /** The small demos' photos (public/images/*-128.png); `hint` says what the BN-vs-IN demo shows in each. */
  chelsea: { name: 'Chelsea the cat', hint: 'bright' },
  rocket: { name: 'Rocket at night', hint: 'dark' },
  coffee: { name: 'Coffee', hint: 'warm' },
  astronaut: { name: 'Astronaut', hint: 'high contrast' },
  /** "Chelsea the cat (bright)" */
  withHint: (name: string, hint: string) => `${name} (${hint})`,
  /** The gallery's photos and textures, by image id. */
  gallery: {
    chelsea: 'Chelsea the cat',
    astronaut: 'Astronaut',
    coffee: 'Coffee',
    rocket: 'Rocket launch',
    brick: 'Brick wall',
    gravel: 'Gravel',
    grass: 'Grass',
  } as Record<string, string>,
  /** The project-made art, by kind; another seed than the gallery's adds its number ("Swirls #7"). */
  art: { swirl: 'Swirls', kandinsky: 'Circles and lines', mosaic: 'Mosaic', waves: 'Waves' } satisfies Record<ArtKind, string>,
  artWithSeed: (name: string, seed: number) => `${name} #${seed}`,
  projectMade: (name: string) => `${name} (project-made)`,
};

const zhCn: typeof en = {
  chelsea: { name: '猫咪 Chelsea', hint: '明亮' },
  rocket: { name: '夜间的火箭', hint: '暗' },
  coffee: { name: '咖啡', hint: '暖色' },
  astronaut: { name: '宇航员', hint: '高对比度' },
  withHint: (name, hint) => `${name}（${hint}）`,
  gallery: {
    chelsea: '猫咪 Chelsea',
    astronaut: '宇航员',
    coffee: '咖啡',
    rocket: '火箭发射',
    brick: '砖墙',
    gravel: '碎石',
    grass: '草地',
  },
  art: { swirl: '漩涡', kandinsky: '圆圈与线条', mosaic: '马赛克', waves: '波浪' },
  artWithSeed: (name, seed) => `${name} #${seed}`,
  projectMade: (name) => `${name}（本站绘制）`,
};

export const pictureStrings: Localized<typeof en> = { en, 'zh-cn': zhCn };
