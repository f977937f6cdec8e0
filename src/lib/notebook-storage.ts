/**
 * What the notebook keeps in the reader's browser (localStorage, passed in as a KeyValueStore so this stays
 * free of the DOM): each cell's edited code, and the lesson's progress (exercises passed, questions answered).
 */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export function codeKey(lesson: string, cellId: string): string {
  return `notebook:code:${lesson}:${cellId}`;
}

export function progressKey(lesson: string): string {
  return `notebook:progress:${lesson}`;
}

export interface LessonProgress {
  /** Ids of exercises whose check has passed. */
  exercises: string[];
  /** Ids of questions answered correctly. */
  questions: string[];
}

export function emptyProgress(): LessonProgress {
  return { exercises: [], questions: [] };
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? [...new Set(value.filter((item): item is string => typeof item === 'string'))] : [];
}

/** Reads a lesson's progress; anything unreadable (a hand edit, an older format) counts as none. */
export function readProgress(store: KeyValueStore, lesson: string): LessonProgress {
  try {
    const parsed = JSON.parse(store.getItem(progressKey(lesson)) ?? 'null') as Partial<LessonProgress> | null;
    return { exercises: stringList(parsed?.exercises), questions: stringList(parsed?.questions) };
  } catch {
    return emptyProgress();
  }
}

export function recordProgress(store: KeyValueStore, lesson: string, kind: keyof LessonProgress, id: string): LessonProgress {
  const progress = readProgress(store, lesson);
  if (!progress[kind].includes(id)) progress[kind].push(id);
  store.setItem(progressKey(lesson), JSON.stringify(progress));
  return progress;
}

export interface ProgressCounts {
  exercisesDone: number;
  exercises: number;
  questionsDone: number;
  questions: number;
}

/** How many of the lesson's exercises and questions are done, counting only ids the lesson still has. */
export function progressCounts(progress: LessonProgress, exerciseIds: readonly string[], questionIds: readonly string[]): ProgressCounts {
  const done = (ids: readonly string[], finished: string[]) => ids.filter((id) => finished.includes(id)).length;
  return {
    exercisesDone: done(exerciseIds, progress.exercises),
    exercises: exerciseIds.length,
    questionsDone: done(questionIds, progress.questions),
    questions: questionIds.length,
  };
}

/** The reader's saved code for a cell, or undefined when they have not edited it. */
export function readCode(store: KeyValueStore, lesson: string, cellId: string): string | undefined {
  return store.getItem(codeKey(lesson, cellId)) ?? undefined;
}

/** Saves an edit; code equal to the original is forgotten, so Reset and later content fixes reach the reader. */
export function writeCode(store: KeyValueStore, lesson: string, cellId: string, code: string, original: string): void {
  if (code === original) store.removeItem(codeKey(lesson, cellId));
  else store.setItem(codeKey(lesson, cellId), code);
}
