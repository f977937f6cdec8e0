import { readFile, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import * as Plot from '@observablehq/plot';
import { exerciseChecks } from '../../src/lib/exercise-checks';
import { exerciseCheckStrings } from '../../src/i18n/exercise-checks';
import { notebookLibrary } from '../../src/lib/notebook-library';
import { disposeGeneratorWeights, loadGeneratorWeights, type GeneratorWeights } from '../../src/lib/generator-weights';
import { defaultLabState, readLabParams, writeLabParams } from '../../src/lib/lab-state';
import { galleryImage, readStyleLabParams, writeStyleLabParams } from '../../src/lib/style-lab-state';
import { readBlockParams, writeBlockParams } from '../../src/lib/block-state';
import { readMixingParams, writeMixingParams } from '../../src/lib/mixing-state';
import { disposeModel, type StyleTransferModel } from '../../src/lib/models';
import { standardNormals } from '../../src/lib/rng';
import { choiceOrder } from '../../src/lib/choice-order';
import type { LessonNotebook } from '../../src/notebook/types';
import { loadTestModel } from '../lib/fixtures';
import { runNetwork } from '../../src/lib/layers';

/**
 * The lessons' notebook content against the library: every exercise's solution passes its checker and its
 * starter does not; every cell runs (with the runtime's display functions replaced by recorders that check
 * what they are given, and the real models); every question's lab link names a state the lab can read.
 */

const root = resolve(import.meta.dirname, '../..');
const lessonSlugs = (await readdir(join(root, 'src/lessons/en'))).filter((f) => f.endsWith('.mdx')).map((f) => f.replace(/\.mdx$/, ''));
const notebooks = Object.fromEntries(
  await Promise.all(lessonSlugs.map(async (slug) => [slug, (await import(`../../src/notebook/en/${slug}.ts`)).default as LessonNotebook] as const)),
);

/** What the runtime shows, recorded; every tensor handed over must still be alive and of a drawable shape. */
interface Shown {
  kind: 'show' | 'image' | 'plot' | 'print';
  detail: string;
}

function displays(shown: Shown[]) {
  const alive = (x: unknown): tf.Tensor => {
    expect(x).toBeInstanceOf(tf.Tensor);
    expect((x as tf.Tensor).isDisposed, 'tensor disposed before it was drawn').toBe(false);
    return x as tf.Tensor;
  };
  return {
    show: async (x: unknown) => {
      expect(alive(x).rank).toBe(4);
      shown.push({ kind: 'show', detail: String((x as tf.Tensor).shape) });
    },
    image: async (x: unknown) => {
      const shape = alive(x).shape;
      expect(shape.at(-1)).toBe(3);
      expect(shape.length === 3 || (shape.length === 4 && shape[0] === 1)).toBe(true);
      shown.push({ kind: 'image', detail: String(shape) });
    },
    plot: (options: { marks?: unknown[] }) => {
      expect(options.marks?.length).toBeGreaterThan(0);
      shown.push({ kind: 'plot', detail: 'plot' });
    },
    print: (...values: unknown[]) => {
      for (const value of values) if (value instanceof tf.Tensor) alive(value);
      shown.push({ kind: 'print', detail: values.map(String).join(' ') });
    },
  };
}

let vgg: StyleTransferModel;
let generator: GeneratorWeights;

function cellGlobals(shown: Shown[]): Record<string, unknown> {
  return {
    ...notebookLibrary,
    Plot,
    models: {
      vgg: async () => ({ encode: (x: tf.Tensor4D) => runNetwork(vgg.encoder, x), decode: (t: tf.Tensor4D) => runNetwork(vgg.decoder, t) }),
      generator: async () => generator,
    },
    images: {
      // A small seeded stand-in with the photo's layout: [1, H, W, 3], 0–255.
      load: async (id: string) => {
        expect(galleryImage(id)?.role, `images.load('${id}') must name a gallery photo`).toBe('photo');
        return tf.tidy(() =>
          tf
            .tensor4d(standardNormals(id.length, 40 * 48 * 3), [1, 40, 48, 3])
            .mul(40)
            .add(128)
            .clipByValue(0, 255),
        );
      },
    },
    ...displays(shown),
  };
}

const AsyncFunction = (async () => {}).constructor as new (...args: string[]) => (...values: unknown[]) => Promise<unknown>;

/** Runs code with the cell globals, as the runtime does (one shared scope for a lesson's cells). */
function runInScope(code: string, globals: Record<string, unknown>): Promise<unknown> {
  return new AsyncFunction(...Object.keys(globals), code)(...Object.values(globals));
}

function compileFunction(code: string, entry: string, globals: Record<string, unknown>): unknown {
  return new Function(...Object.keys(globals), `${code}\nreturn typeof ${entry} === 'undefined' ? undefined : ${entry};`)(...Object.values(globals));
}

/** Tensors a lesson's cells keep at top level for later cells, by lesson (the runtime disposes them on a fresh run). */
const keptTensors: Record<string, number> = {
  '01-normalisation': 1, // x
  '02-batch-vs-instance': 1, // x
  '03-adain': 2, // content, style
  '04-style-transfer': 4, // photo, painting, contentFeatures, styleFeatures
  '05-stylegan': 1, // w
  '06-style-mixing': 2, // wA, wB
};

beforeAll(async () => {
  await tf.setBackend('wasm');
  await tf.ready();
  vgg = await loadTestModel('vgg');
  generator = await loadGeneratorWeights({ baseUrl: '', fetch: async (url) => new Response(await readFile(join(root, 'public/generator', url))) });
});

afterAll(() => {
  disposeModel(vgg);
  disposeGeneratorWeights(generator);
});

it("shows the questions' right answers at more than one place (authors write them first)", () => {
  const shownAt = Object.values(notebooks).flatMap((notebook) =>
    notebook.questions.map((question) => choiceOrder(question.id, question.choices.length).indexOf(question.answer)),
  );
  const counts = new Map<number, number>();
  for (const position of shownAt) counts.set(position, (counts.get(position) ?? 0) + 1);
  expect(counts.size).toBeGreaterThanOrEqual(3);
  expect(Math.max(...counts.values())).toBeLessThanOrEqual(shownAt.length / 2);
});

describe.each(lessonSlugs)('notebook of %s', (slug) => {
  const notebook = notebooks[slug]!;

  it('has at least 3 cells, 2 exercises and 3 questions, with unique ids', () => {
    expect(notebook.cells.length).toBeGreaterThanOrEqual(3);
    expect(notebook.exercises.length).toBeGreaterThanOrEqual(2);
    expect(notebook.questions.length).toBeGreaterThanOrEqual(3);
    const ids = [...notebook.cells, ...notebook.exercises, ...notebook.questions].map((item) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("names no exercise function after a cell global, so running an exercise's starter keeps the later cells working", () => {
    const globals = Object.keys(cellGlobals([]));
    for (const exercise of notebook.exercises) expect(globals, exercise.id).not.toContain(exercise.entry);
  });

  it('is placed in the lesson: every cell, exercise and question once, the cells in the order of this file', async () => {
    const mdx = await readFile(join(root, 'src/lessons/en', `${slug}.mdx`), 'utf8');
    const placed = (tag: string) => [...mdx.matchAll(new RegExp(`^<${tag} id="([^"]+)" />$`, 'gm'))].map(([, id]) => id);
    expect(placed('CodeCell')).toEqual(notebook.cells.map((cell) => cell.id));
    expect(placed('Exercise').sort()).toEqual(notebook.exercises.map((exercise) => exercise.id).sort());
    expect(placed('Question').sort()).toEqual(notebook.questions.map((question) => question.id).sort());
  });

  it('runs every cell in page order, showing live tensors and leaving only the kept ones', async () => {
    const shown: Shown[] = [];
    const before = tf.memory().numTensors;
    await runInScope(notebook.cells.map((cell) => cell.code).join('\n'), cellGlobals(shown));
    expect(shown.length).toBeGreaterThanOrEqual(notebook.cells.length);
    expect(tf.memory().numTensors - before).toBe(keptTensors[slug]);
  });

  describe.each(notebook.exercises.map((exercise) => [exercise.id, exercise] as const))('exercise %s', (_id, exercise) => {
    it('passes its solution', async () => {
      const result = await exerciseChecks[exercise.check](
        compileFunction(exercise.solution, exercise.entry, cellGlobals([])) as never,
        exerciseCheckStrings.en,
      );
      expect(result.message).toMatch(/^Correct/);
      expect(result.passed).toBe(true);
    });

    it('rejects its starter code', async () => {
      const result = await exerciseChecks[exercise.check](compileFunction(exercise.starter, exercise.entry, cellGlobals([])) as never, exerciseCheckStrings.en);
      expect(result.passed).toBe(false);
    });
  });

  describe.each(notebook.questions.map((question) => [question.id, question] as const))('question %s', async (_id, question) => {
    const mdx = await readFile(join(root, 'src/lessons/en', `${slug}.mdx`), 'utf8');

    it('has distinct choices and a valid answer', () => {
      expect(new Set(question.choices).size).toBe(question.choices.length);
      expect(question.answer).toBeGreaterThanOrEqual(0);
      expect(question.answer).toBeLessThan(question.choices.length);
      expect(question.explanation.length).toBeGreaterThan(40);
    });

    it("links to a state the lesson's lab reads back unchanged", () => {
      const href = question.lab?.href ?? '';
      const [query = '', anchor = ''] = href.replace(/^\?/, '').split('#');
      const given = new URLSearchParams(query);
      const written = new URLSearchParams();
      if (mdx.includes('<TensorLab')) writeLabParams(readLabParams(given, defaultLabState()), written);
      if (mdx.includes('<StyleLab')) writeStyleLabParams(readStyleLabParams(given), written);
      if (mdx.includes('<StyleganBlock')) writeBlockParams(readBlockParams(given), written);
      if (mdx.includes('<MixingLab')) writeMixingParams(readMixingParams(given), written);
      expect([...given.keys()].length).toBeGreaterThan(0);
      for (const [key, value] of given) expect(written.get(key), `${key} in ${href}`).toBe(value);
      const headingIds = [...mdx.matchAll(/^#+ (.+)$/gm)].map(([, text]) =>
        text!
          .toLowerCase()
          .replace(/[^a-z0-9 -]/g, '')
          .trim()
          .replace(/ +/g, '-'),
      );
      const labIds = ['mixing-lab', 'style-lab-output-heading'];
      expect([...headingIds, ...labIds], `anchor #${anchor}`).toContain(anchor);
    });
  });
});
