import { describe, expect, test } from 'vitest';
import { lessonHref, localeHref, localeOfRoute, localeOfTag, localeRoutes, prefersChinese, splitLessonId } from '../../src/lib/i18n';

describe('locale addresses', () => {
  test('English has no prefix; Chinese lives under /zh-cn/, also below a base folder', () => {
    expect(lessonHref('en', 'adain')).toBe('/lessons/adain/');
    expect(lessonHref('zh-cn', 'adain')).toBe('/zh-cn/lessons/adain/');
    expect(localeHref('zh-cn', '', '/sub/')).toBe('/sub/zh-cn/');
    expect(localeRoutes()).toEqual([
      { params: { lang: undefined }, props: { locale: 'en' } },
      { params: { lang: 'zh-cn' }, props: { locale: 'zh-cn' } },
    ]);
  });

  test('lesson ids split into locale and slug', () => {
    expect(splitLessonId('zh-cn/03-adain')).toEqual({ locale: 'zh-cn', slug: 'adain' });
  });

  test('only a browser whose first language is Chinese prefers the Chinese edition', () => {
    expect(prefersChinese(['zh-CN', 'en'])).toBe(true);
    expect(prefersChinese(['zh'])).toBe(true);
    expect(prefersChinese(['zh-TW'])).toBe(true);
    expect(prefersChinese(['en-US', 'zh-CN'])).toBe(false);
    expect(prefersChinese([])).toBe(false);
  });
});

describe('the locale of a page', () => {
  test('from <html lang>, in any case; an unknown tag is English', () => {
    expect(localeOfTag('zh-CN')).toBe('zh-cn');
    expect(localeOfTag('zh-cn')).toBe('zh-cn');
    expect(localeOfTag('en')).toBe('en');
    expect(localeOfTag('fr')).toBe('en');
    expect(localeOfTag('')).toBe('en');
  });

  test("from the route's lang parameter; none or an unknown one is English", () => {
    expect(localeOfRoute({ lang: 'zh-cn' })).toBe('zh-cn');
    expect(localeOfRoute({ lang: undefined })).toBe('en');
    expect(localeOfRoute({})).toBe('en');
    expect(localeOfRoute({ lang: 'de' })).toBe('en');
  });
});
