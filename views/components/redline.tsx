/**
 * Article-by-article redlines, from a comparison's coverage and aligned pairs: the summary, the missing provisions
 * with jump links, each model provision with its redline (inline, or side by side), and the provisions the draft adds.
 * Insertions are `<ins>`, deletions `<del>` (meaningful to screen readers, and printed as underline/strike-through).
 * Used by `/compare/:id` and by the version diff on `/bills/:id`.
 */
import type { PageCtx } from '../layout.js';

export type Op = { op: 'equal' | 'insert' | 'delete'; text: string };
export interface Unit {
  ref: string;
  label: string;
  text: string;
}
export interface PairView {
  model: string;
  bill: string;
  models?: string[];
  bills?: string[];
  similarity: number;
  ops: Op[];
  coarse?: boolean;
}
export interface ResultView {
  summary: { modelUnits: number; billUnits: number; present: number; modified: number; missing: number; added: number; coverage: number; byCriterion?: { name: string; present: number; modified: number; missing: number; total: number }[]; mandatory?: { name: string; present: number; modified: number; missing: number; total: number } };
  coverage: { model: string; status: 'present' | 'modified' | 'missing'; similarity: number; matches: string[] }[];
  added: string[];
  pairs: PairView[];
  warnings: string[];
}
export type RedlineView = 'inline' | 'side';

export const anchorOf = (prefix: string, i: number) => `${prefix}-${i + 1}`;

/**
 * How a provision is named on the page: an article by its label without the trailing separator ("Artículo 5 Bis"), a
 * transitorio by its ref, which says which decree it belongs to ("Transitorio Primero (DOF 20-05-2021)": a consolidated
 * law has a "Primero." in several decrees), a paragraph of a text without articles by its ref ("¶3").
 *
 * @example
 * unitName({ ref: 'Transitorio Primero (DOF 20-05-2021)', label: 'Primero.', text: '' }) // 'Transitorio Primero (DOF 20-05-2021)'
 * unitName({ ref: '5 Bis', label: 'Artículo 5 Bis.-', text: '' }) // 'Artículo 5 Bis'
 */
export function unitName(unit: Unit): string {
  if (isTransitory(unit.ref)) return unit.ref;
  return bareLabel(unit.label) || unit.ref;
}

/** Whether a ref names a transitorio: the engine writes theirs "Transitorio <ordinal>[ (<decree>)]". */
const isTransitory = (ref: string) => ref.startsWith('Transitorio');

/**
 * A label without its trailing separator, as a heading names it.
 *
 * @example
 * bareLabel('Artículo 5 Bis.-') // 'Artículo 5 Bis'
 */
export const bareLabel = (label: string) => label.replace(/[\s.:\-–—]+$/u, '');

/** The name of the unit with this ref, or the ref itself when the unit is not at hand. */
export const nameOf = (units: Map<string, Unit>, ref: string) => {
  const unit = units.get(ref);
  return unit ? unitName(unit) : ref;
};

const pct = (x: number, lang: string) => new Intl.NumberFormat(lang === 'es' ? 'es-MX' : 'en-US', { style: 'percent', maximumFractionDigits: 0 }).format(x);

const MARKER = /^[ \t]*(?:[IVXLCDM]+\.|[a-zñ]\)|\d+[.)]|Art[íi]culo|ART[ÍI]CULO|Transitori|TRANSITORI|Cap[íi]tulo|CAP[ÍI]TULO|T[íi]tulo|T[ÍI]TULO|Secci[óo]n|SECCI[ÓO]N)/;

/**
 * Texts extracted from PDFs keep the printed page's line breaks. For reading, a single line break inside a sentence
 * becomes a space; one after `.`, `:` or `;`, before a fracción, inciso or heading, or a blank line, is kept.
 *
 * @example
 * reflow('sujetos a\nprisión preventiva.\nI. El juez') // 'sujetos a prisión preventiva.\nI. El juez'
 */
export function reflow(text: string): string {
  return text.replace(/([^\n])\n(?!\n)/g, (match, before: string, offset: number, all: string) => {
    const next = all.slice(offset + 2, offset + 40);
    return /[.:;]/.test(before) || MARKER.test(next) ? match : `${before} `;
  });
}

/** Reflows a whole redline at once, so that a line break at the edge of a run sees its neighbours. */
export function reflowOps(ops: Op[]): Op[] {
  const joined = ops.map((o) => o.text).join('');
  const flowed = reflow(joined);
  if (flowed.length !== joined.length) return ops.map((o) => ({ ...o, text: reflow(o.text) }));
  let at = 0;
  return ops.map((o) => {
    const text = flowed.slice(at, at + o.text.length);
    at += o.text.length;
    return { ...o, text };
  });
}

/** A run as the page shows it: reflowed, and marked (inserted, deleted) or not. */
type ShownOp = Op & { marked: boolean };

