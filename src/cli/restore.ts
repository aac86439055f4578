/**
 * `npm run restore -- <file> [--db <path>]`
 *
 * Loads a file written by `npm run export` into a new or empty database, in one transaction: afterwards the
 * database holds the whole backup, or (on any error, or if the process dies) nothing of it. The database is `--db`,
 * else ARMONIZA_DB (default data/armoniza.db); it is migrated but never seeded. Shows progress on stderr and a
 * summary at the end. Exits 1 with a message on bad input (another format, an unknown schema level, a database that
 * is not empty, a damaged file), 2 on bad usage.
 */
import Database from 'better-sqlite3';
import { BackupError } from '../backup/format.js';
import { restoreDatabase } from '../backup/restore.js';
import { DEFAULT_DB_PATH } from '../db/node-store.js';
import { fileAndDatabase, runCommand } from './run.js';

const USAGE = `usage:
  npm run restore -- <backup file> [--db <database>]
Loads a backup written by \`npm run export\` into a new or empty database (never into one that has data).
The database is --db, else ARMONIZA_DB (default ${DEFAULT_DB_PATH}).`;

/** On a terminal one line that updates; otherwise (logs, tests) one line per tenth of the rows. */
function progressLine() {
  let next = 0;
  return (done: number, total: number) => {
    const pct = total ? Math.floor((100 * done) / total) : 100;
    if (process.stderr.isTTY) process.stderr.write(`\r  rows ${String(pct).padStart(3)}% (${done}/${total})${done >= total ? '\n' : ''}`);
    else if (pct >= next || done >= total) {
      process.stderr.write(`restore: ${done}/${total} rows\n`);
      next = Math.floor(pct / 10) * 10 + 10;
    }
  };
}

function main(argv: string[]) {
  const args = fileAndDatabase(argv, DEFAULT_DB_PATH);
  const started = performance.now();
  const summary = restoreDatabase(args.db, args.file, { onProgress: progressLine(), progressEvery: 2_000 });
  const ms = performance.now() - started;
  console.log(`Restored ${args.file} into ${args.db} (schema ${summary.migration}${summary.migratedTo !== summary.migration ? `, migrated to ${summary.migratedTo}` : ''})`);
  for (const t of summary.tables) console.log(`  ${t.name.padEnd(24)} ${String(t.rows).padStart(8)}`);
  console.log(`  ${summary.rows} rows in ${summary.tables.length} tables, full-text indexes rebuilt, integrity and foreign keys checked, ${ms.toFixed(0)} ms`);
}

await runCommand({ name: 'restore', usage: USAGE, inputErrors: [BackupError, Database.SqliteError] }, () => main(process.argv.slice(2)));
