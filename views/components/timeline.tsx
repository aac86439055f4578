/**
 * Timelines: a mermaid `timeline` diagram drawn in the browser (by `timeline.js`, from the mermaid ESM bundle we
 * serve ourselves), its source in a `<pre>` with a copy button for reports, and the same facts as an HTML list that
 * reads without JavaScript. Dates keep their own precision; facts with an unknown date are listed apart.
 */
import { ACTION_CLASSIFICATIONS } from '../../src/domain/vocabulary.js';
import { sortKey } from '../../src/domain/partial-date.js';
import type { ActionView } from '../../src/db/bills.js';
import { factDate, label, type Lang } from '../i18n/index.js';
import type { PageCtx } from '../layout.js';
import { Confidence, FactDate } from './facts.js';
import { MERMAID_URL } from '../assets.js';

export interface TimelineEvent {
  date: string;
  precision: string;
  /** Who acted ("Chiapas"); omitted on a single jurisdiction's timeline. */
  who?: string;
  whoHref?: string;
  what: string;
  /** The label in the diagram, shorter than `what`. */
  short: string;
  /** Drawn in the diagram (all events are always in the list). */
  milestone: boolean;
  href?: string;
  confidence?: string;
}

const MILESTONE_STATUSES = new Set(['none', 'published', 'harmonized']);

/**
 * Timeline events from actions. With `names` (a national timeline, whose `federation` is told apart), the diagram
 * keeps the milestones — every federal act and each state's law reaching publication, harmonization or a reported
 * absence — and the list keeps everything. `oneBill`: the actions of one bill, on its own page.
 */
export function eventsFromActions(
  rows: ActionView[],
  lang: Lang,
  { names, federation, oneBill = false }: { names?: Map<string, string>; federation?: string; oneBill?: boolean } = {},
): TimelineEvent[] {
  return rows.map((a) => {
    const act = label(ACTION_CLASSIFICATIONS, a.classification, lang);
    const federal = a.jurisdictionId === federation;
    const who = names?.get(a.jurisdictionId) ?? a.jurisdictionId;
    return {
      date: a.date,
      precision: a.datePrecision,
      ...(names ? { who, whoHref: `/states/${a.jurisdictionId}` } : {}),
      // On a bill's own page its title goes without saying: say what happened instead.
      what: oneBill ? `${act}: ${a.description}` : `${act}: ${a.billTitle}`,
      short: oneBill ? act : names && !federal ? `${who} · ${act}` : `${act} · ${a.billTitle}`,
      milestone: !names || (federal ? !['reported-status', 'other'].includes(a.classification) : MILESTONE_STATUSES.has(a.reaches ?? '')),
      href: `/bills/${encodeURIComponent(a.billId)}`,
      confidence: a.confidence,
    };
  });
}