const SPACING = /^[ \t]+$/;

/**
 * The runs of a redline for reading: reflowed, and every change marked except spacing replaced by other spacing (a
 * line break of a PDF where the other text has a space, or two spaces for one), which a lawyer's redline would not
 * mark. The ops keep it; a paragraph break, which reflowing keeps, is still marked.
 */
function shownOps(raw: Op[]): ShownOp[] {
  const ops = reflowOps(raw);
  const swap = (k: number) => ops[k]?.op === 'delete' && ops[k + 1]?.op === 'insert' && SPACING.test(ops[k]!.text) && SPACING.test(ops[k + 1]!.text);
  return ops.map((o, k) => ({ ...o, marked: o.op !== 'equal' && !swap(k) && !swap(k - 1) }));
}

// A run as <ins> or <del> when marked, as bare text when not.
const runOf = (o: ShownOp) => (!o.marked ? o.text : o.op === 'insert' ? <ins>{o.text}</ins> : <del>{o.text}</del>);

export function InlineRedline({ ops }: { ops: Op[] }) {
  // An unmarked deletion is spacing replaced by spacing: only the new spacing is shown.
  return <div class="redline">{shownOps(ops).map((o) => (o.op === 'delete' && !o.marked ? null : runOf(o)))}</div>;
}

export function SideRedline({ ops: raw, ctx, leftLabel, rightLabel }: { ops: Op[]; ctx: PageCtx; leftLabel?: string; rightLabel?: string }) {
  const ops = shownOps(raw);
  return (
    <div class="side-by-side">
      <div>
        <p class="side-label">{leftLabel ?? ctx.t.compare.modelSide}</p>
        <div class="redline">{ops.map((o) => (o.op === 'insert' ? null : runOf(o)))}</div>
      </div>
      <div>
        <p class="side-label">{rightLabel ?? ctx.t.compare.billSide}</p>
        <div class="redline">{ops.map((o) => (o.op === 'delete' ? null : runOf(o)))}</div>
      </div>
    </div>
  );
}

