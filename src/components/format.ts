/** Three decimals for everyday values; scientific notation where fixed decimals would hide the number; 0 as 0. */
export function formatNumber(value: number): string {
  if (value === 0) return '0';
  if (!Number.isFinite(value)) return String(value);
  const size = Math.abs(value);
  if (size !== 0 && (size >= 1e5 || size < 1e-3)) return value.toExponential(2);
  return value.toFixed(3);
}

/** A download's size, e.g. "7.3 MB" (decimal megabytes, as the models' sizes are given). */
export function formatMegabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

/**
 * The width a Plot chart is drawn at: the width its container gets (so text stays legible on a phone
 * instead of shrinking with the SVG), kept between 280 px and `widest`.
 */
export function chartWidth(container: Element | null | undefined, widest = 640): number {
  return Math.max(280, Math.min(widest, container?.clientWidth || widest));
}

/** The text style of the lessons' Plot charts: the page's colour and a legible size on a clear background. */
export const chartStyle = { background: 'transparent', color: 'var(--fg)', fontSize: '12px' };
