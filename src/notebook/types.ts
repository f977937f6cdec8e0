import type { CheckId } from '../lib/exercise-checks';

/**
 * The shape of a lesson's notebook content (cells, exercises, questions), shared by the content files in
 * src/notebook/<lang>/ and the runtime components. Text fields are plain text with inline `code` (no math),
 * so a translated edition can replace them one by one; code fields are JavaScript.
 */
export interface CellSpec {
  id: string;
  title?: string;
  code: string;
  /** The equivalent PyTorch code, shown read-only beside the cell. */
  pytorch?: string;
}

export interface ExerciseSpec {
  id: string;
  title: string;
  task: string;
  starter: string;
  solution: string;
  /** Name of the function the reader's code defines, e.g. 'instanceNorm'. */
  entry: string;
  /** Key of src/lib/exercise-checks.ts's registry. */
  check: CheckId;
  pytorch?: string;
}

export interface QuestionSpec {
  id: string;
  prompt: string;
  choices: string[];
  answer: number;
  explanation: string;
  /** A lab URL (relative to the lesson, with its URL state) that answers the question. */
  lab?: { label: string; href: string };
}

export interface LessonNotebook {
  cells: CellSpec[];
  exercises: ExerciseSpec[];
  questions: QuestionSpec[];
}
