/**
 * `/bills/:id`: a bill's facts, its timeline, its actions, its versions (choose two to see the redline between them)
 * and its amendments with their fate.
 */
import type { Child } from 'hono/jsx';
import { AMENDMENT_FATES, VERSION_STAGES } from '../../src/domain/vocabulary.js';
import { factDate, label, type Lang } from '../i18n/index.js';
import { Layout, type PageCtx } from '../layout.js';
import type { BillData } from '../data.js';
import { ActionsTable, BillMeta } from '../components/bill-card.js';
import { FactDate, Notes, SourceCite } from '../components/facts.js';
import { Timeline, eventsFromActions } from '../components/timeline.js';
import { AddActionForm, AddAmendmentForm, AddVersionForm, DecideForm, type BillForms } from '../components/record-forms.js';
import { ChangeLog } from '../components/change-log.js';
import { Breadcrumbs, Section } from './state.js';
import type { ModelOption } from './compare.js';

/**
 * A version as the page names it: its stage and date ("As introduced (March 2011)"), numbered when another version
 * has the same; else its id.
 *
 * @example
 * versionNameOf(data.bill, 'v-abc', 'en') // 'As introduced (March 3, 2011)', or 'As introduced (March 3, 2011) #2'
 */
export function versionNameOf(bill: BillData['bill'], id: string | null, lang: Lang): string {
  const name = (v: BillData['bill']['versions'][number]) => `${label(VERSION_STAGES, v.stage, lang)} (${factDate(v.date, v.datePrecision, lang)})`;
  const v = bill.versions.find((x) => x.id === id);
  if (!v) return id ?? '';
  // Two versions of the same stage and date are told apart by their order: "… #1", "… #2".
  const twins = bill.versions.filter((x) => name(x) === name(v));
  return twins.length > 1 ? `${name(v)} #${twins.indexOf(v) + 1}` : name(v);
}