/** Text that mermaid's timeline grammar reads literally: no `:` (it separates events), `#`, `;`, or line breaks. */
function clean(text: string, max = 90): string {
  const flat = text
    .replace(/[\r\n]+/g, ' ')
    .replace(/:/g, ' –')
    .replace(/#/g, 'No.')
    .replace(/;/g, ',')
    .replace(/[<>{}[\]]/g, ' ')
    .replace(/%%/g, '%')
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length > max ? flat.slice(0, max - 1).trimEnd() + '…' : flat;
}

function yearOf(e: TimelineEvent): string | null {
  if (e.precision === 'unknown') return null;
  const m = /(\d{4})/.exec(e.date);
  return m ? m[1]! : null;
}

function byYear(events: TimelineEvent[]): [string, TimelineEvent[]][] {
  const groups = new Map<string, TimelineEvent[]>();
  const sorted = [...events].sort((a, b) =>
    sortKey({ value: a.date.replace(/\s*\(.*\)$/, ''), precision: a.precision as never }).localeCompare(sortKey({ value: b.date.replace(/\s*\(.*\)$/, ''), precision: b.precision as never })),
  );
  for (const e of sorted) {
    const y = yearOf(e);
    if (!y) continue;
    groups.set(y, [...(groups.get(y) ?? []), e]);
  }
  return [...groups.entries()];
}

/** Date inside its year group: "3 de abril" rather than repeating the year; a fact known to the year only says so. */
function shortDate(e: TimelineEvent, lang: Lang): string {
  const full = factDate(e.date, e.precision, lang);
  if (e.precision === 'year') return lang === 'es' ? 'día desconocido' : 'day unknown';
  return full.replace(/,? (de )?\d{4}\b/, '').trim();
}

/**
 * The mermaid source of a timeline: one period per year, one event per fact.
 *
 * @example
 * mermaidSource('Chiapas', [{ date: '2009-04-03', precision: 'day', what: '…', short: 'Publicada: Ley…', milestone: true }], 'es')
 * // '%% Chiapas — Armoniza\ntimeline\n  2009 : 3 de abril — Publicada · Ley…'
 */
export function mermaidSource(title: string, events: TimelineEvent[], lang: Lang): string {
  const lines = [`%% ${clean(title, 120)} — Armoniza`, 'timeline'];
  for (const [year, group] of byYear(events.filter((e) => e.milestone))) {
    group.forEach((e, i) => {
      const text = clean(`${shortDate(e, lang)} — ${e.short}`, 72);
      lines.push(i === 0 ? `  ${year} : ${text}` : `       : ${text}`);
    });
  }
  return lines.join('\n');
}

let counter = 0;

export function Timeline({ ctx, title, events, id }: { ctx: PageCtx; title: string; events: TimelineEvent[]; id?: string }) {
  const { t, lang } = ctx;
  const key = id ?? `tl-${++counter}`;
  const groups = byYear(events);
  const undated = events.filter((e) => !yearOf(e));
  const drawn = groups.some(([, g]) => g.some((e) => e.milestone));
  if (!groups.length && !undated.length) return <p class="muted">{t.timeline.empty}</p>;
  const source = mermaidSource(title, events, lang);
  return (
    <div class="timeline" data-timeline={key} data-mermaid={MERMAID_URL}>
      {drawn ? (
        <>
          <div class="timeline-toolbar">
            <button type="button" class="button button-quiet" data-copy={`${key}-src`} data-copied={t.timeline.copied} data-copy-failed={t.timeline.copyFailed} hidden>
              {t.timeline.copy}
            </button>
            <span class="copy-status" role="status" aria-live="polite"></span>
          </div>
          <figure class="mermaid-figure" tabindex={0} aria-label={`${t.timeline.diagramLabel}: ${title}`}>
            <div class="mermaid-render" data-source={`${key}-src`} role="img" aria-label={`${t.timeline.diagramLabel}: ${title}`}>
              <p class="muted mermaid-pending">{t.timeline.rendering}</p>
            </div>
          </figure>
          <details class="mermaid-source-box">
            <summary>{t.timeline.source}</summary>
            <pre id={`${key}-src`} class="mermaid-source">{source}</pre>
          </details>
        </>
      ) : null}
      <h3 class="timeline-list-heading">{t.timeline.listHeading}</h3>
      <ol class="timeline-list">
        {groups.map(([year, group]) => (
          <li class="timeline-year">
            <h4 class="year">{year}</h4>
            <ul>
              {group.map((e) => (
                <EventItem e={e} ctx={ctx} />
              ))}
            </ul>
          </li>
        ))}
        {undated.length ? (
          <li class="timeline-year timeline-undated">
            <h4 class="year">{t.timeline.undated}</h4>
            <ul>
              {undated.map((e) => (
                <EventItem e={e} ctx={ctx} />
              ))}
            </ul>
          </li>
        ) : null}
      </ol>
    </div>
  );
}

function EventItem({ e, ctx }: { e: TimelineEvent; ctx: PageCtx }) {
  return (
    <li>
      <FactDate date={e.date} precision={e.precision} lang={ctx.lang} />
      {e.who ? (
        <>
          {' · '}
          {e.whoHref ? <a href={e.whoHref} class="who">{e.who}</a> : <span class="who">{e.who}</span>}
        </>
      ) : null}
      {' — '}
      {e.href ? <a href={e.href}>{e.what}</a> : <span>{e.what}</span>}
      {e.confidence ? (
        <>
          {' '}
          <Confidence level={e.confidence} ctx={ctx} />
        </>
      ) : null}
    </li>
  );
}
