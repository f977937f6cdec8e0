import type { Localized } from '../../lib/i18n';

/** PaintCanvas.astro: the style lab's canvas for painting a style. */
const en = {
  surface: 'Painting canvas: draw with the mouse, a pen or a finger',
  colour: 'Colour',
  brush: 'Brush',
  scribble: 'Scribble',
  clear: 'Clear',
};

const zhCn: typeof en = {
  surface: '画布：用鼠标、触控笔或手指作画',
  colour: '颜色',
  brush: '画笔',
  scribble: '随手涂鸦',
  clear: '清空',
};

export const paintCanvasStrings: Localized<typeof en> = { en, 'zh-cn': zhCn };