/** `record`: an editor's forms to record an action, a version, an amendment and its decision (shown to editors only). */
export function BillPage(props: { ctx: PageCtx; data: BillData; models: ModelOption[]; pick?: { a?: string; b?: string }; redline?: Child; record?: BillForms }) {
  const { ctx, data, models, pick, redline, record } = props;
  const { t, lang } = ctx;
  const { bill, place } = data;
  const placeName = place ? (lang === 'es' ? place.nameEs : place.nameEn) : bill.jurisdictionId;
  const versionName = (id: string | null) => versionNameOf(bill, id, lang);
  const choices = bill.versions.map((v) => ({ id: v.id, name: versionName(v.id) }));
  const a = pick?.a ?? bill.versions.at(-2)?.id;
  const b = pick?.b ?? bill.versions.at(-1)?.id;
  return (
    <Layout ctx={ctx} title={`${bill.title} · ${t.bill.titleSuffix}`} section="states" scripts={bill.actions.length ? ['timeline.js'] : []}>
      <Breadcrumbs ctx={ctx} items={[[t.nav.map, '/'], [t.nav.states, '/states'], [placeName, `/states/${bill.jurisdictionId}`], [t.bill.titleSuffix, null]]} />
      <div class="page-head">
        <p class="eyebrow"><a href={`/states/${bill.jurisdictionId}`}>{placeName}</a></p>
        <h1 class="bill-heading">{bill.title}</h1>
      </div>
      <BillMeta bill={bill} ctx={ctx} federal={place?.kind === 'federation'} />
      <Notes notes={bill.notes} ctx={ctx} />

      <Section id="timeline" title={t.bill.timeline}>
        <Timeline ctx={ctx} id="bill-timeline" title={bill.title} events={eventsFromActions(bill.actions, lang, { oneBill: true })} />
      </Section>

      <Section id="actions" title={t.bill.actions}>
        <ActionsTable bill={bill} ctx={ctx} />
        {record ? <AddActionForm ctx={ctx} billId={bill.id} state={record.action} /> : null}
      </Section>

      <Section id="versions" title={t.bill.versions}>
        {bill.versions.length ? (
          <>
            <div class="table-scroll" tabindex={0}>
              <table class="facts-table">
                <thead>
                  <tr>
                    <th scope="col">{t.bill.stage}</th>
                    <th scope="col">{t.bill.date}</th>
                    <th scope="col">{t.bill.words}</th>
                    <th scope="col">{t.evidence.source}</th>
                    <th scope="col">{t.bill.textColumn}</th>
                    <th scope="col">{t.bill.fingerprint}</th>
                    {models.length ? <th scope="col">{t.bill.againstModel}</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {bill.versions.map((v) => (
                    <tr id={`version-${v.id}`}>
                      <td>{label(VERSION_STAGES, v.stage, lang)}</td>
                      <td class="nowrap"><FactDate date={v.date} precision={v.datePrecision} lang={lang} /></td>
                      <td class="num">{v.wordCount.toLocaleString(lang === 'es' ? 'es-MX' : 'en-US')}</td>
                      <td>{v.sourceUrl ? <SourceCite citation={v.sourceUrl} url={v.sourceUrl} ctx={ctx} bare /> : '—'}</td>
                      <td class="nowrap">
                        <a href={`/api/versions/${encodeURIComponent(v.id)}/text`}>{t.bill.readText}</a>
                        {v.fileId ? (
                          <>
                            {' · '}
                            <a href={`/api/files/${encodeURIComponent(v.fileId)}`}>{t.bill.original}</a>
                          </>
                        ) : null}
                      </td>
                      <td><code title={v.sha256}>{v.sha256.slice(0, 12)}…</code></td>
                      {models.length ? (
                        <td>
                          {models.map((m, i) => (
                            <>
                              {i ? <br /> : null}
                              <a href={`/bills/${encodeURIComponent(bill.id)}/compare?version=${encodeURIComponent(v.id)}&model=${encodeURIComponent(m.id)}`}>{t.bill.compareWith(m.title)}</a>
                            </>
                          ))}
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {bill.versions.length >= 2 ? (
              <form class="version-pick" method="get" action={`/bills/${encodeURIComponent(bill.id)}#redline`}>
                <fieldset>
                  <legend>{t.bill.compareVersions}</legend>
                  <label>
                    {t.bill.from}{' '}
                    <select name="a">
                      {bill.versions.map((v) => (
                        <option value={v.id} selected={v.id === a}>{versionName(v.id)}</option>
                      ))}
                    </select>
                  </label>
                  <label>
                    {t.bill.to}{' '}
                    <select name="b">
                      {bill.versions.map((v) => (
                        <option value={v.id} selected={v.id === b}>{versionName(v.id)}</option>
                      ))}
                    </select>
                  </label>
                  <button type="submit" class="button">{t.bill.showRedline}</button>
                </fieldset>
              </form>
            ) : null}
            {redline ? (
              <section class="redline-section" id="redline" aria-label={t.bill.redlineHeading(versionName(a ?? null), versionName(b ?? null))}>
                <h3>{t.bill.redlineHeading(versionName(pick?.a ?? null), versionName(pick?.b ?? null))}</h3>
                <p class="no-print">
                  <a class="button button-quiet" href={`/bills/${encodeURIComponent(bill.id)}/redline.docx?a=${encodeURIComponent(pick?.a ?? '')}&b=${encodeURIComponent(pick?.b ?? '')}`} download>
                    {t.compare.docx}
                  </a>
                </p>
                {redline}
              </section>
            ) : null}
          </>
        ) : (
          <p class="muted">{t.bill.versionsEmpty}</p>
        )}
        {record ? <AddVersionForm ctx={ctx} billId={bill.id} state={record.version} /> : null}
      </Section>

      <Section id="amendments" title={t.bill.amendments}>
        {bill.amendments.length ? (
          <ul class="amendment-list">
            {bill.amendments.map((am) => (
              <li class="amendment" id={`amendment-${am.id}`} data-fate={am.fate}>
                <div class="amendment-head">
                  <span class={`fate fate-${am.fate}`}>{label(AMENDMENT_FATES, am.fate, lang)}</span>
                  <strong>{am.proposer}</strong>
                  {' · '}
                  <FactDate date={am.date} precision={am.datePrecision} lang={lang} />
                </div>
                <p class="amendment-target">
                  {t.bill.targetVersion}: <a href={`#version-${am.versionId}`}>{versionName(am.versionId)}</a>
                  {am.resultVersionId ? (
                    <>
                      {' · '}
                      {t.bill.resultVersion}: <a href={`#version-${am.resultVersionId}`}>{versionName(am.resultVersionId)}</a>
                    </>
                  ) : null}
                </p>
                <blockquote class="amendment-text">{am.text}</blockquote>
                {am.source ? <SourceCite citation={am.source} url={am.sourceUrl} ctx={ctx} /> : null}
                {record && am.fate === 'pending' ? <DecideForm ctx={ctx} billId={bill.id} amendmentId={am.id} versions={choices} state={record.decision} /> : null}
                {/* A decision refused because the fate was decided meanwhile: said where the form was. */}
                {record && am.fate !== 'pending' && record.decision.amendmentId === am.id && record.decision.error ? (
                  <p class="alert" role="alert" id={`decide-${am.id}-error`}>{record.decision.error}</p>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">{t.bill.amendmentsEmpty}</p>
        )}
        {record ? (
          choices.length ? <AddAmendmentForm ctx={ctx} billId={bill.id} versions={choices} state={record.amendment} /> : <p class="muted">{t.record.needsVersion}</p>
        ) : null}
      </Section>

      <Section id="changes" title={t.changes.title}>
        <ChangeLog entries={data.changes} ctx={ctx} />
      </Section>
    </Layout>
  );
}
