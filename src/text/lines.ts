/**
 * Lines of a text as interned integer ids, computed once per unit and comparison: the alignment measures line overlap
 * with them and the redline matches identical lines with them, without splitting or hashing the text twice.
 */
import { diceUnsorted } from './multiset';

/** A text's lines: an id per line and the offset where each starts (its "\n" belongs to it), then the text length. */
export interface Lines {
  ids: Int32Array;
  offsets: Int32Array;
}

/**
 * Lines of `text`, interned in `table`. The last line has no "\n" of its own, so it gets an id of its own kind and
 * only ever matches the other text's last line.
 *
 * @example
 * const table = new Map(); linesOf('uno\ndos\nuno', table).ids // Int32Array [0, 1, 2]
 */
export function linesOf(text: string, table: Map<string, number>): Lines {
  const parts = text.split('\n');
  const ids = new Int32Array(parts.length);
  const offsets = new Int32Array(parts.length + 1);
  for (let i = 0; i < parts.length; i++) {
    const key = i === parts.length - 1 ? `\u0000${parts[i]}` : parts[i]!;
    let id = table.get(key);
    if (id === undefined) table.set(key, (id = table.size));
    ids[i] = id;
    offsets[i + 1] = offsets[i]! + parts[i]!.length + 1;
  }
  offsets[parts.length] = text.length;
  return { ids, offsets };
}

/**
 * Dice coefficient of the lines of two texts, as multisets.
 *
 * @example
 * const t = new Map(); lineDice(linesOf('a\nb\nc', t), linesOf('a\nb\nd', t)) // 0.6666666666666666
 */
export function lineDice(x: Lines, y: Lines): number {
  return diceUnsorted(x.ids, y.ids);
}
