import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { integrityProblem, isModelsIndex, sha256Hex } from '../../src/lib/integrity';

const bytes = new TextEncoder().encode('adain weights');
// Node's own hash, an implementation independent of crypto.subtle.
const expectedHash = createHash('sha256').update(bytes).digest('hex');

describe('integrity', () => {
  test('sha256Hex equals Node crypto', async () => {
    expect(await sha256Hex(bytes)).toBe(expectedHash);
  });

  test('the published bytes pass; a wrong size or a changed byte is named', async () => {
    expect(await integrityProblem(bytes, { bytes: bytes.byteLength, sha256: expectedHash })).toBeUndefined();
    expect(await integrityProblem(bytes.subarray(1), { bytes: bytes.byteLength, sha256: expectedHash })).toBe(
      `${bytes.byteLength - 1} bytes instead of ${bytes.byteLength}`,
    );
    const changed = bytes.slice();
    changed[0] = (changed[0] ?? 0) ^ 1;
    expect(await integrityProblem(changed, { bytes: bytes.byteLength, sha256: expectedHash })).toBe('SHA-256 mismatch');
  });

  test('isModelsIndex accepts the index format only', () => {
    expect(isModelsIndex({ format: 'adain-notebook-models', files: {} })).toBe(true);
    expect(isModelsIndex({ format: 'adain-notebook-weights', files: {} })).toBe(false);
    expect(isModelsIndex({ format: 'adain-notebook-models', files: null })).toBe(false);
    expect(isModelsIndex(null)).toBe(false);
  });
});
