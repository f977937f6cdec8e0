import { describe, expect, it } from 'vitest';
import { choiceOrder } from '../../src/lib/choice-order';

describe('choiceOrder', () => {
  it('is a permutation of the choice indices, the same for the same id', () => {
    for (let count = 1; count <= 6; count++) {
      const order = choiceOrder(`question-${count}`, count);
      expect([...order].sort()).toEqual(Array.from({ length: count }, (_, i) => i));
      expect(choiceOrder(`question-${count}`, count)).toEqual(order);
    }
  });

  it('differs between ids', () => {
    const orders = new Set(Array.from({ length: 40 }, (_, i) => choiceOrder(`id-${i}`, 4).join()));
    expect(orders.size).toBeGreaterThan(10);
  });
});
