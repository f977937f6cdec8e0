import { expect, test } from 'vitest';
import { cellLink, decodeCellCode, encodeCellCode, linkParameter } from '../../src/lib/cell-link';

test('code survives the round trip, unicode included, and the link is URL-safe', async () => {
  const code = 'const σ = tf.moments(x, [1, 2]);\n// μ and σ² — 中文\nprint(σ)';
  const encoded = await encodeCellCode(code);
  expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
  expect(await decodeCellCode(encoded)).toBe(code);
});

test('deflating keeps a repetitive cell short', async () => {
  const code = Array.from({ length: 20 }, (_, i) => `const x${i} = tf.randomNormal([2, 3, 4, 4]);`).join('\n');
  expect((await encodeCellCode(code)).length).toBeLessThan(code.length / 2);
});

test('a damaged parameter decodes to undefined', async () => {
  const encoded = await encodeCellCode('print(1)');
  expect(await decodeCellCode(encoded.slice(0, 3))).toBeUndefined();
  expect(await decodeCellCode('%%%')).toBeUndefined();
});

test('the link keeps the page parameters and points at the cell', async () => {
  const link = new URL(await cellLink('https://site/lessons/adain/?backend=wasm', 'stats', 'print(1)'));
  expect(link.searchParams.get('backend')).toBe('wasm');
  expect(await decodeCellCode(link.searchParams.get(linkParameter('stats')) ?? '')).toBe('print(1)');
  expect(link.hash).toBe('#stats');
});
