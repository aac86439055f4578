/**
 * Lines of a text as interned integer ids, computed once per unit and comparison: the alignment measures line overlap
 * with them and the redline matches identical lines with them, without splitting or hashing the text twice.
 */
import { IntArena } from './arena';
import { diceUnsorted } from './multiset';

/** A text's lines: an id per line and the offset where each starts (its "\n" belongs to it), then the text length. */
export interface Lines {
  ids: Int32Array;
  offsets: Int32Array;
}

/** Characters read for a sampled hash, at most (spread over the text). */
const HASHED_CHARS = 24;

/**
 * The lines seen in one comparison, each with an id. A line is hashed from its length and a few characters spread over
 * it (not from all of them, as a Map key would be), and compared with a line already seen only when the hashes match.
 *
 * @example
 * const t = new LineTable();
 * [t.idOf('uno\ndos', 0, 3, false), t.idOf('uno', 0, 3, false), t.idOf('uno', 0, 3, true)] // [0, 0, 1]
 */
export class LineTable {
  private readonly texts: string[] = [];
  private readonly lasts: boolean[] = [];
  private readonly hashes: number[] = [];
  /** Open-addressing table of id + 1 by hash (0 = empty). */
  private table = new Int32Array(1 << 10);
  /** Where the ids and offsets of the texts split into lines are kept. */
  readonly arena = new IntArena();

  /**
   * Id of the line text[start, end). A text's last line has no "\n" of its own: with `last`, it gets an id of its own
   * kind, which only ever matches another text's last line.
   */
  idOf(text: string, start: number, end: number, last: boolean): number {
    const lineHash = sampledHash(text, start, end);
    // Both kinds as signed 32-bit values (a last line's is mixed with imul).
    const hash = last ? Math.imul(lineHash ^ 0x5bd1e995, 0x01000193) ^ 1 : lineHash | 0;
    const mask = this.table.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.table[slot]!;
      if (entry === 0) {
        const id = this.texts.length;
        this.texts.push(text.slice(start, end));
        this.lasts.push(last);
        this.hashes.push(hash);
        this.table[slot] = id + 1;
        if (this.texts.length * 2 > this.table.length) this.grow();
        return id;
      }
      const id = entry - 1;
      const seen = this.texts[id]!;
      // A slice and a native comparison: faster than comparing in place character by character.
      if (this.hashes[id] === hash && this.lasts[id] === last && seen.length === end - start && seen === text.slice(start, end)) return id;
    }
  }

  private grow(): void {
    const table = new Int32Array(this.table.length * 2);
    const mask = table.length - 1;
    for (let id = 0; id < this.texts.length; id++) {
      let slot = this.hashes[id]! & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = id + 1;
    }
    this.table = table;
  }
}

/**
 * A 32-bit hash of text[start, end) from its length and up to 24 characters spread evenly over it: constant time, for
 * tables that compare the texts anyway when hashes are equal.
 *
 * @example
 * sampledHash('uno', 0, 3) === sampledHash('-uno-', 1, 4) // true
 */
export function sampledHash(text: string, start: number, end: number): number {
  const n = end - start;
  let h = Math.imul(0x811c9dc5 ^ n, 0x01000193);
  const step = n <= HASHED_CHARS ? 1 : Math.ceil(n / HASHED_CHARS);
  for (let i = start; i < end; i += step) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h ^ (h >>> 15)) >>> 0;
}

/**
 * Lines of `text`, interned in `table`.
 *
 * @example
 * const table = new LineTable(); linesOf('uno\ndos\nuno', table).ids // Int32Array [0, 1, 2]
 */
export function linesOf(text: string, table: LineTable): Lines {
  const n = splitLines(text);
  for (let i = 0; i < n; i++) {
    const last = i === n - 1;
    scratchIds[i] = table.idOf(text, scratchOffsets[i]!, last ? text.length : scratchOffsets[i + 1]! - 1, last);
  }
  return { ids: table.arena.copy(scratchIds, n), offsets: table.arena.copy(scratchOffsets, n + 1) };
}

// Start offset of each line of `text` (its "\n" belongs to it) into scratchOffsets, then text.length; returns the number
// of lines (at least one).
function splitLines(text: string): number {
  let count = 0;
  let start = 0;
  for (let end = text.indexOf('\n'); ; end = text.indexOf('\n', start)) {
    if (count + 2 > scratchOffsets.length) growScratch();
    scratchOffsets[count++] = start;
    if (end < 0) break;
    start = end + 1;
  }
  scratchOffsets[count] = text.length;
  return count;
}

let scratchIds = new Int32Array(1024);
let scratchOffsets = new Int32Array(1024);

function growScratch(): void {
  const ids = new Int32Array(scratchIds.length * 2);
  const offsets = new Int32Array(scratchOffsets.length * 2);
  ids.set(scratchIds);
  offsets.set(scratchOffsets);
  scratchIds = ids;
  scratchOffsets = offsets;
}

/**
 * Dice coefficient of the lines of two texts, as multisets.
 *
 * @example
 * const t = new LineTable(); lineDice(linesOf('a\nb\nc', t), linesOf('a\nb\nd', t)) // 0.6666666666666666
 */
export function lineDice(x: Lines, y: Lines): number {
  return diceUnsorted(x.ids, y.ids);
}
