/**
 * The import command, run as a user runs it, on a real SQLite file: a model from a text file, a version of a seeded
 * bill, and refusals (exit 1 for bad input, 2 for bad usage) that leave the database unchanged.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'armoniza-import-'));
const db = join(dir, 'cli.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function importCli(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/cli/import.ts', ...args], { cwd: ROOT, env: { ...process.env, ARMONIZA_DB: db } });
    return { code: 0, stdout, stderr };
  } catch (e: any) {
    return { code: e.code as number, stdout: e.stdout as string, stderr: e.stderr as string };
  }
}

function counts() {
  const sqlite = new Database(db, { readonly: true });
  try {
    return sqlite.prepare('SELECT (SELECT COUNT(*) FROM files) files, (SELECT COUNT(*) FROM versions) versions, (SELECT COUNT(*) FROM models) models').get();
  } finally {
    sqlite.close();
  }
}

const SAMPLE = 'Artículo 1. Objeto de la ley de prueba.\nArtículo 2. Definiciones:\nI. Víctima;\nII. Ofendido.\n';

describe('npm run import', () => {
  it('stores a model from a text file and prints a summary', async () => {
    const file = join(dir, 'modelo.txt');
    writeFileSync(file, SAMPLE);
    const res = await importCli(file, '--model', '--title', 'Modelo de prueba', '--date', '2012-06-14');
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/Stored model m-\w+/);
    expect(res.stdout).toContain('2 provisions (2 articles');
    expect(counts()).toEqual({ files: 1, versions: 0, models: 1 });
  }, 60_000);

  it('stores a version of a seeded bill with its original', async () => {
    const file = join(dir, 'version.md');
    writeFileSync(file, SAMPLE);
    const res = await importCli(file, '--bill', 'mx-chp-first-law-2009-04-03', '--stage', 'published', '--date', '2009-04-03');
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain('of bill mx-chp-first-law-2009-04-03');
    expect(counts()).toEqual({ files: 2, versions: 1, models: 1 });
  }, 60_000);

  it('refuses bad input with exit 1 and bad usage with exit 2, storing nothing', async () => {
    const before = counts();
    const file = join(dir, 'x.txt');
    writeFileSync(file, SAMPLE);
    const missingBill = await importCli(file, '--bill', 'nope', '--stage', 'draft', '--date', '2025');
    expect(missingBill.code).toBe(1);
    expect(missingBill.stderr).toContain('bill "nope" does not exist');
    const badDate = await importCli(file, '--bill', 'mx-chp-first-law-2009-04-03', '--stage', 'draft', '--date', '2012-02-30');
    expect(badDate.code).toBe(1);
    expect(badDate.stderr).toContain('not a calendar date');
    const binary = join(dir, 'random.pdf');
    writeFileSync(binary, Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 131) % 256)));
    expect((await importCli(binary, '--model', '--title', 'x')).code).toBe(1);
    expect((await importCli(join(dir, 'missing.txt'), '--model', '--title', 'x')).code).toBe(1);
    const usage = await importCli(file, '--model');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('usage:');
    expect(counts()).toEqual(before);
  }, 120_000);
});
