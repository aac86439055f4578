/**
 * Cloudflare Workers entry point: the D1 and R2 bindings. Builds the store from `env.DB` (and `env.ORIGINALS`), takes
 * the admin token from the Workers secret `ARMONIZA_ADMIN_TOKEN`, and hands both to the same `createApp` as `node.ts`.
 * Static files (`public/`) are served by Workers assets before this code runs.
 *
 * Unlike `node.ts` it neither migrates nor seeds: a request must not pay for that, and a worker has no start-up
 * moment. Migrations: `wrangler d1 migrations apply armoniza`; seed: `npm run seed:d1 -- --local|--remote`.
 */
import type { D1Database, R2Bucket } from '@cloudflare/workers-types/index';
import type { ExecutionContext } from 'hono';
import { createApp, type ArmonizaApp } from './app.js';
import type { AppConfig } from './app-env.js';
import { D1_LIMITS, openD1 } from './db/d1.js';
import { r2Originals } from './db/originals.js';

export interface Env {
  /** The D1 database (wrangler.toml `[[d1_databases]]`). */
  DB: D1Database;
  /**
   * Uploaded originals (wrangler.toml `[[r2_buckets]]`): D1 holds at most 2 MB in a row, official PDFs are often
   * larger. Without it, originals are kept in D1 and an upload that does not fit in a row is refused with a 413.
   */
  ORIGINALS?: R2Bucket;
  /** `wrangler secret put ARMONIZA_ADMIN_TOKEN` (locally: `.dev.vars`). Without it, writes are refused. */
  ARMONIZA_ADMIN_TOKEN?: string;
  /** "1" / "true" / "yes" (a `[vars]` entry in wrangler.toml): reading needs a signed-in account too, as on Node. */
  ARMONIZA_PRIVATE?: string;
}

/** The app's configuration from the worker's env: the secret token, privacy, and a body limit that fits a D1 row. */
export function workerConfig(env: Env): Partial<AppConfig> & Pick<AppConfig, 'maxBodyBytes'> {
  return {
    adminToken: env.ARMONIZA_ADMIN_TOKEN || undefined,
    maxBodyBytes: D1_LIMITS.maxBodyBytes,
    private: ['1', 'true', 'yes'].includes((env.ARMONIZA_PRIVATE ?? '').toLowerCase()),
  };
}

// One app per isolate: the env of a deployed worker does not change between requests.
let cached: { env: Env; app: ArmonizaApp } | undefined;

/**
 * Returns the app for this worker's bindings (built once per isolate).
 *
 * @example
 * const res = await appFor(env).request('/api/status');
 */
export function appFor(env: Env): ArmonizaApp {
  if (cached?.env !== env) {
    const store = openD1(env.DB, env.ORIGINALS ? r2Originals(env.ORIGINALS) : undefined);
    cached = { env, app: createApp({ store, config: workerConfig(env) }) };
  }
  return cached.app;
}

export default {
  fetch(request: Request, env: Env, ctx: ExecutionContext): Response | Promise<Response> {
    return appFor(env).fetch(request, env, ctx);
  },
};
