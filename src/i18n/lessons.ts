import { getCollection, type CollectionEntry } from 'astro:content';
import { defaultLocale, splitLessonId, type Locale } from '../lib/i18n';

export interface LocalLesson {
  slug: string;
  entry: CollectionEntry<'lessons'>;
  /** False while the locale has no translation of the lesson and the English text stands in. */
  translated: boolean;
}

/** The lessons of a locale in order; a lesson not yet translated falls back to the default locale's. */
export async function localLessons(locale: Locale): Promise<LocalLesson[]> {
  const all = await getCollection('lessons');
  const inLocale = (wanted: string) =>
    new Map(all.filter((entry) => splitLessonId(entry.id).locale === wanted).map((entry) => [splitLessonId(entry.id).slug, entry]));
  const originals = inLocale(defaultLocale);
  const translations = inLocale(locale);
  return [...originals]
    .map(([slug, original]) => ({ slug, entry: translations.get(slug) ?? original, translated: translations.has(slug) }))
    .sort((a, b) => a.entry.data.order - b.entry.data.order);
}
