// The sequence diff under the word and line diffs: small gaps get a longest common subsequence, the same one a plain
// dynamic programme picks, whatever shortcuts the diff takes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchors, DELETE, diffKeys, EQUAL, INSERT } from '../../src/text/sequence';

// Runs of the plain LCS table over a and b, walked from the start, equal items first, then a deletion when it loses
// nothing; the common start and end are matched first, as diffKeys does.
function reference(a: number[], b: number[]): number[] {
  const runs: number[] = [];
  const push = (op: number, n: number) => {
    if (n === 0) return;
    if (runs.length > 0 && runs[runs.length - 2] === op) runs[runs.length - 1]! += n;
    else runs.push(op, n);
  };
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  let s = 0;
  while (s < a.length - p && s < b.length - p && a[a.length - 1 - s] === b[b.length - 1 - s]) s++;
  const [x, y] = [a.slice(p, a.length - s), b.slice(p, b.length - s)];
  const t = Array.from({ length: x.length + 1 }, () => new Array<number>(y.length + 1).fill(0));
  for (let i = x.length - 1; i >= 0; i--) {
    for (let j = y.length - 1; j >= 0; j--) t[i]![j] = x[i] === y[j] ? t[i + 1]![j + 1]! + 1 : Math.max(t[i + 1]![j]!, t[i]![j + 1]!);
  }
  push(EQUAL, p);
  let [i, j] = [0, 0];
  while (i < x.length && j < y.length) {
    if (x[i] === y[j]) [i, j] = (push(EQUAL, 1), [i + 1, j + 1]);
    else if (t[i + 1]![j]! >= t[i]![j + 1]!) i = (push(DELETE, 1), i + 1);
    else j = (push(INSERT, 1), j + 1);
  }
  push(DELETE, x.length - i);
  push(INSERT, y.length - j);
  push(EQUAL, s);
  return runs;
}

describe('diffKeys on short sequences', () => {
  it('finds the runs of the plain LCS table', () => {
    // Few distinct items, so most gaps repeat items and none is settled by an item unique on both sides.
    const items = fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 20 });
    fc.assert(
      fc.property(items, items, (a, b) => {
        const d = diffKeys(Int32Array.from(a), 0, a.length, Int32Array.from(b), 0, b.length, { steps: 1e6 });
        expect(d.runs).toEqual(reference(a, b));
      }),
      { numRuns: 3000 },
    );
  });
});

// Anchors of a[a0, a1) and b[b0, b1) by the book: items found once on each side, then a longest run increasing on
// both (patience sorting keeps the first such run it completes; any longest one is as good, so only its length and
// order are compared).
function uniquePairs(a: number[], b: number[]): [number, number][] {
  const count = (xs: number[]) => xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<number, number>());
  const [ca, cb] = [count(a), count(b)];
  return b.flatMap((x, j) => (ca.get(x) === 1 && cb.get(x) === 1 ? [[a.indexOf(x), j] as [number, number]] : []));
}

function longestRun(pairs: [number, number][]): number {
  const best = pairs.map(() => 1);
  for (let i = 0; i < pairs.length; i++) for (let k = 0; k < i; k++) if (pairs[k]![0] < pairs[i]![0]) best[i] = Math.max(best[i]!, best[k]! + 1);
  return Math.max(0, ...best);
}

describe('anchors', () => {
  it('keeps the counts of a call whose keys outgrow its table', () => {
    // Keys far above any other test's, so the table grows in the middle of these calls.
    expect(anchors(Int32Array.of(5, 250_000), 0, 2, Int32Array.of(5, 250_000), 0, 2)).toEqual([0, 0, 1, 1]);
    expect(anchors(Int32Array.of(5, 6), 0, 2, Int32Array.of(5, 6, 600_000), 0, 3)).toEqual([0, 0, 1, 1]);
  });

  it('pairs items unique on both sides in a longest increasing run, call after call', () => {
    // Successive calls over the same few keys (and now and then a large one) would show any count left over from an
    // earlier call. (Growth in the middle of a call is the test above.)
    const items = fc.array(fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 20_000 })), { maxLength: 40 });
    fc.assert(
      fc.property(items, items, (a, b) => {
        const found = anchors(Int32Array.from(a), 0, a.length, Int32Array.from(b), 0, b.length);
        const pairs = uniquePairs(a, b);
        const got: [number, number][] = [];
        for (let k = 0; k < found.length; k += 2) got.push([found[k]!, found[k + 1]!]);
        expect(got.every((p) => pairs.some((q) => q[0] === p[0] && q[1] === p[1]))).toBe(true);
        expect(got.every((p, k) => k === 0 || (p[0] > got[k - 1]![0] && p[1] > got[k - 1]![1]))).toBe(true);
        expect(got.length).toBe(longestRun(pairs));
      }),
      { numRuns: 3000 },
    );
  });

  it('counts only the ranges it is given', () => {
    const a = Int32Array.of(1, 2, 3, 1);
    const b = Int32Array.of(1, 2, 3, 1);
    expect(anchors(a, 0, 4, b, 0, 4)).toEqual([1, 1, 2, 2]); // 1 occurs twice on each side
    expect(anchors(a, 0, 3, b, 0, 3)).toEqual([0, 0, 1, 1, 2, 2]); // within the first three, once
    expect(anchors(a, 1, 4, b, 0, 3)).toEqual([1, 1, 2, 2]); // 2 and 3 in order on both sides; 1 is not
  });
});
