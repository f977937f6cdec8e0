import type { Localized } from '../../lib/i18n';
import type { ProgressCounts } from '../../lib/notebook-storage';

/** The home page's progress line on a lesson card (index.astro's script). */
const en = {
  /** e.g. "Your progress: 1 of 2 exercises · 2 of 3 questions" */
  progress: ({ exercisesDone, exercises, questionsDone, questions }: ProgressCounts) =>
    `Your progress: ${exercisesDone} of ${exercises} exercises · ${questionsDone} of ${questions} questions`,
};

const zhCn: typeof en = {
  progress: ({ exercisesDone, exercises, questionsDone, questions }) => `你的进度：练习 ${exercisesDone} / ${exercises} · 问题 ${questionsDone} / ${questions}`,
};

export const lessonProgressStrings: Localized<typeof en> = { en, 'zh-cn': zhCn };
