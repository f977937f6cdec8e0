/**
 * The order in which a question shows its choices. Authors may write the right answer first; shown in that
 * order, every question would be answered by "pick the first". The order is a shuffle seeded by the question's
 * id, so it is the same on every build, for every reader and in both editions (they share ids).
 */
import { mulberry32 } from './rng';

/** FNV-1a: a 32-bit hash of a string, from integer operations only. */
function hashOfText(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}

/** A permutation of 0 … count−1: position k shows the choice with index `order[k]`. */
export function choiceOrder(questionId: string, count: number): number[] {
  const order = Array.from({ length: count }, (_, index) => index);
  const random = mulberry32(hashOfText(questionId));
  // Fisher–Yates.
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}
