/**
 * `npm run export -- <file> [--db <path>]`
 *
 * Writes the whole database (every table, uploaded originals and the audit trail included) to one portable backup
 * file (see src/backup/format.ts) and prints what it wrote. The database is `--db`, else ARMONIZA_DB (default
 * data/armoniza.db); it is only read. Exits 1 with a message on bad input, 2 on bad usage.
 */
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { exportDatabase } from '../backup/export.js';
import { BackupError } from '../backup/format.js';
import { DEFAULT_DB_PATH } from '../db/node-store.js';
import { fileAndDatabase, runCommand } from './run.js';

const USAGE = `usage:
  npm run export -- <backup file> [--db <database>]
Writes every table of the database to one file (JSON Lines) that \`npm run restore\` loads into an empty database.
The database is --db, else ARMONIZA_DB (default ${DEFAULT_DB_PATH}).`;

function main(argv: string[]) {
  const args = fileAndDatabase(argv, DEFAULT_DB_PATH);
  if (!existsSync(args.db)) throw new BackupError(`no database at ${args.db}`);
  if (!existsSync(dirname(resolve(args.file)))) throw new BackupError(`no directory ${dirname(resolve(args.file))} for ${args.file}`);
  const started = performance.now();
  const sqlite = new Database(args.db, { fileMustExist: true });
  try {
    sqlite.pragma('busy_timeout = 5000');
    const summary = exportDatabase(sqlite, args.file);
    const ms = performance.now() - started;
    console.log(`Exported ${args.db} (schema ${summary.migration ?? 'unknown'}) to ${args.file}`);
    for (const t of summary.tables) console.log(`  ${t.name.padEnd(24)} ${String(t.rows).padStart(8)}`);
    console.log(`  ${summary.rows} rows in ${summary.tables.length} tables, ${(summary.bytes / 1024).toFixed(0)} KiB, ${ms.toFixed(0)} ms`);
  } finally {
    sqlite.close();
  }
}

await runCommand({ name: 'export', usage: USAGE, inputErrors: [BackupError, Database.SqliteError] }, () => main(process.argv.slice(2)));
