/**
 * Bills and their ordered children: versions (immutable texts), amendments (with their fate) and dated actions.
 * Reads return plain objects for the API and the pages alike; each write checks what it refers to, then applies all
 * its rows in one atomic step (see `client.ts`).
 */
import { and, asc, count, eq, sql, type SQL } from 'drizzle-orm';
import { parsePartialDate, sortKey, type PartialDate } from '../domain/partial-date.js';
import { actionRank, statusOfRank } from '../domain/status.js';
import {
  STATUS_RANK,
  type ActionClassification,
  type AmendmentFate,
  type BillKind,
  type Confidence,
  type Status,
  type VersionStage,
} from '../domain/vocabulary.js';
import { notFound, UserError } from '../lib/errors.js';
import { randomId, sha256Hex } from '../lib/hash.js';
import type { Db, Store } from './client.js';
import type { PlannedFile } from './files.js';
import { actions, amendments, bills, jurisdictions, sources, versions } from './schema.js';
import { sourceRow } from './sources.js';

export interface BillFilter {
  jurisdiction?: string;
  status?: Status;
  kind?: BillKind;
  q?: string;
  page: number;
  perPage: number;
}

const billColumns = {
  id: bills.id,
  jurisdictionId: bills.jurisdictionId,
  identifier: bills.identifier,
  title: bills.title,
  kind: bills.kind,
  harmonizes: bills.harmonizes,
  sponsors: bills.sponsors,
  notes: bills.notes,
  confidence: bills.confidence,
  statusRank: bills.statusRank,
  source: sources.citation,
  sourceUrl: sources.url,
  createdAt: bills.createdAt,
};

function presentBill<T extends { statusRank: number | null }>(row: T) {
  const { statusRank, ...rest } = row;
  return { ...rest, status: statusOfRank(statusRank) };
}

/** Bills matching `filter`, newest first by id within a jurisdiction, with the total for paging. */
export async function listBills(db: Db, filter: BillFilter) {
  const where: SQL[] = [];
  if (filter.jurisdiction) where.push(eq(bills.jurisdictionId, filter.jurisdiction));
  if (filter.status) where.push(eq(bills.statusRank, STATUS_RANK[filter.status]));
  if (filter.kind) where.push(eq(bills.kind, filter.kind));
  if (filter.q) where.push(titleMatches(filter.q));
  const filtered = where.length ? and(...where) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select(billColumns)
      .from(bills)
      .leftJoin(sources, eq(sources.id, bills.sourceId))
      .where(filtered)
      .orderBy(asc(bills.jurisdictionId), asc(bills.id))
      .limit(filter.perPage)
      .offset((filter.page - 1) * filter.perPage),
    db.select({ n: count() }).from(bills).where(filtered),
  ]);
  return { items: rows.map(presentBill), total: total?.n ?? 0, page: filter.page, perPage: filter.perPage };
}

/**
 * Bills whose title has every word of `q` (the last one as a prefix), ignoring case and accents, through the
 * `bills_fts` index. Text without any word (only symbols) is matched literally instead.
 */
