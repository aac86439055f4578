/**
 * Reads the status of every jurisdiction at a date in two statements, whatever the number of actions: for each
 * jurisdiction and each status rank, the earliest effective date is one seek in the `actions_status` index
 * (jurisdiction, rank, date), and the evidence is the actions at that (jurisdiction, rank, date), at most
 * `EVIDENCE_LIMIT` of them.
 * The rule itself is documented in `domain/status.ts`.
 */
import { sql, type SQL } from 'drizzle-orm';
import { STATUS_VALUES } from '../domain/vocabulary.js';
import { statusOfRank, type Evidence, type JurisdictionStatus } from '../domain/status.js';
import type { Db } from './client.js';

interface EvidenceRow {
  jid: string;
  rank: number | null;
  since: string | null;
  action_id: string | null;
  bill_id: string | null;
  bill_title: string | null;
  classification: Evidence['classification'] | null;
  description: string | null;
  date_value: string | null;
  date_precision: string | null;
  citation: string | null;
  url: string | null;
  confidence: Evidence['confidence'] | null;
  notes: string | null;
}

/** At most this many actions are returned as evidence for one status (the first recorded). */
export const EVIDENCE_LIMIT = 5;

const RANKS = STATUS_VALUES.map((_, i) => i).filter((i) => i > 0).reverse();

function evidenceOf(row: EvidenceRow): Evidence | null {
  if (!row.action_id) return null;
  return {
    actionId: row.action_id,
    billId: row.bill_id!,
    billTitle: row.bill_title!,
    classification: row.classification!,
    description: row.description!,
    date: row.date_value!,
    datePrecision: row.date_precision!,
    source: row.citation!,
    sourceUrl: row.url,
    confidence: row.confidence!,
    notes: row.notes,
  };
}

const SLOT_NAMES = sql.raw(Array.from({ length: EVIDENCE_LIMIT }, (_, k) => `best.e${k}`).join(', '));

/**
 * The rowids of the first `EVIDENCE_LIMIT` actions at (jurisdiction, rank, date), one index seek each, so that a
 * status backed by thousands of actions still costs a handful of lookups.
 */
function evidenceSlots(dateCondition: SQL) {
  return sql.join(
    Array.from({ length: EVIDENCE_LIMIT }, (_, k) =>
      sql`(SELECT rowid FROM actions WHERE jurisdiction_id = ranked.jid AND status_rank = ranked.rank AND ${dateCondition}
        ORDER BY rowid LIMIT 1 OFFSET ${sql.raw(String(k))}) AS e${sql.raw(String(k))}`,
    ),
    sql`, `,
  );
}

const EVIDENCE_COLUMNS = sql`a.id AS action_id, a.bill_id, b.title AS bill_title, a.classification, a.description,
  a.date_value, a.date_precision, s.citation, s.url, a.confidence, a.notes`;

/**
 * Status of each jurisdiction under `parentId` (and of the parent itself) at `asOf` (ISO day).
 *
 * @example
 * await statusAt(db, 'MX', '2012-06-14') // [{ id: 'MX-CHP', status: 'published', since: '2009-04-03', ... }, ...]
 */
export async function statusAt(db: Db, parentId: string, asOf: string, only?: string): Promise<JurisdictionStatus[]> {
  const firstDates = sql.join(
    RANKS.map(
      (r) => sql`(SELECT MIN(date_effective) FROM actions WHERE jurisdiction_id = j.id AND status_rank = ${sql.raw(String(r))}
        AND date_effective IS NOT NULL AND date_effective <= ${asOf}) AS r${sql.raw(String(r))}`,
    ),
    sql`, `,
  );
  const rankCase = sql.join(RANKS.map((r) => sql`WHEN r${sql.raw(String(r))} IS NOT NULL THEN ${sql.raw(String(r))}`), sql` `);
  const sinceOf = sql.join(RANKS.map((r) => sql.raw(`r${r}`)), sql`, `);
  const scope = only ? sql`j.id = ${only}` : sql`(j.id = ${parentId} OR j.parent_id = ${parentId})`;
  const dated = await db.all<EvidenceRow>(sql`
    WITH firsts AS (SELECT j.id AS jid, ${firstDates} FROM jurisdictions j WHERE ${scope}),
         ranked AS MATERIALIZED (SELECT jid, CASE ${rankCase} END AS rank, COALESCE(${sinceOf}) AS since FROM firsts),
         best AS (SELECT ranked.*, ${evidenceSlots(sql`date_effective = ranked.since`)} FROM ranked)
    SELECT best.jid, best.rank, best.since, ${EVIDENCE_COLUMNS}
    FROM best
    LEFT JOIN actions a ON a.rowid IN (${SLOT_NAMES})
    LEFT JOIN bills b ON b.id = a.bill_id
    LEFT JOIN sources s ON s.id = a.source_id
    ORDER BY best.jid, a.rowid`);
  const undated = await db.all<EvidenceRow>(sql`
    WITH ranked AS MATERIALIZED (SELECT j.id AS jid, (SELECT MAX(status_rank) FROM actions WHERE jurisdiction_id = j.id
           AND date_effective IS NULL AND status_rank IS NOT NULL) AS rank FROM jurisdictions j WHERE ${scope}),
         best AS (SELECT ranked.*, ${evidenceSlots(sql`date_effective IS NULL`)} FROM ranked WHERE rank IS NOT NULL)
    SELECT best.jid, best.rank, NULL AS since, ${EVIDENCE_COLUMNS}
    FROM best
    JOIN actions a ON a.rowid IN (${SLOT_NAMES})
    JOIN bills b ON b.id = a.bill_id
    JOIN sources s ON s.id = a.source_id
    ORDER BY best.jid, a.rowid`);

  const byId = new Map<string, JurisdictionStatus>();
  for (const row of dated) {
    const entry = byId.get(row.jid) ?? { id: row.jid, status: statusOfRank(row.rank), since: row.since, evidence: [], undated: null };
    const ev = evidenceOf(row);
    if (ev) entry.evidence.push(ev);
    byId.set(row.jid, entry);
  }
  for (const row of undated) {
    const entry = byId.get(row.jid);
    const ev = evidenceOf(row);
    if (!entry || !ev || (row.rank ?? 0) <= rankOf(entry)) continue;
    entry.undated ??= { status: statusOfRank(row.rank), evidence: [] };
    entry.undated.evidence.push(ev);
  }
  return [...byId.values()];
}

function rankOf(entry: JurisdictionStatus): number {
  return STATUS_VALUES.indexOf(entry.status);
}
