import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

/** Guards the layers the project is built on: maths without DOM, lessons that compose and do not compute. */
const root = resolve(import.meta.dirname, '..');

async function filesUnder(dir: string, pattern: RegExp): Promise<string[]> {
  const entries = await readdir(join(root, dir), { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile() && pattern.test(entry.name)).map((entry) => join(entry.parentPath, entry.name));
}

const domGlobals = /\b(document|window|HTMLElement|customElements|localStorage|CanvasRenderingContext2D)\b/;

describe('src/lib is pure TypeScript with no DOM', async () => {
  const libFiles = await filesUnder('src/lib', /\.ts$/);

  test('has modules', () => expect(libFiles.length).toBeGreaterThan(3));

  test.each(libFiles.map((file) => [file.slice(root.length + 1), file]))('%s', async (_name, file) => {
    const source = await readFile(file, 'utf8');
    const code = source.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    expect(code).not.toMatch(domGlobals);
    expect(code).not.toMatch(/from ['"][^'"]*components\//);
    expect(code).not.toMatch(/\.astro['"]/);
  });
});

describe('lessons compose components and compute nothing', async () => {
  const lessonFiles = await filesUnder('src/lessons', /\.mdx$/);

  test.each(lessonFiles.map((file) => [file.slice(root.length + 1), file]))('%s', async (_name, file) => {
    const source = await readFile(file, 'utf8');
    for (const [, path] of source.matchAll(/^import .* from ['"]([^'"]+)['"]/gm)) {
      expect(path).toMatch(/components\/[^/]+\.astro$/);
    }
    expect(source).not.toMatch(/^export (const|function)/m);
  });
});
