/**
 * What a backup copies, read from the database itself rather than from `schema.ts`, so a table added by a later
 * migration is included without touching this code: every ordinary table of `main` except SQLite's own
 * (`sqlite_*`) and drizzle's migration log. Full-text indexes over another table (FTS5 with `content=`) and their
 * shadow tables are left out and rebuilt on restore; any other virtual table is refused rather than silently lost.
 *
 * Tables are ordered parents first (by their foreign keys, ties by name), so a restore inserts in that order.
 */
import type Database from 'better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MIGRATIONS_DIR } from '../db/sqlite-file.js';
import { BackupError } from './format.js';

export const MIGRATIONS_TABLE = '__drizzle_migrations';

export interface TableInfo {
  name: string;
  /** The name that reaches the implicit rowid (`rowid`, or `_rowid_`/`oid` if a column is called that); null when there is none to copy. */
  rowid: string | null;
  columns: string[];
  /** SQL `ORDER BY` list that gives the deterministic row order. */
  orderBy: string;
}

export interface Catalog {
  tables: TableInfo[];
  /** FTS5 tables whose content lives in another table. */
  rebuilt: string[];
}

/** One migration of this code base, as drizzle records it. */
export interface Migration {
  tag: string;
  hash: string;
  when: number;
}

/**
 * Lists the tables to copy, parents first.
 *
 * @example
 * readCatalog(sqlite).tables.map((t) => t.name) // ['jurisdictions', 'sources', 'bills', …]
 */
export function readCatalog(sqlite: Database.Database): Catalog {
  const list = sqlite.pragma('table_list') as { schema: string; name: string; type: string; wr: number }[];
  const tables: TableInfo[] = [];
  const rebuilt: string[] = [];
  const parents = new Map<string, Set<string>>();
  for (const t of list) {
    if (t.schema !== 'main' || t.type === 'view' || t.type === 'shadow') continue;
    if (t.name.toLowerCase().startsWith('sqlite_') || t.name === MIGRATIONS_TABLE) continue;
    if (t.type === 'virtual') {
      const { sql } = sqlite.prepare('SELECT sql FROM sqlite_master WHERE name = ?').get(t.name) as { sql: string };
      if (/\busing\s+fts5\s*\(/i.test(sql) && /\bcontent\s*=\s*'[^']+'/i.test(sql)) rebuilt.push(t.name);
      else throw new BackupError(`virtual table ${t.name} keeps data this backup does not know how to copy`);
      continue;
    }
    const info = sqlite.pragma(`table_xinfo(${quote(t.name)})`) as { name: string; type: string; pk: number; hidden: number }[];
    const columns = info.filter((c) => c.hidden === 0).map((c) => c.name);
    const pk = info.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
    const aliased = pk.length === 1 && pk[0]!.type.toUpperCase() === 'INTEGER';
    const lower = new Set(columns.map((c) => c.toLowerCase()));
    const rowidName = ['rowid', '_rowid_', 'oid'].find((n) => !lower.has(n));
    if (!t.wr && !rowidName) throw new BackupError(`table ${t.name} hides its rowid behind columns named rowid, _rowid_ and oid`);
    const rowid = t.wr || aliased ? null : rowidName!;
    const orderBy = t.wr ? pk.map((c) => quote(c.name)).join(', ') : (rowidName ?? quote(pk[0]!.name));
    tables.push({ name: t.name, rowid, columns, orderBy });
    const fks = sqlite.pragma(`foreign_key_list(${quote(t.name)})`) as { table: string }[];
    parents.set(t.name, new Set(fks.map((f) => f.table).filter((p) => p !== t.name)));
  }
  return { tables: parentsFirst(tables, parents), rebuilt: rebuilt.sort() };
}

/**
 * The migrations in `drizzle/`, oldest first.
 *
 * @example
 * localMigrations().at(-1) // { tag: '0005_immutable_records', hash: '…', when: 1795899802421 }
 */
export function localMigrations(folder = MIGRATIONS_DIR): Migration[] {
  const journal = JSON.parse(readFileSync(join(folder, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string; when: number }[] };
  const files = readMigrationFiles({ migrationsFolder: folder });
  return journal.entries.map((e, i) => ({ tag: e.tag, hash: files[i]!.hash, when: e.when }));
}

/**
 * The latest migration applied to a database, or null when it was never migrated.
 *
 * @example
 * appliedMigration(sqlite) // { tag: '0005_immutable_records', hash: '…', when: 1795899802421 }
 */
export function appliedMigration(sqlite: Database.Database): { tag: string | null; hash: string; when: number } | null {
  const exists = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(MIGRATIONS_TABLE);
  if (!exists) return null;
  const last = sqlite.prepare(`SELECT hash, created_at AS "when" FROM ${quote(MIGRATIONS_TABLE)} ORDER BY created_at DESC LIMIT 1`).get() as
    | { hash: string; when: number }
    | undefined;
  if (!last) return null;
  const when = Number(last.when);
  return { tag: localMigrations().find((m) => m.hash === last.hash)?.tag ?? null, hash: last.hash, when };
}

/** An SQL identifier in double quotes. */
export function quote(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Kahn's algorithm with ties broken by name; tables caught in a cycle follow by name (restore defers foreign keys). */
function parentsFirst(tables: TableInfo[], parents: Map<string, Set<string>>): TableInfo[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const pending = new Set([...byName.keys()].sort());
  const out: TableInfo[] = [];
  while (pending.size > 0) {
    const ready = [...pending].find((n) => [...parents.get(n)!].every((p) => !pending.has(p))) ?? [...pending][0]!;
    pending.delete(ready);
    out.push(byName.get(ready)!);
  }
  return out;
}
