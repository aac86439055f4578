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
import { Lru } from '../lib/lru.js';
import * as schema from './schema.js';
import type { Db, Statement, Store } from './client.js';
import { DATA_VERSION_SQL } from './data-version.js';

export const MIGRATIONS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../drizzle');

/**
 * How long a data version read from the file is trusted while this process has not written since (its own writes are
 * seen at once): writes by other processes, such as `npm run import` while the server runs, show within this time.
 * Reading it on every request cost a seventh of the server's time on a cached page.
 */
export const VERSION_POLL_MS = 100;

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
export function openSqliteFile(path: string, options: { versionPollMs?: number } = {}): SqliteFileStore {
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  const sqlite = new Database(path);
  keepPreparedStatements(sqlite);
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
  const versionQuery = sqlite.prepare(DATA_VERSION_SQL);
  const pollMs = options.versionPollMs ?? VERSION_POLL_MS;
  let known = { version: 0, readAt: -Infinity };
  return {
    db: db as unknown as Db,
    engine: 'sqlite-file',
    sqlite,
    async atomic(statements) {
      applyAll(statements);
      known.readAt = -Infinity; // this process wrote: the next reader asks the file
    },
    async dataVersion() {
      const now = performance.now();
      if (now - known.readAt >= pollMs) known = { version: (versionQuery.get() as { version: number }).version, readAt: now };
      return known.version;
    },
    close: () => sqlite.close(),
  };
}

/**
 * better-sqlite3 compiles the SQL on every `prepare()`, which drizzle calls for every query (the status query, with
 * its thirty subqueries, spent a third of its time compiling). Statements are kept by their text, LRU, and handed out
 * again with their modes reset: better-sqlite3 runs one statement at a time, so a kept statement is never in use twice
 * (nothing here iterates a statement while preparing another with the same text).
 */
function keepPreparedStatements(sqlite: Database.Database, size = 500): void {
  const compile = sqlite.prepare.bind(sqlite);
  const kept = new Lru<Database.Statement>(size);
  sqlite.prepare = ((source: string) => {
    let statement = kept.get(source);
    if (!statement) kept.set(source, (statement = compile(source)));
    else {
      // Modes stick to a statement: drizzle's values() sets raw(); other callers may have set the others.
      if (statement.reader) statement.raw(false).pluck(false).expand(false);
      statement.safeIntegers(false);
    }
    return statement;
  }) as typeof sqlite.prepare;
}
