/**
 * The embedded default: a SQLite file through better-sqlite3, in WAL mode with foreign keys on, migrated on open.
 * Node only; `src/worker.ts` has the D1 twin of this file.
 */
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as schema from './schema.js';
import type { Db, Statement, Store } from './client.js';
import { DATA_VERSION_SQL } from './data-version.js';

export const MIGRATIONS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../drizzle');

export interface SqliteFileStore extends Store {
  close(): void;
  sqlite: Database.Database;
}

/**
 * Opens (creating if needed) and migrates the SQLite file at `path` (`:memory:` works too).
 *
 * @example
 * const store = openSqliteFile('data/armoniza.db');
 */
export function openSqliteFile(path: string): SqliteFileStore {
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: MIGRATIONS_DIR });
  // Statements are built on this better-sqlite3 session, so their run() is synchronous and can sit in one transaction.
  const applyAll = sqlite.transaction((statements: Statement[]) => {
    for (const statement of statements) (statement as unknown as { run(): unknown }).run();
  });
  const version = sqlite.prepare(DATA_VERSION_SQL).pluck();
  return {
    db: db as unknown as Db,
    engine: 'sqlite-file',
    sqlite,
    async atomic(statements) {
      applyAll(statements);
    },
    dataVersion: async () => version.get() as number,
    close: () => sqlite.close(),
  };
}
