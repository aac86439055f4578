/**
 * The SQLite file store keeps compiled statements and hands them out again: the same text gives the same statement,
 * and whatever mode a caller left on it (raw rows, plucked values, safe integers) is reset for the next one.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteFile } from '../../src/db/sqlite-file.js';

const dir = mkdtempSync(join(tmpdir(), 'armoniza-sqlite-file-'));
const store = openSqliteFile(join(dir, 'test.db'));
afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('openSqliteFile', () => {
  it('compiles a statement once and resets the modes a caller left on it', () => {
    const text = 'SELECT name, type FROM sqlite_master WHERE name = ?';
    const first = store.sqlite.prepare(text);
    expect(store.sqlite.prepare(text)).toBe(first);
    expect(store.sqlite.prepare(text).raw().get('audit_log')).toEqual(['audit_log', 'table']);
    expect(store.sqlite.prepare(text).get('audit_log')).toEqual({ name: 'audit_log', type: 'table' });
    expect(store.sqlite.prepare(text).pluck().get('audit_log')).toBe('audit_log');
    expect(store.sqlite.prepare(text).get('audit_log')).toEqual({ name: 'audit_log', type: 'table' });
    const count = 'SELECT count(*) AS n FROM sqlite_master';
    expect(typeof (store.sqlite.prepare(count).safeIntegers().get() as { n: unknown }).n).toBe('bigint');
    expect(typeof (store.sqlite.prepare(count).get() as { n: unknown }).n).toBe('number');
  });

  it('still runs writes and reads through drizzle, and reports the data version', async () => {
    const before = await store.dataVersion();
    store.sqlite.prepare("INSERT INTO audit_log (actor, action, entity, entity_id) VALUES ('test', 'create', 'x', '1')").run();
    expect(await store.dataVersion()).toBe(before + 1);
  });
});
