/**
 * Cheap Int32Arrays for the many small arrays of one comparison: an arena of views, and a view maker. In V8 a new
 * typed array costs about a microsecond (its memory lives outside the heap), `subarray` a hundred nanoseconds, a view
 * made by the constructor half that.
 */

/**
 * The view a[start, end), as `a.subarray(start, end)` but made by the constructor, which is faster.
 *
 * @example
 * view(Int32Array.of(1, 2, 3, 4), 1, 3) // Int32Array [2, 3]
 */
export function view(a: Int32Array, start: number, end: number): Int32Array {
  return new Int32Array(a.buffer, a.byteOffset + 4 * start, end - start);
}

/** Elements of an arena's first chunk; each next one doubles, up to the largest (1 MB). */
const ARENA_FIRST_CHUNK = 1 << 12;
const ARENA_CHUNK = 1 << 18;

/**
 * Storage for many integer arrays that live and die together (the tokens or lines of the units of one comparison):
 * each is a view of a few large chunks, because allocating many small typed arrays costs more in V8 than filling them.
 *
 * @example
 * const arena = new IntArena();
 * arena.copy(Int32Array.of(1, 2, 3)) // Int32Array [1, 2, 3]
 */
export class IntArena {
  private chunk = new Int32Array(0);
  private used = 0;

  /** A copy of the first `length` elements of `src`, stored in the arena. */
  copy(src: Int32Array, length = src.length): Int32Array {
    if (this.used + length > this.chunk.length) {
      const size = Math.min(ARENA_CHUNK, Math.max(ARENA_FIRST_CHUNK, 2 * this.chunk.length));
      this.chunk = new Int32Array(Math.max(size, length));
      this.used = 0;
    }
    const chunk = this.chunk;
    const from = this.used;
    // A loop for short arrays; a block copy (at the cost of a subarray) for long ones.
    if (length <= 64) for (let i = 0; i < length; i++) chunk[from + i] = src[i]!;
    else chunk.set(src.subarray(0, length), from);
    this.used += length;
    return view(chunk, from, from + length);
  }
}

/**
 * A scratch Int32Array for one computation at a time (the engine is synchronous), grown when asked for more room;
 * its contents are not kept across growth.
 *
 * @example
 * const s = new Scratch(); s.reserve(5000).length >= 5000 // true
 */
export class Scratch {
  private array = new Int32Array(1024);

  reserve(n: number): Int32Array {
    if (this.array.length < n) this.array = new Int32Array(Math.max(n, 2 * this.array.length));
    return this.array;
  }
}
