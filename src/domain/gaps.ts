/**
 * What is missing from the evidence behind a jurisdiction's status, so that program staff know what to research
 * next: a status nobody has dated, a fact on record whose date would change the status, a status dated only to its
 * month or year, and a status that rests on nothing better than medium-confidence evidence. Derived from the status
 * itself (`JurisdictionStatus`), never stored.
 */
import type { Evidence, JurisdictionStatus } from './status.js';
import type { Confidence, Status } from './vocabulary.js';

export type Gap =
  /** No dated fact reaches any status. */
  | { kind: 'unknown-status' }
  /** Facts without a date would raise the status to `status`: their dates are what to find. */
  | { kind: 'undated-fact'; status: Status; evidence: Evidence[] }
  /** The status counts from the end of a month or a year, or from a "before" date: the day is what to find. */
  | { kind: 'imprecise-date'; precision: string; evidence: Evidence[] }
  /** The best evidence of the status is `confidence`: a stronger source is what to find. */
  | { kind: 'weak-evidence'; confidence: Confidence; evidence: Evidence[] };

const CONFIDENCE_ORDER: Confidence[] = ['low', 'medium', 'high'];

/**
 * The gaps in the evidence of one jurisdiction's status.
 *
 * @example
 * evidenceGaps({ id: 'MX-AGU', status: 'unknown', since: null, evidence: [], undated: { status: 'published', evidence } })
 * // [{ kind: 'unknown-status' }, { kind: 'undated-fact', status: 'published', evidence }]
 */
export function evidenceGaps(s: JurisdictionStatus): Gap[] {
  const gaps: Gap[] = [];
  if (s.status === 'unknown') gaps.push({ kind: 'unknown-status' });
  if (s.undated) gaps.push({ kind: 'undated-fact', status: s.undated.status, evidence: s.undated.evidence });
  // Every item of evidence counts from the same day (`since`); one known to the day is enough.
  if (s.evidence.length && !s.evidence.some((e) => e.datePrecision === 'day')) {
    gaps.push({ kind: 'imprecise-date', precision: s.evidence[0]!.datePrecision, evidence: s.evidence });
  }
  if (s.evidence.length) {
    const best = CONFIDENCE_ORDER[Math.max(...s.evidence.map((e) => CONFIDENCE_ORDER.indexOf(e.confidence)))]!;
    if (best !== 'high') gaps.push({ kind: 'weak-evidence', confidence: best, evidence: s.evidence });
  }
  return gaps;
}
