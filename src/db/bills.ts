/**
 * Reading bills and their ordered children: versions (immutable texts), amendments (with their fate) and dated
 * actions, as plain objects for the API and the pages alike. Writes are in `bill-writes.ts`.
 */
import { and, asc, count, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { sortKey, type PartialDate } from '../domain/partial-date.js';
import { statusOfRank } from '../domain/status.js';
import { STATUS_RANK, type BillKind, type Status } from '../domain/vocabulary.js';
import type { Db } from './client.js';
import { actions, amendments, auditLog, bills, files, sources, versions } from './schema.js';

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
  deletedAt: bills.deletedAt,
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
  const where: SQL[] = [isNull(bills.deletedAt)];
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
  // instr, not LIKE: nothing to escape, and a NUL in `q` is a character (LIKE stops at it and matches every title).
  if (!words) return sql`instr(${bills.title}, ${q}) > 0`;
  const query = words.map((w, i) => `"${w}"${i === words.length - 1 ? '*' : ''}`).join(' ');
  return sql`${bills}.rowid IN (SELECT rowid FROM bills_fts WHERE bills_fts MATCH ${query})`;
}

function presentDate(row: { dateValue: string; datePrecision: PartialDate['precision']; dateEffective: string | null }) {
  return { date: row.dateValue, datePrecision: row.datePrecision, dateEffective: row.dateEffective };
}

/** One bill with its versions, amendments and actions (actions in date order, undated last). */
export async function getBill(db: Db, id: string) {
  const [bill] = await getBills(db, eq(bills.id, id));
  return bill;
}

/** The bills of a jurisdiction (not deleted), each with its versions, amendments and actions, in `listBills` order. */
export async function billsOfJurisdiction(db: Db, jurisdictionId: string) {
  return getBills(db, and(eq(bills.jurisdictionId, jurisdictionId), isNull(bills.deletedAt))!);
}

/**
 * The bills matching `where` (a condition on the bills table), each with its versions, amendments and actions: four
 * queries however many bills there are (the children are selected by a subquery, so no list of ids is bound: D1
 * allows 100 parameters per statement).
 */
async function getBills(db: Db, where: SQL) {
  const ids = db.select({ id: bills.id }).from(bills).where(where);
  const [billRows, versionRows, amendmentRows, actionRows] = await Promise.all([
    db.select(billColumns).from(bills).leftJoin(sources, eq(sources.id, bills.sourceId)).where(where).orderBy(asc(bills.jurisdictionId), asc(bills.id)),
    db
      .select({
        billId: versions.billId, id: versions.id, stage: versions.stage, dateValue: versions.dateValue, datePrecision: versions.datePrecision,
        dateEffective: versions.dateEffective, sourceUrl: versions.sourceUrl, sha256: versions.sha256,
        wordCount: versions.wordCount, fileId: versions.fileId, createdAt: versions.createdAt,
      })
      .from(versions)
      .where(inArray(versions.billId, ids))
      .orderBy(asc(versions.createdAt), asc(versions.id)),
    db
      .select({
        billId: amendments.billId, id: amendments.id, versionId: amendments.versionId, proposer: amendments.proposer, dateValue: amendments.dateValue,
        datePrecision: amendments.datePrecision, dateEffective: amendments.dateEffective, text: amendments.text,
        fate: amendments.fate, resultVersionId: amendments.resultVersionId, source: sources.citation, sourceUrl: sources.url,
        createdAt: amendments.createdAt,
      })
      .from(amendments)
      .leftJoin(sources, eq(sources.id, amendments.sourceId))
      .where(inArray(amendments.billId, ids))
      .orderBy(asc(amendments.createdAt), asc(amendments.id)),
    listActions(db, inArray(actions.billId, ids)),
  ]);
  const versionsOf = byBill(versionRows, ({ billId, dateValue, datePrecision, dateEffective, ...v }) => ({ ...v, ...presentDate({ dateValue, datePrecision, dateEffective }) }));
  const amendmentsOf = byBill(amendmentRows, ({ billId, dateValue, datePrecision, dateEffective, ...a }) => ({ ...a, ...presentDate({ dateValue, datePrecision, dateEffective }) }));
  const actionsOf = byBill(actionRows, (a) => a);
  return billRows.map((row) => ({
    ...presentBill(row),
    versions: versionsOf.get(row.id) ?? [],
    amendments: amendmentsOf.get(row.id) ?? [],
    actions: actionsOf.get(row.id) ?? [],
  }));
}

/** Rows grouped by their bill, in order, each as `present` shows it. */
function byBill<T extends { billId: string }, U>(rows: T[], present: (row: T) => U): Map<string, U[]> {
  const groups = new Map<string, U[]>();
  for (const row of rows) {
    let group = groups.get(row.billId);
    if (!group) groups.set(row.billId, (group = []));
    group.push(present(row));
  }
  return groups;
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

export async function getVersion(db: Db, id: string) {
  const [row] = await db.select().from(versions).where(eq(versions.id, id));
  return row;
}

/** Counts of rows, for checks that a failed write left nothing behind. */
export async function rowCounts(db: Db) {
  const tables = { bills, versions, amendments, actions, sources, files, auditLog } as const;
  const entries = await Promise.all(
    Object.entries(tables).map(async ([name, table]) => [name, (await db.select({ n: count() }).from(table))[0]!.n] as const),
  );
  return Object.fromEntries(entries) as Record<keyof typeof tables, number>;
}
