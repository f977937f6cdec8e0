/**
 * A cell's code in a shareable URL: `?cell-<id>=<base64url of the deflated UTF-8 code>`. Deflating keeps a
 * twenty-line cell near 400 characters. Opening such a link shows the code but never runs it.
 */
export const linkParameterPrefix = 'cell-';

export function linkParameter(cellId: string): string {
  return `${linkParameterPrefix}${cellId}`;
}

async function transform(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const output = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(output).arrayBuffer());
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

export async function encodeCellCode(code: string): Promise<string> {
  return toBase64Url(await transform(new TextEncoder().encode(code), new CompressionStream('deflate-raw')));
}

/** The code a link carries, or undefined when the parameter is damaged (cut short when pasted, say). */
export async function decodeCellCode(value: string): Promise<string | undefined> {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(await transform(fromBase64Url(value), new DecompressionStream('deflate-raw')));
  } catch {
    return undefined;
  }
}

/** The page's address with this cell's code in it, other parameters kept. */
export async function cellLink(href: string, cellId: string, code: string): Promise<string> {
  const url = new URL(href);
  url.searchParams.set(linkParameter(cellId), await encodeCellCode(code));
  url.hash = `${cellId}`;
  return url.toString();
}
