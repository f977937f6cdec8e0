/**
 * A lab's state in the page URL, declared once per field, in the spirit of tensorflow/playground's
 * state.ts: each field names its query key, how to read its text and how to write it. Reading never
 * throws: a missing or malformed value keeps the default. Writing keeps the other keys (?backend=, other
 * labs' keys). Rules that tie fields together (a cell inside the shape) belong to the lab's own module.
 */
export interface UrlField<T> {
  key: string;
  /** The value the text stands for, or undefined when the text is malformed. */
  read(text: string): T | undefined;
  /** The text for a value; undefined removes the key (an empty list, something a link cannot hold). */
  write(value: T): string | undefined;
}

export type UrlCodec<State> = { readonly [Name in keyof State]?: UrlField<State[Name]> };

function fieldsOf<State>(codec: UrlCodec<State>): [keyof State, UrlField<State[keyof State]>][] {
  return Object.entries(codec) as [keyof State, UrlField<State[keyof State]>][];
}

export function readUrlState<State extends object>(codec: UrlCodec<State>, params: URLSearchParams, defaults: State): State {
  const state = { ...defaults };
  for (const [name, field] of fieldsOf(codec)) {
    const text = params.get(field.key);
    const value = text === null ? undefined : field.read(text);
    if (value !== undefined) state[name] = value;
  }
  return state;
}

/** The keys present in `params` whose text the field cannot read ("block-seed=abc"), so the page can say so and drop them. */
export function malformedUrlKeys<State extends object>(codec: UrlCodec<State>, params: URLSearchParams): string[] {
  return fieldsOf(codec)
    .filter(([, field]) => {
      const text = params.get(field.key);
      return text !== null && field.read(text) === undefined;
    })
    .map(([, field]) => field.key);
}

export function writeUrlState<State extends object>(codec: UrlCodec<State>, state: State, params: URLSearchParams): URLSearchParams {
  for (const [name, field] of fieldsOf(codec)) {
    const text = field.write(state[name]);
    if (text === undefined) params.delete(field.key);
    else params.set(field.key, text);
  }
  return params;
}

/** A whole number in [min, max], written in decimal digits only. */
export function wholeNumberField(key: string, min: number, max: number): UrlField<number> {
  return {
    key,
    read: (text) => {
      const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
      return Number.isSafeInteger(value) && value >= min && value <= max ? value : undefined;
    },
    write: String,
  };
}

/** Any finite number, brought into range by `fit` (clamp, snap to a step); written in JavaScript's shortest round-trip form. */
export function numberField(key: string, fit: (value: number) => number = (value) => value, write: (value: number) => string = String): UrlField<number> {
  return {
    key,
    read: (text) => {
      const value = text.trim() === '' ? Number.NaN : Number(text);
      return Number.isFinite(value) ? fit(value) : undefined;
    },
    write,
  };
}

/** One of a fixed list of values (strings or numbers), written as text. */
export function choiceField<T extends string | number>(key: string, choices: readonly T[]): UrlField<T> {
  return { key, read: (text) => choices.find((choice) => String(choice) === text), write: String };
}

/** true ↔ '1', false ↔ '0'. */
export function flagField(key: string): UrlField<boolean> {
  return { key, read: (text) => (text === '1' ? true : text === '0' ? false : undefined), write: (value) => (value ? '1' : '0') };
}

/** One character per item for a list of booleans of a fixed length, e.g. 'rrcc' for [true, true, false, false]. */
export function flagsField(key: string, length: number, trueChar: string, falseChar: string): UrlField<boolean[]> {
  return {
    key,
    read: (text) =>
      text.length === length && [...text].every((ch) => ch === trueChar || ch === falseChar) ? [...text].map((ch) => ch === trueChar) : undefined,
    write: (flags) => flags.map((flag) => (flag ? trueChar : falseChar)).join(''),
  };
}

/**
 * A list of items joined by `separator`. `item` reads one part (undefined: malformed); with `length` the
 * list must have exactly that many items, each valid, or the whole list falls back.
 */
export function listField<T>(key: string, separator: string, item: Omit<UrlField<T>, 'key'>, length?: number): UrlField<T[]> {
  return {
    key,
    read: (text) => {
      const items = text.split(separator).map((part) => item.read(part));
      if (length !== undefined && items.length !== length) return undefined;
      return items.every((value) => value !== undefined) ? (items as T[]) : undefined;
    },
    write: (values) => values.map((value) => item.write(value)).join(separator),
  };
}
