// The overlap measures of the alignment: counted in a hash table or in an array by key, they give the Dice coefficient
// of the sorted multisets, whatever the order of the items.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dice, diceOfSmall, diceUnsorted } from '../../src/text/multiset';

const sorted = (a: number[]) => Int32Array.from(a).sort();

describe('multiset overlap', () => {
  it('gives the Dice coefficient of the sorted multisets, in a hash table and in an array by key', () => {
    // Few distinct keys, so items repeat; a large key now and then, up to the bound given to the array by key.
    const key = fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 0, max: 12 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 5000 }) });
    const items = fc.array(key, { maxLength: 40 });
    fc.assert(
      fc.property(items, items, (x, y) => {
        const expected = dice(sorted(x), sorted(y));
        expect(diceUnsorted(Int32Array.from(x), Int32Array.from(y))).toBe(expected);
        expect(diceOfSmall(Int32Array.from(x), Int32Array.from(y), 5001)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });
});
