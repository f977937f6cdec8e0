import { beforeAll, describe, expect, test } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import type { Page } from 'playwright-core';
import { openPage, useSite, type WatchedPage } from './harness';
import { codeCellIds, exercisesOf, openWithCode, press, unbiasedInstanceNorm } from './notebook-page';
import { normalise } from '../../src/lib/norm';

/**
 * The notebook's code cells in the built site: a cell computes what src/lib computes in Node, an endless loop
 * is stopped and leaves the page working, errors point at the reader's line, a shared link never runs by
 * itself, and rerunning cells leaks no tensors. Test code reaches a cell the way a reader's would: in a link.
 */
const site = useSite();
beforeAll(async () => {
  await tf.setBackend('cpu');
});

const lesson = '/lessons/normalisation/';
/** A cell of lesson 1 that the tests put their code into. */
const cellId = 'layout';

function openCellWithCode(code: string, id = cellId): Promise<WatchedPage> {
  return openWithCode(site, lesson, { [id]: code });
}

async function outputText(page: Page, id = cellId): Promise<string> {
  return page.locator(`#cell-${id} .nb-output`).innerText();
}

describe('a cell computes what the library computes', () => {
  test('instance norm of a given tensor, drawn by show(), equals src/lib in Node', async () => {
    const values = Array.from({ length: 2 * 3 * 2 * 2 }, (_, i) => Math.round(Math.sin(i * 1.7) * 100) / 10);
    const { page, errors } = await openCellWithCode(
      `const x = tf.tensor4d([${values.join(', ')}], [2, 3, 2, 2]);\nshow(toNCHW(normalise(toNHWC(x), { method: 'instance' })))`,
    );
    await press(page, cellId);
    const shown = await page.locator(`#cell-${cellId} .nb-grid-cell`).evaluateAll((cells) => cells.map((cell) => Number((cell as HTMLElement).dataset.value)));
    const expected = tf.tidy(() => {
      const x = tf.tensor4d(values, [2, 3, 2, 2]).transpose<tf.Tensor4D>([0, 2, 3, 1]);
      return Array.from(normalise(x, { method: 'instance' }).transpose([0, 3, 1, 2]).dataSync());
    });
    expect(shown).toHaveLength(expected.length);
    shown.forEach((value, i) => expect(value).toBeCloseTo(expected[i]!, 5));
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('runs that go wrong', () => {
  test('Stop ends while(true){} within a second, the page answers clicks, and the next Run starts afresh', async () => {
    const { page } = await openCellWithCode('const before = 1;\nwhile (true) {}');
    await page.locator(`#cell-${cellId} .nb-run`).click();
    await page.waitForFunction((selector) => document.querySelector<HTMLElement>(selector)?.dataset.state === 'running', `#cell-${cellId}`);
    // Let the worker get into the loop (it first loads tfjs).
    await page.waitForFunction(() => document.querySelector('#cell-layout .backend-name')?.textContent?.startsWith('runs on'), undefined, { timeout: 120_000 });
    await page.waitForTimeout(500);
    // While the loop runs, the page's own event loop answers at once.
    const delay = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const start = performance.now();
          setTimeout(() => resolve(performance.now() - start), 0);
        }),
    );
    expect(delay).toBeLessThan(100);
    // Timed in the page, from the click to the cell saying it stopped (the test's own round trips excluded).
    await page.evaluate(() => {
      const cell = document.querySelector<HTMLElement>('#cell-layout')!;
      cell.querySelector('.nb-stop')!.addEventListener(
        'click',
        () => {
          const clicked = performance.now();
          new MutationObserver((_, observer) => {
            if (cell.dataset.state !== 'stopped') return;
            cell.dataset.stoppedAfter = String(performance.now() - clicked);
            observer.disconnect();
          }).observe(cell, { attributes: true });
        },
        { capture: true },
      );
    });
    await page.locator(`#cell-${cellId} .nb-stop`).click();
    await page.waitForFunction((selector) => document.querySelector<HTMLElement>(selector)?.dataset.stoppedAfter !== undefined, `#cell-${cellId}`, {
      timeout: 5000,
    });
    expect(Number(await page.locator(`#cell-${cellId}`).getAttribute('data-stopped-after'))).toBeLessThan(1000);
    expect(await outputText(page)).toContain('variables of every cell are gone');
    // The page answers: the theme toggle works at once.
    // The page answers a click at once, timed in the page: the theme toggle's handler has run.
    const answer = await page.evaluate(() => {
      const before = document.documentElement.dataset.theme;
      const start = performance.now();
      document.querySelector<HTMLButtonElement>('.theme-toggle')!.click();
      return { ms: performance.now() - start, changed: document.documentElement.dataset.theme !== before };
    });
    expect(answer.changed).toBe(true);
    expect(answer.ms).toBeLessThan(1000);
    // The next Run starts a fresh worker: the lesson's own code runs to the end.
    await page.locator(`#cell-${cellId} .nb-reset`).click();
    await press(page, cellId);
    expect(await page.locator(`#cell-${cellId}`).getAttribute('data-state')).toBe('done');
    await page.close();
  });

  test('a thrown error shows its message and the reader line, and the line is marked', async () => {
    const { page } = await openCellWithCode("const a = 1;\n\nthrow new Error('boom on three')");
    await press(page, cellId);
    const error = page.locator(`#cell-${cellId} .nb-text-error`);
    expect(await error.innerText()).toMatch(/^Line 3 \(throw new Error\('boom on three'\)\): boom on three/);
    await page.close();
  });

  test('a syntax error, a 10⁸-element tensor and a throw inside a promise each give a clear message', async () => {
    const { page } = await openCellWithCode('const x = ;');
    await press(page, cellId);
    expect(await page.locator(`#cell-${cellId} .nb-text-error`).innerText()).toMatch(/^Line 1 .*Syntax error: Unexpected token \(column 11\)/);

    const big = await openCellWithCode('tf.zeros([1e8])');
    await press(big.page, cellId);
    // Either the tensor is summarised (size and first values only) or the worker says it ran out of memory.
    expect(await outputText(big.page)).toMatch(/Tensor float32 \[100000000\]: 100,000,000 values; the first 64|ran out of memory/);

    const unawaited = await openCellWithCode("new Promise(() => { throw new Error('inside a promise') });\n'after'");
    await press(unawaited.page, cellId);
    await unawaited.page.waitForFunction(() => document.querySelector('#cell-layout .nb-output')?.textContent?.includes('inside a promise'));
    expect(await outputText(unawaited.page)).toContain('A promise failed without being awaited: inside a promise');

    const awaited = await openCellWithCode("await new Promise((resolve, reject) => setTimeout(() => reject(new Error('rejected later')), 10))");
    await press(awaited.page, cellId);
    expect(await awaited.page.locator(`#cell-${cellId} .nb-text-error`).innerText()).toContain('rejected later');
    await Promise.all([page, big.page, unawaited.page, awaited.page].map((p) => p.close()));
  });
});

describe('TypeScript in a cell', () => {
  test('annotations and an interface are removed, and an error still names the reader line', async () => {
    const code = [
      'interface Moments {',
      '  mean: number;',
      '}',
      'const x: tf.Tensor = tf.tensor1d([1, 2, 3, 6]);',
      'const moments: Moments = { mean: (await x.mean().data())[0] };',
      'x.dispose();',
      "print('mean', moments.mean);",
      "if (moments.mean === 3) throw new Error('on line 8');",
    ].join('\n');
    const { page, errors } = await openCellWithCode(code);
    await press(page, cellId);
    expect(await outputText(page)).toContain('mean 3');
    expect(await page.locator(`#cell-${cellId} .nb-text-error`).innerText()).toMatch(/^Line 8 \(if \(moments\.mean === 3\).*\): on line 8/);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('links and storage', () => {
  test('a link with code shows the code with a note and does not run it', async () => {
    const code = "print('this must not run by itself')";
    const { page } = await openCellWithCode(code);
    await page.waitForTimeout(1500);
    const cell = page.locator(`#cell-${cellId}`);
    expect(await cell.getAttribute('data-state')).toBeNull();
    expect(await outputText(page)).toBe('');
    expect(await cell.locator('.nb-link-note').isVisible()).toBe(true);
    expect(await page.evaluate(() => document.querySelector('#cell-layout .cm-content, #cell-layout .nb-code')?.textContent)).toBe(code);
    await press(page, cellId);
    expect(await outputText(page)).toContain('this must not run by itself');
    await page.close();
  });

  test('an edit survives a reload', async () => {
    const { page } = await openPage(site.context, site.origin, lesson);
    await page.locator(`#cell-${cellId} .nb-code`).click();
    await page.waitForSelector(`#cell-${cellId}[data-editor=ready] .cm-content`);
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\n// my own line');
    await page.waitForTimeout(600);
    await page.reload();
    expect(await page.locator(`#cell-${cellId}`).evaluate((cell) => cell.querySelector('.cm-content, .nb-code')?.textContent)).toContain('// my own line');
    await page.locator(`#cell-${cellId} .nb-reset`).click();
    await page.close();
  });
});

describe('the editor', () => {
  test('loads in place of the static code without moving the page or changing the cell height', async () => {
    const { page, errors } = await openPage(site.context, site.origin, lesson);
    const cell = page.locator(`#cell-${cellId}`);
    // The cell's top 60 px above the viewport: the case where a swap that grows the page scrolls it.
    const before = await cell.evaluate((node) => {
      window.scrollTo(0, window.scrollY + node.getBoundingClientRect().top + 60);
      return { scroll: window.scrollY, height: node.getBoundingClientRect().height };
    });
    await page.waitForSelector(`#cell-${cellId}[data-editor=ready] .cm-content`);
    const after = await cell.evaluate((node) => ({ scroll: window.scrollY, height: node.getBoundingClientRect().height }));
    expect(after.scroll).toBe(before.scroll);
    expect(Math.abs(after.height - before.height)).toBeLessThan(1);
    expect(await cell.locator('.nb-code').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('tensors', () => {
  test('running every cell of the lesson ten times leaves no more tensors than running them once', async () => {
    const { page, errors } = await openPage(site.context, site.origin, lesson);
    const ids = await codeCellIds(page);
    expect(ids.length).toBeGreaterThan(0);
    const totals: number[] = [];
    for (let round = 0; round < 10; round++) {
      for (const id of ids) {
        await press(page, id);
        expect(await page.locator(`#cell-${id}`).getAttribute('data-state')).toBe('done');
      }
      totals.push(Number((await page.locator(`#cell-${ids.at(-1)} .nb-memory`).innerText()).match(/; ([\d,]+) in the worker/)?.[1]?.replace(/,/g, '')));
    }
    expect(totals.every((total) => total === totals[0])).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  }, 600_000);
});

describe('exercises', () => {
  test('each exercise passes its reference solution and rejects a typical wrong one with a hint', async () => {
    const { page } = await openPage(site.context, site.origin, lesson);
    const exercises = await exercisesOf(page);
    await page.close();
    const entryOf = async (id: string) => exercises.find((exercise) => exercise.id === id)?.entry ?? '';
    expect(exercises.length).toBeGreaterThan(0);
    for (const { id, solution } of exercises) {
      const right = await openCellWithCode(solution, id);
      await press(right.page, id, '.nb-check');
      expect(await right.page.locator(`#cell-${id} .nb-check-result`).innerText()).toMatch(/^✓ Passed/);
      await right.page.close();
      // Unbiased variance, the most common slip, where the solution takes moments; else a function that
      // returns its first argument unchanged.
      const usesMoments = /tf\.moments\(/.test(solution);
      const wrongCode = usesMoments
        ? solution.replace(/tf\.moments\(([^,]+), ([^)]+?)(?:, true)?\)/, (_, x, axes) => `unbiasedMoments(${x}, ${axes})`) + UNBIASED
        : `${solution}\n${await entryOf(id)} = (...args) => args[0];`;
      const wrong = await openCellWithCode(wrongCode, id);
      await press(wrong.page, id, '.nb-check');
      expect(await wrong.page.locator(`#cell-${id} .nb-check-result`).innerText()).toMatch(usesMoments ? /^✗ Not yet\. .*(n − 1|unbiased)/i : /^✗ Not yet\./);
      await wrong.page.close();
    }
  }, 300_000);
});

describe('on a Chinese lesson page', () => {
  test('a wrong exercise answer gets the Chinese hint, and a syntax error the Chinese message', async () => {
    const zhLesson = `/zh-cn${lesson}`;
    const wrong = await openWithCode(site, zhLesson, { 'instance-norm': unbiasedInstanceNorm });
    await press(wrong.page, 'instance-norm', '.nb-check');
    expect(await wrong.page.locator('#cell-instance-norm .nb-check-result').innerText()).toMatch(
      /^✗ 还没有通过。在一个形状为 \[1, 4, 4, 2\]、epsilon = 0\.00001 的随机 x 上：你的 σ 大了 3\.2\d* %：是不是除以了 n − 1？归一化用的是总体方差/,
    );
    expect(wrong.errors).toEqual([]);
    await wrong.page.close();

    const syntax = await openWithCode(site, zhLesson, { [cellId]: 'const x = ;' });
    await press(syntax.page, cellId);
    expect(await syntax.page.locator(`#cell-${cellId} .nb-text-error`).innerText()).toMatch(/^第 1 行.*：语法错误：Unexpected token（第 11 列）。/);
    expect(await syntax.page.locator(`#cell-${cellId} .nb-status`).innerText()).toMatch(/^[\d.]+ 秒后失败。$/);
    await syntax.page.close();
  }, 120_000);
});

const UNBIASED = `
function unbiasedMoments(x, axes) {
  const mean = tf.mean(x, axes, true);
  const n = axes.reduce((count, axis) => count * x.shape[axis], 1);
  const variance = tf.sum(tf.square(tf.sub(x, mean)), axes, true).div(n - 1);
  return { mean, variance };
}`;

describe('questions', () => {
  test('show their choices in a shuffled order, each with its own words, and judge the answer of the notebook file right', async () => {
    const notebook = (await import('../../src/notebook/en/01-normalisation')).default;
    const { page, errors } = await openPage(site.context, site.origin, lesson);
    const shownFirst: number[] = [];
    for (const question of notebook.questions) {
      const form = page.locator(`#question-${question.id}`);
      const shown = await form
        .locator('.nb-choice')
        .evaluateAll((labels) =>
          labels.map((label) => ({ index: Number(label.querySelector('input')!.value), text: (label as HTMLElement).innerText.trim() })),
        );
      // Every choice once, and each radio carries the words of the choice it stands for.
      expect(shown.map(({ index }) => index).sort()).toEqual(question.choices.map((_, index) => index));
      for (const { index, text } of shown) expect(text).toBe(question.choices[index]!.replace(/`/g, ''));
      shownFirst.push(shown[0]!.index);

      await form.locator(`input[value="${question.answer === 0 ? 1 : 0}"]`).check();
      await form.locator('.nb-answer').click();
      await expect.poll(() => form.getAttribute('data-correct')).toBe('false');
      await form.locator(`input[value="${question.answer}"]`).check();
      await form.locator('.nb-answer').click();
      await expect.poll(() => form.getAttribute('data-correct')).toBe('true');
      expect(await form.locator('.nb-explanation').isVisible()).toBe(true);
    }
    // The file lists each right answer first; the page must not always show it first.
    expect(shownFirst.some((index, i) => index !== notebook.questions[i]!.answer)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
