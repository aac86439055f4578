/**
 * Comparison of a bill with a model: align their units, redline every aligned pair, and report coverage — which model
 * provisions the bill keeps (present), changes (modified, with a similarity) or leaves out (missing), and which bill
 * provisions are new (added).
 *
 * All word diffs of one comparison share a step budget, so a comparison of any two texts returns in bounded time; a
 * pair that would exceed it is shown as whole-paragraph replacements and flagged `coarse`.
 */
import { align } from './align';
import { summarize, type CoverageEntry } from './coverage';
import { diffContext, diffTexts } from './redline';
import type { AlignedPair, CompareOptions, Comparison, Unit, UnitsDocument } from './types';

/** Version of the engine's results; part of every cache key. Bump it whenever results can change. */
export const ENGINE_VERSION = 'armoniza-text-1.0.7';

/**
 * Compare a bill with a model, unit by unit (articles and transitorios, or paragraphs for texts without articles).
 *
 * @example
 * const model = segment('Artículo 1. La ley protege a las víctimas.\nArtículo 2. Se crea un fondo.');
 * const bill = segment('Artículo 1. La ley protege a todas las víctimas.');
 * const c = compare(model, bill);
 * c.coverage.map((e) => e.status) // ['modified', 'missing']
 * c.summary.coverage // 0.5
 */
export function compare(model: UnitsDocument, bill: UnitsDocument, options: CompareOptions = {}): Comparison {
  const ctx = diffContext();
  const alignment = align(model.units, bill.units, ctx.vocab, ctx.lines);
  const coverage: CoverageEntry[] = model.units.map((u) => ({ model: u.ref, status: 'missing', similarity: 0, matches: [] }));
  const matched = new Uint8Array(bill.units.length);
  const pairs: AlignedPair[] = [];
  let coarse = 0;
  for (const g of alignment.groups) {
    const ms = g.models.map((i) => model.units[i]!);
    const bs = g.bills.map((i) => bill.units[i]!);
    const single = ms.length === 1 && bs.length === 1;
    const [m0, b0] = [g.models[0]!, g.bills[0]!];
    const known = single ? { a: alignment.model[m0], b: alignment.bill[b0], linesA: alignment.modelLines[m0], linesB: alignment.billLines[b0] } : {};
    const diff = diffTexts(joined(ms), joined(bs), ctx, known);
    const present = diff.present;
    const similarity = present ? 1 : round(diff.coarse ? g.score : diff.similarity);
    const pair: AlignedPair = {
      model: ms[0]!.ref,
      bill: bs[0]!.ref,
      models: ms.map((u) => u.ref),
      bills: bs.map((u) => u.ref),
      similarity,
      ops: diff.ops,
    };
    if (diff.coarse) {
      pair.coarse = true;
      coarse++;
    }
    pairs.push(pair);
    for (const m of g.models) coverage[m] = { model: model.units[m]!.ref, status: present ? 'present' : 'modified', similarity, matches: pair.bills };
    for (const b of g.bills) matched[b] = 1;
  }
  // A loop, not filter + map, whose array V8 kept deoptimizing this function on (see coverage.ts).
  const added: string[] = [];
  for (let i = 0; i < bill.units.length; i++) if (!matched[i]) added.push(bill.units[i]!.ref);
  return {
    engine: ENGINE_VERSION,
    summary: summarize(coverage, bill.units.length, added.length, options),
    coverage,
    added,
    pairs,
    warnings: warningsOf(model, bill, pairs.length, coarse),
  };
}

function warningsOf(model: UnitsDocument, bill: UnitsDocument, pairs: number, coarse: number): string[] {
  const warnings: string[] = [];
  for (const [name, doc] of [['model', model], ['bill', bill]] as const) {
    if (doc.units.length === 0) warnings.push(`The ${name} has no text to compare.`);
    else if (doc.units.every((u) => u.kind === 'paragraph')) warnings.push(`The ${name} has no recognisable articles: it is compared paragraph by paragraph.`);
  }
  if (pairs === 0 && model.units.length > 0 && bill.units.length > 0) warnings.push('Nothing in the bill matches the model: the texts look unrelated.');
  if (coarse > 0) warnings.push(`${coarse} aligned pair(s) were too long or too different for a word-level redline within budget: parts are shown as whole-paragraph replacements (coarse).`);
  return warnings;
}

function joined(units: Unit[]): string {
  return units.length === 1 ? units[0]!.text : units.map((u) => u.text).join('\n\n');
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
