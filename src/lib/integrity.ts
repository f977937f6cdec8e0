/**
 * Sizes and SHA-256 sums of the converted model files, as `scripts/prepare-models.ts` records them in
 * `models/index.json`. Both the page (weights.ts) and the service worker check downloads against them, so
 * this module uses no tfjs and no DOM.
 */

export interface FileIntegrity {
  bytes: number;
  /** Lower-case hex. */
  sha256: string;
}

/** `index.json` in the models folder: every produced file by its path relative to that folder. */
export interface ModelsIndex {
  format: 'adain-notebook-models';
  files: Record<string, FileIntegrity>;
}

export function isModelsIndex(value: unknown): value is ModelsIndex {
  const index = value as Partial<ModelsIndex> | null;
  return index?.format === 'adain-notebook-models' && typeof index.files === 'object' && index.files !== null;
}

export async function sha256Hex(bytes: Uint8Array): Promise<string | null> {
  // crypto.subtle exists only in secure contexts (https, localhost) and in Node.
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return null;
  const digest = await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Why the bytes are not the published file (wrong size or hash), or undefined when they are. */
export async function integrityProblem(bytes: Uint8Array, expected: FileIntegrity): Promise<string | undefined> {
  if (bytes.byteLength !== expected.bytes) return `${bytes.byteLength} bytes instead of ${expected.bytes}`;
  const actual = await sha256Hex(bytes);
  if (actual !== null && actual !== expected.sha256) return 'SHA-256 mismatch';
  return undefined;
}
