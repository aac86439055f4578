/**
 * The distributed engine: a Cloudflare D1 database through drizzle's D1 driver. The twin of `sqlite-file.ts`: the same
 * schema and the same `Store` shape; only how the handle is built and how `atomic` commits differ. Migrations are not
 * run here (D1 has them applied by `wrangler d1 migrations apply`, from the same `drizzle/` folder), and nothing here
 * imports Node, so it runs inside workerd and, through wrangler's `getPlatformProxy`, from a Node script.
 */
import { drizzle } from 'drizzle-orm/d1';
import type { D1Database } from '@cloudflare/workers-types/index';
import * as schema from './schema.js';
import type { Db, Statement, Store } from './client.js';

export interface D1Store extends Store {
  engine: 'd1';
  binding: D1Database;
}

/**
 * D1's limits that the app must respect (https://developers.cloudflare.com/d1/platform/limits/). A request body is
 * stored as one row at most, so the worker keeps bodies under the row limit, with room for the row's other columns.
 */
export const D1_LIMITS = {
  /** Largest string, BLOB or row D1 stores. */
  maxRowBytes: 2_000_000,
  /** Bound parameters per statement (why `seed.ts` inserts in chunks). */
  maxBoundParameters: 100,
  /** The largest request body the worker accepts: one version's text must fit in one row. */
  maxBodyBytes: 1_900_000,
} as const;

/**
 * Wraps a D1 binding (`env.DB` in a worker, or a `getPlatformProxy()` binding in Node).
 *
 * @example
 * export default { fetch: (req, env) => createApp({ store: openD1(env.DB) }).fetch(req) };
 */
export function openD1(binding: D1Database): D1Store {
  const db = drizzle(binding, { schema });
  return {
    db: db as unknown as Db,
    engine: 'd1',
    binding,
    // D1 has no interactive transactions; a batch runs its statements in one implicit transaction, all or none.
    async atomic(statements: Statement[]) {
      if (statements.length === 0) return;
      await db.batch(statements as [Statement, ...Statement[]]);
    },
  };
}
