/**
 * Writes a whole database to one backup file (format in `format.ts`), from one read transaction, so the copy is a
 * consistent snapshot even while the server keeps writing. The file is written beside its destination, flushed to
 * disk and renamed into place: an interrupted export never leaves a half file under the final name.
 */
import type Database from 'better-sqlite3';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { appliedMigration, quote, readCatalog } from './catalog.js';
import { BackupError, encodeValue, FORMAT, FORMAT_VERSION, type BackupHeader, type SqlValue } from './format.js';

export interface ExportSummary {
  migration: string | null;
  tables: { name: string; rows: number }[];
  rows: number;
  bytes: number;
}

/**
 * Exports every table of `sqlite` to `file`.
 *
 * @example
 * const sqlite = new Database('data/armoniza.db', { fileMustExist: true });
 * exportDatabase(sqlite, 'backup.jsonl'); // { rows: 1234, bytes: 567890, tables: [...] }
 */
export function exportDatabase(sqlite: Database.Database, file: string): ExportSummary {
  const temp = `${file}.partial-${process.pid}`;
  const out = lineWriter(temp);
  sqlite.exec('BEGIN');
  try {
    const level = appliedMigration(sqlite);
    if (!level) throw new BackupError('this database was never migrated: it is not an Armoniza database');
    const catalog = readCatalog(sqlite);
    const tables = catalog.tables.map((t) => ({
      ...t,
      rows: (sqlite.prepare(`SELECT count(*) AS n FROM ${quote(t.name)}`).get() as { n: number }).n,
    }));
    const names = new Set(tables.map((t) => t.name));
    const hasSequences = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'").get();
    const sequences = hasSequences
      ? (sqlite.prepare('SELECT name, seq FROM sqlite_sequence ORDER BY name').raw().all() as [string, number][]).filter(([n]) => names.has(n))
      : [];
    const header: BackupHeader = {
      format: FORMAT,
      version: FORMAT_VERSION,
      schema: { migration: level.tag, hash: level.hash, when: level.when },
      tables: tables.map((t) => ({ name: t.name, rowid: t.rowid !== null, columns: t.columns, rows: t.rows })),
      sequences,
      rebuilt: catalog.rebuilt,
    };
    out.write(JSON.stringify(header));
    for (const t of tables) {
      const select = [...(t.rowid ? [t.rowid] : []), ...t.columns.map(quote)].join(', ');
      const rows = sqlite.prepare(`SELECT ${select} FROM ${quote(t.name)} ORDER BY ${t.orderBy}`).raw(true).safeIntegers(true);
      const prefix = `[${JSON.stringify(t.name)},`;
      for (const row of rows.iterate() as IterableIterator<SqlValue[]>) out.write(`${prefix}${JSON.stringify(row.map(encodeValue))}]`);
    }
    sqlite.exec('COMMIT');
    const bytes = out.close();
    renameSync(temp, file);
    return { migration: level.tag, tables: tables.map((t) => ({ name: t.name, rows: t.rows })), rows: tables.reduce((n, t) => n + t.rows, 0), bytes };
  } catch (error) {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    out.abort();
    rmSync(temp, { force: true });
    throw error;
  }
}

/** Lines to a file through a 1 MiB buffer; `close` flushes and fsyncs and returns the byte count. */
function lineWriter(path: string) {
  const fd = openSync(path, 'w');
  let chunks: string[] = [];
  let pending = 0;
  let bytes = 0;
  let open = true;
  const flush = () => {
    if (chunks.length === 0) return;
    const buffer = Buffer.from(chunks.join(''));
    for (let at = 0; at < buffer.length; ) at += writeSync(fd, buffer, at, buffer.length - at);
    bytes += buffer.length;
    chunks = [];
    pending = 0;
  };
  return {
    write(line: string) {
      chunks.push(line, '\n');
      pending += line.length + 1;
      if (pending >= 1 << 20) flush();
    },
    close(): number {
      flush();
      fsyncSync(fd);
      closeSync(fd);
      open = false;
      return bytes;
    },
    abort() {
      if (open) closeSync(fd);
      open = false;
    },
  };
}
