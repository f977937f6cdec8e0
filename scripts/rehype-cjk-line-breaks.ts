/**
 * Line breaks in Chinese Markdown prose: a browser renders a source line break inside a paragraph as a space,
 * and Chromium does so even between two Chinese characters (CSS Text 3 says to drop it there; Chromium does
 * not), so hard-wrapped Chinese text showed stray gaps such as "计算的。 本课". This rehype plugin drops a
 * line break (with the spaces around it) where either side is a Chinese character or full-width punctuation,
 * and keeps it as the usual space between Chinese and Latin text, numbers or formulas. Code and KaTeX output
 * are left alone and count as Latin text.
 */
import type { Element, Root, Text } from 'hast';

const han = /\p{Script=Han}/u;
/** CJK symbols and punctuation (、。「」【】…) and the full-width forms (，：；！？（）…). */
const fullWidthPunctuation = /[\u3000-\u303f\uff00-\uffef]/u;
/** Curly quotes are full-width in Chinese text but also used in English: Chinese only beside a Chinese character. */
const curlyQuote = /[\u2018\u2019\u201c\u201d]/u;
const lineBreak = /[ \t]*\n[ \t\n]*/g;
const opaqueTags = new Set(['code', 'pre', 'script', 'style', 'kbd', 'samp']);
const opaqueClasses = ['katex', 'katex-display', 'math-inline', 'math-display'];
/** Stands for the text of an opaque element (code, formula) when deciding about a neighbouring break. */
const latin = 'x';

/** Whether a line break between these two characters should vanish rather than become a space. */
export function dropsBreakBetween(before: string, after: string): boolean {
  if (fullWidthPunctuation.test(before) || fullWidthPunctuation.test(after)) return true;
  const chineseOrQuote = (c: string) => han.test(c) || curlyQuote.test(c);
  return (han.test(before) && chineseOrQuote(after)) || (chineseOrQuote(before) && han.test(after));
}

function isOpaque(node: Element): boolean {
  if (opaqueTags.has(node.tagName)) return true;
  const classes = node.properties?.className;
  return Array.isArray(classes) && classes.some((c) => opaqueClasses.includes(String(c)));
}

type Token = { text: Text } | { opaque: true };
/** A hast node, or one of the MDX nodes (JSX elements, expressions) that MDX puts into the same tree. */
type AnyNode = { type: string; children?: AnyNode[] };

function collect(nodes: AnyNode[], tokens: Token[]): void {
  for (const node of nodes) {
    if (node.type === 'text') tokens.push({ text: node as Text });
    else if (node.type === 'comment') continue;
    else if (node.type === 'element' && isOpaque(node as Element)) tokens.push({ opaque: true });
    // Elements and MDX components (<Callout>, raw <h2>) are transparent: their text runs on.
    else if (node.children) collect(node.children, tokens);
    else tokens.push({ opaque: true });
  }
}

/** The text the tokens show, as seen from a break: the nearest character on one side. */
function neighbour(tokens: Token[], from: number, step: 1 | -1): string {
  for (let i = from; i >= 0 && i < tokens.length; i += step) {
    const token = tokens[i]!;
    if (!('text' in token)) return latin;
    const value = token.text.value;
    if (value.length) return step === 1 ? value[0]! : value[value.length - 1]!;
  }
  return '';
}

export default function rehypeCjkLineBreaks() {
  return (tree: Root): void => {
    const tokens: Token[] = [];
    collect(tree.children as AnyNode[], tokens);
    tokens.forEach((token, index) => {
      if (!('text' in token) || !token.text.value.includes('\n')) return;
      const value = token.text.value;
      token.text.value = value.replace(lineBreak, (match, offset: number) => {
        const end = offset + match.length;
        const before = offset > 0 ? value[offset - 1]! : neighbour(tokens, index - 1, -1);
        const after = end < value.length ? value[end]! : neighbour(tokens, index + 1, 1);
        return dropsBreakBetween(before, after) ? '' : match;
      });
    });
  };
}
