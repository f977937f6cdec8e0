import { describe, expect, test } from 'vitest';
import { exerciseCheckStrings } from '../../src/i18n/exercise-checks';

/**
 * Every hint of the exercise checkers has Chinese text: not an English line copied over. (That every key exists
 * in every locale, with the same arguments, is the type checker's job and components.test.ts's.)
 */
const english = exerciseCheckStrings.en;
const chinese = exerciseCheckStrings['zh-cn'];

/** A leaf's text: a string, or a function called with placeholder arguments. */
function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'function') return String((value as (...args: unknown[]) => unknown)(...Array.from({ length: value.length }, () => 2)));
  throw new Error(`unexpected ${typeof value}`);
}

describe('exercise checker words', () => {
  test.each(Object.keys(english))('%s has Chinese text', (key) => {
    const zhText = text(chinese[key as keyof typeof chinese]);
    expect(zhText).toMatch(/[\u4e00-\u9fff]/);
    expect(zhText).not.toBe(text(english[key as keyof typeof english]));
  });
});
