/**
 * How a federation is presented (its home page's heading and lede, and its map), as its seed dataset gives it. The pages read the
 * map from here, so another federation is another dataset, not a change to the code.
 */
import { asc, eq } from 'drizzle-orm';
import type { Db, Statement, Store } from './client.js';
import { auditEntry } from './audit.js';
import { federationProfiles, jurisdictions } from './schema.js';
import type { FederationMap, SeedDataset } from './seed-format.js';

type Bilingual = { es: string; en: string };

export interface FederationProfile {
  federation: typeof jurisdictions.$inferSelect;
  heading: Bilingual | null;
  lede: Bilingual | null;
  map: FederationMap | null;
}

const bilingual = (es: string | null | undefined, en: string | null | undefined): Bilingual | null => (es && en ? { es, en } : null);

/** The statements that store `data`'s profile unless its federation has one already; none when it gives no heading, lede or map. */
export function profileStatements(store: Store, data: SeedDataset): Statement[] {
  if (!data.heading && !data.lede && !data.map) return [];
  const row = {
    federationId: data.federation.id,
    headingEs: data.heading?.es ?? null,
    headingEn: data.heading?.en ?? null,
    ledeEs: data.lede?.es ?? null,
    ledeEn: data.lede?.en ?? null,
    map: data.map ? JSON.stringify(data.map) : null,
  };
  return [
    store.db.insert(federationProfiles).values(row).onConflictDoNothing(),
    auditEntry(store, 'seed', 'create', 'federation_profiles', row.federationId, null, { heading: data.heading ?? null, lede: data.lede ?? null, shapes: data.map?.shapes.length ?? 0 }),
  ];
}

export async function hasProfile(db: Db, federationId: string): Promise<boolean> {
  const rows = await db.select({ id: federationProfiles.federationId }).from(federationProfiles).where(eq(federationProfiles.federationId, federationId));
  return rows.length > 0;
}

/**
 * The federation the pages show (the first by id, as `defaultFederationId` picks it for the API), with its heading
 * and map when its dataset gave them. Undefined when the database holds no federation.
 *
 * @example
 * const profile = await federationProfile(db) // { federation: { id: 'MX', … }, heading: { es, en }, map: { viewBox, shapes, … } }
 */
export async function federationProfile(db: Db): Promise<FederationProfile | undefined> {
  const [row] = await db
    .select({ federation: jurisdictions, profile: federationProfiles })
    .from(jurisdictions)
    .leftJoin(federationProfiles, eq(federationProfiles.federationId, jurisdictions.id))
    .where(eq(jurisdictions.kind, 'federation'))
    .orderBy(asc(jurisdictions.id))
    .limit(1);
  if (!row) return undefined;
  const { profile } = row;
  return {
    federation: row.federation,
    heading: bilingual(profile?.headingEs, profile?.headingEn),
    lede: bilingual(profile?.ledeEs, profile?.ledeEn),
    // Stored only by the seed, after `federationMapSchema` checked it.
    map: profile?.map ? (JSON.parse(profile.map) as FederationMap) : null,
  };
}
