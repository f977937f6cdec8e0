import { describe, expect, test } from 'vitest';
import { useSite } from './harness';
import { openWithCode, press, unbiasedInstanceNorm } from './notebook-page';
import type { LessonNotebook } from '../../src/notebook/types';

/**
 * The exercises' checkers on the GPU backends, which compute in a different order and, on WebGL, through
 * textures: lessons 1–3's exercises (small tensors; these backends are software-emulated here, so the URL
 * forces them) pass their solutions, and the most common slip still gets its hint. Lessons 4–6 check with
 * the real models, too slow on an emulated GPU; notebook-lessons.test.ts runs them on WebAssembly.
 */
const site = useSite();

const lessons = ['01-normalisation', '02-batch-vs-instance', '03-adain'];
const backendNames = { webgpu: 'WebGPU', webgl: 'WebGL' } as const;

describe.each(Object.entries(backendNames))('the notebook on %s', (backend, name) => {
  test.each(lessons)(
    'lesson %s: every exercise passes its solution',
    async (file) => {
      const notebook = ((await import(`../../src/notebook/en/${file}.ts`)) as { default: LessonNotebook }).default;
      const solutions = Object.fromEntries(notebook.exercises.map((exercise) => [exercise.id, exercise.solution]));
      const { page, errors } = await openWithCode(site, `/lessons/${file.replace(/^\d+-/, '')}/?backend=${backend}`, solutions);
      expect(notebook.exercises.length).toBeGreaterThan(0);
      for (const { id } of notebook.exercises) {
        await press(page, id, '.nb-check', 240_000);
        expect(await page.locator(`#cell-${id} .backend-name`).textContent(), id).toBe(`runs on ${name}`);
        expect(await page.locator(`#cell-${id} .nb-check-result`).innerText(), id).toMatch(/^✓ Passed/);
      }
      expect(errors).toEqual([]);
      await page.close();
    },
    300_000,
  );

  test('the unbiased variance is rejected with its hint', async () => {
    const { page, errors } = await openWithCode(site, `/lessons/normalisation/?backend=${backend}`, { 'instance-norm': unbiasedInstanceNorm });
    await press(page, 'instance-norm', '.nb-check', 240_000);
    expect(await page.locator('#cell-instance-norm .backend-name').textContent()).toBe(`runs on ${name}`);
    expect(await page.locator('#cell-instance-norm .nb-check-result').innerText()).toMatch(/^✗ Not yet\. .*n − 1/);
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);
});
