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
import { parseArgs } from 'node:util';
import { BackupError } from '../backup/format.js';
import { restoreDatabase } from '../backup/restore.js';
import { DEFAULT_DB_PATH } from '../db/node-store.js';

const USAGE = `usage:
  npm run restore -- <backup file> [--db <database>]
Loads a backup written by \`npm run export\` into a new or empty database (never into one that has data).
The database is --db, else ARMONIZA_DB (default ${DEFAULT_DB_PATH}).`;

class UsageError extends Error {}

function parse(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { db: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) throw new UsageError('');
  if (positionals.length !== 1) throw new UsageError('give exactly one backup file');
  return { file: positionals[0]!, db: values.db ?? process.env.ARMONIZA_DB ?? DEFAULT_DB_PATH };
}

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
  const args = parse(argv);
  const started = performance.now();
  const summary = restoreDatabase(args.db, args.file, { onProgress: progressLine(), progressEvery: 2_000 });
  const ms = performance.now() - started;
  console.log(`Restored ${args.file} into ${args.db} (schema ${summary.migration}${summary.migratedTo !== summary.migration ? `, migrated to ${summary.migratedTo}` : ''})`);
  for (const t of summary.tables) console.log(`  ${t.name.padEnd(24)} ${String(t.rows).padStart(8)}`);
  console.log(`  ${summary.rows} rows in ${summary.tables.length} tables, full-text indexes rebuilt, integrity and foreign keys checked, ${ms.toFixed(0)} ms`);
}

try {
  main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError) {
    if (error.message) console.error(`restore: ${error.message}\n`);
    console.error(USAGE);
    process.exit(2);
  }
  if (error instanceof TypeError && /parseArgs|Unknown option|Unexpected argument/i.test(error.message)) {
    console.error(`restore: ${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
    console.error(`restore: no such file: ${(error as NodeJS.ErrnoException).path}`);
    process.exit(1);
  }
  if (error instanceof BackupError || error instanceof Database.SqliteError) {
    console.error(`restore: ${(error as Error).message}`);
    process.exit(1);
  }
  console.error(error);
  process.exit(1);
}
