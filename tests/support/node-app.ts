/**
 * A real app on a real SQLite file in a temporary folder, seeded with the Mexican dataset, for tests (Node only).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, DEFAULT_CONFIG } from '../../src/app.js';
import { openSqliteFile } from '../../src/db/sqlite-file.js';
import { seedDataset } from '../../src/db/seed.js';
import { caller, mxSeed, TEST_TOKEN, type TestApp } from './harness.js';

export { TEST_TOKEN };

export async function startNodeApp(options: { seed?: boolean } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'armoniza-test-'));
  const path = join(dir, 'test.db');
  const store = openSqliteFile(path);
  if (options.seed !== false) await seedDataset(store, mxSeed);
  const app = createApp({ store, config: { adminToken: TEST_TOKEN } });
  return {
    backend: 'node + better-sqlite3',
    app,
    store,
    path,
    seed: mxSeed,
    maxBodyBytes: DEFAULT_CONFIG.maxBodyBytes,
    call: caller(app),
    close() {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  } satisfies TestApp & Record<string, unknown>;
}
export type NodeApp = Awaited<ReturnType<typeof startNodeApp>>;
