/**
 * Crash safety: a child process loading many records in one transaction is SIGKILLed midway, and afterwards the
 * database passes `PRAGMA integrity_check` and `foreign_key_check` and holds either the whole load or none of it.
 *
 * The load is `npm run restore` of a generated backup (tens of thousands of rows and megabytes of blobs, so SQLite
 * spills uncommitted pages into the WAL), killed when its progress line reports a given share of rows (the last line
 * comes after the checks, just before COMMIT) and once a little after that; a run left alone must hold everything. The
 * `npm run import` of a long model is killed as soon as its transaction starts writing the WAL. A database left empty
 * by a killed restore must accept a restore again.
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportDatabase } from '../../src/backup/export.js';
import { restoreDatabase } from '../../src/backup/restore.js';
import { openSeededFile } from '../../src/db/node-store.js';
import { buildBigDatabase, buildRichDatabase, userTables } from './backup-fixtures.js';

const ROOT = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'armoniza-crash-'));
const big = join(dir, 'big.jsonl');
const small = join(dir, 'small.jsonl');
let expected: Record<string, number>;
const report: string[] = [];

beforeAll(async () => {
  await buildBigDatabase(join(dir, 'big.db'), { copies: 200, files: 150 });
  exportTo(join(dir, 'big.db'), big);
  await buildRichDatabase(join(dir, 'small.db'));
  exportTo(join(dir, 'small.db'), small);
  const header = JSON.parse(readFileSync(big, 'utf8').slice(0, 100_000).split('\n')[0]!);
  expected = Object.fromEntries(header.tables.map((t: { name: string; rows: number }) => [t.name, t.rows]));
}, 120_000);

afterAll(() => {
  console.log(`crash runs (${Object.values(expected).reduce((a, b) => a + b, 0)} rows, ${(statSync(big).size / 1e6).toFixed(1)} MB backup):\n${report.join('\n')}`);
  rmSync(dir, { recursive: true, force: true });
});

function exportTo(db: string, file: string) {
  const sqlite = new Database(db);
  try {
    exportDatabase(sqlite, file);
  } finally {
    sqlite.close();
  }
}

/** Opens the database after the crash (SQLite recovers from the WAL here) and describes what it holds. */
function inspect(db: string) {
  const sqlite = new Database(db);
  try {
    const integrity = sqlite.pragma('integrity_check', { simple: true });
    const orphans = (sqlite.pragma('foreign_key_check') as unknown[]).length;
    const counts = Object.fromEntries(userTables(sqlite).map((t) => [t, (sqlite.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n]));
    return { integrity, orphans, counts };
  } finally {
    sqlite.close();
  }
}

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  killedAt: string;
  walBytes: number;
}

/**
 * Runs a command of ours in a child process and SIGKILLs it when `kill` says so (checked on every stderr line and
 * every 2 ms), `delayMs` later.
 */
function runAndKill(args: string[], db: string, kill: (line: string | null) => boolean, delayMs = 0): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: ROOT, env: { ...process.env, ARMONIZA_DB: db }, stdio: ['ignore', 'ignore', 'pipe'] });
    let killedAt = 'not killed';
    let walBytes = 0;
    let fired = false;
    const fire = (why: string) => {
      if (fired) return;
      fired = true;
      clearInterval(poll);
      setTimeout(() => {
        if (child.exitCode !== null) return;
        walBytes = existsSync(`${db}-wal`) ? statSync(`${db}-wal`).size : 0;
        killedAt = why;
        child.kill('SIGKILL');
      }, delayMs);
    };
    let pending = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) if (kill(line)) fire(line.trim());
    });
    const poll = setInterval(() => kill(null) && fire(`WAL at ${statSync(`${db}-wal`).size} bytes`), 2);
    child.on('error', fail);
    child.on('exit', (code, signal) => {
      clearInterval(poll);
      done({ code, signal, killedAt, walBytes });
    });
  });
}

/** Kill when the restore's progress line reports at least `share` of the rows. */
const atShare = (share: number) => (line: string | null) => {
  const m = line?.match(/^restore: (\d+)\/(\d+) rows/);
  return !!m && Number(m[1]) >= share * Number(m[2]);
};

