import { groupLabel, type LabState } from '../lib/lab-state';
import { cellReadout, resultFits, type LabResult } from '../lib/lab-readout';
import { formatNumber } from './format';
import { element, localStrings } from './island';
import { tensorLabStrings } from '../i18n/components/tensor-lab';

const t = localStrings(tensorLabStrings);

/**
 * The tensor lab's formula readout: the selected cell's formula with its live numbers (the lab's own
 * lines) and the text each formula symbol stands for (the tip beside the lesson's KaTeX). Numbers come
 * from lab-readout.ts; this file only words and draws them.
 */
export type SymbolName = 'x' | 'mu' | 'sigma' | 'sigma2' | 'epsilon' | 'xhat' | 'gamma' | 'beta' | 'y' | 'style' | 'mu-style' | 'sigma-style';

export const symbolNames: readonly SymbolName[] = ['x', 'mu', 'sigma', 'sigma2', 'epsilon', 'xhat', 'gamma', 'beta', 'y', 'style', 'mu-style', 'sigma-style'];

/** The value each formula symbol stands for, for the selected cell. */
export function symbolTexts(state: LabState, content: Float64Array, result: LabResult | undefined): Partial<Record<SymbolName, string>> {
  const [n, c, h, w] = state.selected;
  const cell = cellReadout(state, content, result);
  const label = groupLabel(state, cell.group, t.all);
  const texts: Partial<Record<SymbolName, string>> = {
    x: t.symbolTexts.x(formatNumber(cell.x), n, c, h, w),
    epsilon: `ε = ${state.epsilon}`,
  };
  if (state.method !== 'adain') {
    texts.gamma = t.symbolTexts.gamma(formatNumber(cell.gamma), c);
    texts.beta = t.symbolTexts.beta(formatNumber(cell.beta), c);
  }
  if (!resultFits(state, result)) return texts;
  texts.mu = t.symbolTexts.mu(formatNumber(cell.mean), label);
  texts.sigma2 = t.symbolTexts.sigma2(formatNumber(cell.variance), label);
  texts.sigma = t.symbolTexts.sigma(formatNumber(cell.sigma), label);
  texts.xhat = `x̂ = ${formatNumber(cell.xHat)}`;
  texts.y = `${state.method === 'adain' ? 'AdaIN(x, y)' : 'y'} = ${formatNumber(cell.y)}`;
  if (state.method === 'adain' && result.styleMean && result.styleStd) {
    texts.style = t.symbolTexts.style(n, c);
    texts['mu-style'] = t.symbolTexts.muStyle(formatNumber(cell.styleMean), label);
    texts['sigma-style'] = t.symbolTexts.sigmaStyle(formatNumber(cell.styleStd), label);
  }
  return texts;
}

/** A symbol, then the number it stands for: both carry the symbol's class, so hovering either lights both. */
function symbol(name: SymbolName, text: string): HTMLElement {
  // Symbols take keyboard focus (focusing one lights its numbers); the numbers beside them need not.
  return element('span', { textContent: text, tabIndex: 0 }, `sym sym-${name}`);
}

function number(name: SymbolName, text: string): HTMLElement {
  const span = element('span', { textContent: text }, `sym sym-${name} lab-value`);
  span.dataset.symbol = name;
  return span;
}

/** An operator and the number after it with its sign printed once: "0.322 − -1.525" reads "0.322 + 1.525". */
function term(operator: '+' | '−', name: SymbolName, value: number, text: (value: number) => string): Part[] {
  if (!(value < 0)) return [` ${operator} `, number(name, text(value))];
  return [` ${operator === '+' ? '−' : '+'} `, number(name, text(-value))];
}

type Part = HTMLElement | string;

/** A template's text with the symbols and numbers placed in it, so that a formula line is written as it reads. */
function parts(text: TemplateStringsArray, ...values: (Part | Part[])[]): Part[] {
  return text.flatMap((piece, i) => [piece, ...[values[i] ?? []].flat()]).filter((part) => part !== '');
}

function line(...pieces: Part[][]): HTMLElement {
  const p = element('p', {}, 'lab-readout-line');
  p.append(...pieces.flat());
  return p;
}

/** The selected cell's formula lines, with '…' where the numbers are still being computed. */
export function renderReadout(host: Element, state: LabState, content: Float64Array, result: LabResult | undefined): void {
  const [n, c, h, w] = state.selected;
  const cell = cellReadout(state, content, result);
  const fits = resultFits(state, result);
  const show = (value: number): string => (fits ? formatNumber(value) : '…');
  const heading = line(
    parts`${t.selectedCell}${symbol('x', `x[n=${n}, c=${c}, h=${h}, w=${w}]`)} = ${number('x', formatNumber(cell.x))}`,
    parts`${t.forGroup(groupLabel(state, cell.group, t.all))}${symbol('mu', 'μ')} = ${number('mu', show(cell.mean))}`,
    parts`, ${symbol('sigma', 'σ')} = ${number('sigma', show(cell.sigma))}${t.endOfSentence}`,
  );
  if (state.method === 'adain') {
    host.replaceChildren(
      heading,
      line(
        parts`AdaIN(${symbol('x', 'x')}, ${symbol('style', 'y')}) = ${symbol('sigma-style', 'σ(y)')} · (${symbol('x', 'x')} − ${symbol('mu', 'μ(x)')})`,
        parts` / ${symbol('sigma', 'σ(x)')} + ${symbol('mu-style', 'μ(y)')}`,
        parts` = ${number('sigma-style', show(cell.styleStd))} · (${number('x', formatNumber(cell.x))}${term('−', 'mu', cell.mean, show)})`,
        parts` / ${number('sigma', show(cell.sigma))}${term('+', 'mu-style', cell.styleMean, show)} = ${number('y', show(cell.y))}`,
      ),
      line(
        parts`${t.with}${symbol('sigma', 'σ(x)')} = √(${symbol('sigma2', 'σ²(x)')} + ${symbol('epsilon', 'ε')})`,
        parts` = √(${number('sigma2', show(cell.variance))} + ${number('epsilon', String(state.epsilon))}${t.styleTakesNoEpsilon}`,
      ),
    );
    return;
  }
  host.replaceChildren(
    heading,
    line(
      parts`${symbol('xhat', 'x̂')} = (${symbol('x', 'x')} − ${symbol('mu', 'μ')}) / √(${symbol('sigma2', 'σ²')} + ${symbol('epsilon', 'ε')})`,
      parts` = (${number('x', formatNumber(cell.x))}${term('−', 'mu', cell.mean, show)})`,
      parts` / √(${number('sigma2', show(cell.variance))} + ${number('epsilon', String(state.epsilon))}) = ${number('xhat', show(cell.xHat))}`,
    ),
    line(
      parts`${symbol('y', 'y')} = ${symbol('gamma', 'γ')} · ${symbol('xhat', 'x̂')} + ${symbol('beta', 'β')}`,
      parts` = ${number('gamma', formatNumber(cell.gamma))} · ${number('xhat', show(cell.xHat))}${term('+', 'beta', cell.beta, formatNumber)}`,
      parts` = ${number('y', show(cell.y))}`,
    ),
  );
}
