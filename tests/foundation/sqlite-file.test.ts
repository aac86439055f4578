/**
 * The SQLite file store keeps compiled statements and hands them out again: the same text gives the same statement,
 * and whatever mode a caller left on it (raw rows, plucked values, safe integers) is reset for the next one. Its data
 * version shows its own writes at once and another process's within the polling time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/db/schema.js';
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

  it('sees its own writes in the data version at once, and another process\'s within the polling time', async () => {
    const path = join(dir, 'version.db');
    const watched = openSqliteFile(path, { versionPollMs: 300 });
    const other = openSqliteFile(path);
    try {
      const entry = (s: typeof other) => s.db.insert(auditLog).values({ actor: 'test', action: 'create', entity: 'x', entityId: '1' });
      const v0 = await watched.dataVersion();
      await watched.atomic([entry(watched)]);
      expect(await watched.dataVersion()).toBe(v0 + 1);
      await other.atomic([entry(other)]);
      expect(await watched.dataVersion()).toBe(v0 + 1); // within the polling time: the version read last
      await new Promise((resolve) => setTimeout(resolve, 350));
      expect(await watched.dataVersion()).toBe(v0 + 2);
    } finally {
      watched.close();
      other.close();
    }
  });
});
