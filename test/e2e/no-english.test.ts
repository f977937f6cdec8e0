import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { openPage, useSite, waitForLabs } from './harness';
import { allPages } from './site-pages';
import { progressKey } from '../../src/lib/notebook-storage';

/**
 * The Chinese edition shows no English: every /zh-cn/ page is rendered, its labs run once (default state,
 * small sizes), and every word a reader sees or hears (visible text, aria-label, alt, title, placeholder) is
 * checked. Code, KaTeX formulas and text marked as another language on purpose (the language switch's
 * "English", the references' English citations) are left out; what remains may hold Latin letters only as
 * symbols, units and the proper names below. The home page is checked with some progress stored, so its
 * cards show their progress line.
 */
const site = useSite();

/** Names and technical terms a Chinese text keeps in Latin letters, in one place; keep it small. */
const properNames = new Set([
  // the methods and models
  ...[
    'AdaIN',
    'BN',
    'IN',
    'LN',
    'GN',
    'CIN',
    'LeakyReLU',
    'toRGB',
    'VGG',
    'VGG-19',
    'StyleGAN',
    'StyleGAN2',
    'GAN',
    'ReLU',
    'relu4_1',
    'relu1_1',
    'relu2_1',
    'relu3_1',
  ],
  ...['mobile', 'Chelsea', 'Lorelei', 'DiceBear', 'Kandinsky'],
  // software and the web
  ...['WebGPU', 'WebGL', 'WebGL2', 'WebAssembly', 'WASM', 'SIMD', 'JavaScript', 'TypeScript', 'TensorFlow.js', 'tfjs', 'PyTorch', 'Python', 'NumPy'],
  ...['CPU', 'GPU', 'CUDA', 'PNG', 'JPEG', 'GIF', 'WebP', 'SVG', 'URL', 'HTTP', 'MIT', 'CC0', 'CC', 'BY', 'SA', 'NASA', 'GitHub', 'Torch', 'Astro', 'KaTeX'],
  ...['float32', 'float16', 'int8', 'uint8', 'SwiftShader', 'Chrome', 'Chromium', 'Firefox', 'Safari'],
  // units
  ...['GiB', 'MiB', 'KiB', 'GFLOP', 'fps', 'kB'],
  // keys, values, venues
  ...['sigmoid', 'leaky', 'Pascal', 'Titan', 'Jupyter', 'Keras', 'Transformer', 'Progressive', 'IBN-Net'],
  ...['resvg-js', 'MPL-2.0', 'Lisa', 'Wischofsky', 'Florian', 'Körner'],
  ...['Shift', 'Enter', 'Tab', 'NaN', 'RGB', 'MLP', 'ICCV', 'CVPR', 'ECCV', 'ICLR', 'ICML', 'Lua', 'DCGAN', 'CycleGAN', 'pix2pix', 'L-BFGS'],
  // the people whose work the lessons cite
  ...[
    'Ioffe',
    'Szegedy',
    'Ulyanov',
    'Huang',
    'Belongie',
    'Dumoulin',
    'Gatys',
    'Johnson',
    'Chen',
    'Schmidt',
    'Karras',
    'Radford',
    'Pan',
    'Laine',
    'Aila',
    'Wu',
    'He',
    'Isola',
    'Zhu',
  ],
]);

/** Where each word was seen, so a failure says what to translate. */
interface Finding {
  word: string;
  where: string;
}

/** The page's words outside code and formulas, each with where it was (an element path or an attribute). */
async function visibleWords(page: Page): Promise<{ text: string; where: string }[]> {
  return page.evaluate(() => {
    const skipped = 'code, pre, kbd, samp, .katex, script, style, noscript, template, .cm-editor';
    const describe = (element: Element): string => {
      const parts: string[] = [];
      for (let node: Element | null = element; node && node !== document.body && parts.length < 4; node = node.parentElement) {
        const className = typeof node.className === 'string' && node.className ? `.${node.className.trim().split(/\s+/)[0]}` : '';
        parts.unshift(`${node.localName}${className}`);
      }
      return parts.join(' > ');
    };
    // Text marked as another language on purpose (lang="en" on the language switch's link) is left out.
    const otherLanguage = (element: Element): boolean => !/^zh/i.test(element.closest('[lang]')?.getAttribute('lang') ?? '');
    const found: { text: string; where: string }[] = [{ text: document.title, where: '<title>' }];
    const description = document.querySelector('meta[name=description]')?.getAttribute('content');
    if (description) found.push({ text: description, where: '<meta name=description>' });
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = node.textContent?.trim();
      if (!parent || !text || parent.closest(skipped) || otherLanguage(parent)) continue;
      // SVG text (chart axes) has no checkVisibility on old engines; Chromium has it on every element.
      if (!parent.checkVisibility({ visibilityProperty: true, opacityProperty: false })) continue;
      found.push({ text, where: describe(parent) });
    }
    for (const element of document.body.querySelectorAll('[aria-label], [alt], [title], [placeholder], [aria-description]')) {
      if (element.closest(skipped) || otherLanguage(element)) continue;
      if (element.closest('[hidden]')) continue;
      for (const name of ['aria-label', 'alt', 'title', 'placeholder', 'aria-description']) {
        const value = element.getAttribute(name);
        if (value) found.push({ text: value, where: `${describe(element)} [${name}]` });
      }
    }
    return found;
  });
}

