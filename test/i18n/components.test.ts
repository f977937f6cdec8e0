import { describe, expect, test } from 'vitest';
import { locales, type Localized } from '../../src/lib/i18n';

/**
 * The component dictionaries (src/i18n/components/): the type checker proves every key exists in every
 * locale; this checks what it cannot: arrays of the same length, functions taking the same arguments, no
 * empty text, every placeholder kept in every locale, and Chinese punctuation that is full-width next to
 * Chinese characters.
 */
/** The exercise checkers' words live outside components/ (src/lib uses their type) but are a dictionary like these. */
const tables = import.meta.glob<Record<string, Localized<unknown>>>(['../../src/i18n/components/*.ts', '../../src/i18n/exercise-checks.ts'], { eager: true });

type Leaf = { path: string; value: unknown };

function leaves(value: unknown, path = ''): Leaf[] {
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([key, inner]) => leaves(inner, `${path}.${key}`));
  return [{ path, value }];
}

const entries = Object.entries(tables).flatMap(([file, exports]) =>
  Object.entries(exports).map(([name, table]) => [`${file.split('/').pop()} ${name}`, table] as const),
);

/**
 * Arguments for the functions that need more than text: a flag, a list. Every other function is called with
 * one distinct text per parameter.
 */
const sampleArguments: Record<string, unknown[]> = {
  'style-lab.ts styleLabStrings.outOfMemory': [512, true],
  'style-lab.ts styleLabStrings.shareNote': [['⟦a⟧', '⟦b⟧']],
  'style-lab.ts styleLabStrings.timing': ['⟦size⟧', '⟦time⟧', '⟦backend⟧', true],
  'style-lab.ts styleLabStrings.speedYours': ['⟦time⟧', '⟦size⟧', '⟦rate⟧', '⟦backend⟧'],
  'style-lab.ts styleLabStrings.losses': ['⟦content⟧', ['⟦s1⟧', '⟦s2⟧']],
};

/**
 * The tables checked for empty text and kept placeholders: those whose functions all take plain values
 * (others take structured problems, or leave an argument out on purpose).
 */
const plainTables = ['style-lab.ts', 'image-input.ts', 'paint-canvas.ts', 'image-drop.ts', 'pictures.ts', 'webcam-style.ts'];
const plainEntries = entries.filter(([name]) => plainTables.includes(name.split(' ')[0]!));

/** The texts and numbers among the arguments, each of which the result must contain. */
function placeholders(args: unknown[]): string[] {
  return args.flat().flatMap((arg) => (typeof arg === 'string' || typeof arg === 'number' ? [String(arg)] : []));
}

describe('component dictionaries', () => {
  test('there are tables', () => expect(entries.length).toBeGreaterThan(2));

  test.each(entries)('%s: every locale has the same shape as English', (_name, table) => {
    const english = leaves(table.en);
    for (const locale of locales) {
      const translated = leaves(table[locale]);
      expect(translated.map((leaf) => leaf.path)).toEqual(english.map((leaf) => leaf.path));
      translated.forEach((leaf, index) => {
        const original = english[index]?.value;
        expect(typeof leaf.value, leaf.path).toBe(typeof original);
        if (typeof leaf.value === 'function' && typeof original === 'function') expect(leaf.value.length, leaf.path).toBe(original.length);
      });
    }
  });

  test.each(entries)('%s: Chinese punctuation is full-width beside Chinese text', (_name, table) => {
    const strings = leaves(table['zh-cn']).flatMap(({ path, value }) => {
      if (typeof value === 'string') return [{ path, text: value }];
      if (typeof value !== 'function') return [];
      // A function's text: call it with placeholder arguments (one that needs real objects is checked where it is used).
      try {
        const result = (value as (...args: string[]) => unknown)(...Array.from({ length: value.length }, () => '1'));
        return [{ path, text: [result].flat().join('') }];
      } catch {
        return [];
      }
    });
    for (const { path, text } of strings) expect(text, path).not.toMatch(/[\u4e00-\u9fff][,.;:?!]|[,;:?!][\u4e00-\u9fff]/);
  });

  test('the plain tables are all found', () => expect(plainEntries).toHaveLength(plainTables.length));

  test.each(plainEntries)('%s: no text is empty, and every locale keeps every placeholder', (name, table) => {
    for (const locale of locales) {
      for (const { path, value } of leaves(table[locale])) {
        if (typeof value === 'string') expect(value.trim(), `${locale}${path}`).not.toBe('');
        if (typeof value !== 'function') continue;
        const args = sampleArguments[`${name}${path}`] ?? Array.from({ length: value.length }, (_, k) => `⟦${k}⟧`);
        const text = [(value as (...given: unknown[]) => unknown)(...args)].flat().join('');
        expect(text.trim(), `${locale}${path}`).not.toBe('');
        for (const placeholder of placeholders(args)) expect(text, `${locale}${path}`).toContain(placeholder);
      }
    }
  });
});
