/**
 * The status of every entity as a table: the accessible alternative to the map, with the evidence of each status.
 * Sorting works without JavaScript (`?sort=` links, sorted on the server); `map.js` sorts in place when it can.
 */
import { STATUSES, STATUS_RANK } from '../../src/domain/vocabulary.js';
import { factDate, label, type Lang } from '../i18n/index.js';
import { withQuery, type PageCtx } from '../layout.js';
import type { StatusRow } from '../data.js';
import { EvidenceItem, FactDate, StatusBadge, UndatedNote } from './facts.js';

export type SortKey = 'name' | 'status' | 'since';
export const SORT_KEYS: readonly SortKey[] = ['name', 'status', 'since'];
export type SortDir = 'asc' | 'desc';

/** The date a status holds since, as its evidence states it (with its own precision), or '' when unknown. */
export function sinceText(row: StatusRow, lang: Lang): string {
  const ev = row.evidence[0];
  return ev ? factDate(ev.date, ev.datePrecision, lang) : '';
}

export function sortRows(rows: StatusRow[], key: SortKey, dir: SortDir, lang: Lang): StatusRow[] {
  const collator = new Intl.Collator(lang === 'es' ? 'es' : 'en', { sensitivity: 'base' });
  const cmp = (a: StatusRow, b: StatusRow): number => {
    if (key === 'status') return STATUS_RANK[a.status] - STATUS_RANK[b.status] || collator.compare(a.name, b.name);
    if (key === 'since') return (a.since ?? '9999').localeCompare(b.since ?? '9999') || collator.compare(a.name, b.name);
    return collator.compare(a.name, b.name);
  };
  const sorted = [...rows].sort(cmp);
  return dir === 'desc' ? sorted.reverse() : sorted;
}

function SortHeader({ ctx, col, text, sort, dir }: { ctx: PageCtx; col: SortKey; text: string; sort: SortKey; dir: SortDir }) {
  const active = sort === col;
  const next: SortDir = active && dir === 'asc' ? 'desc' : 'asc';
  return (
    <th scope="col" aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'} data-sort-key={col}>
      <a class="sort-link" href={withQuery(ctx, { sort: col, dir: next }, '/') + '#table'} title={ctx.t.table.sortBy(text)}>
        {text}
        <span class="sort-arrow" aria-hidden="true">{active ? (dir === 'asc' ? '▲' : '▼') : '↕'}</span>
      </a>
    </th>
  );
}

export function StatusTable({ rows, ctx, asOfText, sort = 'name', dir = 'asc' }: { rows: StatusRow[]; ctx: PageCtx; asOfText: string; sort?: SortKey; dir?: SortDir }) {
  const { t, lang } = ctx;
  const sorted = sortRows(rows, sort, dir, lang);
  return (
    <div class="table-scroll" tabindex={0}>
      <table class="status-table" id="status-table" data-sort={sort} data-dir={dir} data-undated-text={t.legend.undated}>
        <caption>{t.home.tableCaption(asOfText)}</caption>
        <thead>
          <tr>
            <SortHeader ctx={ctx} col="name" text={t.table.entity} sort={sort} dir={dir} />
            <SortHeader ctx={ctx} col="status" text={t.table.status} sort={sort} dir={dir} />
            <SortHeader ctx={ctx} col="since" text={t.table.since} sort={sort} dir={dir} />
            <th scope="col">{t.table.evidence}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr
              data-id={row.id}
              data-status={row.status}
              data-rank={STATUS_RANK[row.status]}
              data-since={row.since ?? ''}
              data-name={row.name}
              data-status-label={label(STATUSES, row.status, lang)}
              data-since-label={sinceText(row, lang)}
              data-undated={row.undated ? label(STATUSES, row.undated.status, lang) : undefined}
            >
              <th scope="row">
                <a href={`/states/${row.id}`}>{row.name}</a>
              </th>
              <td>
                <StatusBadge status={row.status} lang={lang} />
                {row.undated ? (
                  <div>
                    <UndatedNote undated={row.undated} ctx={ctx} compact />
                  </div>
                ) : null}
              </td>
              <td class="since">
                {row.evidence[0] ? <FactDate date={row.evidence[0].date} precision={row.evidence[0].datePrecision} lang={lang} /> : <span class="muted">—</span>}
              </td>
              <td>
                {row.evidence.length ? (
                  <ul class="evidence-list compact">
                    {row.evidence.map((ev) => (
                      <EvidenceItem ev={ev} ctx={ctx} />
                    ))}
                  </ul>
                ) : (
                  <span class="muted">{t.table.noEvidence}</span>
                )}
                {row.undated ? (
                  <div class="undated-evidence">
                    <p class="undated-evidence-label">{t.evidence.undatedHeading}</p>
                    <ul class="evidence-list compact">
                      {row.undated.evidence.map((ev) => (
                        <EvidenceItem ev={ev} ctx={ctx} />
                      ))}
                    </ul>
                  </div>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
