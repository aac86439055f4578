/**
 * Node entry point: the embedded SQLite file. Migrates and seeds on start, makes sure an admin token exists, serves.
 *
 *   PORT (default 8787) · ARMONIZA_DB (default data/armoniza.db) · ARMONIZA_ADMIN_TOKEN (else generated once)
 *   ARMONIZA_PRIVATE=1 (reading needs a signed-in account too)
 *   ARMONIZA_DATASET (a seed dataset file to load instead of the Mexican one, see src/db/seed-format.ts)
 */
import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { ensureAdminToken } from './auth/admin-token.js';
import { listModels } from './db/models.js';
import { DEFAULT_DB_PATH, openSeededFile } from './db/node-store.js';
import { nodeAssets } from '../views/node-assets.js';

const port = Number(process.env.PORT ?? 8787);
const dbPath = process.env.ARMONIZA_DB ?? DEFAULT_DB_PATH;
const adminToken = process.env.ARMONIZA_ADMIN_TOKEN || undefined;
const privateInstance = ['1', 'true', 'yes'].includes((process.env.ARMONIZA_PRIVATE ?? '').toLowerCase());

const { store, seeded } = await openSeededFile(dbPath).catch((error: Error) => {
  console.error(`Armoniza cannot start: ${error.message}`);
  process.exit(1);
});
console.log(seeded.applied
  ? `Seeded ${seeded.dataset}: ${seeded.jurisdictions} jurisdictions, ${seeded.bills} bills, ${seeded.actions} actions.`
  : `Seed ${seeded.dataset} already applied.`);
const fresh = await ensureAdminToken(store, adminToken);
if (fresh) {
  console.log(`\nAdmin token (shown once; only its hash is stored): ${fresh}\nUse it as: Authorization: Bearer ${fresh}\n`);
}

const app = createApp({ store, config: { adminToken, private: privateInstance }, assets: nodeAssets(), compressPages: true });
// Law texts are not part of the seed: a fresh database has nothing to compare drafts with until one is loaded.
const noModels = (await listModels(store.db)).length === 0;
const server = serve({ fetch: app.fetch, port }, (info) => {
  console.log(`Armoniza is running at http://localhost:${info.port}/  (database: ${dbPath})`);
  if (noModels) console.log('No model texts yet: `npm run fetch:official` loads the General Law in force as one, or an editor adds one at /compare (see README).');
});
server.on('error', (error: NodeJS.ErrnoException) => {
  console.error(error.code === 'EADDRINUSE' ? `Armoniza cannot start: port ${port} is in use (is Armoniza already running?). Stop it, or choose another port: PORT=8788 npm start` : `Armoniza cannot start: ${error.message}`);
  store.close();
  process.exit(1);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close();
    store.close();
    process.exit(0);
  });
}
