/**
 * The audit trail: every write adds, in the same atomic step, one entry per record it creates or changes, with who,
 * when, and the values before and after. Entries are never changed or deleted (triggers enforce it).
 */
import { asc, desc, eq } from 'drizzle-orm';
import type { Db, Statement, Store } from './client.js';
import { auditLog, bills } from './schema.js';

export type AuditAction = (typeof auditLog.$inferInsert)['action'];
export type AuditRecord = typeof auditLog.$inferSelect;

/**
 * The statement that records one change; put it in the same `atomic` call as the change.
 *
 * @example
 * store.atomic([insertBill, auditEntry(store, actor, 'create', 'bills', id, null, row)]);
 */
export function auditEntry(
  store: Store,
  actor: string,
  action: AuditAction,
  entity: string,
  entityId: string,
  before: object | null,
  after: object | null,
  billId: string | null = null,
): Statement {
  return store.db.insert(auditLog).values({
    actor, action, entity, entityId, billId, before: before as Record<string, unknown> | null, after: after as Record<string, unknown> | null,
  });
}

/** The history of a bill: the bill and its actions, versions and amendments, oldest first. */
export async function billHistory(db: Db, billId: string) {
  return db.select().from(auditLog).where(eq(auditLog.billId, billId)).orderBy(asc(auditLog.seq));
}

/** The history of every bill of a jurisdiction, newest first, at most `limit` entries. */
export async function jurisdictionHistory(db: Db, jurisdictionId: string, limit = 200) {
  return db
    .select({ entry: auditLog })
    .from(auditLog)
    .innerJoin(bills, eq(bills.id, auditLog.billId))
    .where(eq(bills.jurisdictionId, jurisdictionId))
    .orderBy(desc(auditLog.seq))
    .limit(limit)
    .then((rows) => rows.map((r) => r.entry));
}
