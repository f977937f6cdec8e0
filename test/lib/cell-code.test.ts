import { describe, expect, test } from 'vitest';
import { bodyPrefix, cellLineFromStack, compileCell, scopeParameter } from '../../src/lib/cell-code';

type Scope = Record<string, unknown>;
const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => (scope: Scope) => Promise<unknown>;

/** Runs cells one after another in one scope, as the worker does. */
async function runCells(cells: string[], scope: Scope = {}): Promise<unknown[]> {
  const results: unknown[] = [];
  for (const code of cells) {
    const compiled = compileCell(code);
    if (!compiled.ok) throw new Error(compiled.message);
    for (const name of compiled.names) if (!(name in scope)) scope[name] = undefined;
    results.push(await new AsyncFunction(scopeParameter, compiled.body)(scope));
  }
  return results;
}

describe('compileCell', () => {
  test('later cells see earlier top-level const, let, var, function and class', async () => {
    const results = await runCells([
      'const a = 2; let b = 3\nvar c\nfunction twice(x) { return 2 * x }\nclass Box { constructor(v) { this.v = v } }',
      'const { p, q: [r, ...rest] } = { p: 1, q: [5, 6, 7] };\ntwice(a) + b + (c === undefined ? 100 : 0) + new Box(p).v + r + rest.length',
    ]);
    expect(results[1]).toBe(4 + 3 + 100 + 1 + 5 + 2);
  });

  test('the last expression is the value; a final declaration gives undefined', async () => {
    expect(await runCells(['1 + 1', 'const x = 5', 'x * 2 // comment'])).toEqual([2, undefined, 10]);
  });

  test('top-level await works and a rerun may redeclare a const', async () => {
    const scope: Scope = {};
    await runCells(['const v = await Promise.resolve(7)'], scope);
    await runCells(['const v = 8'], scope);
    expect(scope.v).toBe(8);
  });

  test('a function from an earlier cell sees later changes to a shared name', async () => {
    expect((await runCells(['let n = 1\nfunction get() { return n }', 'n = 5\nget()']))[1]).toBe(5);
  });

  test('names declared inside blocks and functions stay local', async () => {
    const scope: Scope = {};
    await runCells(['{ const inner = 1 }\nfunction f() { const local = 2; return local }\nfor (let i = 0; i < 2; i++) {}'], scope);
    expect(Object.keys(scope).sort()).toEqual(['f']);
  });

  test('every line stays where it was', () => {
    const code = 'const a = 1\nlet b\nclass K {}\n\na + b';
    const compiled = compileCell(code);
    if (!compiled.ok) throw new Error('should compile');
    const lines = compiled.body.split('\n');
    expect(lines[0]).toBe(bodyPrefix);
    expect(lines.length).toBe(code.split('\n').length + 2);
    expect(lines[5]).toBe('return (a + b)');
  });

  test('a syntax error gives the message and its line and column', () => {
    expect(compileCell('const a = 1\nconst b = (2 + ;\n')).toEqual({ ok: false, message: 'Unexpected token', line: 2, column: 16 });
  });
});

describe('cellLineFromStack', () => {
  async function thrownStack(code: string): Promise<string> {
    const compiled = compileCell(code);
    if (!compiled.ok) throw new Error(compiled.message);
    try {
      await new AsyncFunction(scopeParameter, compiled.body)({});
    } catch (error) {
      return (error as Error).stack ?? '';
    }
    throw new Error('did not throw');
  }

  test('maps V8 frames of Function-constructor code to the reader line', async () => {
    const firstLine = Number((await thrownStack('throw new Error("probe")')).match(/<anonymous>:(\d+)/)?.[1]);
    expect(firstLine).toBeGreaterThan(1);
    expect(cellLineFromStack(await thrownStack('const a = 1\n\nnull.x'), firstLine)).toBe(3);
    expect(cellLineFromStack(await thrownStack('function f() {\n  throw new Error("inside")\n}\nf()'), firstLine)).toBe(2);
  });

  test('reads Firefox frames too, and gives undefined without a cell frame', () => {
    expect(cellLineFromStack('f@https://x/worker.js line 3 > AsyncFunction:6:9', 3)).toBe(4);
    expect(cellLineFromStack('at run (https://x/worker.js:10:5)', 3)).toBeUndefined();
    expect(cellLineFromStack(undefined, 3)).toBeUndefined();
  });
});
