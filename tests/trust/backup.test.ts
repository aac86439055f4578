/**
 * Backup and restore: export → restore → export gives the same bytes on a database with the seed, a model, a version
 * with a binary original and Unicode edge cases; the restored database equals the original row by row (rowids and
 * storage classes included, read by plain SQL); a restore refuses another format, an unknown schema level, a
 * non-empty database and a damaged file, leaving nothing behind; and the two commands work as a user runs them.
 */
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localMigrations } from '../../src/backup/catalog.js';
import { exportDatabase } from '../../src/backup/export.js';
import { BackupError } from '../../src/backup/format.js';
import { restoreDatabase } from '../../src/backup/restore.js';
import { MIGRATIONS_DIR, openSqliteFile } from '../../src/db/sqlite-file.js';
import { binaryBytes, buildRichDatabase, ODD_TEXT, tableSnapshot, userTables } from './backup-fixtures.js';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'armoniza-backup-'));
const source = join(dir, 'source.db');
const backup = join(dir, 'source.jsonl');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  await buildRichDatabase(source);
  exportFrom(source, backup);
});

function exportFrom(db: string, file: string) {
  const sqlite = new Database(db, { fileMustExist: true });
  try {
    return exportDatabase(sqlite, file);
  } finally {
    sqlite.close();
  }
}

function query<T>(db: string, sql: string, ...params: unknown[]): T[] {
  const sqlite = new Database(db, { readonly: true });
  try {
    return sqlite.prepare(sql).all(...params) as T[];
  } finally {
    sqlite.close();
  }
}

const rowCount = (db: string) => Object.values(tableSnapshot(db)).reduce((n, rows) => n + rows.length, 0);
const triggers = (db: string) => query<{ name: string; sql: string }>(db, "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name");
let n = 0;
const fresh = () => join(dir, `t${++n}.db`);

async function cli(command: 'export' | 'restore', ...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', `src/cli/${command}.ts`, ...args], { cwd: ROOT, env: { ...process.env, ARMONIZA_DB: join(dir, 'unused.db') } });
    return { code: 0, stdout, stderr };
  } catch (e: any) {
    return { code: e.code as number, stdout: e.stdout as string, stderr: e.stderr as string };
  }
}

describe('export → restore → export', () => {
  it('gives byte-identical files and a database equal row by row', () => {
    const target = fresh();
    const summary = restoreDatabase(target, backup);
    const again = join(dir, 'again.jsonl');
    exportFrom(target, again);
    expect(readFileSync(again).equals(readFileSync(backup))).toBe(true);

    const before = tableSnapshot(source);
    expect(tableSnapshot(target)).toEqual(before);
    expect(summary.rows).toBe(rowCount(source));
    expect(triggers(target)).toEqual(triggers(source));
    const seq = 'SELECT name, seq FROM sqlite_sequence ORDER BY name';
    expect(query(target, seq)).toEqual(query(source, seq));
  });

  it('carries every table (discovered at run time), the binary original and the Unicode texts exactly', () => {
    const lines = readFileSync(backup, 'utf8').split('\n');
    const header = JSON.parse(lines[0]!);
    const sqlite = new Database(source, { readonly: true });
    const expected = userTables(sqlite);
    sqlite.close();
    expect(header.tables.map((t: { name: string }) => t.name).sort()).toEqual(expected);
    expect(expected).toEqual(expect.arrayContaining(['files', 'versions', 'models', 'bills', 'actions']));
    expect(lines.some((l) => l.includes('__drizzle') || l.includes('bills_fts_'))).toBe(false);

    const target = fresh();
    restoreDatabase(target, backup);
    const [file] = query<{ bytes: Buffer; text: string; filename: string }>(target, "SELECT bytes, text, filename FROM files WHERE id = 'f-backup'");
    expect(Buffer.compare(file!.bytes, binaryBytes())).toBe(0);
    expect(file!.text).toBe(ODD_TEXT);
    expect(file!.filename).toBe('orig\u200F\u0301.pdf');
    for (const table of ['versions', 'models', 'amendments']) {
      expect(query<{ text: string }>(target, `SELECT text FROM ${table} WHERE text = ?`, ODD_TEXT)).toHaveLength(1);
    }
    const [odd] = query<{ p: string; m: string; tp: string; tm: string }>(target, "SELECT CAST(position AS TEXT) p, CAST(mandatory AS TEXT) m, typeof(position) tp, typeof(mandatory) tm FROM model_provisions WHERE ref = 'art-3'");
    expect(odd).toEqual({ p: '2.5', m: '9007199254740993', tp: 'real', tm: 'integer' });
  });

  it('rebuilds the title search and keeps rowid order', () => {
    const target = fresh();
    restoreDatabase(target, backup);
    const search = "SELECT b.id FROM bills_fts f JOIN bills b ON b.rowid = f.rowid WHERE bills_fts MATCH 'michoacan' ORDER BY b.id";
    const found = query<{ id: string }>(target, search);
    expect(found.length).toBeGreaterThan(0);
    expect(found).toEqual(query(source, search));
    const order = 'SELECT id FROM actions ORDER BY rowid';
    expect(query(target, order)).toEqual(query(source, order));
  });
});

