import { compileCell, type CompiledCell, type CellSyntaxError } from './cell-code';

/**
 * Cells may carry TypeScript annotations (`const x: tf.Tensor = …`, an interface): code that does not parse
 * as JavaScript gets its types removed by Sucrase, which keeps every line where it was, so a run-time
 * error still names the reader's line. Code that parses as JavaScript is never transformed, so `a < b > (c)`
 * keeps its JavaScript meaning; Sucrase (about 47 KiB gzipped) loads only when a cell needs it. When the
 * code is not TypeScript either, the reader gets the JavaScript syntax error of their own code.
 */
export async function compileCellWithTypes(code: string): Promise<CompiledCell | CellSyntaxError> {
  const asJavaScript = compileCell(code);
  if (asJavaScript.ok) return asJavaScript;
  const { transform } = await import('sucrase');
  let stripped: string;
  try {
    // disableESTransforms: modern syntax stays as the reader wrote it; only the types go.
    stripped = transform(code, { transforms: ['typescript'], disableESTransforms: true }).code;
  } catch {
    return asJavaScript;
  }
  const asTypeScript = compileCell(stripped);
  return asTypeScript.ok ? asTypeScript : asJavaScript;
}
