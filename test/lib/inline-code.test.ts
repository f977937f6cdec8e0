import { expect, test } from 'vitest';
import { splitInlineCode } from '../../src/lib/inline-code';

test('backticks mark code runs; an unpaired backtick stays text', () => {
  expect(splitInlineCode('Call `normalise(x, spec)` with `{ method: "instance" }`.')).toEqual([
    { text: 'Call ', code: false },
    { text: 'normalise(x, spec)', code: true },
    { text: ' with ', code: false },
    { text: '{ method: "instance" }', code: true },
    { text: '.', code: false },
  ]);
  expect(splitInlineCode('a ` b')).toEqual([{ text: 'a ` b', code: false }]);
});
