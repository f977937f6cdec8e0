import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { glossary } from '../../src/lib/glossary';

/** The translators' term list: a Markdown table | English | standard Chinese | course wording |. */
const sharedGlossary = resolve(import.meta.dirname, '../../../shared/GLOSSARY-zh.md');

function sharedTerms(): Map<string, string> {
  const rows = readFileSync(sharedGlossary, 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| English') && !line.startsWith('|---'));
  return new Map(
    rows.map((line) => {
      const [en = '', zh = ''] = line
        .split('|')
        .slice(1)
        .map((cell) => cell.trim());
      return [en, zh];
    }),
  );
}

describe('glossary', () => {
  test('ids are unique and safe as URL fragments', () => {
    const ids = glossary.map((term) => term.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9-]*$/);
  });

  test('every term has a Chinese definition written in Chinese', () => {
    for (const term of glossary) expect(term.definitionZh, term.id).toMatch(/[\u4e00-\u9fff]{4}/);
  });

  test('English terms are unique', () => {
    const terms = glossary.map((term) => term.en);
    expect(new Set(terms).size).toBe(terms.length);
  });

  test.skipIf(!existsSync(sharedGlossary))('every term has the standard Chinese term of the translators’ list', () => {
    const shared = sharedTerms();
    expect(shared.size).toBeGreaterThan(30);
    for (const term of glossary) expect(term.zh, term.en).toBe(shared.get(term.en));
    // And no term of that list is missing here.
    expect(glossary.map((term) => term.en).sort()).toEqual([...shared.keys()].sort());
  });
});
