/**
 * Bounded diff of two integer sequences (line, block or token ids): common prefix and suffix, patience anchors (items
 * that occur exactly once on each side, longest run in the same order), then the gaps between anchors — small ones
 * by a little LCS table, larger ones by jsdiff's `diffArrays` under an edit-length cap drawn from a shared step
 * budget. A gap that would exceed it becomes one delete + insert and the result is flagged coarse — the diff always
 * returns, in time linear in the input plus the budget.
 */
import { diffArrays } from 'diff';
import { Scratch } from './arena';

/** Work left for the diffs of one comparison, in Myers steps ((n + m) × edit length + edit length²). */
export interface DiffBudget {
  steps: number;
}

/** Operations of the runs of a sequence diff: `EQUAL` advances both sides, `DELETE` the left, `INSERT` the right. */
export const EQUAL = 0;
export const DELETE = 1;
export const INSERT = 2;
export type RunOp = typeof EQUAL | typeof DELETE | typeof INSERT;

/** Result of `diffKeys`. */
export interface KeyDiff {
  /** Runs in order, flat: operation, length, operation, length … (not an object per run: a diff makes many). */
  runs: number[];
  /** True when some gap exceeded the budget and was replaced whole. */
  coarse: boolean;
}

/** Longest edit script one jsdiff call may compute (its cost grows with the square of it). */
export const MAX_EDIT = 1000;
/** Gaps up to this many items (both sides) go straight to a gap diff without looking for anchors. */
const SMALL_GAP = 48;
/** Gaps whose n × m is at most this are solved by a small LCS table instead of a jsdiff call. */
const TINY_GAP = 2500;

/**
 * Diff `a[a0, a1)` against `b[b0, b1)`. With `fill` false, the gaps between anchors are not diffed but returned as
 * delete + insert (the caller diffs them at a finer level).
 *
 * @example
 * diffKeys(Int32Array.of(1, 2, 3), 0, 3, Int32Array.of(1, 3), 0, 2, { steps: 1000 }).runs
 * // [EQUAL, 1, DELETE, 1, EQUAL, 1]
 */
export function diffKeys(
  a: Int32Array,
  a0: number,
  a1: number,
  b: Int32Array,
  b0: number,
  b1: number,
  budget: DiffBudget,
  fill = true,
): KeyDiff {
  const out: KeyDiff = { runs: [], coarse: false };
  let p = 0;
  while (a0 + p < a1 && b0 + p < b1 && a[a0 + p] === b[b0 + p]) p++;
  let s = 0;
  while (a1 - s > a0 + p && b1 - s > b0 + p && a[a1 - 1 - s] === b[b1 - 1 - s]) s++;
  push(out.runs, EQUAL, p);
  const ma = a0 + p;
  const mb = b0 + p;
  const ea = a1 - s;
  const eb = b1 - s;
  const fillGap = fill ? gap : keep;
  // Without `fill`, anchors are all the caller gets from this level, so they are looked for in small gaps too.
  if (fill && ea - ma + (eb - mb) <= SMALL_GAP) fillGap(out, a, ma, ea, b, mb, eb, budget);
  else {
    let ci = ma;
    let cj = mb;
    const found = anchors(a, ma, ea, b, mb, eb);
    for (let k = 0; k < found.length; k += 2) {
      const ai = found[k]!;
      const bj = found[k + 1]!;
      fillGap(out, a, ci, ai, b, cj, bj, budget);
      push(out.runs, EQUAL, 1);
      ci = ai + 1;
      cj = bj + 1;
    }
    fillGap(out, a, ci, ea, b, cj, eb, budget);
  }
  push(out.runs, EQUAL, s);
  return out;
}

// A gap left for the caller: everything deleted and inserted.
function keep(out: KeyDiff, _a: Int32Array, a0: number, a1: number, _b: Int32Array, b0: number, b1: number): void {
  push(out.runs, DELETE, a1 - a0);
  push(out.runs, INSERT, b1 - b0);
}

