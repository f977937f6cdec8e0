/**
 * The WebAssembly thread count a page asks for with `?threads=N`: a whole number from 1 to the device's
 * cores. Anything else is brought into that range, and `problem` says why, for a note to the reader
 * (src/i18n/components/backend.ts words it).
 */
export interface ThreadsProblem {
  kind: 'not whole' | 'below one' | 'above cores';
  /** The value as the address gave it (trimmed). */
  asked: string;
  /** The device's cores: the threads used for 'not whole' and 'above cores'. */
  cores: number;
}

export interface ThreadsChoice {
  threads: number;
  problem?: ThreadsProblem;
}

export function threadsFromUrl(text: string | null, cores: number): ThreadsChoice {
  const all = Math.max(1, Math.floor(cores) || 1);
  if (text === null || text.trim() === '') return { threads: all };
  const asked = text.trim();
  const value = /^[+-]?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(asked) ? Number(asked) : Number.NaN;
  if (!Number.isInteger(value)) return { threads: all, problem: { kind: 'not whole', asked, cores: all } };
  if (value < 1) return { threads: 1, problem: { kind: 'below one', asked, cores: all } };
  if (value > all) return { threads: all, problem: { kind: 'above cores', asked, cores: all } };
  return { threads: value };
}
