import { describe, expect, test } from 'vitest';
import { useSite } from './harness';
import { codeCellIds, openWithCode, press } from './notebook-page';
import type { LessonNotebook } from '../../src/notebook/types';

/**
 * Lessons 2–6's notebooks in the built site, one page each: every code cell runs to the end in the browser's
 * worker with the real models, and every exercise passes its own solution. Lesson 1 has the deeper checks in
 * notebook.test.ts (each cell run ten times without a leak, wrong answers rejected with their hint); the Node
 * test test/notebook/content.test.ts rejects every starter.
 */
const site = useSite();

const lessons = ['02-batch-vs-instance', '03-adain', '04-style-transfer', '05-stylegan', '06-style-mixing'];

describe.each(lessons)('the notebook of lesson %s', (file) => {
  test('runs every code cell, then passes every exercise its solution', async () => {
    const notebook = ((await import(`../../src/notebook/en/${file}.ts`)) as { default: LessonNotebook }).default;
    const solutions = Object.fromEntries(notebook.exercises.map((exercise) => [exercise.id, exercise.solution]));
    const { page, errors } = await openWithCode(site, `/lessons/${file.replace(/^\d+-/, '')}/`, solutions);
    const ids = await codeCellIds(page);
    expect(ids).toEqual(notebook.cells.map((cell) => cell.id));
    // Running the last cell runs the earlier ones first, in page order (the exercises above it too).
    await press(page, ids.at(-1)!, '.nb-run', 240_000);
    for (const id of ids) {
      const cell = page.locator(`#cell-${id}`);
      expect(`${id}: ${await cell.getAttribute('data-state')}: ${(await cell.locator('.nb-output').innerText()).slice(0, 300)}`).toMatch(/^[^:]+: done: /);
    }
    for (const { id } of notebook.exercises) {
      await press(page, id, '.nb-check');
      expect(await page.locator(`#cell-${id} .nb-check-result`).innerText(), id).toMatch(/^✓ Passed/);
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});
