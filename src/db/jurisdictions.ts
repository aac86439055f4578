/**
 * Reads of jurisdictions: the federation and its entities.
 */
import { asc, eq, or } from 'drizzle-orm';
import type { Db } from './client.js';
import { jurisdictions } from './schema.js';

export type Jurisdiction = typeof jurisdictions.$inferSelect;

/**
 * The federation the API and the pages show when a request names none: the first by id (the only one, with one
 * dataset loaded). Undefined in an empty database.
 */
export async function defaultFederationId(db: Db): Promise<string | undefined> {
  const [row] = await db.select({ id: jurisdictions.id }).from(jurisdictions).where(eq(jurisdictions.kind, 'federation')).orderBy(asc(jurisdictions.id)).limit(1);
  return row?.id;
}

/** The federation `parentId` and its entities, federation first, then by code. */
export async function listJurisdictions(db: Db, parentId: string): Promise<Jurisdiction[]> {
  return db
    .select()
    .from(jurisdictions)
    .where(or(eq(jurisdictions.id, parentId), eq(jurisdictions.parentId, parentId)))
    .orderBy(asc(jurisdictions.code));
}

export async function getJurisdiction(db: Db, id: string): Promise<Jurisdiction | undefined> {
  const [row] = await db.select().from(jurisdictions).where(eq(jurisdictions.id, id));
  return row;
}
