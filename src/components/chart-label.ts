/**
 * Observable Plot labels each mark's <g> with the mark's type ("dot", "line", "rule"). ARIA forbids
 * aria-label on a <g> without a role, and the words tell a reader nothing, so they go; the chart as a whole
 * is one image with a label that says what it shows (when a label is given; otherwise its container has one).
 */
export function labelChart(chart: Element, label?: string): void {
  for (const group of chart.querySelectorAll('g[aria-label], g[aria-description]')) {
    group.removeAttribute('aria-label');
    group.removeAttribute('aria-description');
  }
  if (label === undefined) return;
  chart.setAttribute('role', 'img');
  chart.setAttribute('aria-label', label);
}