function gap(out: KeyDiff, a: Int32Array, a0: number, a1: number, b: Int32Array, b0: number, b1: number, budget: DiffBudget): void {
  const n = a1 - a0;
  const m = b1 - b0;
  if (n === 0 || m === 0 || (n === 1 && m === 1)) {
    if (n === 1 && m === 1 && a[a0] === b[b0]) return push(out.runs, EQUAL, 1);
    push(out.runs, DELETE, n);
    push(out.runs, INSERT, m);
    return;
  }
  const size = n + m;
  if (n * m <= TINY_GAP) {
    budget.steps -= n * m;
    return lcs(out.runs, a, a0, n, b, b0, m);
  }
  const maxEditLength = Math.min(MAX_EDIT, size, Math.floor(budget.steps / size));
  const changes =
    maxEditLength >= 1 ? diffArrays(Array.from(a.subarray(a0, a1)), Array.from(b.subarray(b0, b1)), { maxEditLength }) : undefined;
  if (!changes) {
    budget.steps -= size * Math.max(1, maxEditLength);
    out.coarse = true;
    push(out.runs, DELETE, n);
    push(out.runs, INSERT, m);
    return;
  }
  let edits = 0;
  for (const c of changes) {
    const k = c.count ?? c.value.length;
    if (c.added || c.removed) edits += k;
    push(out.runs, c.removed ? DELETE : c.added ? INSERT : EQUAL, k);
  }
  budget.steps -= size * Math.max(1, edits) + edits * edits;
}

// Runs of a longest common subsequence of two short gaps (what jsdiff would find, without a call per edit).
// (n + 1) × (m + 1) ≤ n × m + n + m + 1 ≤ 2 × TINY_GAP + 2 when n × m ≤ TINY_GAP.
const table = new Int32Array(2 * TINY_GAP + 2);
function lcs(runs: number[], a: Int32Array, a0: number, n: number, b: Int32Array, b0: number, m: number): void {
  // Most gaps of an edited text are a few items long. Their common start is what the table below matches first, and
  // when one side is then down to one item, the table's choice is its first occurrence on the other side, else a
  // replacement: both are found without a table (the same runs, at a fraction of the cost).
  let p = 0;
  while (p < n && p < m && a[a0 + p] === b[b0 + p]) p++;
  push(runs, EQUAL, p);
  a0 += p;
  b0 += p;
  n -= p;
  m -= p;
  if (n === 1 || m === 1) {
    const k = n === 1 ? indexOf(b, b0, m, a[a0]!) : indexOf(a, a0, n, b[b0]!);
    if (k < 0) {
      push(runs, DELETE, n);
      push(runs, INSERT, m);
    } else {
      // The items around it on the other side: inserted when that side is b, deleted when it is a.
      const op: RunOp = n === 1 ? INSERT : DELETE;
      const other = n === 1 ? m : n;
      push(runs, op, k);
      push(runs, EQUAL, 1);
      push(runs, op, other - k - 1);
    }
    return;
  }
  const w = m + 1;
  const t = table;
  for (let j = 0; j <= m; j++) t[n * w + j] = 0;
  for (let i = n - 1; i >= 0; i--) {
    const x = a[a0 + i];
    const row = i * w;
    const below = row + w;
    t[row + m] = 0;
    for (let j = m - 1; j >= 0; j--) t[row + j] = x === b[b0 + j] ? t[below + j + 1]! + 1 : Math.max(t[below + j]!, t[row + j + 1]!);
  }
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[a0 + i] === b[b0 + j]) {
      push(runs, EQUAL, 1);
      i++;
      j++;
    } else if (t[(i + 1) * w + j]! >= t[i * w + j + 1]!) {
      push(runs, DELETE, 1);
      i++;
    } else {
      push(runs, INSERT, 1);
      j++;
    }
  }
  push(runs, DELETE, n - i);
  push(runs, INSERT, m - j);
}

// Offset of the first x in s[s0, s0 + n), -1 when there is none.
function indexOf(s: Int32Array, s0: number, n: number, x: number): number {
  for (let k = 0; k < n; k++) if (s[s0 + k] === x) return k;
  return -1;
}

