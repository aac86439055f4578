/**
 * Loads a backup file into an empty database, all or nothing.
 *
 * The file is checked before the database is touched (format, version, a schema level this code knows). The target
 * must hold no rows; it is migrated up to the backup's level (not further: later migrations may transform data) and
 * then filled in ONE write transaction with foreign keys deferred to the commit. Triggers are set aside for the
 * load, because the rows are a copy of what they already guarded or derived (an audit trigger would write history
 * twice), and put back unchanged before the commit. Full-text indexes are rebuilt, then `PRAGMA integrity_check` and
 * `PRAGMA foreign_key_check` must pass, or everything is rolled back. Only then, in their own transaction, the
 * migrations that came after the backup are applied, exactly as opening an older database does.
 *
 * A crash at any point leaves either the empty (migrated) database or the whole backup: SQLite's WAL never shows a
 * transaction that did not commit.
 */
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { closeSync, mkdirSync, openSync, readSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { MIGRATIONS_DIR } from '../db/sqlite-file.js';
import { appliedMigration, localMigrations, quote, readCatalog, type Catalog } from './catalog.js';
import { BackupError, decodeValue, parseHeader, type BackupHeader } from './format.js';

export interface RestoreOptions {
  /** Called every `progressEvery` rows and once at the end, inside the transaction (nothing is committed yet). */
  onProgress?: (done: number, total: number) => void;
  progressEvery?: number;
}

export interface RestoreSummary {
  /** The schema level of the backup, and the level the database has now. */
  migration: string;
  migratedTo: string;
  tables: { name: string; rows: number }[];
  rows: number;
}

/**
 * Restores `file` into the (new or empty) SQLite database at `dbPath`.
 *
 * @example
 * restoreDatabase('data/restored.db', 'backup.jsonl'); // { rows: 1234, migration: '0005_…', … }
 */
export function restoreDatabase(dbPath: string, file: string, options: RestoreOptions = {}): RestoreSummary {
  const lines = lineReader(file);
  try {
    const header = parseHeader(lines.next());
    const migrations = localMigrations();
    const level = migrations.findIndex((m) => m.hash === header.schema.hash);
    if (level < 0) {
      throw new BackupError(
        `this backup is at schema level ${header.schema.migration ?? header.schema.hash}, which this version does not know ` +
          `(it knows up to ${migrations.at(-1)?.tag}); restore it with the version that made it`,
      );
    }
    const sqlite = openTarget(dbPath);
    try {
      refuseRows(sqlite, readCatalog(sqlite), dbPath);
      const applied = appliedMigration(sqlite);
      if (applied && applied.when > migrations[level]!.when) {
        throw new BackupError(`${dbPath} is at a newer schema level (${applied.tag ?? applied.hash}) than the backup (${migrations[level]!.tag}): restore into a new file`);
      }
      migrateTo(sqlite, level + 1);
      const catalog = readCatalog(sqlite);
      checkTables(header, catalog);
      load(sqlite, header, catalog, lines, options);
      if (level + 1 < migrations.length) migrateTo(sqlite, migrations.length);
      return {
        migration: migrations[level]!.tag,
        migratedTo: migrations.at(-1)!.tag,
        tables: header.tables.map((t) => ({ name: t.name, rows: t.rows })),
        rows: header.tables.reduce((n, t) => n + t.rows, 0),
      };
    } finally {
      sqlite.close();
    }
  } finally {
    lines.close();
  }
}

/** The one transaction: rows, sequences, triggers back, indexes rebuilt, checks; rolled back on any failure. */
function load(sqlite: Database.Database, header: BackupHeader, catalog: Catalog, lines: LineReader, options: RestoreOptions) {
  const total = header.tables.reduce((n, t) => n + t.rows, 0);
  const every = options.progressEvery ?? 10_000;
  sqlite.exec('BEGIN IMMEDIATE');
  try {
    sqlite.pragma('defer_foreign_keys = ON');
    const triggers = sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY rowid").all() as { name: string; sql: string }[];
    for (const t of triggers) sqlite.exec(`DROP TRIGGER ${quote(t.name)}`);

    const tables = new Map(
      header.tables.map((t) => {
        const target = catalog.tables.find((c) => c.name === t.name)!;
        const names = [...(t.rowid ? [target.rowid!] : []), ...t.columns.map(quote)];
        const insert = sqlite.prepare(`INSERT INTO ${quote(t.name)} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`);
        return [t.name, { header: t, insert, width: names.length, seen: 0 }];
      }),
    );
    let done = 0;
    for (let line = lines.next(), n = 2; line !== undefined; line = lines.next(), n++) {
      if (line === '') continue;
      let name: unknown, values: unknown;
      try {
        [name, values] = JSON.parse(line);
      } catch {
        throw new BackupError(`line ${n} is not JSON: the file is damaged`);
      }
      const table = tables.get(name as string);
      if (!table || !Array.isArray(values) || values.length !== table.width) throw new BackupError(`line ${n} is not a row of a table in the header: the file is damaged`);
      if (++table.seen > table.header.rows) throw new BackupError(`table ${table.header.name} has more rows than the header says: the file is damaged`);
      try {
        table.insert.run(values.map(decodeValue));
      } catch (error) {
        if (error instanceof Database.SqliteError || error instanceof BackupError) throw new BackupError(`line ${n} (table ${table.header.name}): ${error.message}`);
        throw error;
      }
      if (++done % every === 0) options.onProgress?.(done, total);
    }
    for (const t of tables.values()) {
      if (t.seen !== t.header.rows) throw new BackupError(`table ${t.header.name} has ${t.seen} rows of ${t.header.rows}: the file is truncated or damaged`);
    }

    if (header.sequences.length > 0) {
      const clear = sqlite.prepare('DELETE FROM sqlite_sequence WHERE name = ?');
      const set = sqlite.prepare('INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)');
      for (const [name, seq] of header.sequences) {
        clear.run(name);
        set.run(name, BigInt(seq));
      }
    }
    for (const t of triggers) sqlite.exec(t.sql);
    for (const fts of catalog.rebuilt) {
      sqlite.prepare(`INSERT INTO ${quote(fts)} (${quote(fts)}) VALUES ('rebuild')`).run();
      sqlite.prepare(`INSERT INTO ${quote(fts)} (${quote(fts)}) VALUES ('integrity-check')`).run();
    }
    const integrity = sqlite.pragma('integrity_check', { simple: false }) as { integrity_check: string }[];
    if (integrity.length !== 1 || integrity[0]!.integrity_check !== 'ok') {
      throw new BackupError(`integrity check failed: ${integrity.map((r) => r.integrity_check).slice(0, 5).join('; ')}`);
    }
    const orphans = sqlite.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
    if (orphans.length > 0) {
      const some = orphans.slice(0, 5).map((o) => `${o.table} rowid ${o.rowid} → ${o.parent}`);
      throw new BackupError(`${orphans.length} rows point at rows that are not in the backup: ${some.join('; ')}`);
    }
    options.onProgress?.(done, total);
    sqlite.exec('COMMIT');
  } catch (error) {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    throw error;
  }
}

/** Opens or creates the target as `openSqliteFile` does (WAL, foreign keys on), but neither migrates nor seeds. */
function openTarget(path: string): Database.Database {
  mkdirSync(dirname(resolve(path)), { recursive: true });
  const sqlite = new Database(path);
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('synchronous = NORMAL');
    return sqlite;
  } catch (error) {
    sqlite.close();
    if (error instanceof Database.SqliteError) throw new BackupError(`${path}: ${error.message}`);
    throw error;
  }
}

