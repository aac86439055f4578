/**
 * Reads of jurisdictions: the federation and its entities.
 */
import { asc, eq, or } from 'drizzle-orm';
import type { Db } from './client.js';
import { jurisdictions } from './schema.js';

export type Jurisdiction = typeof jurisdictions.$inferSelect;

/** The federation `parentId` and its entities, federation first, then by code. */
export async function listJurisdictions(db: Db, parentId = 'MX'): Promise<Jurisdiction[]> {
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
