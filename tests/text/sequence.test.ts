// The sequence diff under the word and line diffs: small gaps get a longest common subsequence, the same one a plain
// dynamic programme picks, whatever shortcuts the diff takes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DELETE, diffKeys, EQUAL, INSERT } from '../../src/text/sequence';

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
