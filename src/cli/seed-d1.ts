/**
 * Seeds a D1 database with the same code as Node: migrations through `wrangler d1 migrations apply` (the `drizzle/`
 * folder), then `seedDataset` on a D1 store whose binding comes from wrangler's `getPlatformProxy()` — a local D1 in
 * `.wrangler/state` (the one `wrangler dev --local` uses) or, with `--remote`, the deployed database. No SQL is written
 * by hand, so the D1 data cannot drift from what Node loads.
 *
 *   npm run seed:d1 -- --local                      # migrate + seed the local database (works offline)
 *   npm run seed:d1 -- --remote                     # the database in wrangler.toml, on your Cloudflare account
 *   npm run seed:d1 -- --local --dataset data/mx/seed.json --no-migrate
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { getPlatformProxy, unstable_readConfig } from 'wrangler';
import { openD1 } from '../db/d1.js';
import { seedDataset } from '../db/seed.js';

const { values } = parseArgs({
  options: {
    local: { type: 'boolean', default: false },
    remote: { type: 'boolean', default: false },
    dataset: { type: 'string', multiple: true },
    config: { type: 'string', default: 'wrangler.toml' },
    binding: { type: 'string', default: 'DB' },
    'no-migrate': { type: 'boolean', default: false },
  },
});
if (values.local === values.remote) {
  console.error('Usage: npm run seed:d1 -- --local | --remote [--dataset data/mx/seed.json] [--no-migrate]');
  process.exit(2);
}
process.env.WRANGLER_SEND_METRICS ??= 'false';
const configPath = resolve(values.config);
const datasets = values.dataset ?? ['data/mx/seed.json'];
const where = values.remote ? '--remote' : '--local';

const config = unstable_readConfig({ config: configPath });
const d1 = (config.d1_databases as { binding: string; database_name?: string; database_id?: string }[]).find((d) => d.binding === values.binding);
if (!d1?.database_name) throw new Error(`${configPath} has no [[d1_databases]] with binding = "${values.binding}"`);

if (!values['no-migrate']) {
  await wrangler(['d1', 'migrations', 'apply', d1.database_name, where, '--config', configPath]);
}

// For --remote, the proxy needs the binding marked `remote`: a throwaway config with only that binding.
let tmp: string | undefined;
let proxyConfig = configPath;
if (values.remote) {
  tmp = mkdtempSync(join(tmpdir(), 'armoniza-seed-'));
  proxyConfig = join(tmp, 'wrangler.json');
  writeFileSync(proxyConfig, JSON.stringify({ name: config.name, compatibility_date: config.compatibility_date, d1_databases: [{ ...d1, remote: true }] }));
}

const proxy = await getPlatformProxy<Record<string, unknown>>({ configPath: proxyConfig, remoteBindings: values.remote });
try {
  const store = openD1(proxy.env[values.binding] as Parameters<typeof openD1>[0]);
  for (const file of datasets) {
    const result = await seedDataset(store, JSON.parse(readFileSync(resolve(file), 'utf8')));
    console.log(result.applied
      ? `Seeded ${result.dataset} into D1 ${d1.database_name} (${where.slice(2)}): ${result.jurisdictions} jurisdictions, ${result.bills} bills, ${result.actions} actions.`
      : `Seed ${result.dataset} already applied to D1 ${d1.database_name} (${where.slice(2)}).`);
  }
} finally {
  await proxy.dispose();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
}

/** Runs the project's wrangler in its own process group, passing the terminal through (it may ask to confirm). */
function wrangler(args: string[]): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(resolve('node_modules/.bin/wrangler'), args, { stdio: 'inherit', detached: true, env: process.env });
    const stop = () => child.pid && process.kill(-child.pid, 'SIGTERM');
    process.once('SIGINT', stop);
    child.on('error', fail);
    child.on('exit', (code) => {
      process.off('SIGINT', stop);
      code === 0 ? done() : fail(new Error(`wrangler ${args.join(' ')} exited with ${code}`));
    });
  });
}
