/** Locales the site is written in; the first is the default and has no URL prefix. */
export const locales = ['en', 'zh-cn'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'en';

/** The BCP 47 tag for `<html lang>` and `hreflang`; URL prefixes stay lower case. */
export const languageTags: Record<Locale, string> = { en: 'en', 'zh-cn': 'zh-CN' };

export function isLocale(value: string): value is Locale {
  return (locales as readonly string[]).includes(value);
}

/** A text table with one entry per locale; the translations are typed by the English entry. */
export type Localized<T> = Record<Locale, T>;

/** The locale of a `<html lang>` tag ("zh-CN"); anything unknown is the default locale. */
export function localeOfTag(tag: string): Locale {
  return locales.find((locale) => languageTags[locale].toLowerCase() === tag.toLowerCase()) ?? defaultLocale;
}

/** The locale of a page from its route's `lang` parameter (src/pages/[...lang]/): none is the default locale. */
export function localeOfRoute(params: { lang?: string | undefined }): Locale {
  return params.lang !== undefined && isLocale(params.lang) ? params.lang : defaultLocale;
}

/** A lesson entry id is "<locale>/<NN-slug>"; the URL slug drops the ordering prefix. */
export function splitLessonId(id: string): { locale: string; slug: string } {
  const [locale = '', file = ''] = id.split('/');
  return { locale, slug: file.replace(/^\d+-/, '') };
}

/**
 * Route parameters for a page that exists in every locale (src/pages/[...lang]/): the default locale's
 * pages have no prefix, so its `lang` is undefined.
 */
export function localeRoutes(): { params: { lang: string | undefined }; props: { locale: Locale } }[] {
  return locales.map((locale) => ({ params: { lang: locale === defaultLocale ? undefined : locale }, props: { locale } }));
}

/** The address of `path` (relative to the site root, e.g. "lessons/adain/") in `locale`. */
export function localeHref(locale: Locale, path: string, base = '/'): string {
  const prefix = locale === defaultLocale ? '' : `${locale}/`;
  return `${base}${prefix}${path}`;
}

export function lessonHref(locale: Locale, slug: string, base = '/'): string {
  return localeHref(locale, `lessons/${slug}/`, base);
}

/** Whether a browser language list (navigator.languages) puts Chinese first. */
export function prefersChinese(languages: readonly string[]): boolean {
  return /^zh\b/i.test(languages[0] ?? '');
}
