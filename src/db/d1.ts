/**
 * The distributed engine: a Cloudflare D1 database through drizzle's D1 driver. The twin of `sqlite-file.ts`: the same
 * schema and the same `Store` shape; only how the handle is built and how `atomic` commits differ. Migrations are not
 * run here (D1 has them applied by `wrangler d1 migrations apply`, from the same `drizzle/` folder), and nothing here
 * imports Node, so it runs inside workerd and, through wrangler's `getPlatformProxy`, from a Node script.
 */
import { drizzle } from 'drizzle-orm/d1';
import type { D1Database } from '@cloudflare/workers-types/index';
import { UserError } from '../lib/errors.js';
import * as schema from './schema.js';
import type { Db, Statement, Store } from './client.js';
import { DATA_VERSION_SQL } from './data-version.js';
import type { OriginalStore } from './originals.js';

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
 * Wraps a D1 binding (`env.DB` in a worker, or a `getPlatformProxy()` binding in Node), with the object storage that
 * keeps uploaded originals when there is one (`originals.ts`).
 *
 * @example
 * export default { fetch: (req, env) => createApp({ store: openD1(env.DB) }).fetch(req) };
 */
export function openD1(binding: D1Database, originals?: OriginalStore): D1Store {
  const db = drizzle(binding, { schema });
  const checkWrite = (statements: Statement[]) => {
    for (const statement of statements) checkRowSize(statement);
  };
  return {
    db: db as unknown as Db,
    engine: 'd1',
    binding,
    originals,
    checkWrite,
    // D1 has no interactive transactions; a batch runs its statements in one implicit transaction, all or none.
    async atomic(statements: Statement[]) {
      if (statements.length === 0) return;
      checkWrite(statements);
      await db.batch(statements as [Statement, ...Statement[]]);
    },
    dataVersion: async () => (await binding.prepare(DATA_VERSION_SQL).first<number>('version')) ?? 0,
  };
}

/**
 * Refuses, before anything is written, a statement whose values cannot fit in one D1 row (an uploaded original with its
 * text, a long text): a 413 the user can act on instead of a 500 from D1. The values of a multi-row insert are summed,
 * which over-counts; those inserts are small chunks (`seed.ts`), far below the limit.
 */
function checkRowSize(statement: Statement) {
  const { params } = (statement as unknown as { toSQL(): { params: unknown[] } }).toSQL();
  let bytes = 0;
  for (const p of params) bytes += valueBytes(p);
  if (bytes > D1_LIMITS.maxRowBytes) {
    throw new UserError(413, `body: ${bytes} bytes to store in one row; the database (D1) holds at most ${D1_LIMITS.maxRowBytes}`, 'body', 'too_large');
  }
}

const encoder = new TextEncoder();
function valueBytes(value: unknown): number {
  if (typeof value === 'string') return encoder.encode(value).length;
  if (value instanceof ArrayBuffer) return value.byteLength;
  if (ArrayBuffer.isView(value)) return value.byteLength;
  return 8;
}
