import { describe, expect, it } from 'vitest';
import { threadsFromUrl } from '../../src/lib/wasm-threads';
import { backendStrings } from '../../src/i18n/components/backend';

describe('?threads= is kept within 1…cores', () => {
  it.each([
    [null, 8, 8],
    ['', 8, 8],
    ['3', 8, 3],
    [' 8 ', 8, 8],
    ['1', 2, 1],
  ])('%j on %i cores gives %i threads and no note', (text, cores, threads) => {
    expect(threadsFromUrl(text, cores)).toEqual({ threads });
  });

  it.each([
    ['-3', 2, 1, '?threads=-3 is below 1: using 1 thread.'],
    ['0', 2, 1, '?threads=0 is below 1: using 1 thread.'],
    ['1e9', 2, 2, "?threads=1e9 is more than this device's 2 cores: using every core (2)."],
    ['16', 4, 4, "?threads=16 is more than this device's 4 cores: using every core (4)."],
    ['2.5', 4, 4, '?threads=2.5 is not a whole number: using every core (4).'],
    ['abc', 4, 4, '?threads=abc is not a whole number: using every core (4).'],
    ['0x2', 4, 4, '?threads=0x2 is not a whole number: using every core (4).'],
  ])('%j on %i cores gives %i threads and says so', (text, cores, threads, notice) => {
    const choice = threadsFromUrl(text, cores);
    expect(choice.threads).toBe(threads);
    expect(choice.problem && backendStrings.en.threadsNotice(choice.problem)).toBe(notice);
  });

  it('says so in Chinese on a Chinese page', () => {
    const { problem } = threadsFromUrl('16', 4);
    expect(problem && backendStrings['zh-cn'].threadsNotice(problem)).toBe('?threads=16 超过了本设备的 4 个核心：使用全部核心（4 个）。');
  });

  it('a device that reports no core count runs one thread', () => {
    expect(threadsFromUrl(null, 0)).toEqual({ threads: 1 });
  });
});
