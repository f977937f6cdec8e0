import { describe, expect, test } from 'vitest';
import { cellLineFromStack, compileCell, scopeParameter } from '../../src/lib/cell-code';
import { compileCellWithTypes } from '../../src/lib/cell-typescript';

type Scope = Record<string, unknown>;
const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => (scope: Scope) => Promise<unknown>;

async function compiled(code: string): Promise<string> {
  const result = await compileCellWithTypes(code);
  if (!result.ok) throw new Error(`${result.message} (line ${result.line})`);
  return result.body;
}

/** The reader's line that an error thrown by the cell is reported on (V8's Function-constructor frames). */
async function errorLine(code: string): Promise<number | undefined> {
  const stackOf = async (body: string) => {
    try {
      await new AsyncFunction(scopeParameter, body)({});
    } catch (error) {
      return (error as Error).stack;
    }
    throw new Error('the cell did not throw');
  };
  const firstLine = Number((await stackOf(await compiled('throw new Error("probe")')))?.match(/<anonymous>:(\d+)/)?.[1]);
  return cellLineFromStack(await stackOf(await compiled(code)), firstLine);
}

describe('compileCellWithTypes', () => {
  test('a cell with type annotations, an interface and a type alias runs', async () => {
    const code = [
      'interface Moments {',
      '  mean: number;',
      '  std: number;',
      '}',
      'type Pair = [number, number];',
      'const values: number[] = [1, 2, 3, 6];',
      'function moments(x: number[]): Moments {',
      '  const mean = x.reduce((a, b) => a + b, 0) / x.length;',
      '  return { mean, std: Math.sqrt(x.reduce((a, b) => a + (b - mean) ** 2, 0) / x.length) };',
      '}',
      'const m = moments(values) as Moments;',
      'const pair: Pair = [m.mean, m.std];',
      'pair',
    ].join('\n');
    const result = await compileCellWithTypes(code);
    if (!result.ok) throw new Error(result.message);
    // As the worker does: the declared names exist in the shared scope before the cell runs.
    const scope: Scope = Object.fromEntries(result.names.map((name) => [name, undefined]));
    const value = await new AsyncFunction(scopeParameter, result.body)(scope);
    // Hand-computed: mean 3, population variance (4 + 1 + 0 + 9) / 4 = 3.5.
    expect(value).toEqual([3, Math.sqrt(3.5)]);
    expect(scope.values).toEqual([1, 2, 3, 6]);
  });

  test('an error in a TypeScript cell names the reader line', async () => {
    expect(await errorLine('interface Box {\n  v: number;\n}\nconst box: Box = { v: 1 };\nthrow new Error(`line ${box.v + 4}`)')).toBe(5);
  });

  test('JavaScript is not transformed: same body, same lines, and a < b > (c) keeps its JavaScript meaning', async () => {
    for (const code of ['const a = 1\n\nnull.x', 'const a = 2, b = 1, c = 0;\na < b > (c)']) {
      const plain = compileCell(code);
      expect(await compileCellWithTypes(code)).toEqual(plain);
    }
    expect(await errorLine('const a = 1\n\nnull.x')).toBe(3);
    expect(await new AsyncFunction(scopeParameter, await compiled('const a = 2, b = 1, c = 0;\na < b > (c)'))({})).toBe(false);
  });

  test('code that is neither gives the JavaScript syntax error of the reader code', async () => {
    expect(await compileCellWithTypes('const a = 1\nconst b = (2 + ;\n')).toEqual({ ok: false, message: 'Unexpected token', line: 2, column: 16 });
  });
});
