/**
 * Multisets of integers as sorted arrays: the overlap measure shared by the alignment (bags of words and bigrams)
 * and the redline (bags of tokens of a block).
 */

/**
 * Dice coefficient of two sorted multisets: 2 × |x ∩ y| / (|x| + |y|), 0 when either is empty.
 *
 * @example
 * dice(Int32Array.of(1, 2, 2, 5), Int32Array.of(2, 2, 3, 5)) // 0.75
 */
export function dice(x: Int32Array, y: Int32Array): number {
  if (x.length === 0 || y.length === 0) return 0;
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < x.length && j < y.length) {
    const a = x[i]!;
    const b = y[j]!;
    if (a === b) {
      common++;
      i++;
      j++;
    } else if (a < b) i++;
    else j++;
  }
  return (2 * common) / (x.length + y.length);
}
