/**
 * Values derived from the database (a status report, a page's data), kept until the database changes.
 *
 * Every write of content appends to the audit trail in the same atomic step, so the last audit entry's number is a
 * version of everything a reader can see (`Store.dataVersion`, `db/data-version.ts`). A value is kept with the
 * version it was read at and served again while the version is the same: readers see a write at once (no stale
 * window), and under load the database is asked once per key per change. Concurrent misses share one computation.
 * Works the same in one Node process and in each Workers isolate, because the version is read from the database.
 */
import { sha256Hex } from './hash.js';
import { Lru } from './lru.js';

export interface Derived<T> {
  value: T;
  /** Short SHA-256 of the value's JSON (of a string, as it is): equal for equal data, so it can key a page or an ETag. */
  hash: string;
}

interface Entry {
  version: number;
  promise: Promise<Derived<unknown>>;
  /** Length of the value's JSON once computed: what the entry weighs against the cache's budget. */
  weight: number;
}

export class DerivedCache {
  private readonly entries: Lru<Entry>;
  /** At most `size` values, and at most `maxChars` characters of their JSON in all (a comparison can be megabytes). */
  constructor(size = 2000, maxChars = 64 * 2 ** 20) {
    this.entries = new Lru(size, (entry) => entry.weight, maxChars);
  }

  /**
   * The value for `key` at data version `version`, computed by `fn` when not kept yet.
   *
   * @example
   * const { value, hash } = await cache.load(await store.dataVersion(), `status|${asOf}|${lang}`, () => statusReport(store.db, asOf, lang));
   */
  load<T>(version: number, key: string, fn: () => Promise<T>): Promise<Derived<T>> {
    const hit = this.entries.get(key);
    if (hit && hit.version === version) return hit.promise as Promise<Derived<T>>;
    const promise = fn().then(async (value) => {
      // A string (a body already serialized) is hashed as it is, not escaped into JSON a second time.
      const json = typeof value === 'string' ? value : (JSON.stringify(value) ?? 'undefined');
      // Weighed again now that its size is known (if it is still the one kept for this key).
      if (this.entries.get(key) === entry) this.entries.set(key, { ...entry, weight: json.length });
      return { value, hash: (await sha256Hex(json)).slice(0, 24) };
    });
    const entry: Entry = { version, promise, weight: 0 };
    this.entries.set(key, entry);
    // A failure is not kept: the next request tries again.
    promise.catch(() => {
      if (this.entries.get(key)?.promise === promise) this.entries.set(key, { version: -1, promise, weight: 0 });
    });
    return promise;
  }
}

/**
 * One request's reads: the data version, asked once at the first need, and values derived at that version.
 *
 * @example
 * const reads = new VersionedReads(store, cache);
 * const { value } = await reads.derive('models', () => listModels(store.db));
 */
export class VersionedReads {
  private version: Promise<number> | undefined;
  constructor(
    private readonly store: { dataVersion(): Promise<number> },
    private readonly cache: DerivedCache,
  ) {}

  dataVersion(): Promise<number> {
    return (this.version ??= this.store.dataVersion());
  }

  derive<T>(key: string, fn: () => Promise<T>): Promise<Derived<T>> {
    return this.dataVersion().then((version) => this.cache.load(version, key, fn));
  }
}