/** Applies the first `count` migrations of `drizzle/` that the database does not have yet, in drizzle's own way. */
function migrateTo(sqlite: Database.Database, count: number) {
  const db = drizzle(sqlite) as unknown as { dialect: { migrate(m: unknown, s: unknown, c: object): void }; session: unknown };
  db.dialect.migrate(readMigrationFiles({ migrationsFolder: MIGRATIONS_DIR }).slice(0, count), db.session, {});
}

function refuseRows(sqlite: Database.Database, catalog: Catalog, path: string) {
  const full = catalog.tables.filter((t) => sqlite.prepare(`SELECT 1 FROM ${quote(t.name)} LIMIT 1`).get()).map((t) => t.name);
  if (full.length > 0) throw new BackupError(`${path} is not empty (${full.slice(0, 4).join(', ')}${full.length > 4 ? ', …' : ''} have rows): restore only into a new or empty database`);
}

/** The backup's tables and columns must be exactly those of the target at the same schema level. */
function checkTables(header: BackupHeader, catalog: Catalog) {
  const target = new Map(catalog.tables.map((t) => [t.name, t]));
  const problems: string[] = [];
  for (const t of header.tables) {
    const c = target.get(t.name);
    if (!c) problems.push(`table ${t.name} does not exist here`);
    else if (c.columns.join('\0') !== t.columns.join('\0') || (c.rowid !== null) !== t.rowid) problems.push(`table ${t.name} has columns (${t.columns.join(', ')}) here (${c.columns.join(', ')})`);
  }
  const inFile = new Set(header.tables.map((t) => t.name));
  for (const name of target.keys()) if (!inFile.has(name)) problems.push(`table ${name} is missing from the backup`);
  if (problems.length > 0) throw new BackupError(`the backup does not match the schema at its own level: ${problems.join('; ')}`);
}

interface LineReader {
  /** The next line without its newline, or undefined at the end. */
  next(): string | undefined;
  close(): void;
}

/** Reads a file line by line synchronously (lines may be long: a blob is one line), splitting on the byte `\n`. */
function lineReader(path: string): LineReader {
  const fd = openSync(path, 'r');
  const chunk = Buffer.alloc(1 << 20);
  let parts: Buffer[] = [];
  let buffer = Buffer.alloc(0);
  let eof = false;
  return {
    next() {
      for (;;) {
        const at = buffer.indexOf(10);
        if (at >= 0) {
          const line = Buffer.concat([...parts, buffer.subarray(0, at)]).toString('utf8');
          parts = [];
          buffer = buffer.subarray(at + 1);
          return line;
        }
        if (eof) {
          if (parts.length === 0 && buffer.length === 0) return undefined;
          const line = Buffer.concat([...parts, buffer]).toString('utf8');
          parts = [];
          buffer = Buffer.alloc(0);
          return line;
        }
        if (buffer.length > 0) parts.push(buffer);
        const n = readSync(fd, chunk, 0, chunk.length, null);
        if (n === 0) eof = true;
        buffer = Buffer.from(chunk.subarray(0, n));
      }
    },
    close: () => closeSync(fd),
  };
}
