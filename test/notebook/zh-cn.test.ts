import { readFile, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LessonNotebook } from '../../src/notebook/types';

/**
 * The Chinese edition's notebooks: the same items as the English ones, in the same order, with the same code,
 * checkers, answers and lab links; only the prose is translated. The Chinese lessons place the items where
 * the English lessons do.
 */
const root = resolve(import.meta.dirname, '../..');
const files = (await readdir(join(root, 'src/notebook/en'))).filter((file) => file.endsWith('.ts'));

async function notebookOf(locale: string, file: string): Promise<LessonNotebook> {
  return ((await import(`../../src/notebook/${locale}/${file}`)) as { default: LessonNotebook }).default;
}

/** At least one CJK character: the text was translated, not copied. */
const chinese = /[\u4e00-\u9fff]/;

describe.each(files)('the Chinese notebook %s', async (file) => {
  const en = await notebookOf('en', file);
  const zh = await notebookOf('zh-cn', file);

  it('has the English ids, in the English order', () => {
    for (const kind of ['cells', 'exercises', 'questions'] as const) expect(zh[kind].map((item) => item.id)).toEqual(en[kind].map((item) => item.id));
  });

  it("runs the English code: every cell's code, every exercise's starter, solution and checker", () => {
    zh.cells.forEach((cell, i) => {
      expect(cell.code).toBe(en.cells[i]!.code);
      expect(cell.pytorch).toBe(en.cells[i]!.pytorch);
    });
    zh.exercises.forEach((exercise, i) => {
      const { starter, solution, entry, check, pytorch } = en.exercises[i]!;
      expect({ starter: exercise.starter, solution: exercise.solution, entry: exercise.entry, check: exercise.check, pytorch: exercise.pytorch }).toEqual({
        starter,
        solution,
        entry,
        check,
        pytorch,
      });
    });
  });

  it('keeps each answer and lab link, and translates every text', () => {
    zh.questions.forEach((question, i) => {
      const english = en.questions[i]!;
      expect(question.answer).toBe(english.answer);
      expect(question.lab?.href).toBe(english.lab?.href);
      for (const text of [
        question.prompt,
        question.explanation,
        question.lab?.label ?? '',
        ...question.choices.filter((_, c) => /[a-z]{3}/i.test(english.choices[c]!)),
      ])
        expect(text, question.id).toMatch(chinese);
    });
    for (const item of [...zh.cells.map((cell) => cell.title ?? ''), ...zh.exercises.flatMap((exercise) => [exercise.title, exercise.task])])
      expect(item).toMatch(chinese);
  });

  it('is placed in the Chinese lesson as in the English one', async () => {
    const tags = async (locale: string) =>
      [
        ...(await readFile(join(root, 'src/lessons', locale, file.replace(/\.ts$/, '.mdx')), 'utf8')).matchAll(
          /^<(?:CodeCell|Exercise|Question) id="[^"]+" \/>$/gm,
        ),
      ].map(([tag]) => tag);
    expect(await tags('zh-cn')).toEqual(await tags('en'));
  });
});
