/**
 * Loads a seed dataset (see `seed-format.ts`) into a store, the same code on Node and on D1. It validates the whole
 * dataset first, then writes everything in one atomic step, and records the dataset's hash so that a second start
 * adds nothing. Rows that already exist (same id) are left as they are: seeding never overwrites an editor's work.
 */
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { actionRank } from '../domain/status.js';
import { auditEntry } from './audit.js';
import { dateColumns } from './date-columns.js';
import type { Statement, Store } from './client.js';
import { actions, bills, jurisdictions, seedRuns, sources } from './schema.js';
import { seedDatasetSchema, type SeedDataset } from './seed-format.js';
import { sourceRow } from './sources.js';
import { hasProfile, profileStatements } from './federation-profiles.js';

export interface SeedResult {
  dataset: string;
  applied: boolean;
  jurisdictions: number;
  bills: number;
  actions: number;
}

/**
 * Seeds `store` with `input` unless this exact dataset was applied before.
 *
 * @example
 * await seedDataset(store, mxSeed) // { applied: true, bills: 73, ... } then { applied: false, ... }
 */
export async function seedDataset(store: Store, input: unknown): Promise<SeedResult> {
  const parsed = seedDatasetSchema.safeParse(input);
  if (!parsed.success) throw new Error(`The dataset is not valid, nothing was written:\n${z.prettifyError(parsed.error)}`);
  const data: SeedDataset = parsed.data;
  const counts = {
    dataset: data.dataset,
    jurisdictions: data.jurisdictions.length + 1,
    bills: data.bills.length,
    actions: data.bills.reduce((n, b) => n + b.actions.length, 0),
  };
  const done = await store.db
    .select()
    .from(seedRuns)
    .where(and(eq(seedRuns.dataset, data.dataset), eq(seedRuns.sha256, data.factsSha256)));
  if (done.length > 0) {
    // A database seeded before datasets carried a heading and a map gets them once.
    const profile = profileStatements(store, data);
    if (profile.length && !(await hasProfile(store.db, data.federation.id))) await store.atomic(profile);
    return { ...counts, applied: false };
  }
  await store.atomic(seedStatements(store, data));
  return { ...counts, applied: true };
}

function seedStatements(store: Store, data: SeedDataset): Statement[] {
  const { db } = store;
  const federation = { ...data.federation, parentId: null, kind: 'federation' as const };
  const states = data.jurisdictions.map((j) => ({ ...j, parentId: data.federation.id, kind: 'state' as const }));
  const sourceRows = new Map<string, ReturnType<typeof sourceRow>>();
  const source = (citation: string) => {
    const row = sourceRow(citation);
    sourceRows.set(row.id, row);
    return row.id;
  };
  const billRows = data.bills.map((b) => {
    const ranks = b.actions.map((a) => actionRank(a.classification, b)).filter((r) => r !== null);
    return {
      id: b.id,
      jurisdictionId: b.jurisdiction,
      identifier: b.identifier,
      title: b.title,
      kind: b.kind,
      harmonizes: b.harmonizes,
      notes: b.notes,
      sourceId: source(b.source),
      confidence: b.confidence,
      statusRank: ranks.length ? Math.max(...ranks) : null,
    };
  });
  const actionRows = data.bills.flatMap((b) =>
    b.actions.map((a, i) => {
      const raw = a.dateRaw !== a.date ? `Date as found: "${a.dateRaw}".` : null;
      return {
        id: `${b.id}-a${i + 1}`,
        billId: b.id,
        jurisdictionId: b.jurisdiction,
        ...dateColumns(a.date, 'date'),
        classification: a.classification,
        description: a.description,
        statusRank: actionRank(a.classification, b),
        sourceId: source(a.source),
        confidence: a.confidence,
        notes: [raw, a.notes].filter(Boolean).join(' ') || null,
      };
    }),
  );
  const chunks = <T>(rows: T[], size = 20): T[][] =>
    Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, (i + 1) * size));
  // D1 binds at most 100 parameters per statement, so rows go in small chunks.
  return [
    db.insert(jurisdictions).values(federation).onConflictDoNothing(),
    ...chunks(states, 10).map((rows) => db.insert(jurisdictions).values(rows).onConflictDoNothing()),
    ...chunks([...sourceRows.values()], 30).map((rows) => db.insert(sources).values(rows).onConflictDoNothing()),
    ...chunks(billRows, 8).map((rows) => db.insert(bills).values(rows).onConflictDoNothing()),
    ...chunks(actionRows, 7).map((rows) => db.insert(actions).values(rows).onConflictDoNothing()),
    ...profileStatements(store, data),
    db.insert(seedRuns).values({ dataset: data.dataset, sha256: data.factsSha256 }).onConflictDoNothing(),
    auditEntry(store, 'seed', 'create', 'datasets', data.dataset, null, { sha256: data.factsSha256, bills: billRows.length, actions: actionRows.length }),
  ];
}
