import { expect, test } from 'vitest';
import { codeKey, progressKey, progressCounts, readCode, readProgress, recordProgress, writeCode, type KeyValueStore } from '../../src/lib/notebook-storage';

function memoryStore(): KeyValueStore & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, getItem: (key) => map.get(key) ?? null, setItem: (key, value) => void map.set(key, value), removeItem: (key) => void map.delete(key) };
}

test('an edit is kept per lesson and cell; code equal to the original is forgotten', () => {
  const store = memoryStore();
  writeCode(store, 'adain', 'a', 'print(2)', 'print(1)');
  expect(readCode(store, 'adain', 'a')).toBe('print(2)');
  expect(readCode(store, 'normalisation', 'a')).toBeUndefined();
  writeCode(store, 'adain', 'a', 'print(1)', 'print(1)');
  expect(store.map.has(codeKey('adain', 'a'))).toBe(false);
});

test('progress records each id once and survives a damaged entry', () => {
  const store = memoryStore();
  recordProgress(store, 'adain', 'exercises', 'write-adain');
  recordProgress(store, 'adain', 'exercises', 'write-adain');
  recordProgress(store, 'adain', 'questions', 'q1');
  expect(readProgress(store, 'adain')).toEqual({ exercises: ['write-adain'], questions: ['q1'] });
  store.setItem(progressKey('adain'), '{not json');
  expect(readProgress(store, 'adain')).toEqual({ exercises: [], questions: [] });
  store.setItem(progressKey('adain'), '{"exercises":[1,"e2"],"questions":"q"}');
  expect(readProgress(store, 'adain')).toEqual({ exercises: ['e2'], questions: [] });
});

test('the summary counts only ids the lesson still has', () => {
  expect(progressCounts({ exercises: ['e1', 'gone'], questions: ['q1', 'q3'] }, ['e1', 'e2'], ['q1', 'q2', 'q3'])).toEqual({
    exercisesDone: 1,
    exercises: 2,
    questionsDone: 2,
    questions: 3,
  });
});
