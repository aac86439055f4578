/**
 * Coverage totals: how many model units a bill keeps (present), changes (modified) or leaves out (missing), overall,
 * per named criterion and for the mandatory provisions.
 *
 * A criterion may name a unit ("10") or a part of one ("10 fr. II"); a part counts with the status of its unit.
 */
import type { Comparison, CompareOptions, CoverageStatus, CriterionSummary } from './types';

/** One line of `Comparison.coverage`. */
export type CoverageEntry = Comparison['coverage'][number];

/**
 * Totals of a comparison, with per-criterion lines when criteria or mandatory refs are given.
 *
 * @example
 * summarize([{ model: '1', status: 'present', similarity: 1, matches: ['1'] }], 1, 0, { criteria: [{ name: 'Tipos penales', refs: ['1'] }] })
 * // { modelUnits: 1, billUnits: 1, present: 1, modified: 0, missing: 0, added: 0, coverage: 1, byCriterion: [{ name: 'Tipos penales', present: 1, modified: 0, missing: 0, total: 1 }] }
 */
export function summarize(
  entries: CoverageEntry[],
  billUnits: number,
  added: number,
  options: CompareOptions = {},
): Comparison['summary'] {
  const all = count('all', entries, (e) => e.status);
  const summary: Comparison['summary'] = {
    modelUnits: entries.length,
    billUnits,
    present: all.present,
    modified: all.modified,
    missing: all.missing,
    added,
    coverage: entries.length === 0 ? 0 : (all.present + all.modified) / entries.length,
  };
  const byRef = new Map(entries.map((e) => [e.model, e.status]));
  const statusOf = (ref: string): CoverageStatus => byRef.get(ref) ?? byRef.get(unitOf(ref, byRef)) ?? 'missing';
  if (options.criteria) summary.byCriterion = options.criteria.map((c) => count(c.name, c.refs, statusOf));
  if (options.mandatory) summary.mandatory = count('mandatory', options.mandatory, statusOf);
  return summary;
}

// Statuses are counted as they are read, into plain counters. Counting an array made by `map` made V8 deoptimize
// compare() (into which this is inlined) on most calls in some long-running processes, 200-270 times in 300 ("wrong
// map": the arrays `map` makes differ when it runs inlined in optimized code and when it does not).
function count<T>(name: string, items: readonly T[], statusOf: (item: T) => CoverageStatus): CriterionSummary {
  let present = 0;
  let modified = 0;
  let missing = 0;
  for (let i = 0; i < items.length; i++) {
    const s = statusOf(items[i]!);
    if (s === 'present') present++;
    else if (s === 'modified') modified++;
    else missing++;
  }
  return { name, present, modified, missing, total: items.length };
}

// "10 fr. II inc. a)" → "10": the longest unit ref that prefixes the ref.
function unitOf(ref: string, units: Map<string, CoverageStatus>): string {
  let best = '';
  for (const unit of units.keys()) if (ref.startsWith(`${unit} `) && unit.length > best.length) best = unit;
  return best;
}