function titleMatches(q: string): SQL {
  const words = q.match(/[\p{L}\p{N}]+/gu);
  if (!words) return sql`${bills.title} LIKE ${`%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} ESCAPE '\\'`;
  const query = words.map((w, i) => `"${w}"${i === words.length - 1 ? '*' : ''}`).join(' ');
  return sql`${bills}.rowid IN (SELECT rowid FROM bills_fts WHERE bills_fts MATCH ${query})`;
}

function presentDate(row: { dateValue: string; datePrecision: PartialDate['precision']; dateEffective: string | null }) {
  return { date: row.dateValue, datePrecision: row.datePrecision, dateEffective: row.dateEffective };
}

/** One bill with its versions, amendments and actions (actions in date order, undated last). */
export async function getBill(db: Db, id: string) {
  const [row] = await db.select(billColumns).from(bills).leftJoin(sources, eq(sources.id, bills.sourceId)).where(eq(bills.id, id));
  if (!row) return undefined;
  const [versionRows, amendmentRows, actionRows] = await Promise.all([
    db
      .select({
        id: versions.id, stage: versions.stage, dateValue: versions.dateValue, datePrecision: versions.datePrecision,
        dateEffective: versions.dateEffective, sourceUrl: versions.sourceUrl, sha256: versions.sha256,
        wordCount: versions.wordCount, fileId: versions.fileId, createdAt: versions.createdAt,
      })
      .from(versions)
      .where(eq(versions.billId, id))
      .orderBy(asc(versions.createdAt), asc(versions.id)),
    db
      .select({
        id: amendments.id, versionId: amendments.versionId, proposer: amendments.proposer, dateValue: amendments.dateValue,
        datePrecision: amendments.datePrecision, dateEffective: amendments.dateEffective, text: amendments.text,
        fate: amendments.fate, resultVersionId: amendments.resultVersionId, source: sources.citation, sourceUrl: sources.url,
        createdAt: amendments.createdAt,
      })
      .from(amendments)
      .leftJoin(sources, eq(sources.id, amendments.sourceId))
      .where(eq(amendments.billId, id))
      .orderBy(asc(amendments.createdAt), asc(amendments.id)),
    listActions(db, eq(actions.billId, id)),
  ]);
  return {
    ...presentBill(row),
    versions: versionRows.map(({ dateValue, datePrecision, dateEffective, ...v }) => ({ ...v, ...presentDate({ dateValue, datePrecision, dateEffective }) })),
    amendments: amendmentRows.map(({ dateValue, datePrecision, dateEffective, ...a }) => ({ ...a, ...presentDate({ dateValue, datePrecision, dateEffective }) })),
    actions: actionRows,
  };
}
export type BillDetail = NonNullable<Awaited<ReturnType<typeof getBill>>>;

/** Actions matching `where`, with their bill's title and their source, in date order (undated last). */
export async function listActions(db: Db, where: SQL) {
  const rows = await db
    .select({
      id: actions.id, billId: actions.billId, billTitle: bills.title, jurisdictionId: actions.jurisdictionId,
      dateValue: actions.dateValue, datePrecision: actions.datePrecision, dateEffective: actions.dateEffective,
      classification: actions.classification, description: actions.description, statusRank: actions.statusRank,
      source: sources.citation, sourceUrl: sources.url, confidence: actions.confidence, notes: actions.notes,
    })
    .from(actions)
    .innerJoin(bills, eq(bills.id, actions.billId))
    .innerJoin(sources, eq(sources.id, actions.sourceId))
    .where(where)
    .orderBy(asc(actions.dateEffective), asc(actions.id));
  return rows
    .map(({ dateValue, datePrecision, dateEffective, statusRank, ...a }) => ({
      ...a,
      ...presentDate({ dateValue, datePrecision, dateEffective }),
      reaches: statusRank == null ? null : statusOfRank(statusRank),
    }))
    .sort((x, y) => sortKey({ value: x.date, precision: x.datePrecision }).localeCompare(sortKey({ value: y.date, precision: y.datePrecision })));
}
export type ActionView = Awaited<ReturnType<typeof listActions>>[number];

// ——— writes ———

export interface NewBill {
  jurisdiction: string;
  identifier?: string | null;
  title: string;
  kind: BillKind;
  harmonizes?: boolean;
  sponsors?: string[];
  notes?: string | null;
  source: string;
  confidence: Confidence;
}

function dateColumns(raw: string, field: string) {
  let date: PartialDate;
  try {
    date = parsePartialDate(raw);
  } catch (e) {
    throw new UserError(400, (e as Error).message, field);
  }
  return { dateValue: date.qualifier ? `${date.value} (${date.qualifier})` : date.value, datePrecision: date.precision, dateEffective: date.effective };
}

async function requireBill(db: Db, id: string) {
  const [bill] = await db.select({ id: bills.id, jurisdictionId: bills.jurisdictionId, kind: bills.kind, harmonizes: bills.harmonizes }).from(bills).where(eq(bills.id, id));
  if (!bill) throw notFound('bill', id);
  return bill;
}

export async function createBill(store: Store, input: NewBill): Promise<string> {
  const [jurisdiction] = await store.db.select({ id: jurisdictions.id }).from(jurisdictions).where(eq(jurisdictions.id, input.jurisdiction));
  if (!jurisdiction) throw notFound('jurisdiction', input.jurisdiction, 'jurisdiction');
  const source = sourceRow(input.source);
  const id = randomId('b');
  await store.atomic([
    store.db.insert(sources).values(source).onConflictDoNothing(),
    store.db.insert(bills).values({
      id, jurisdictionId: input.jurisdiction, identifier: input.identifier ?? null, title: input.title, kind: input.kind,
      harmonizes: input.harmonizes ?? false, sponsors: input.sponsors ?? [], notes: input.notes ?? null,
      sourceId: source.id, confidence: input.confidence,
    }),
  ]);
  return id;
}

export interface NewAction {
  date: string;
  classification: ActionClassification;
  description: string;
  source: string;
  confidence: Confidence;
  notes?: string | null;
}

export async function addAction(store: Store, billId: string, input: NewAction): Promise<string> {
  const dates = dateColumns(input.date, 'date');
  const bill = await requireBill(store.db, billId);
  const source = sourceRow(input.source);
  const rank = actionRank(input.classification, bill);
  const id = randomId('a');
  await store.atomic([
    store.db.insert(sources).values(source).onConflictDoNothing(),
    store.db.insert(actions).values({
      id, billId, jurisdictionId: bill.jurisdictionId, ...dates, classification: input.classification,
      description: input.description, statusRank: rank, sourceId: source.id, confidence: input.confidence, notes: input.notes ?? null,
    }),
    ...(rank == null
      ? []
      : [store.db.update(bills).set({ statusRank: sql`MAX(COALESCE(${bills.statusRank}, -1), ${rank})` }).where(eq(bills.id, billId))]),
  ]);
  return id;
}

export interface NewVersion {
  stage: VersionStage;
  date: string;
  text: string;
  sourceUrl?: string | null;
  /** The stored original the text was read from. */
  fileId?: string | null;
}

/** Adds a version; `file`, when given, is the original it was read from, stored in the same step. */
export async function addVersion(store: Store, billId: string, input: NewVersion, file?: PlannedFile): Promise<string> {
  const dates = dateColumns(input.date, 'date');
  await requireBill(store.db, billId);
  const id = randomId('v');
  const wordCount = input.text.split(/\s+/).filter(Boolean).length;
  await store.atomic([
    ...(file ? [file.statement] : []),
    store.db.insert(versions).values({ id, billId, stage: input.stage, ...dates, sourceUrl: input.sourceUrl ?? null, sha256: await sha256Hex(input.text), text: input.text, wordCount, fileId: file?.id ?? input.fileId ?? null }),
  ]);
  return id;
}

export async function getVersion(db: Db, id: string) {
  const [row] = await db.select().from(versions).where(eq(versions.id, id));
  return row;
}

export interface NewAmendment {
  versionId: string;
  proposer: string;
  date: string;
  text: string;
  source?: string | null;
}

export async function addAmendment(store: Store, billId: string, input: NewAmendment): Promise<string> {
  const dates = dateColumns(input.date, 'date');
  await requireBill(store.db, billId);
  const version = await getVersion(store.db, input.versionId);
  if (!version) throw notFound('version', input.versionId, 'versionId');
  if (version.billId !== billId) throw new UserError(422, `version "${input.versionId}" belongs to bill "${version.billId}", not to "${billId}"`, 'versionId');
  const source = input.source ? sourceRow(input.source) : null;
  const id = randomId('am');
  await store.atomic([
    ...(source ? [store.db.insert(sources).values(source).onConflictDoNothing()] : []),
    store.db.insert(amendments).values({ id, billId, versionId: input.versionId, proposer: input.proposer, ...dates, text: input.text, sourceId: source?.id ?? null }),
  ]);
  return id;
}

/** Decides a pending amendment. A decided fate is final; an adopted one may name the version it produced. */
export async function decideAmendment(store: Store, id: string, fate: Exclude<AmendmentFate, 'pending'>, resultVersionId?: string | null) {
  const [amendment] = await store.db.select().from(amendments).where(eq(amendments.id, id));
  if (!amendment) throw notFound('amendment', id);
  if (amendment.fate !== 'pending') throw new UserError(409, `amendment "${id}" was already ${amendment.fate}; a decided fate is final`, 'fate', 'conflict');
  if (resultVersionId) {
    if (fate !== 'adopted') throw new UserError(422, 'only an adopted amendment produces a version', 'resultVersionId');
    const version = await getVersion(store.db, resultVersionId);
    if (!version) throw notFound('version', resultVersionId, 'resultVersionId');
    if (version.billId !== amendment.billId) throw new UserError(422, `version "${resultVersionId}" belongs to another bill`, 'resultVersionId');
  }
  await store.atomic([store.db.update(amendments).set({ fate, resultVersionId: resultVersionId ?? null }).where(eq(amendments.id, id))]);
}

/** Counts of rows, for checks that a failed write left nothing behind. */
export async function rowCounts(db: Db) {
  const tables = { bills, versions, amendments, actions, sources } as const;
  const entries = await Promise.all(
    Object.entries(tables).map(async ([name, table]) => [name, (await db.select({ n: count() }).from(table))[0]!.n] as const),
  );
  return Object.fromEntries(entries) as Record<keyof typeof tables, number>;
}
