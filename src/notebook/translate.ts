import type { LessonNotebook } from './types';

/**
 * A translated edition of a lesson's notebook: the English items with their prose replaced, by id. Code,
 * PyTorch code, entries, checkers, answers and lab links stay the English ones, so both editions run the
 * same cells and a fix to a cell reaches both. A missing or extra translation fails the build.
 */
export interface NotebookProse {
  /** Cell titles, by cell id. */
  cells: Record<string, string>;
  exercises: Record<string, { title: string; task: string }>;
  /** `lab`: the label of the question's lab link. */
  questions: Record<string, { prompt: string; choices: string[]; explanation: string; lab: string }>;
}

function translationOf<T>(table: Record<string, T>, id: string, what: string): T {
  const found = table[id];
  if (found === undefined) throw new Error(`The translated notebook lacks ${what} "${id}".`);
  return found;
}

export function translateNotebook(english: LessonNotebook, prose: NotebookProse): LessonNotebook {
  const ids = { cells: english.cells, exercises: english.exercises, questions: english.questions };
  for (const kind of ['cells', 'exercises', 'questions'] as const) {
    const known = new Set(ids[kind].map((item) => item.id));
    const extra = Object.keys(prose[kind]).filter((id) => !known.has(id));
    if (extra.length > 0) throw new Error(`The translated notebook has ${kind} the English one lacks: ${extra.join(', ')}.`);
  }
  return {
    cells: english.cells.map((cell) => ({ ...cell, title: translationOf(prose.cells, cell.id, 'the title of cell') })),
    exercises: english.exercises.map((exercise) => ({ ...exercise, ...translationOf(prose.exercises, exercise.id, 'exercise') })),
    questions: english.questions.map((question) => {
      const { lab, ...text } = translationOf(prose.questions, question.id, 'question');
      if (text.choices.length !== question.choices.length) throw new Error(`Question "${question.id}" needs ${question.choices.length} translated choices.`);
      return { ...question, ...text, ...(question.lab ? { lab: { ...question.lab, label: lab } } : {}) };
    }),
  };
}
