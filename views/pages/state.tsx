/**
 * `/states/:id`: one jurisdiction — its status today and since when, how it got there, the evidence, undated facts,
 * its timeline, and its bills with their actions, versions and amendments.
 */
import type { Child } from 'hono/jsx';
import { STATUSES } from '../../src/domain/vocabulary.js';
import { factDate, label } from '../i18n/index.js';
import { Layout, type PageCtx } from '../layout.js';
import type { StateData } from '../data.js';
import type { MapGeometry } from '../map-geometry.js';
import { MapCredit } from '../components/map.js';
import { GapNote } from '../components/gaps.js';
import { AddBillForm, type BillFormState } from '../components/record-forms.js';
import { ChangeLog } from '../components/change-log.js';
import { BillCard } from '../components/bill-card.js';
import { EvidenceItem, StatusBadge, UndatedNote } from '../components/facts.js';
import { Timeline, eventsFromActions } from '../components/timeline.js';

export function Breadcrumbs({ ctx, items }: { ctx: PageCtx; items: [string, string | null][] }) {
  return (
    <nav class="breadcrumbs" aria-label={ctx.t.nav.breadcrumb}>
      <ol>
        {items.map(([text, href]) => (
          <li>{href ? <a href={href}>{text}</a> : <span aria-current="page">{text}</span>}</li>
        ))}
      </ol>
    </nav>
  );
}

export function Section({ id, title, children }: { id: string; title: string; children: Child }) {
  return (
    <section class="section" id={id} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{title}</h2>
      {children}
    </section>
  );
}

/** `record`: an editor's form to add a bill (shown to editors only). */
export function StatePage({ ctx, data, map, coverage, record }: { ctx: PageCtx; data: StateData; map: MapGeometry | null; coverage?: Child; record?: BillFormState }) {
  const { t, lang } = ctx;
  const { place, parent, now, history, bills } = data;
  const name = lang === 'es' ? place.nameEs : place.nameEn;
  const ev = now.evidence[0];
  const since = ev ? factDate(ev.date, ev.datePrecision, lang) : '';
  const actions = bills.flatMap((b) => b.actions.map((a) => ({ ...a, billTitle: b.title })));
  return (
    <Layout ctx={ctx} title={`${name} · ${t.state.titleSuffix}`} section="states" scripts={actions.length ? ['timeline.js'] : []}>
      <Breadcrumbs ctx={ctx} items={[[t.nav.map, '/'], [t.nav.states, '/states'], [name, null]]} />
      <div class="state-head">
        <div>
          <h1>{name}</h1>
          {place.officialName !== place.nameEs ? <p class="subtitle">{place.officialName}</p> : null}
          <div class="status-now">
            <span class="status-now-label">{t.state.statusNow}</span>
            <StatusBadge status={now.status} lang={lang} />
            {since ? <span class="status-since">{t.state.sinceWhen(since)}</span> : null}
          </div>
          {now.undated ? <UndatedNote undated={now.undated} ctx={ctx} compact /> : null}
        </div>
        {map && place.mapId && map.shapes.some((s) => s.mapId === place.mapId) ? (
          <div class="state-locator">
            <img
              class="locator-map"
              src={`/locator/${place.mapId}/${now.status}.svg`}
              alt={t.state.locator(name, parent ? (lang === 'es' ? parent.nameEs : parent.nameEn) : '')}
              width={map.width}
              height={map.height}
            />
            <p class="map-credit">
              <MapCredit map={map} ctx={ctx} />
            </p>
          </div>
        ) : null}
      </div>

      <div class="state-grid">
        <Section id="history" title={t.state.history}>
          {history.length ? (
            <ol class="history">
              {history.map((h) => {
                const first = h.evidence[0];
                return (
                  <li data-status={h.status}>
                    <span class="history-date">{first ? factDate(first.date, first.datePrecision, lang) : h.from}</span>
                    <StatusBadge status={h.status} lang={lang} />
                    {first ? (
                      <a class="history-bill" href={`/bills/${encodeURIComponent(first.billId)}`}>{first.billTitle}</a>
                    ) : null}
                  </li>
                );
              })}
            </ol>
          ) : (
            <p class="muted">{t.state.historyEmpty}</p>
          )}
        </Section>

        <Section id="evidence" title={t.state.evidence}>
          {now.evidence.length ? (
            <ul class="evidence-list">
              {now.evidence.map((e) => (
                <EvidenceItem ev={e} ctx={ctx} />
              ))}
            </ul>
          ) : (
            <p class="muted">{label(STATUSES, now.status, lang)} — {t.table.noEvidence}</p>
          )}
          <UndatedNote undated={now.undated} ctx={ctx} />
          <GapNote status={now} ctx={ctx} />
        </Section>
      </div>

      <Section id="timeline" title={t.state.timeline}>
        <Timeline ctx={ctx} id="state-timeline" title={name} events={eventsFromActions(actions, lang)} />
      </Section>

      <Section id="bills" title={t.state.bills}>
        {bills.length ? bills.map((b) => <BillCard bill={b} ctx={ctx} federal={place.kind === 'federation'} />) : <p class="muted">{t.state.billsEmpty}</p>}
        {record ? <AddBillForm ctx={ctx} jurisdictionId={place.id} state={record} /> : null}
      </Section>

      <Section id="coverage" title={t.state.coverage}>
        {coverage ?? <p class="muted">{t.state.coverageNone}</p>}
      </Section>

      <Section id="changes" title={t.changes.title}>
        <ChangeLog entries={data.changes} ctx={ctx} />
      </Section>
    </Layout>
  );
}
