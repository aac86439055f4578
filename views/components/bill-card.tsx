/**
 * A bill as a card on its jurisdiction's page: title, kind, how far it went, its source and confidence, notes, and its
 * actions, versions and amendments in brief.
 */
import { ACTION_CLASSIFICATIONS, BILL_KINDS, VERSION_STAGES, AMENDMENT_FATES } from '../../src/domain/vocabulary.js';
import type { BillDetail } from '../../src/db/bills.js';
import { label } from '../i18n/index.js';
import type { PageCtx } from '../layout.js';
import { Confidence, FactDate, Notes, SourceCite, StatusBadge } from './facts.js';

export function ActionsTable({ bill, ctx }: { bill: BillDetail; ctx: PageCtx }) {
  const { t, lang } = ctx;
  if (!bill.actions.length) return <p class="muted">{t.bill.actionsEmpty}</p>;
  return (
    <div class="table-scroll" tabindex={0}>
      <table class="facts-table">
        <thead>
          <tr>
            <th scope="col">{t.bill.date}</th>
            <th scope="col">{t.bill.action}</th>
            <th scope="col">{t.evidence.source}</th>
            <th scope="col">{t.evidence.confidence}</th>
          </tr>
        </thead>
        <tbody>
          {bill.actions.map((a) => (
            <tr>
              <td class="nowrap"><FactDate date={a.date} precision={a.datePrecision} lang={lang} /></td>
              <td>
                <strong>{label(ACTION_CLASSIFICATIONS, a.classification, lang)}</strong>
                {a.reaches ? <> <StatusBadge status={a.reaches} lang={lang} /></> : null}
                <div class="action-desc">{a.description}</div>
                <Notes notes={a.notes} ctx={ctx} />
              </td>
              <td><SourceCite citation={a.source} url={a.sourceUrl} ctx={ctx} bare /></td>
              <td><Confidence level={a.confidence} ctx={ctx} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A bill's facts; `federal` for a bill of the federation, which harmonizes nothing (the model is federal law). */
export function BillMeta({ bill, ctx, federal }: { bill: BillDetail; ctx: PageCtx; federal: boolean }) {
  const { t, lang } = ctx;
  return (
    <dl class="meta-list">
      <div><dt>{t.bill.kind}</dt><dd>{label(BILL_KINDS, bill.kind, lang)}</dd></div>
      {bill.identifier ? <div><dt>{t.bill.identifier}</dt><dd>{bill.identifier}</dd></div> : null}
      <div><dt>{t.bill.reaches}</dt><dd><StatusBadge status={bill.status} lang={lang} /></dd></div>
      <div><dt>{t.bill.harmonizes}</dt><dd>{federal ? t.bill.federalNotApplicable : bill.harmonizes ? t.bill.yes : t.bill.no}</dd></div>
      {bill.sponsors.length ? <div><dt>{t.bill.sponsors}</dt><dd>{bill.sponsors.join(', ')}</dd></div> : null}
      <div><dt>{t.evidence.confidence}</dt><dd><Confidence level={bill.confidence} ctx={ctx} /></dd></div>
      {bill.source ? <div class="meta-wide"><dt>{t.evidence.source}</dt><dd><SourceCite citation={bill.source} url={bill.sourceUrl} ctx={ctx} bare /></dd></div> : null}
    </dl>
  );
}

export function BillCard({ bill, ctx, federal }: { bill: BillDetail; ctx: PageCtx; federal: boolean }) {
  const { t, lang } = ctx;
  return (
    <article class="bill-card" id={`bill-${bill.id}`}>
      <h3 class="bill-title">
        <a href={`/bills/${encodeURIComponent(bill.id)}`}>{bill.title}</a>
      </h3>
      <BillMeta bill={bill} ctx={ctx} federal={federal} />
      <Notes notes={bill.notes} ctx={ctx} />
      <details class="bill-actions" open={bill.actions.length <= 4}>
        <summary>{t.bill.actions} ({bill.actions.length})</summary>
        <ActionsTable bill={bill} ctx={ctx} />
      </details>
      {bill.versions.length ? (
        <p class="bill-versions">
          {t.bill.versions}:{' '}
          {bill.versions.map((v, i) => (
            <>
              {i ? ', ' : ''}
              <a href={`/bills/${encodeURIComponent(bill.id)}#version-${v.id}`}>{label(VERSION_STAGES, v.stage, lang)}</a> (<FactDate date={v.date} precision={v.datePrecision} lang={lang} />)
            </>
          ))}
        </p>
      ) : null}
      {bill.amendments.length ? (
        <p class="bill-amendments">
          {t.bill.amendments}:{' '}
          {bill.amendments.map((a, i) => (
            <>
              {i ? ', ' : ''}
              {a.proposer} — {label(AMENDMENT_FATES, a.fate, lang)}
            </>
          ))}
        </p>
      ) : null}
    </article>
  );
}
