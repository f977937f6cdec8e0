/**
 * How a cell's values read in its output: `print(…)` and the value of the last expression. The worker first
 * replaces every tensor (also inside arrays and objects) by a TensorSummary holding at most `tensorHeadLength`
 * of its values, so a 10⁸-element tensor never crosses to the page; this module turns the result into text.
 */
export const tensorHeadLength = 64;

export interface TensorSummary {
  kind: 'tensor';
  dtype: string;
  shape: number[];
  size: number;
  /** The first min(size, tensorHeadLength) values in row-major order. */
  head: (number | string)[];
}

export function isTensorSummary(value: unknown): value is TensorSummary {
  return typeof value === 'object' && value !== null && (value as Partial<TensorSummary>).kind === 'tensor' && Array.isArray((value as TensorSummary).head);
}

export function formatScalar(value: number | string | boolean): string {
  if (typeof value !== 'number') return typeof value === 'string' ? JSON.stringify(value) : String(value);
  if (!Number.isFinite(value) || Number.isInteger(value)) return String(value);
  const size = Math.abs(value);
  if (size >= 1e5 || size < 1e-4) return value.toExponential(3);
  return String(Number(value.toFixed(4)));
}

function nest(values: string[], shape: number[], indent: number): string {
  if (shape.length <= 1) return `[${values.join(', ')}]`;
  const [outer = 1, ...inner] = shape;
  const step = values.length / outer;
  const rows = Array.from({ length: outer }, (_, i) => nest(values.slice(i * step, (i + 1) * step), inner, indent + 1));
  const separator = `,${'\n'.repeat(inner.length > 1 ? 2 : 1)}${' '.repeat(indent + 1)}`;
  return `[${rows.join(separator)}]`;
}

function shapeText(shape: number[]): string {
  return `[${shape.join(', ')}]`;
}

/** `Tensor float32 [2, 3]` then its values, nested by the shape when they all fit, else the first ones. */
export function formatTensor(tensor: TensorSummary): string {
  const header = `Tensor ${tensor.dtype} ${shapeText(tensor.shape)}`;
  const values = tensor.head.map((value) => formatScalar(value));
  if (tensor.size === 0) return `${header} (empty)`;
  if (tensor.size <= values.length) return `${header}\n${tensor.shape.length === 0 ? values[0] : nest(values, tensor.shape, 0)}`;
  return `${header}: ${tensor.size.toLocaleString('en')} values; the first ${values.length}:\n[${values.join(', ')}, …]`;
}

/** Text for any value a cell prints, with tensors already summarised. */
export function formatValue(value: unknown, depth = 0): string {
  if (isTensorSummary(value)) return formatTensor(value);
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (typeof value === 'boolean' || typeof value === 'number') return formatScalar(value);
  if (typeof value === 'string') return depth === 0 ? value : JSON.stringify(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'function') return `function ${value.name || '(anonymous)'}`;
  if (typeof value === 'symbol') return value.toString();
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  if (depth > 3) return Array.isArray(value) ? '[…]' : '{…}';
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    const items = Array.from(value as unknown as ArrayLike<number>)
      .slice(0, tensorHeadLength)
      .map(formatScalar);
    const length = (value as unknown as ArrayLike<number>).length;
    return `${value.constructor.name}(${length}) [${items.join(', ')}${length > items.length ? ', …' : ''}]`;
  }
  const inner = (item: unknown): string => formatValue(item, depth + 1).replace(/\n/g, '\n  ');
  if (Array.isArray(value)) {
    const items = value.slice(0, 100).map(inner);
    const text = `[${items.join(', ')}${value.length > items.length ? `, … ${value.length - items.length} more` : ''}]`;
    return text.length > 80 || text.includes('\n') ? `[\n  ${items.join(',\n  ')}${value.length > items.length ? ',\n  …' : ''}\n]` : text;
  }
  if (value instanceof Map) return `Map(${value.size}) ${formatValue(Object.fromEntries(value), depth)}`;
  const entries = Object.entries(value as object)
    .slice(0, 50)
    .map(([key, item]) => `${/^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key)}: ${inner(item)}`);
  const text = `{ ${entries.join(', ')} }`;
  if (!entries.length) return '{}';
  return text.length > 80 || text.includes('\n') ? `{\n  ${entries.join(',\n  ')}\n}` : text;
}
