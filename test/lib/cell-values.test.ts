import { expect, test } from 'vitest';
import { formatScalar, formatTensor, formatValue, type TensorSummary } from '../../src/lib/cell-values';

const summary = (shape: number[], head: number[], size = head.length): TensorSummary => ({ kind: 'tensor', dtype: 'float32', shape, size, head });

test('small tensors nest by their shape', () => {
  expect(formatTensor(summary([2, 3], [1, 2, 3, 4.5, 5, 6]))).toBe('Tensor float32 [2, 3]\n[[1, 2, 3],\n [4.5, 5, 6]]');
  expect(formatTensor(summary([], [0.25]))).toBe('Tensor float32 []\n0.25');
  expect(formatTensor(summary([2, 1, 2], [1, 2, 3, 4]))).toBe('Tensor float32 [2, 1, 2]\n[[[1, 2]],\n\n [[3, 4]]]');
});

test('a large tensor says its size and shows its first values only', () => {
  expect(formatTensor(summary([100000000], [0, 0, 0], 1e8))).toBe('Tensor float32 [100000000]: 100,000,000 values; the first 3:\n[0, 0, 0, …]');
});

test('numbers keep four decimals or switch to exponents', () => {
  expect([1 / 3, 123456.7, 0.00001234, -2, NaN].map(formatScalar)).toEqual(['0.3333', '1.235e+5', '1.234e-5', '-2', 'NaN']);
});

test('objects and arrays with tensors inside', () => {
  expect(formatValue({ mean: summary([2], [0.5, 1]), n: 3 })).toBe('{\n  mean: Tensor float32 [2]\n  [0.5, 1],\n  n: 3\n}');
  expect(formatValue([1, 'a', null, undefined])).toBe('[1, "a", null, undefined]');
  expect(formatValue('plain text')).toBe('plain text');
  expect(formatValue(new Float32Array([1, 2]))).toBe('Float32Array(2) [1, 2]');
  expect(formatValue(new Error('boom'))).toBe('Error: boom');
});
