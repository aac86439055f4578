/**
 * The same app as `node-app.ts`, built the way `src/worker.ts` builds it (a D1 store, the worker's configuration with
 * the token given as a secret). For tests inside workerd (`vitest.workers.config.ts`), where `env.DB` is a local D1
 * database that `tests/workers/apply-migrations.ts` migrated from `drizzle/`.
 */
import type { D1Database } from '@cloudflare/workers-types/index';
import { createApp } from '../../src/app.js';
import { openD1 } from '../../src/db/d1.js';
import { seedDataset } from '../../src/db/seed.js';
import { workerConfig } from '../../src/worker.js';
import { caller, mxSeed, TEST_TOKEN, type TestApp } from './harness.js';

export async function startD1App(DB: D1Database, options: { seed?: boolean } = {}) {
  const store = openD1(DB);
  if (options.seed !== false) await seedDataset(store, mxSeed);
  const config = workerConfig({ DB, ARMONIZA_ADMIN_TOKEN: TEST_TOKEN });
  const app = createApp({ store, config });
  return {
    backend: 'workerd + D1',
    app,
    store,
    seed: mxSeed,
    maxBodyBytes: config.maxBodyBytes,
    call: caller(app),
    close() {},
  } satisfies TestApp;
}
