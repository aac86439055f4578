/**
 * Multisets of integers: the overlap measure shared by the alignment (bags of words and bigrams, lines) — merged when
 * kept sorted for many comparisons, counted in a hash table when compared once.
 */
import { Scratch } from './arena';

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

// Counts by key of `diceOfSmall`, zero between calls.
const SMALL_COUNTS = new Scratch();

/**
 * Dice coefficient of two multisets of small non-negative integers below `bound` (term ids), in any order: the same
 * value as `dice` on their sorted copies, counted in an array indexed by key, which costs less than `diceUnsorted`'s
 * hash table.
 *
 * @example
 * diceOfSmall(Int32Array.of(5, 2, 1, 2), Int32Array.of(2, 3, 5, 2), 6) // 0.75
 */
export function diceOfSmall(x: Int32Array, y: Int32Array, bound: number): number {
  if (x.length === 0 || y.length === 0) return 0;
  const counts = SMALL_COUNTS.reserve(bound);
  for (let i = 0; i < x.length; i++) counts[x[i]!]!++;
  let common = 0;
  for (let j = 0; j < y.length; j++) {
    if (counts[y[j]!]! > 0) {
      common++;
      counts[y[j]!]!--;
    }
  }
  for (let i = 0; i < x.length; i++) counts[x[i]!] = 0;
  return (2 * common) / (x.length + y.length);
}

// Open-addressing table of the multiset counted by `diceUnsorted`: key, and 1 + remaining count (0 = empty slot).
const SLOT_KEYS = new Scratch();
const SLOT_COUNTS = new Scratch();

/**
 * Dice coefficient of two multisets given in any order, the same value as `dice` on their sorted copies: the first
 * is counted in a hash table and the second matched against it, in linear time (no copy, no sort) — for a pair
 * compared once.
 *
 * @example
 * diceUnsorted(Int32Array.of(5, 2, 1, 2), Int32Array.of(2, 3, 5, 2)) // 0.75
 */
export function diceUnsorted(x: Int32Array, y: Int32Array): number {
  if (x.length === 0 || y.length === 0) return 0;
  let bits = 4;
  while (1 << bits < 2 * x.length) bits++;
  const size = 1 << bits;
  const keys = SLOT_KEYS.reserve(size);
  const counts = SLOT_COUNTS.reserve(size);
  const mask = size - 1;
  const shift = 32 - bits;
  for (let i = 0; i < x.length; i++) {
    const k = x[i]!;
    let s = Math.imul(k, 0x9e3779b1) >>> shift;
    while (counts[s] !== 0 && keys[s] !== k) s = (s + 1) & mask;
    if (counts[s] === 0) {
      keys[s] = k;
      counts[s] = 2;
    } else counts[s]!++;
  }
  let common = 0;
  for (let j = 0; j < y.length; j++) {
    const k = y[j]!;
    let s = Math.imul(k, 0x9e3779b1) >>> shift;
    while (counts[s] !== 0 && keys[s] !== k) s = (s + 1) & mask;
    if (counts[s]! > 1) {
      common++;
      counts[s]!--;
    }
  }
  counts.fill(0, 0, size);
  return (2 * common) / (x.length + y.length);
}
