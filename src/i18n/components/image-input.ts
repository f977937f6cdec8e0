import type { Localized } from '../../lib/i18n';

/** image-input.ts: what the page says about a file the reader gave it (style lab, CIN demo). */
const en = {
  thisFile: 'This file',
  fileName: (name: string) => `“${name}”`,
  /** `file`: fileName(…) or thisFile. */
  empty: (file: string) => `${file} is empty (0 bytes). Choose a PNG, JPEG, GIF, WebP or SVG image.`,
  tooManyPixels: (width: number, height: number, megapixels: number, limit: number) =>
    `This image is ${width}×${height} pixels (${megapixels} megapixels), too large to open safely in a browser tab. Scale it down below ${limit} megapixels first.`,
  notAnImage: (file: string, type: string) => `${file} is not an image (its type is ${type}). Choose a PNG, JPEG, GIF, WebP or SVG image.`,
  /** `format`: "SVG", "PNG", "JPEG"… */
  damaged: (file: string, format: string) =>
    `${file} looks like ${format === 'SVG' ? 'an' : 'a'} ${format} image but could not be decoded: it may be damaged or cut short.`,
  unreadable: (file: string) => `${file} could not be read as an image. Choose a PNG, JPEG, GIF, WebP or SVG image.`,
  noCanvasToDraw: 'This browser gave the page no 2D canvas to draw the image on.',
  noCanvasToResize: 'This browser gave the page no 2D canvas to resize the image on.',
  noCanvasToRead: 'This browser gave the page no 2D canvas to read the photo on.',
  notDownloaded: (url: string, status: number) => `The image ${url} could not be downloaded (HTTP ${status}).`,
  notices: {
    downscaled: (width: number, height: number, toWidth: number, toHeight: number) =>
      `This image is ${width}×${height} pixels; it was scaled down to ${toWidth}×${toHeight} to keep memory use small (a transfer never needs more).`,
    transparent: 'This image has transparent parts; they were filled with white, since the models see only red, green and blue.',
    animated: 'This image is animated; the lab uses its first frame.',
    small: (width: number, height: number) =>
      `This image is only ${width}×${height} pixels; it is enlarged for the model, so the result will look blurred or flat.`,
    svg: 'This SVG drawing was turned into pixels as a picture: any scripts or links to other files in it were ignored.',
  },
};

const zhCn: typeof en = {
  thisFile: '这个文件',
  fileName: (name) => `“${name}”`,
  empty: (file) => `${file}是空的（0 字节）。请选择 PNG、JPEG、GIF、WebP 或 SVG 图像。`,
  tooManyPixels: (width, height, megapixels, limit) =>
    `这张图像有 ${width}×${height} 像素（${megapixels} 百万像素），太大了，无法在浏览器标签页里安全打开。请先把它缩小到 ${limit} 百万像素以下。`,
  notAnImage: (file, type) => `${file}不是图像（它的类型是 ${type}）。请选择 PNG、JPEG、GIF、WebP 或 SVG 图像。`,
  damaged: (file, format) => `${file}看起来是 ${format} 图像，但无法解码：文件可能已损坏或不完整。`,
  unreadable: (file) => `${file}无法作为图像读取。请选择 PNG、JPEG、GIF、WebP 或 SVG 图像。`,
  noCanvasToDraw: '这个浏览器没有给页面提供用来绘制图像的 2D 画布。',
  noCanvasToResize: '这个浏览器没有给页面提供用来缩放图像的 2D 画布。',
  noCanvasToRead: '这个浏览器没有给页面提供用来读取照片的 2D 画布。',
  notDownloaded: (url, status) => `图像 ${url} 下载失败（HTTP ${status}）。`,
  notices: {
    downscaled: (width, height, toWidth, toHeight) =>
      `这张图像有 ${width}×${height} 像素；为了少占内存，已缩小到 ${toWidth}×${toHeight}（迁移用不到更大的尺寸）。`,
    transparent: '这张图像有透明部分，已用白色填充，因为模型只看红、绿、蓝三个通道。',
    animated: '这是一张动图；实验只使用它的第一帧。',
    small: (width, height) => `这张图像只有 ${width}×${height} 像素；要放大后才能交给模型，所以结果会显得模糊或平淡。`,
    svg: '这张 SVG 矢量图已作为图片转换成像素：其中的脚本和指向其他文件的链接都被忽略了。',
  },
};

export const imageInputStrings: Localized<typeof en> = { en, 'zh-cn': zhCn };
