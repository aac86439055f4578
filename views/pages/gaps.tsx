/**
 * `/gaps`: what to research next. Each entity whose status has gaps in its evidence (`domain/gaps.ts`), what each gap
 * asks for, and the facts on record with their sources; the same list as CSV and JSON.
 */
import type { GapsReport } from '../data.js';
import { GAP_KIND_VALUES, GAP_KINDS, type GapKind } from '../../src/domain/vocabulary.js';
import { whatToFind } from '../components/gaps.js';
import { dayText, label } from '../i18n/index.js';
import { Layout, withQuery, type PageCtx } from '../layout.js';
import { EvidenceItem, StatusBadge } from '../components/facts.js';

/**
 * `kind`: the list keeps only the entities with a gap of that kind (the summary cards link to each); the counts stay
 * those of the whole list.
 */
export function GapsPage({ ctx, report, entities, kind, error }: { ctx: PageCtx; report: GapsReport; entities: number; kind?: GapKind; error?: string }) {
  const { t, lang } = ctx;
  const q = `asOf=${report.asOf}&lang=${lang}`;
  const shown = kind ? report.jurisdictions.filter((j) => j.gaps.some((g) => g.kind === kind)) : report.jurisdictions;
  return (
    <Layout ctx={ctx} title={t.gaps.title} section="gaps" description={t.gaps.lede(dayText(report.asOf, lang))}>
      <div class="page-head">
        <h1>{t.gaps.heading}</h1>
        <p class="lede">{t.gaps.lede(dayText(report.asOf, lang))}</p>
      </div>
      {error ? (
        <p class="alert" role="alert">{error}</p>
      ) : null}
      <nav class="summary-cards gap-cards" aria-label={t.gaps.filter}>
        {GAP_KIND_VALUES.map((k) => (
          <a class="summary-card" href={withQuery(ctx, { kind: k === kind ? undefined : k })} data-kind={k} aria-current={k === kind ? 'true' : undefined}>
            <span class="n">{report.totals[k]}</span>
            <span class="what">{label(GAP_KINDS, k, lang)}</span>
          </a>
        ))}
      </nav>
      <p class="gaps-meta">
        {t.gaps.entities(report.jurisdictions.length, entities)}
        {kind ? (
          <>
            {' · '}
            <a href={withQuery(ctx, { kind: undefined })}>{t.gaps.showAll}</a>
          </>
        ) : null}
        {' · '}
        {t.gaps.downloads} <a href={`/api/gaps.csv?${q}`} download>CSV</a>, <a href={`/api/gaps?${q}`}>JSON</a>
      </p>
      {report.jurisdictions.length === 0 ? <p class="empty">{t.gaps.none}</p> : null}
      <ol class="gap-list">
        {shown.map((j) => (
          <li class="gap-entity" id={j.id}>
            <h2 class="gap-entity-head">
              <a href={`/states/${j.id}`}>{j.name}</a> <StatusBadge status={j.status} lang={lang} />
            </h2>
            <ul class="gaps">
              {j.gaps.map((g) => (
                <li class="gap" data-kind={g.kind}>
                  <p>
                    <strong>{g.label}.</strong> {whatToFind(g, ctx)}
                  </p>
                  {'evidence' in g && g.evidence.length ? (
                    <ul class="evidence-list">
                      {g.evidence.map((ev) => (
                        <EvidenceItem ev={ev} ctx={ctx} />
                      ))}
                    </ul>
                  ) : null}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </Layout>
  );
}
