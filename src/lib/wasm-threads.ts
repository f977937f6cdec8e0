/**
 * The WebAssembly thread count a page asks for with `?threads=N`: a whole number from 1 to the device's
 * cores. Anything else is brought into that range, with a note for the reader that says what was used.
 */
export interface ThreadsChoice {
  threads: number;
  notice?: string;
}

export function threadsFromUrl(text: string | null, cores: number): ThreadsChoice {
  const all = Math.max(1, Math.floor(cores) || 1);
  const every = `every core (${all})`;
  if (text === null || text.trim() === '') return { threads: all };
  const trimmed = text.trim();
  const value = /^[+-]?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(trimmed) ? Number(trimmed) : Number.NaN;
  if (!Number.isInteger(value)) return { threads: all, notice: `?threads=${trimmed} is not a whole number: using ${every}.` };
  if (value < 1) return { threads: 1, notice: `?threads=${trimmed} is below 1: using 1 thread.` };
  if (value > all) return { threads: all, notice: `?threads=${trimmed} is more than this device's ${all} cores: using ${every}.` };
  return { threads: value };
}