/**
 * The English words in a text: runs of three or more Latin letters that are not a proper name or unit. Left
 * out: an English term in full-width parentheses after its Chinese one (the lessons give it at first use; it
 * may be one item of the parentheses, e.g. “（upsampling，双线性插值）”),
 * English quoted in “…” (what a course transcript said), paths and packages (generator/, @dicebear/core, a web
 * address) and identifiers (camelCase, dotted, snake_case).
 */
function englishWords(text: string): string[] {
  const tokens =
    text
      .replace(/（[^（）]*）/g, (group) => group.replace(/(?<=[（，；])[^（），；\u4e00-\u9fff]*(?=[，；）])/g, ' '))
      .replace(/“[^“”\u4e00-\u9fff]*”|[\w.@-]*\/[\w.@/-]*/g, ' ')
      .match(/[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ0-9_.\-]*[A-Za-zÀ-ÿ0-9]|[A-Za-zÀ-ÿ]/g) ?? [];
  return tokens
    .map((token) => token.replace(/[.\-]+$/, ''))
    .filter((token) => /[A-Za-z]{3,}/.test(token) && !/[a-z][A-Z]|[A-Za-z0-9][._][A-Za-z]/.test(token))
    .filter((token) => !properNames.has(token) && !properNames.has(token.replace(/s$/, '')));
}

/** Small sizes and the WebAssembly backend keep the labs' one run short; the style lab renders 128². */
const labQuery: Record<string, string> = { '/zh-cn/lessons/style-transfer/': '?backend=wasm&size=128' };

const pages = allPages.filter((path) => path.startsWith('/zh-cn/'));

describe('the Chinese edition shows no English', () => {
  test('there are Chinese pages', () => {
    expect(pages.length).toBeGreaterThanOrEqual(10);
    expect(englishWords('均值 μ = 0.5，方差 σ² ≈ 1.2（VGG-19 的 relu4_1，PNG 文件，3 MB）')).toEqual([]);
    expect(englishWords('Loading 生成器 the generator')).toEqual(['Loading', 'the', 'generator']);
    expect(englishWords('特征图（feature map）按“add it in”写 styleLoss、tf.norm 和 calc_mean_std')).toEqual([]);
    expect(englishWords('（或 webgpu、webgl）')).toEqual(['webgpu', 'webgl']);
    expect(englishWords('上采样（upsampling，双线性插值）；领域（一个*领域*，domain）')).toEqual([]);
    expect(englishWords('generator/（生成器）用 @dicebear/core 绘制（figma.com/community/file/1），Florian Körner')).toEqual([]);
  });

  test.each(pages)('%s, with its labs run once', { timeout: 600_000 }, async (path) => {
    const { page, errors, foreignRequests } = await openPage(site.context, site.origin, `${path}${labQuery[path] ?? ''}`);
    if (path === '/zh-cn/') {
      await page.evaluate((key) => localStorage.setItem(key, JSON.stringify({ exercises: ['instance-norm'], questions: [] })), progressKey('normalisation'));
      await page.reload();
      await page.locator('.lesson-progress:not([hidden])').first().waitFor();
    }
    for (const start of await page.locator('cin-vs-adain .cin-start').all()) await start.click();
    await waitForLabs(page, 400_000);
    await page.waitForFunction(() => [...document.querySelectorAll<HTMLElement>('cin-vs-adain')].every((lab) => lab.dataset.done !== undefined), null, {
      timeout: 400_000,
    });
    const findings: Finding[] = (await visibleWords(page)).flatMap(({ text, where }) => englishWords(text).map((word) => ({ word, where })));
    const report = [...new Set(findings.map(({ word, where }) => `${word}  (${where})`))];
    expect(report, `English words on ${path}:\n${report.join('\n')}\n`).toEqual([]);
    expect(errors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await page.close();
  });
});

describe('the labs give the same numbers in both editions', () => {
  test("the tensor lab's outputs, statistics and readout", { timeout: 300_000 }, async () => {
    const numbers = async (path: string) => {
      const { page } = await openPage(site.context, site.origin, `${path}?method=group&groups=3&seed=7`);
      await waitForLabs(page);
      const read = await page.evaluate(() => ({
        outputs: [...document.querySelectorAll('tensor-lab .lab-cell-output')].map((cell) => cell.textContent),
        statistics: [...document.querySelectorAll<HTMLElement>('tensor-lab .lab-stat')].map(({ dataset }) => [dataset.mean, dataset.variance, dataset.std]),
        readout: [...document.querySelectorAll('tensor-lab .lab-readout .lab-value')].map((value) => value.textContent),
      }));
      await page.close();
      return read;
    };
    const english = await numbers('/lessons/normalisation/');
    const chinese = await numbers('/zh-cn/lessons/normalisation/');
    expect(english.outputs.length).toBeGreaterThan(10);
    expect(english.readout.length).toBeGreaterThan(5);
    expect(chinese).toEqual(english);
  });
});
