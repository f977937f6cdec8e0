/** Locales the site is written in; the first is the default and has no URL prefix. */
export const locales = ['en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'en';

/** A lesson entry id is "<locale>/<NN-slug>"; the URL slug drops the ordering prefix. */
export function splitLessonId(id: string): { locale: string; slug: string } {
  const [locale = '', file = ''] = id.split('/');
  return { locale, slug: file.replace(/^\d+-/, '') };
}

export function lessonHref(locale: string, slug: string, base = '/'): string {
  const prefix = locale === defaultLocale ? '' : `${locale.toLowerCase()}/`;
  return `${base}${prefix}lessons/${slug}/`;
}
