/**
 * Bounded memory for pure functions of short strings that a text asks about on many lines: the numerals and ordinal
 * words of labels, the reform notes a consolidated law repeats under many provisions.
 */

/** Results kept per remembered function; a text can hold any number of distinct lines where a label or note may stand. */
const REMEMBERED = 10_000;

/**
 * `compute` with its results kept (cleared when full). Keeping them spares regular expressions on every fracción,
 * heading, transitorio and reform note seen before.
 *
 * @example
 * const length = remembered((s) => s.length); length('abc') // 3
 */
export function remembered<T>(compute: (key: string) => T): (key: string) => T {
  const kept = new Map<string, T>();
  return (key) => {
    let value = kept.get(key);
    if (value === undefined) {
      value = compute(key);
      if (kept.size >= REMEMBERED) kept.clear();
      kept.set(key, value);
    }
    return value;
  };
}
