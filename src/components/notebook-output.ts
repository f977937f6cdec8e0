import { groupHue } from '../lib/lab-state';
import { plotCallKey, type OutputItem, type PlotCall } from './notebook-protocol';
import { chartWidth, formatNumber } from './format';

/**
 * Draws what a cell's run sends back: text, progress lines, show()'s tensor grid (the tensor lab's blocks,
 * tinted by statistic group, with each group's μ and σ), image() on a canvas, plot() with Observable Plot.
 */
function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function drawGrid(item: Extract<OutputItem, { kind: 'grid' }>): HTMLElement {
  const [N, C, H, W] = item.shape;
  const figure = element('figure', 'nb-grid');
  const grid = element('div', 'nb-grid-blocks');
  grid.style.setProperty('--channels', String(C));
  grid.append(element('span', 'lab-axis'));
  for (let c = 0; c < C; c++) grid.append(element('span', 'lab-axis', `c${c}`));
  for (let n = 0; n < N; n++) {
    grid.append(element('span', 'lab-axis', `n${n}`));
    for (let c = 0; c < C; c++) {
      const group = item.groupOf[n * C + c] ?? 0;
      const block = element('div', 'nb-grid-block');
      block.setAttribute('role', 'group');
      block.setAttribute('aria-label', `sample ${n}, channel ${c}, statistic group ${item.groups[group]?.label ?? group}`);
      block.style.setProperty('--width', String(W));
      block.style.setProperty('--hue', String(groupHue(group)));
      for (let h = 0; h < H; h++)
        for (let w = 0; w < W; w++) {
          const value = item.values[((n * C + c) * H + h) * W + w] ?? NaN;
          const cell = element('span', 'nb-grid-cell', formatNumber(value));
          cell.dataset.value = String(value);
          block.append(cell);
        }
      grid.append(block);
    }
  }
  const stats = element('div', 'nb-grid-stats');
  item.groups.forEach((group, g) => {
    const stat = element('span', 'nb-grid-stat', `${group.label}: μ = ${formatNumber(group.mean)}, σ = ${formatNumber(group.std)}`);
    stat.style.setProperty('--hue', String(groupHue(g)));
    stats.append(stat);
  });
  const caption = element(
    'figcaption',
    'nb-grid-caption',
    `[${item.shape.join(', ')}] as [N, C, H, W]; tints and μ, σ (no ε) per ${item.method} normalisation group`,
  );
  const scroll = element('div', 'nb-grid-scroll');
  scroll.append(grid);
  figure.append(scroll, stats, caption);
  return figure;
}

function drawImage(item: Extract<OutputItem, { kind: 'image' }>): HTMLElement {
  const canvas = element('canvas', 'nb-image');
  canvas.width = item.width;
  canvas.height = item.height;
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', `image ${item.width} × ${item.height} drawn by the cell`);
  canvas.getContext('2d')?.putImageData(new ImageData(new Uint8ClampedArray(item.rgba), item.width, item.height), 0, 0);
  return canvas;
}

type PlotModule = typeof import('@observablehq/plot');

/** Rebuilds the calls the worker recorded (`Plot.dot(data, options)`) into Plot marks and transforms. */
function rebuild(value: unknown, Plot: PlotModule): unknown {
  if (Array.isArray(value)) return value.map((item) => rebuild(item, Plot));
  if (typeof value !== 'object' || value === null || ArrayBuffer.isView(value)) return value;
  const call = value as Partial<PlotCall>;
  const name = call[plotCallKey];
  if (typeof name === 'string') {
    const make = (Plot as unknown as Record<string, unknown>)[name];
    if (typeof make !== 'function') throw new Error(`Plot has no function named ${name}.`);
    return (make as (...args: unknown[]) => unknown)(...(call.args ?? []).map((arg) => rebuild(arg, Plot)));
  }
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, rebuild(item, Plot)]));
}

async function drawPlot(spec: unknown, host: HTMLElement): Promise<Element> {
  const Plot = await import('@observablehq/plot');
  const options = rebuild(spec, Plot) as Record<string, unknown>;
  const chart = Plot.plot({ width: chartWidth(host), style: { background: 'transparent', color: 'var(--fg)' }, ...options } as Parameters<
    PlotModule['plot']
  >[0]);
  chart.classList.add('nb-plot');
  return chart;
}

/** Appends one output item; a progress line with the same key is updated in place. */
export async function drawOutput(host: HTMLElement, item: OutputItem): Promise<void> {
  switch (item.kind) {
    case 'text':
      host.append(element('pre', `nb-text${item.tone ? ` nb-text-${item.tone}` : ''}`, item.text));
      return;
    case 'progress': {
      const existing = [...host.querySelectorAll<HTMLElement>('.nb-progress')].find((node) => node.dataset.key === item.key);
      const line = existing ?? element('p', 'nb-progress');
      line.dataset.key = item.key;
      line.textContent = item.text;
      if (!existing) host.append(line);
      return;
    }
    case 'grid':
      host.append(drawGrid(item));
      return;
    case 'image':
      host.append(drawImage(item));
      return;
    case 'plot': {
      // Keeps the output's order while Plot loads.
      const slot = element('div', 'nb-plot-slot');
      host.append(slot);
      try {
        slot.append(await drawPlot(item.spec, host));
      } catch (error) {
        slot.append(element('pre', 'nb-text nb-text-error', `plot() failed: ${error instanceof Error ? error.message : String(error)}`));
      }
    }
  }
}
