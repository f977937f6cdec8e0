import { readdir } from 'node:fs/promises';
import { resolve } from 'node:path';

/* Read at import, from the build: kept apart from harness.ts, which scripts import before any build. */
/** The lessons of the built site (dist/lessons), and every page of the English edition. */
export const builtLessonSlugs = await readdir(resolve(import.meta.dirname, '../../dist/lessons'));
export const englishPages = ['/', '/credits/', '/glossary/', '/backends/', '/speed/', ...builtLessonSlugs.map((slug) => `/lessons/${slug}/`)];
/** Every page of both editions. */
export const allPages = [...englishPages, ...englishPages.map((path) => `/zh-cn${path}`)];
