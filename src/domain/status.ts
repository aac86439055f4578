/**
 * The reform-status rule. A jurisdiction's status at a date is never typed in: it is the furthest status reached by
 * any of its actions whose effective date is on or before that date (see README, "How status is derived").
 *
 * - Each action classification reaches a status (`ACTION_CLASSIFICATIONS[...].reaches`); publication or entry into
 *   force of a bill marked `harmonizes` reaches `harmonized`. Only laws, reforms, penal-code reforms and status
 *   reports move the status; treaties, constitutional reforms, court challenges and other instruments are context.
 * - A fact known to the day counts from that day; one known to the month or year counts from the day after that
 *   period ends; "before D" counts from D. Undated facts never count toward a dated status; they are reported
 *   beside it as `undated` so that nothing on record is hidden.
 * - `since` is the earliest effective date of an action at the winning status; the evidence is those actions.
 * - Actions that undo (repeal, court rulings) are shown as evidence and history but do not lower the status: a
 *   replaced law is followed by its replacement, which is its own bill.
 */
import { STATUS_VALUES, statusReachedBy, STATUS_RANK, type ActionClassification, type BillKind, type Confidence, type Status } from './vocabulary.js';

export interface Evidence {
  actionId: string;
  billId: string;
  billTitle: string;
  classification: ActionClassification;
  description: string;
  date: string;
  datePrecision: string;
  source: string;
  sourceUrl: string | null;
  confidence: Confidence;
  notes: string | null;
}

export interface JurisdictionStatus {
  id: string;
  status: Status;
  since: string | null;
  evidence: Evidence[];
  /** The furthest status among undated facts when it is further than the dated one. */
  undated: { status: Status; evidence: Evidence[] } | null;
}

/** The status of a rank stored on an action (the index into `STATUS_VALUES`). */
export function statusOfRank(rank: number | null | undefined): Status {
  return rank == null ? 'unknown' : STATUS_VALUES[rank] ?? 'unknown';
}

/**
 * The rank an action stores, computed from its classification and its bill when it is written.
 *
 * @example
 * actionRank('publication', { kind: 'law', harmonizes: true }) // STATUS_RANK.harmonized
 */
export function actionRank(classification: ActionClassification, bill: { kind: BillKind; harmonizes: boolean }): number | null {
  const status = statusReachedBy(classification, bill);
  return status ? STATUS_RANK[status] : null;
}

let day = '';
let nextMidnight = 0;

/** ISO day of "today" in UTC, the default `asOf`. Formatted once a day: it is asked on every page and status read. */
export function today(): string {
  const now = Date.now();
  if (now >= nextMidnight) {
    day = new Date(now).toISOString().slice(0, 10);
    nextMidnight = Date.parse(`${day}T00:00:00Z`) + 86_400_000;
  }
  return day;
}