function push(runs: number[], op: RunOp, n: number): void {
  if (n === 0) return;
  const k = runs.length;
  if (k > 0 && runs[k - 2] === op) runs[k - 1]! += n;
  else runs.push(op, n);
}

/**
 * Patience anchors: items occurring exactly once on each side, longest run in the same order on both, as a flat list
 * of index in a, index in b, index in a, … (one array, not an array per anchor: this runs for every gap of every diff).
 *
 * @example
 * anchors(Int32Array.of(5, 6, 7), 0, 3, Int32Array.of(7, 5, 6), 0, 3) // [0, 1, 1, 2]
 */
export function anchors(a: Int32Array, a0: number, a1: number, b: Int32Array, b0: number, b1: number): number[] {
  const stamp = nextStamp();
  countKeys(a, a0, a1, stamp, COUNT_IN_A, LAST_IN_A);
  const t = countKeys(b, b0, b1, stamp, COUNT_IN_B, -1);
  const posA = POS_A.reserve(b1 - b0);
  const posB = POS_B.reserve(b1 - b0);
  let n = 0;
  for (let j = b0; j < b1; j++) {
    const k = KEY_FIELDS * b[j]!;
    if (t[k + COUNT_IN_A] === 1 && t[k + COUNT_IN_B] === 1) {
      posA[n] = t[k + LAST_IN_A]!;
      posB[n++] = j;
    }
  }
  return longestIncreasing(posA, posB, n);
}

// What anchors counts per key, side by side so a key's counts share one cache line: the call that counted it last (a
// stamp: counts left by earlier calls are stale, so nothing is reset after a call), its count in a and in b, and its
// last index in a.
const KEY_FIELDS = 4;
const COUNT_IN_A = 1;
const COUNT_IN_B = 2;
const LAST_IN_A = 3;
let keyCounts = new Int32Array(KEY_FIELDS * 4096);
let stamps = 0;

function nextStamp(): number {
  if (stamps === 0x7fffffff) {
    keyCounts.fill(0);
    stamps = 0;
  }
  return ++stamps;
}

// Count keys[from, to) in field `count` of their slots, and (unless `last` is -1) the index of each key's last
// occurrence in field `last`; returns the table, which may have grown.
function countKeys(keys: Int32Array, from: number, to: number, stamp: number, count: number, last: number): Int32Array {
  let t = keyCounts;
  for (let i = from; i < to; i++) {
    const k = KEY_FIELDS * keys[i]!;
    if (k >= t.length) t = growKeyCounts(k);
    if (t[k] !== stamp) {
      t[k] = stamp;
      t[k + COUNT_IN_A] = 0;
      t[k + COUNT_IN_B] = 0;
    }
    t[k + count]!++;
    if (last >= 0) t[k + last] = i;
  }
  return t;
}

// Room for the key at field offset k, the counts of the current call kept.
function growKeyCounts(k: number): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(Math.max(2 * keyCounts.length, k + KEY_FIELDS));
  grown.set(keyCounts);
  return (keyCounts = grown);
}

// Scratch of anchors: the positions of the items unique on both sides, and the piles of patience sorting over them.
const POS_A = new Scratch();
const POS_B = new Scratch();
const TAILS = new Scratch();
const PREV = new Scratch();

// The pairs (posA, posB) of a longest strictly increasing run of posA[0, n) (patience sorting), flat, in order.
function longestIncreasing(posA: Int32Array, posB: Int32Array, n: number): number[] {
  const tails = TAILS.reserve(n);
  const prev = PREV.reserve(n);
  let piles = 0;
  for (let i = 0; i < n; i++) {
    let lo = 0;
    let hi = piles;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (posA[tails[mid]!]! < posA[i]!) lo = mid + 1;
      else hi = mid;
    }
    prev[i] = lo > 0 ? tails[lo - 1]! : -1;
    tails[lo] = i;
    if (lo === piles) piles++;
  }
  const out = new Array<number>(2 * piles);
  for (let k = piles - 1, i = piles > 0 ? tails[piles - 1]! : -1; i >= 0; i = prev[i]!, k--) {
    out[2 * k] = posA[i]!;
    out[2 * k + 1] = posB[i]!;
  }
  return out;
}