describe('a restore SIGKILLed midway', () => {
  const cases = [
    { name: 'at 5% of the rows', share: 0.05, delayMs: 0, mustBe: 'none' },
    { name: 'at 50% of the rows', share: 0.5, delayMs: 0, mustBe: 'none' },
    { name: 'after the checks, just before COMMIT', share: 1, delayMs: 0, mustBe: null },
    { name: '150 ms after the checks (COMMIT, checkpoint)', share: 1, delayMs: 150, mustBe: null },
    { name: 'never (runs to the end)', share: 2, delayMs: 0, mustBe: 'whole' },
  ] as const;

  it.each(cases)('$name leaves all or nothing, and a sound database', async ({ name, share, delayMs, mustBe }) => {
    const db = join(dir, `restore-${share}-${delayMs}.db`);
    const started = performance.now();
    const run = await runAndKill(['src/cli/restore.ts', big, '--db', db], db, atShare(share), delayMs);
    const after = inspect(db);
    expect(after.integrity).toBe('ok');
    expect(after.orphans).toBe(0);
    const none = Object.values(after.counts).every((n) => n === 0);
    const whole = JSON.stringify(after.counts) === JSON.stringify(Object.fromEntries(Object.keys(after.counts).map((t) => [t, expected[t]])));
    const state = none ? 'none' : whole ? 'whole' : 'PARTIAL';
    report.push(`  ${name}: ${run.signal ?? `exit ${run.code}`} (${run.killedAt}; WAL ${(run.walBytes / 1e6).toFixed(1)} MB) → ${state}, ${(performance.now() - started).toFixed(0)} ms`);
    expect(state).not.toBe('PARTIAL');
    if (mustBe) expect(state).toBe(mustBe);
    if (mustBe === 'none') expect(run.signal).toBe('SIGKILL');
    if (mustBe === 'whole') expect(run.code).toBe(0);
    if (whole) {
      const again = join(dir, `again-${share}-${delayMs}.jsonl`);
      exportTo(db, again);
      expect(readFileSync(again).equals(readFileSync(big))).toBe(true);
    } else {
      // What a crashed restore leaves is an empty database that a new restore accepts.
      expect(restoreDatabase(db, small).rows).toBeGreaterThan(0);
    }
  }, 90_000);
});

describe('an import SIGKILLed as its transaction writes', () => {
  it.each([{ walOver: 0 }, { walOver: 256 * 1024 }])('(WAL over $walOver bytes) leaves the model, its provisions, its original and their audit entries together or not at all', async ({ walOver }) => {
    const db = join(dir, `import-${walOver}.db`);
    (await openSeededFile(db)).store.close();
    const articles = 2000;
    const text = join(dir, 'modelo.txt');
    writeFileSync(text, Array.from({ length: articles }, (_, i) => `Artículo ${i + 1}. Las autoridades deberán prevenir la trata de personas (${i + 1}).\n`).join(''));
    const count = () => {
      const sqlite = new Database(db, { readonly: true });
      try {
        return sqlite.prepare("SELECT (SELECT count(*) FROM models) models, (SELECT count(*) FROM model_provisions) provisions, (SELECT count(*) FROM files) files, (SELECT count(*) FROM audit_log) audit").get() as { models: number; provisions: number; files: number; audit: number };
      } finally {
        sqlite.close();
      }
    };
    const before = count();
    const started = performance.now();
    const walWritten = () => existsSync(`${db}-wal`) && statSync(`${db}-wal`).size > walOver;
    const run = await runAndKill(['src/cli/import.ts', text, '--model', '--title', 'Modelo largo'], db, (line) => line === null && walWritten());
    const after = inspect(db);
    expect(after.integrity).toBe('ok');
    expect(after.orphans).toBe(0);
    const now = count();
    const none = JSON.stringify(now) === JSON.stringify(before);
    const whole = now.models === before.models + 1 && now.files === before.files + 1 && now.provisions === before.provisions + articles && now.audit > before.audit;
    report.push(`  import of ${articles} articles, kill once the WAL passes ${walOver} bytes: ${run.signal ?? `exit ${run.code}`} (${run.killedAt}) → ${none ? 'none' : whole ? 'whole' : 'PARTIAL'}, ${(performance.now() - started).toFixed(0)} ms`);
    expect(none || whole).toBe(true);
  }, 90_000);
});
