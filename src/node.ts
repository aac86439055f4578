/**
 * Node entry point: the embedded SQLite file. Migrates and seeds on start, makes sure an admin token exists, serves.
 *
 *   PORT (default 8787) · ARMONIZA_DB (default data/armoniza.db) · ARMONIZA_ADMIN_TOKEN (else generated once)
 */
import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { ensureAdminToken } from './auth/admin-token.js';
import { openSqliteFile } from './db/sqlite-file.js';
import { seedDataset } from './db/seed.js';
import { nodeAssets } from '../views/node-assets.js';
import mxSeed from '../data/mx/seed.json' with { type: 'json' };

const port = Number(process.env.PORT ?? 8787);
const dbPath = process.env.ARMONIZA_DB ?? 'data/armoniza.db';
const adminToken = process.env.ARMONIZA_ADMIN_TOKEN || undefined;

const store = openSqliteFile(dbPath);
const seeded = await seedDataset(store, mxSeed);
console.log(seeded.applied
  ? `Seeded ${seeded.dataset}: ${seeded.jurisdictions} jurisdictions, ${seeded.bills} bills, ${seeded.actions} actions.`
  : `Seed ${seeded.dataset} already applied.`);
const fresh = await ensureAdminToken(store, adminToken);
if (fresh) {
  console.log(`\nAdmin token (shown once; only its hash is stored): ${fresh}\nUse it as: Authorization: Bearer ${fresh}\n`);
}

const app = createApp({ store, config: { adminToken }, assets: nodeAssets() });
const server = serve({ fetch: app.fetch, port }, (info) => {
  console.log(`Armoniza is running at http://localhost:${info.port}/  (database: ${dbPath})`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close();
    store.close();
    process.exit(0);
  });
}
