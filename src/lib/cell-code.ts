import { parse, type Node } from 'acorn';

/**
 * Turns a notebook cell's code into the body of an async function that shares one scope with the lesson's
 * other cells, as cells share a kernel in Jupyter. The body runs inside `with (scope) { … }`, so a name a
 * cell reads is looked up in the shared scope object, and every top-level declaration is rewritten into an
 * assignment to that object:
 *   const a = 1, { b } = o;   →   ;(a = 1, { b } = o);
 *   class K {}                →   ;K = class K {};
 *   function f() {}           →   kept (hoisted), and `scope.f = f` runs first
 * The value of a final expression statement is returned. Edits keep every line where it was (no newline is
 * added), so an error's line in the function is the reader's line in the cell.
 */
export const scopeParameter = '__notebookScope';

/** The first line of a compiled body; the reader's line 1 follows it. */
export const bodyPrefix = `with (${scopeParameter}) {`;

export interface CompiledCell {
  ok: true;
  /** Body for `new AsyncFunction(scopeParameter, body)`. */
  body: string;
  /** Top-level names the cell declares; they must exist in the scope object before it runs. */
  names: string[];
}

export interface CellSyntaxError {
  ok: false;
  message: string;
  line: number;
  column: number;
}

interface Edit {
  at: number;
  end: number;
  text: string;
}

type AnyNode = Node & Record<string, unknown>;

/** Names bound by a declaration pattern: `a`, `{ b, c: d }`, `[e, ...f]`, `{ g = 1 }`. */
export function patternNames(pattern: AnyNode): string[] {
  switch (pattern.type) {
    case 'Identifier':
      return [pattern.name as string];
    case 'ObjectPattern':
      return (pattern.properties as AnyNode[]).flatMap((property) =>
        patternNames((property.type === 'RestElement' ? property.argument : property.value) as AnyNode),
      );
    case 'ArrayPattern':
      return (pattern.elements as (AnyNode | null)[]).flatMap((element) => (element ? patternNames(element) : []));
    case 'RestElement':
      return patternNames(pattern.argument as AnyNode);
    case 'AssignmentPattern':
      return patternNames(pattern.left as AnyNode);
    default:
      return [];
  }
}

export function compileCell(code: string): CompiledCell | CellSyntaxError {
  let program: AnyNode;
  try {
    program = parse(code, { ecmaVersion: 'latest', sourceType: 'script', allowAwaitOutsideFunction: true, locations: true }) as unknown as AnyNode;
  } catch (error) {
    const located = error as SyntaxError & { loc?: { line: number; column: number } };
    return {
      ok: false,
      // acorn appends "(line:column)"; the reader gets the line separately.
      message: located.message.replace(/\s*\(\d+:\d+\)$/, ''),
      line: located.loc?.line ?? 1,
      column: (located.loc?.column ?? 0) + 1,
    };
  }
  const edits: Edit[] = [];
  const names = new Set<string>();
  const hoisted: string[] = [];
  const statements = program.body as AnyNode[];
  statements.forEach((statement, index) => {
    if (statement.type === 'VariableDeclaration') {
      const declarators = statement.declarations as AnyNode[];
      const first = declarators[0]!;
      const last = declarators[declarators.length - 1]!;
      edits.push({ at: statement.start, end: first.start, text: ';(' });
      for (const declarator of declarators) {
        const id = declarator.id as AnyNode;
        for (const name of patternNames(id)) names.add(name);
        if (!declarator.init) edits.push({ at: id.end, end: id.end, text: ' = undefined' });
      }
      edits.push({ at: last.end, end: last.end, text: ');' });
    } else if (statement.type === 'ClassDeclaration') {
      const name = (statement.id as AnyNode).name as string;
      names.add(name);
      edits.push({ at: statement.start, end: statement.start, text: `;${name} = ` }, { at: statement.end, end: statement.end, text: ';' });
    } else if (statement.type === 'FunctionDeclaration') {
      const name = (statement.id as AnyNode).name as string;
      names.add(name);
      hoisted.push(name);
    } else if (statement.type === 'ExpressionStatement' && index === statements.length - 1 && !statement.directive) {
      const expression = statement.expression as AnyNode;
      edits.push({ at: expression.start, end: expression.start, text: 'return (' }, { at: expression.end, end: expression.end, text: ')' });
    }
  });
  let body = code;
  // From the end backwards, so earlier offsets stay valid; edits at one offset keep the order they were made in.
  const ordered = edits.map((edit, order) => ({ ...edit, order })).sort((a, b) => b.at - a.at || b.order - a.order);
  for (const edit of ordered) body = body.slice(0, edit.at) + edit.text + body.slice(edit.end);
  const exports = hoisted.map((name) => ` ${scopeParameter}.${name} = ${name};`).join('');
  return { ok: true, body: `${bodyPrefix}${exports}\n${body}\n}`, names: [...names] };
}

/**
 * The reader's line for an error thrown by a compiled cell, read from the error's stack: the first frame in
 * code made by the Function constructor (V8: `<anonymous>:L:C`, Firefox: `> AsyncFunction:L:C`).
 * `firstLine` is the line such a frame reports for the reader's line 1 (the engine adds its own header lines;
 * the worker measures it once with a probe).
 */
export function cellLineFromStack(stack: string | undefined, firstLine: number): number | undefined {
  const match = stack?.match(/(?:<anonymous>|> (?:Async)?Function):(\d+):\d+/);
  if (!match) return undefined;
  const line = Number(match[1]) - firstLine + 1;
  return line >= 1 ? line : undefined;
}