export function SummaryCards({ result, ctx }: { result: ResultView; ctx: PageCtx }) {
  const { t, lang } = ctx;
  const s = result.summary;
  const total = Math.max(1, s.modelUnits);
  return (
    <>
      <div class="summary-cards">
        <div class="summary-card coverage">
          <span class="n">{pct(s.coverage, lang)}</span>
          <span class="what">{t.compare.coverage}</span>
        </div>
        <div class="summary-card present"><span class="n">{s.present}</span><span class="what">{t.compare.present}</span></div>
        <div class="summary-card modified"><span class="n">{s.modified}</span><span class="what">{t.compare.modified}</span></div>
        <div class="summary-card missing"><span class="n">{s.missing}</span><span class="what">{t.compare.missing}</span></div>
        <div class="summary-card added"><span class="n">{s.added}</span><span class="what">{t.compare.added}</span></div>
      </div>
      <div class="coverage-bar" role="img" aria-label={`${t.compare.present} ${s.present}, ${t.compare.modified} ${s.modified}, ${t.compare.missing} ${s.missing} / ${s.modelUnits}`}>
        <span class="present" style={`width:${(s.present / total) * 100}%`}></span>
        <span class="modified" style={`width:${(s.modified / total) * 100}%`}></span>
        <span class="missing" style={`width:${(s.missing / total) * 100}%`}></span>
      </div>
      {s.byCriterion?.length || (s.mandatory && s.mandatory.total < s.modelUnits) ? (
        <div class="table-scroll" tabindex={0}>
          <table class="facts-table">
            <thead>
              <tr>
                <th scope="col"></th>
                <th scope="col" class="num">{t.compare.present}</th>
                <th scope="col" class="num">{t.compare.modified}</th>
                <th scope="col" class="num">{t.compare.missing}</th>
                <th scope="col" class="num">%</th>
              </tr>
            </thead>
            <tbody>
              {[...(s.mandatory && s.mandatory.total < s.modelUnits ? [{ ...s.mandatory, name: t.compare.mandatory }] : []), ...(s.byCriterion ?? [])].map((c) => (
                <tr>
                  <th scope="row">{c.name}</th>
                  <td class="num">{c.present}</td>
                  <td class="num">{c.modified}</td>
                  <td class="num">{c.missing}</td>
                  <td class="num">{pct(c.total ? (c.present + c.modified) / c.total : 0, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}

/**
 * Every model provision in model order: its state, similarity and redline. A pair that merges several model
 * provisions is drawn once, at the first of them; the others point to it.
 */
/**
 * The model provisions of a result in order, each with the pair that holds it and, when that pair is shown at another
 * provision (the first of several merged into one), that provision's ref: what the page and the Word export walk.
 *
 * @example
 * provisionRows(result).map((r) => [r.c.model, r.drawnAt]) // [['1', null], ['2', null], ['3', '2']]
 */
export function provisionRows(result: ResultView): { c: ResultView['coverage'][number]; pair?: PairView; drawnAt: string | null }[] {
  const pairOf = new Map<string, PairView>();
  for (const p of result.pairs) for (const m of p.models ?? [p.model]) pairOf.set(m, p);
  return result.coverage.map((c) => {
    const pair = pairOf.get(c.model);
    const first = pair ? (pair.models ?? [pair.model])[0]! : c.model;
    return { c, pair, drawnAt: first !== c.model ? first : null };
  });
}

export function Provisions({ result, modelUnits, billUnits, ctx, view }: { result: ResultView; modelUnits: Unit[]; billUnits: Unit[]; ctx: PageCtx; view: RedlineView }) {
  const { t, lang } = ctx;
  const unitByRef = new Map(modelUnits.map((u) => [u.ref, u]));
  const billByRef = new Map(billUnits.map((u) => [u.ref, u]));
  const indexOf = new Map(result.coverage.map((c, i) => [c.model, i]));
  return (
    <div class="provisions">
      {provisionRows(result).map(({ c, pair, drawnAt }, i) => {
        const unit = unitByRef.get(c.model);
        const billNames = c.matches.map((r) => nameOf(billByRef, r)).join(', ');
        return (
          <article class={`provision provision-${c.status}`} id={anchorOf('m', i)} data-status={c.status}>
            <div class="provision-head">
              <h3>{nameOf(unitByRef, c.model)}</h3>
              <span class={`provision-state ${c.status}`}>{t.compare.one[c.status]}</span>
              {c.status !== 'missing' ? (
                <span class="muted">
                  {t.compare.similarity}: {pct(c.similarity, lang)}
                  {billNames ? ` · ${t.compare.billSide}: ${billNames}` : ''}
                </span>
              ) : null}
            </div>
            {c.status === 'missing' ? (
              unit ? <div class="redline"><del>{reflow(unit.text)}</del></div> : null
            ) : drawnAt ? (
              <p class="muted">
                → <a href={`#${anchorOf('m', indexOf.get(drawnAt) ?? 0)}`}>{nameOf(unitByRef, drawnAt)}</a>
              </p>
            ) : pair ? (
              view === 'side' ? <SideRedline ops={pair.ops} ctx={ctx} /> : <InlineRedline ops={pair.ops} />
            ) : null}
          </article>
        );
      })}
    </div>
  );
}

/**
 * The model's missing provisions, as links to their place in the redline. Transitorios come apart, folded: they govern
 * the entry into force of the decree that holds them, and a state law harmonized with the model does not reproduce
 * them (so they start optional, `startsMandatory`), so they would bury the articles a draft leaves out.
 */
export function MissingList({ result, modelUnits, ctx }: { result: ResultView; modelUnits: Unit[]; ctx: PageCtx }) {
  const { t } = ctx;
  const byRef = new Map(modelUnits.map((u) => [u.ref, u]));
  const missing = result.coverage.map((c, i) => ({ c, i })).filter(({ c }) => c.status === 'missing');
  if (!missing.length) return <p class="muted">{t.compare.missingNone}</p>;
  const transitory = missing.filter(({ c }) => isTransitory(c.model));
  const body = missing.filter(({ c }) => !isTransitory(c.model));
  const list = (items: typeof missing) => (
    <ol class="missing-list">
      {items.map(({ c, i }) => (
        <li>
          <a href={`#${anchorOf('m', i)}`}>{nameOf(byRef, c.model)}</a>
        </li>
      ))}
    </ol>
  );
  return (
    <>
      {body.length ? list(body) : <p class="muted">{t.compare.missingOnlyTransitory}</p>}
      {transitory.length ? (
        <details class="missing-transitory">
          <summary>{t.compare.missingTransitory(transitory.length)}</summary>
          <p class="help">{t.compare.transitoryWhy}</p>
          {list(transitory)}
        </details>
      ) : null}
    </>
  );
}

export function AddedList({ result, billUnits, ctx }: { result: ResultView; billUnits: Unit[]; ctx: PageCtx }) {
  const byRef = new Map(billUnits.map((u) => [u.ref, u]));
  if (!result.added.length) return <p class="muted">{ctx.t.compare.addedNone}</p>;
  return (
    <div class="provisions">
      {result.added.map((ref, i) => {
        const unit = byRef.get(ref);
        return (
          <article class="provision provision-added" id={anchorOf('a', i)}>
            <div class="provision-head">
              <h3>{nameOf(byRef, ref)}</h3>
              <span class="provision-state added">{ctx.t.compare.one.added}</span>
            </div>
            {unit ? <div class="redline"><ins>{reflow(unit.text)}</ins></div> : null}
          </article>
        );
      })}
    </div>
  );
}
