import { groupLabel, type LabState } from '../lib/lab-state';
import { cellReadout, resultFits, type LabResult } from '../lib/lab-readout';
import { formatNumber } from './format';
import { element } from './island';

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
  const label = groupLabel(state, cell.group);
  const texts: Partial<Record<SymbolName, string>> = {
    x: `x = ${formatNumber(cell.x)} (selected cell n${n} c${c} h${h} w${w})`,
    epsilon: `ε = ${state.epsilon}`,
  };
  if (state.method !== 'adain') {
    texts.gamma = `γ = ${formatNumber(cell.gamma)} (channel ${c})`;
    texts.beta = `β = ${formatNumber(cell.beta)} (channel ${c})`;
  }
  if (!resultFits(state, result)) return texts;
  texts.mu = `μ = ${formatNumber(cell.mean)} (group ${label})`;
  texts.sigma2 = `σ² = ${formatNumber(cell.variance)} (group ${label})`;
  texts.sigma = `σ = √(σ² + ε) = ${formatNumber(cell.sigma)} (group ${label})`;
  texts.xhat = `x̂ = ${formatNumber(cell.xHat)}`;
  texts.y = `${state.method === 'adain' ? 'AdaIN(x, y)' : 'y'} = ${formatNumber(cell.y)}`;
  if (state.method === 'adain' && result.styleMean && result.styleStd) {
    texts.style = `y: the style tensor, sample ${n}, channel ${c}`;
    texts['mu-style'] = `μ(y) = ${formatNumber(cell.styleMean)} (style ${label})`;
    texts['sigma-style'] = `σ(y) = ${formatNumber(cell.styleStd)} (style ${label})`;
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
function term(operator: '+' | '−', name: SymbolName, value: number, text: (value: number) => string): (HTMLElement | string)[] {
  if (!(value < 0)) return [` ${operator} `, number(name, text(value))];
  return [` ${operator === '+' ? '−' : '+'} `, number(name, text(-value))];
}

function line(...parts: (HTMLElement | string)[]): HTMLElement {
  const p = element('p', {}, 'lab-readout-line');
  p.append(...parts);
  return p;
}

/** The selected cell's formula lines, with '…' where the numbers are still being computed. */
export function renderReadout(host: Element, state: LabState, content: Float64Array, result: LabResult | undefined): void {
  const [n, c, h, w] = state.selected;
  const cell = cellReadout(state, content, result);
  const fits = resultFits(state, result);
  const show = (value: number): string => (fits ? formatNumber(value) : '…');
  const heading = line(
    'Selected cell ',
    symbol('x', `x[n=${n}, c=${c}, h=${h}, w=${w}]`),
    ' = ',
    number('x', formatNumber(cell.x)),
    `. For the selected cell's group (${groupLabel(state, cell.group)}): `,
    symbol('mu', 'μ'),
    ' = ',
    number('mu', show(cell.mean)),
    ', ',
    symbol('sigma', 'σ'),
    ' = ',
    number('sigma', show(cell.sigma)),
    '.',
  );
  if (state.method === 'adain') {
    host.replaceChildren(
      heading,
      line(
        'AdaIN(',
        symbol('x', 'x'),
        ', ',
        symbol('style', 'y'),
        ') = ',
        symbol('sigma-style', 'σ(y)'),
        ' · (',
        symbol('x', 'x'),
        ' − ',
        symbol('mu', 'μ(x)'),
        ') / ',
        symbol('sigma', 'σ(x)'),
        ' + ',
        symbol('mu-style', 'μ(y)'),
        ' = ',
        number('sigma-style', show(cell.styleStd)),
        ' · (',
        number('x', formatNumber(cell.x)),
        ...term('−', 'mu', cell.mean, show),
        ') / ',
        number('sigma', show(cell.sigma)),
        ...term('+', 'mu-style', cell.styleMean, show),
        ' = ',
        number('y', show(cell.y)),
      ),
      line(
        'with ',
        symbol('sigma', 'σ(x)'),
        ' = √(',
        symbol('sigma2', 'σ²(x)'),
        ' + ',
        symbol('epsilon', 'ε'),
        ') = √(',
        number('sigma2', show(cell.variance)),
        ' + ',
        number('epsilon', String(state.epsilon)),
        '); the style side takes no ε.',
      ),
    );
    return;
  }
  host.replaceChildren(
    heading,
    line(
      symbol('xhat', 'x̂'),
      ' = (',
      symbol('x', 'x'),
      ' − ',
      symbol('mu', 'μ'),
      ') / √(',
      symbol('sigma2', 'σ²'),
      ' + ',
      symbol('epsilon', 'ε'),
      ') = (',
      number('x', formatNumber(cell.x)),
      ...term('−', 'mu', cell.mean, show),
      ') / √(',
      number('sigma2', show(cell.variance)),
      ' + ',
      number('epsilon', String(state.epsilon)),
      ') = ',
      number('xhat', show(cell.xHat)),
    ),
    line(
      symbol('y', 'y'),
      ' = ',
      symbol('gamma', 'γ'),
      ' · ',
      symbol('xhat', 'x̂'),
      ' + ',
      symbol('beta', 'β'),
      ' = ',
      number('gamma', formatNumber(cell.gamma)),
      ' · ',
      number('xhat', show(cell.xHat)),
      ...term('+', 'beta', cell.beta, formatNumber),
      ' = ',
      number('y', show(cell.y)),
    ),
  );
}
