/**
 * The backup file: JSON Lines, UTF-8, one header line and then one line per row.
 *
 * ```
 * {"format":"armoniza-backup","version":1,"schema":{…},"tables":[{"name":"jurisdictions","rowid":true,"columns":[…],"rows":33},…],…}
 * ["jurisdictions",[1,"MX","","federation",…]]
 * …
 * ```
 *
 * Tables come in the header's order (parents before children), rows in rowid (or primary key) order, so the same
 * database always gives the same bytes: there is no date of the export in the file. A row is `[table, values]`; when
 * the table keeps an implicit rowid (a text primary key) the rowid comes first, because queries order by it. Values
 * keep SQLite's storage class exactly: text is a JSON string (NUL and every other character escaped by JSON), an
 * integer a JSON number (or `{"int":"…"}` beyond 2^53), a real `{"real":"…"}`, a blob `{"blob":"<base64>"}`, NULL null.
 *
 * Node only, like everything in `src/backup` (D1 has `wrangler d1 export`).
 */

export const FORMAT = 'armoniza-backup';
export const FORMAT_VERSION = 1;

/** A value as written in the file. */
export type EncodedValue = string | number | null | { int: string } | { real: string } | { blob: string };
/** A value as better-sqlite3 reads it with safe integers on, and binds it. */
export type SqlValue = string | bigint | number | Buffer | null;

export interface TableHeader {
  name: string;
  /** True when each row starts with the table's implicit rowid (not an alias of an INTEGER PRIMARY KEY column). */
  rowid: boolean;
  columns: string[];
  rows: number;
}

export interface BackupHeader {
  format: typeof FORMAT;
  version: typeof FORMAT_VERSION;
  /** The latest drizzle migration applied to the exported database. */
  schema: { migration: string | null; hash: string; when: number };
  tables: TableHeader[];
  /** AUTOINCREMENT counters (`sqlite_sequence`), so ids are never reused after a restore. */
  sequences: [string, number][];
  /** Full-text indexes over other tables: not copied, rebuilt by the restore. */
  rebuilt: string[];
}

/** A problem with the file or the target database that the user can fix: the commands exit 1 with its message. */
export class BackupError extends Error {
  override name = 'BackupError';
}

/**
 * Encodes one SQLite value for the file (read with `safeIntegers(true)`, so integers arrive as bigint).
 *
 * @example
 * encodeValue(42n) // 42
 * encodeValue(1.5) // { real: '1.5' }
 * encodeValue(Buffer.from([0xff])) // { blob: '/w==' }
 */
export function encodeValue(value: SqlValue): EncodedValue {
  if (value === null || typeof value === 'string') return value;
  if (typeof value === 'bigint') return value >= -MAX_SAFE && value <= MAX_SAFE ? Number(value) : { int: value.toString() };
  if (typeof value === 'number') return { real: Object.is(value, -0) ? '-0' : String(value) };
  if (value instanceof Uint8Array) return { blob: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64') };
  throw new TypeError(`cannot encode a ${typeof value}`);
}

/**
 * The inverse of `encodeValue`, ready to bind: integers as bigint so they are stored as integers whatever the column.
 *
 * @example
 * decodeValue({ blob: '/w==' }) // <Buffer ff>
 */
export function decodeValue(value: unknown): SqlValue {
  if (value === null || typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    const keys = Object.keys(v);
    if (keys.length === 1) {
      if (typeof v.int === 'string' && /^-?\d+$/.test(v.int)) return BigInt(v.int);
      if (typeof v.real === 'string' && !Number.isNaN(Number(v.real))) return Number(v.real);
      if (typeof v.blob === 'string' && BASE64.test(v.blob)) return Buffer.from(v.blob, 'base64');
    }
  }
  throw new BackupError(`not a value of this format: ${JSON.stringify(value)?.slice(0, 80)}`);
}

/**
 * Parses and checks the first line of a backup file.
 *
 * @example
 * const header = parseHeader(firstLine); // throws BackupError for another format or version
 */
export function parseHeader(line: string | undefined): BackupHeader {
  let h: Partial<BackupHeader> & Record<string, unknown>;
  try {
    h = JSON.parse(line ?? '');
  } catch {
    throw new BackupError(`not an ${FORMAT} file (the first line is not JSON)`);
  }
  if (!h || typeof h !== 'object' || h.format !== FORMAT) throw new BackupError(`not an ${FORMAT} file`);
  if (h.version !== FORMAT_VERSION) throw new BackupError(`${FORMAT} version ${String(h.version)} is not supported (this version reads ${FORMAT_VERSION})`);
  const ok =
    h.schema && typeof h.schema.hash === 'string' && typeof h.schema.when === 'number' &&
    Array.isArray(h.tables) && h.tables.every((t) => t && typeof t.name === 'string' && typeof t.rowid === 'boolean' && Array.isArray(t.columns) && t.columns.every((c) => typeof c === 'string') && Number.isSafeInteger(t.rows)) &&
    Array.isArray(h.sequences) && h.sequences.every((s) => Array.isArray(s) && typeof s[0] === 'string' && Number.isSafeInteger(s[1])) &&
    Array.isArray(h.rebuilt) && h.rebuilt.every((r) => typeof r === 'string');
  if (!ok) throw new BackupError(`the header of this ${FORMAT} file is damaged`);
  return h as BackupHeader;
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
