import type { LessonNotebook } from '../notebook/types';
import { defaultLocale, isLocale, type Locale } from '../lib/i18n';

/**
 * Build-time lookup of a lesson's notebook (src/notebook/<locale>/<NN-slug>.ts) for the page a component is
 * rendered on: components take only an id in MDX and find their lesson from the page's URL.
 */
const files = import.meta.glob<{ default: LessonNotebook }>('../notebook/*/*.ts', { eager: true });

export interface LessonKey {
  locale: Locale;
  slug: string;
}

export function lessonOfPath(pathname: string, base: string): LessonKey | undefined {
  const rest = pathname.startsWith(base) ? pathname.slice(base.length) : pathname;
  const match = rest.replace(/^\//, '').match(/^(?:([a-z]{2}(?:-[a-z]{2})?)\/)?lessons\/([^/]+)\/?$/);
  const locale = match?.[1] ?? defaultLocale;
  if (!match || !isLocale(locale)) return undefined;
  return { locale, slug: match[2] ?? '' };
}

export function notebookOf(lesson: LessonKey): LessonNotebook | undefined {
  for (const [path, module] of Object.entries(files)) {
    const [, locale, file] = path.match(/\/notebook\/([^/]+)\/(.+)\.ts$/) ?? [];
    if (locale === lesson.locale && file?.replace(/^\d+-/, '') === lesson.slug) return module.default;
  }
  return undefined;
}

/** The notebook of the page being rendered; a missing one is a build error naming what is missing. */
export function pageNotebook(url: URL, base: string, what: string): { lesson: LessonKey; notebook: LessonNotebook } {
  const lesson = lessonOfPath(url.pathname, base);
  const notebook = lesson && notebookOf(lesson);
  if (!lesson || !notebook) throw new Error(`${what} is on ${url.pathname}, which has no notebook file in src/notebook/`);
  return { lesson, notebook };
}

/** Every lesson's exercise and question ids, for the home page's progress. */
export function allNotebooks(locale: string): Map<string, LessonNotebook> {
  const found = new Map<string, LessonNotebook>();
  for (const [path, module] of Object.entries(files)) {
    const [, fileLocale, file] = path.match(/\/notebook\/([^/]+)\/(.+)\.ts$/) ?? [];
    if (fileLocale === locale && file) found.set(file.replace(/^\d+-/, ''), module.default);
  }
  return found;
}
