import { describe, expect, test } from 'vitest';
import { withModulePreloads } from '../../scripts/module-preload';

/** A small built site: two entry scripts sharing a module, a nested import, a cycle and a lazy import(). */
const modules: Record<string, string> = {
  '/_astro/Lab.js': 'import{a as b}from"./island.js";import"./style.js";const t=()=>import("./tfjs.js");',
  '/_astro/Badge.js': 'import{a}from"./island.js";export*from"./events.js";',
  '/_astro/island.js': 'import{c}from"./sub/format.js";export const a=1;',
  '/_astro/sub/format.js': 'import{a}from"../island.js";export const c=2;',
  '/_astro/style.js': 'export const s=3;',
  '/_astro/events.js': 'export const e=4;',
  '/_astro/tfjs.js': 'import"./tfjs-core.js";',
};

async function read(path: string): Promise<string> {
  const source = modules[path];
  if (source === undefined) throw new Error(`no module ${path}`);
  return source;
}

describe('modulepreload links', () => {
  test('list every static import of the entry scripts once, nested ones too, and no lazy import()', async () => {
    const html =
      '<html><head><title>x</title></head><body><script type="module" src="/_astro/Lab.js"></script><script type="module" src="/_astro/Badge.js"></script></body></html>';
    const result = await withModulePreloads(html, read);
    const links = [...result.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((match) => match[1]);
    expect(links).toEqual(['/_astro/island.js', '/_astro/style.js', '/_astro/events.js', '/_astro/sub/format.js']);
    expect(result).toContain('<title>x</title><link rel="modulepreload"');
    expect(result.indexOf('modulepreload')).toBeLessThan(result.indexOf('</head>'));
  });

  test('leave a page without module scripts unchanged', async () => {
    const html = '<html><head></head><body><p>text</p></body></html>';
    expect(await withModulePreloads(html, read)).toBe(html);
  });
});
