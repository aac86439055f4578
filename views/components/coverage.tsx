/**
 * A jurisdiction's latest text against a model, in brief: which text, which model (a form to choose another), the
 * summary cards, and a link to the full article-by-article comparison.
 */
import { VERSION_STAGES } from '../../src/domain/vocabulary.js';
import type { BillDetail } from '../../src/db/bills.js';
import { sortKey } from '../../src/domain/partial-date.js';
import { factDate, label } from '../i18n/index.js';
import type { PageCtx } from '../layout.js';
import type { ModelOption } from '../pages/compare.js';
import { SummaryCards, type ResultView } from './redline.js';

type Version = BillDetail['versions'][number];

/** The most recent version among a jurisdiction's bills (by its date, then by when it was stored). */
export function latestVersion(bills: BillDetail[]): { bill: BillDetail; version: Version } | undefined {
  const all = bills.flatMap((bill) => bill.versions.map((version) => ({ bill, version })));
  const key = (v: Version) => `${sortKey({ value: v.date.replace(/\s*\(.*\)$/, ''), precision: v.datePrecision as never })}|${v.createdAt}`;
  return all.sort((a, b) => key(a.version).localeCompare(key(b.version))).at(-1);
}

/**
 * The brief; without `comparison`, the version is the chosen model's own text, and the block says so instead of
 * comparing it with itself.
 */
export function CoverageBlock({ ctx, models, model, bill, version, comparison }: {
  ctx: PageCtx;
  models: ModelOption[];
  model: ModelOption;
  bill: BillDetail;
  version: Version;
  comparison?: { id: string; result: ResultView };
}) {
  const { t, lang } = ctx;
  const modelLink = <a href={`/models/${encodeURIComponent(model.id)}`}>{model.title}</a>;
  return (
    <div class="coverage-block">
      <p>
        <a href={`/bills/${encodeURIComponent(bill.id)}`}>{bill.title}</a> — {t.compare.ofVersion(`${label(VERSION_STAGES, version.stage, lang)}, ${factDate(version.date, version.datePrecision, lang)}`)}
      </p>
      {models.length > 1 ? (
        <form method="get" action="#coverage" class="model-pick">
          <label for="coverage-model">{t.compare.chooseModel}</label>{' '}
          <select id="coverage-model" name="model">
            {models.map((m) => (
              <option value={m.id} selected={m.id === model.id}>{m.title}</option>
            ))}
          </select>{' '}
          <button type="submit" class="button button-quiet">{t.home.show}</button>
        </form>
      ) : null}
      {comparison ? (
        <>
          <p class="muted">
            {t.compare.versus} {modelLink}
          </p>
          <SummaryCards result={comparison.result} ctx={ctx} />
          <p>
            <a class="button" href={`/compare/${comparison.id}`}>{t.compare.seeFull}</a>
          </p>
        </>
      ) : (
        <p>
          {t.state.isModel} {modelLink}
        </p>
      )}
    </div>
  );
}