describe('restore into an existing empty database', () => {
  it('sets its triggers aside during the load (no trigger writes twice) and puts them back', () => {
    const target = fresh();
    openSqliteFile(target).close();
    const sqlite = new Database(target);
    sqlite.exec("CREATE TRIGGER echo AFTER INSERT ON versions BEGIN INSERT INTO settings (key, value) VALUES ('echo-' || new.id, 'x'); END");
    sqlite.close();
    restoreDatabase(target, backup);
    expect(tableSnapshot(target)).toEqual(tableSnapshot(source));
    expect(triggers(target).map((t) => t.name)).toContain('echo');
  });
});

describe('restore refuses', () => {
  const lines = () => readFileSync(backup, 'utf8').split('\n');
  const write = (name: string, content: string[]) => {
    const path = join(dir, name);
    writeFileSync(path, content.join('\n'));
    return path;
  };
  const refused = (db: string, file: string) => {
    try {
      restoreDatabase(db, file);
    } catch (e) {
      expect(e).toBeInstanceOf(BackupError);
      return (e as Error).message;
    }
    throw new Error('restore was not refused');
  };

  it('a database that has rows, and leaves it unchanged', () => {
    const before = tableSnapshot(source);
    expect(refused(source, backup)).toMatch(/is not empty .*have rows/);
    expect(tableSnapshot(source)).toEqual(before);
  });

  it('another format, another version, an unknown schema level, without creating the database', () => {
    const [head, ...rest] = lines();
    const header = JSON.parse(head!);
    const cases = {
      'other.jsonl': [JSON.stringify({ ...header, format: 'something-else' }), ...rest],
      'v2.jsonl': [JSON.stringify({ ...header, version: 2 }), ...rest],
      'level.jsonl': [JSON.stringify({ ...header, schema: { migration: '9999_future', hash: 'f'.repeat(64), when: 9e12 } }), ...rest],
      'csv.jsonl': ['id,title', '1,x'],
    };
    const messages = Object.entries(cases).map(([name, content]) => {
      const db = fresh();
      const message = refused(db, write(name, content));
      expect(existsSync(db)).toBe(false);
      return message;
    });
    expect(messages[0]).toMatch(/not an armoniza-backup file/);
    expect(messages[1]).toMatch(/version 2 is not supported/);
    expect(messages[2]).toMatch(/9999_future, which this version does not know/);
    expect(messages[3]).toMatch(/not an armoniza-backup file/);
  });

  it('a truncated or inconsistent file, leaving an empty database with its triggers', () => {
    const all = lines().filter(Boolean);
    const truncated = fresh();
    expect(refused(truncated, write('cut.jsonl', all.slice(0, -3)))).toMatch(/truncated or damaged/);
    expect(rowCount(truncated)).toBe(0);
    expect(triggers(truncated)).toEqual(triggers(source));

    const orphan = all.map((l) => (l.startsWith('["versions",') ? l.replace(/^(\["versions",\[\d+,"v-backup",)"[^"]+"/, '$1"no-such-bill"') : l));
    expect(orphan).not.toEqual(all);
    const db = fresh();
    expect(refused(db, write('orphan.jsonl', orphan))).toMatch(/point at rows that are not in the backup: versions/);
    expect(rowCount(db)).toBe(0);

    const garbled = all.map((l, i) => (i === 5 ? l.slice(0, 20) : l));
    const db2 = fresh();
    expect(refused(db2, write('garbled.jsonl', garbled))).toMatch(/line 6 is not JSON/);
    expect(rowCount(db2)).toBe(0);
  });
});

describe('a backup from an older schema level', () => {
  it('is restored at its level, then migrated forward', () => {
    const migrations = localMigrations();
    expect(migrations.length).toBeGreaterThan(1);
    const old = fresh();
    const sqlite = new Database(old);
    const db = drizzle(sqlite) as unknown as { dialect: { migrate(m: unknown, s: unknown, c: object): void }; session: unknown };
    db.dialect.migrate(readMigrationFiles({ migrationsFolder: MIGRATIONS_DIR }).slice(0, 1), db.session, {});
    sqlite.exec("INSERT INTO jurisdictions (id, kind, code, name_es, name_en, official_name) VALUES ('MX', 'federation', '00', 'México', 'Mexico', 'EUM')");
    sqlite.close();
    const file = join(dir, 'old.jsonl');
    expect(exportFrom(old, file).migration).toBe(migrations[0]!.tag);

    const target = fresh();
    const summary = restoreDatabase(target, file);
    expect(summary).toMatchObject({ migration: migrations[0]!.tag, migratedTo: migrations.at(-1)!.tag, rows: 1 });
    expect(query(target, 'SELECT id, name_es FROM jurisdictions')).toEqual([{ id: 'MX', name_es: 'México' }]);
    expect(query(target, 'SELECT hash FROM __drizzle_migrations ORDER BY created_at')).toEqual(migrations.map((m) => ({ hash: m.hash })));
  });
});

describe('npm run export / npm run restore', () => {
  it('export, restore, and refusals with exit 1 (not empty) and 2 (usage)', async () => {
    const file = join(dir, 'cli.jsonl');
    const exported = await cli('export', file, '--db', source);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).toMatch(new RegExp(`${rowCount(source)} rows in \\d+ tables`));
    expect(readFileSync(file).equals(readFileSync(backup))).toBe(true);

    const target = fresh();
    const restored = await cli('restore', file, '--db', target);
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toContain(`${rowCount(source)} rows`);
    expect(tableSnapshot(target)).toEqual(tableSnapshot(source));

    const again = await cli('restore', file, '--db', target);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/restore: .* is not empty/);

    const usage = await cli('restore');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('usage:');
  }, 60_000);
});
