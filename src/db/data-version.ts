/**
 * The version of the data: the number of the last audit entry. Every write of content (bills, versions, actions,
 * amendments, models, files, accounts, the seed) appends an audit entry in the same atomic step, and entries are never
 * changed or deleted, so the number moves exactly when something a reader can see may have changed.
 */
import { max } from 'drizzle-orm';
import type { Db } from './client.js';
import { auditLog } from './schema.js';

// Asked on every cached read: prepared once per database (building the query each time costs more than running it).
const prepared = new WeakMap<Db, { get(): unknown }>();

/**
 * @example
 * const before = await dataVersion(store.db); await addAction(...); (await dataVersion(store.db)) > before // true
 */
export async function dataVersion(db: Db): Promise<number> {
  let query = prepared.get(db);
  if (!query) prepared.set(db, (query = db.select({ seq: max(auditLog.seq) }).from(auditLog).prepare()));
  const row = (await query.get()) as { seq: number | null } | undefined;
  return row?.seq ?? 0;
}
