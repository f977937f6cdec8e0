import { describe, expect, it } from 'vitest';
import type { Element, ElementContent, Root } from 'hast';
import rehypeCjkLineBreaks, { dropsBreakBetween } from '../../scripts/rehype-cjk-line-breaks';

const text = (value: string): ElementContent => ({ type: 'text', value });
const element = (tagName: string, children: ElementContent[], className?: string[]): Element => ({
  type: 'element',
  tagName,
  properties: className ? { className } : {},
  children,
});

/** Runs the plugin on one paragraph and returns the paragraph's text as a browser would read it. */
function paragraph(...children: ElementContent[]): string {
  const tree: Root = { type: 'root', children: [element('p', children)] };
  rehypeCjkLineBreaks()(tree);
  const flatten = (nodes: ElementContent[]): string =>
    nodes.map((node) => (node.type === 'text' ? node.value : node.type === 'element' ? flatten(node.children) : '')).join('');
  return flatten((tree.children[0] as Element).children);
}

describe('line breaks in Chinese prose', () => {
  it('drops a break between Chinese characters and after full-width punctuation', () => {
    expect(paragraph(text('各种方法的区别\n在于集合。\n本课来看'))).toBe('各种方法的区别在于集合。本课来看');
    expect(paragraph(text('只在一个问题上有分歧。\nHuang 和 Belongie'))).toBe('只在一个问题上有分歧。Huang 和 Belongie');
    expect(paragraph(text('这是 BN\n（批量归一化）'))).toBe('这是 BN（批量归一化）');
  });

  it('drops the spaces of an indented continuation line too', () => {
    expect(paragraph(text('第一行的末尾\n   第二行'))).toBe('第一行的末尾第二行');
  });

  it('keeps a break between Chinese and Latin text or numbers, where a space belongs', () => {
    expect(paragraph(text('在 ImageNet 上训练\nResNet-50，每块 GPU\n2 张图像'))).toBe('在 ImageNet 上训练\nResNet-50，每块 GPU\n2 张图像');
  });

  it('keeps English text as it is, curly quotes included', () => {
    expect(paragraph(text('the “+ noise”\nstep adds a value'))).toBe('the “+ noise”\nstep adds a value');
  });

  it('looks across inline elements for the neighbouring character', () => {
    expect(paragraph(element('strong', [text('批量归一化')]), text('\n（batch normalisation）和'))).toBe('批量归一化（batch normalisation）和');
    expect(paragraph(text('统计量是\n'), element('em', [text('风格')]))).toBe('统计量是风格');
  });

  it('treats formulas and code as Latin text and leaves their contents alone', () => {
    const formula = element('span', [text('x\n̂')], ['katex']);
    expect(paragraph(text('所以\n'), formula, text('\n的均值'))).toBe('所以\nx\n̂\n的均值');
    expect(paragraph(text('调用\n'), element('code', [text('var()\n')]), text('时'))).toBe('调用\nvar()\n时');
  });

  it('decides by the two characters beside the break', () => {
    expect(dropsBreakBetween('的', '“')).toBe(true);
    expect(dropsBreakBetween('”', '的')).toBe(true);
    expect(dropsBreakBetween('”', 's')).toBe(false);
    expect(dropsBreakBetween('a', '，')).toBe(true);
    expect(dropsBreakBetween('2', '张')).toBe(false);
  });
});
