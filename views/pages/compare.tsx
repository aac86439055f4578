/**
 * `/compare`: paste a draft or upload a file, choose a model, and get the article-by-article view at a permalink,
 * `/compare/:id` (the same stored comparison as `GET /api/compare/:id`). The form posts to the page itself and works
 * without JavaScript; the result prints as a clean redline (see the print rules in app.css).
 */
import { dayText } from '../i18n/index.js';
import { warningText } from '../i18n/engine-warnings.js';
import { Layout, withQuery, type PageCtx } from '../layout.js';
import { AddedList, MissingList, Provisions, SummaryCards, type RedlineView, type ResultView, type Unit } from '../components/redline.js';
import { Breadcrumbs, Section } from './state.js';
import { CsrfField, FileField, TextField, type FormState } from '../components/form.js';

export interface ModelOption {
  id: string;
  title: string;
  date: string;
  /** SHA-256 of the model's text. */
  sha256: string;
}

export interface CompareFormValues {
  model?: string;
  label?: string;
  text?: string;
}

/** What the "Add a model text" form was sent with (a file is never sent back). */
export interface ModelFormValues {
  title?: string;
  language?: string;
  source?: string;
  date?: string;
  text?: string;
}

/**
 * The "Add a model text" form, for editors: `csrf` is the session's token (null for a bearer token, which a browser
 * never sends on its own), `error` the reason the last sending was refused.
 */
export type AddModelState = FormState<ModelFormValues>;


/**
 * `addModel` is the editor's form (omitted for a visitor who may not add models, who is told how to sign in when there
 * is no model yet).
 */
export function ComparePage({ ctx, models, values = {}, error, addModel }: { ctx: PageCtx; models: ModelOption[]; values?: CompareFormValues; error?: string; addModel?: AddModelState }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t.compare.title} section="compare" scripts={['compare.js']} description={t.compare.lede}>
      <div class="page-head">
        <h1>{t.compare.heading}</h1>
        <p class="lede">{t.compare.lede}</p>
      </div>
      {error ? (
        <p class="alert" role="alert" id="compare-error">{error}</p>
      ) : null}
      {models.length ? (
        <form class="compare-form" id="compare-form" method="post" action={withQuery(ctx, {}, '/compare')} enctype="multipart/form-data" data-working={t.compare.working}>
          <div>
            <label for="model">{t.compare.model}</label>
            <p class="help" id="model-help">{t.compare.modelHelp}</p>
            <select id="model" name="model" required aria-describedby="model-help">
              {models.map((m) => (
                <option value={m.id} selected={m.id === values.model}>{m.title}</option>
              ))}
            </select>
            <p class="help">
              {t.model.readModel}:{' '}
              {models.map((m, i) => (
                <>
                  {i ? ' · ' : ''}
                  <a href={`/models/${encodeURIComponent(m.id)}`}>{m.title}</a>
                </>
              ))}
            </p>
          </div>
          <TextField id="label" name="label" label={t.compare.draftLabel} help={t.compare.draftLabelHelp} value={values.label} maxlength={300} />
          <div>
            <label for="text">{t.compare.paste}</label>
            <p class="help" id="text-help">{t.compare.pasteHelp}</p>
            <textarea id="text" name="text" rows={14} aria-describedby="text-help" spellcheck={false}>{values.text ?? ''}</textarea>
          </div>
          <FileField id="file" label={t.compare.upload} help={t.compare.uploadHelp} />
          <div class="compare-actions">
            <button type="submit" class="button" id="compare-submit">{t.compare.submit}</button>
            <span class="compare-status muted" role="status" aria-live="polite"></span>
          </div>
        </form>
      ) : addModel ? (
        <p class="notice">{t.addModel.noModels}</p>
      ) : (
        <p class="notice">
          {t.compare.noModels} <a href={`/signin?next=${encodeURIComponent(withQuery(ctx, {}, '/compare'))}`}>{t.addModel.signIn}</a>
        </p>
      )}
      {addModel ? <AddModelForm ctx={ctx} state={addModel} /> : null}
    </Layout>
  );
}

// Posts to /compare/models (multipart: title, language, source, date, text or file, and the session's CSRF token).
function AddModelForm({ ctx, state }: { ctx: PageCtx; state: AddModelState }) {
  const { t } = ctx;
  const v = state.values ?? {};
  const language = v.language ?? ctx.lang;
  return (
    <section class="add-model" id="add-model" aria-labelledby="add-model-heading">
      <h2 id="add-model-heading">{t.addModel.heading}</h2>
      <p class="help">{t.addModel.lede}</p>
      {state.error ? (
        <p class="alert" role="alert" id="add-model-error">{state.error}</p>
      ) : null}
      <form class="compare-form" method="post" action={withQuery(ctx, {}, '/compare/models')} enctype="multipart/form-data">
        <CsrfField csrf={state.csrf} />
        <TextField id="model-title" name="title" label={t.addModel.title} help={t.addModel.titleHelp} value={v.title} maxlength={500} required />
        <div>
          <label for="model-language">{t.addModel.language}</label>
          <select id="model-language" name="language">
            {(['es', 'en'] as const).map((l) => (
              <option value={l} selected={l === language}>{t.languageNames[l]}</option>
            ))}
          </select>
        </div>
        <TextField id="model-source" name="source" label={t.addModel.source} help={t.addModel.sourceHelp} value={v.source} maxlength={2000} />
        <TextField id="model-date" name="date" label={t.addModel.date} help={t.addModel.dateHelp} value={v.date} maxlength={40} />
        <div>
          <label for="model-text">{t.addModel.paste}</label>
          <textarea id="model-text" name="text" rows={10} spellcheck={false}>{v.text ?? ''}</textarea>
        </div>
        <FileField id="model-file" label={t.addModel.upload} help={t.addModel.uploadHelp} />
        <div class="compare-actions">
          <button type="submit" class="button">{t.addModel.submit}</button>
        </div>
      </form>
    </section>
  );
}

export interface StoredComparisonView {
  id: string;
  createdAt: string;
  model: { id: string; title: string };
  bill: { label: string; words: number };
  billUnits: Unit[];
  result: ResultView;
}

/**
 * What the owner of a result is told about who can read it: a private one (with the session's CSRF token for its
 * share form, or null for a bearer token), or one shared with anyone who has the link.
 */
export type ResultAccess = { shared: false; csrf: string | null } | { shared: true };

function AccessNote({ ctx, id, access }: { ctx: PageCtx; id: string; access: ResultAccess }) {
  const { t } = ctx;
  if (access.shared) return <p class="notice access-note no-print">{t.compare.sharedNote}</p>;
  return (
    <form class="notice access-note no-print" method="post" action={`/compare/${encodeURIComponent(id)}/share`}>
      <p>{t.compare.privateNote}</p>
      <CsrfField csrf={access.csrf} />
      <button type="submit" class="button">{t.compare.share}</button>
    </form>
  );
}

export function CompareResultPage(props: { ctx: PageCtx; stored: StoredComparisonView; modelUnits: Unit[]; view: RedlineView; permalink: string; access?: ResultAccess }) {
  const { ctx, stored, modelUnits, view, permalink, access } = props;
  const { t, lang } = ctx;
  const r = stored.result;
  const coarse = r.pairs.some((p) => p.coarse);
  return (
    <Layout ctx={ctx} title={`${stored.bill.label} · ${t.compare.resultTitle}`} section="compare" scripts={['compare.js']}>
      <Breadcrumbs ctx={ctx} items={[[t.nav.compare, '/compare'], [t.compare.resultTitle, null]]} />
      <div class="page-head result-head">
        <p class="eyebrow">{t.compare.resultTitle}</p>
        <h1 class="bill-heading">{stored.bill.label}</h1>
        <p class="lede">
          {t.compare.versus} <strong><a href={`/models/${encodeURIComponent(stored.model.id)}`}>{stored.model.title}</a></strong> · {t.compare.words(stored.bill.words.toLocaleString(lang === 'es' ? 'es-MX' : 'en-US'))} · {t.compare.computed(dayText(stored.createdAt.slice(0, 10), lang))}
        </p>
        <p class="print-only">{t.compare.permalink}: {permalink}</p>
        <div class="result-actions no-print">
          <button type="button" class="button" data-print hidden>
            {t.compare.print}
          </button>
          <a class="button button-quiet" href="/compare">{t.compare.againLink}</a>
          <a class="button button-quiet" href={withQuery(ctx, { view: undefined }, `/compare/${stored.id}/redline.docx`)} download>{t.compare.docx}</a>
          <a class="button button-quiet" href={`/api/compare/${stored.id}/coverage.csv`} download>{t.compare.coverageCsv}</a>
          <a class="button button-quiet" href={`/api/compare/${stored.id}`}>{t.compare.dataJson}</a>
          <label class="permalink">
            <span>{t.compare.permalink}</span>
            <input type="text" readonly value={permalink} class="permalink-input" />
          </label>
        </div>
        {access ? <AccessNote ctx={ctx} id={stored.id} access={access} /> : null}
      </div>
      {r.warnings.length || coarse ? (
        <div class="notice">
          {coarse ? <p>{t.compare.coarse}</p> : null}
          {r.warnings.length ? (
            <ul>
              {r.warnings.map((w) => (
                <li>{warningText(w, lang)}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}

      <Section id="summary" title={t.compare.summary}>
        <SummaryCards result={r} ctx={ctx} />
      </Section>

      <Section id="missing" title={`${t.compare.missingHeading} (${r.summary.missing})`}>
        <MissingList result={r} modelUnits={modelUnits} ctx={ctx} />
      </Section>

      <Section id="articles" title={t.compare.redlineHeading}>
        <div class="redline-tools">
          <div class="view-switch no-print" role="group" aria-label={t.compare.redlineHeading}>
            <a href={withQuery(ctx, { view: undefined }) + '#articles'} aria-current={view === 'inline' ? 'true' : undefined}>{t.compare.inline}</a>
            <a href={withQuery(ctx, { view: 'side' }) + '#articles'} aria-current={view === 'side' ? 'true' : undefined}>{t.compare.sideBySide}</a>
          </div>
          <p class="redline-legend">
            <span><ins>{t.compare.inserted}</ins></span>
            <span><del>{t.compare.deleted}</del></span>
            <span>{t.compare.spacingUnmarked}</span>
          </p>
        </div>
        <Provisions result={r} modelUnits={modelUnits} billUnits={stored.billUnits} ctx={ctx} view={view} />
      </Section>

      <Section id="added" title={`${t.compare.addedHeading} (${r.summary.added})`}>
        <AddedList result={r} billUnits={stored.billUnits} ctx={ctx} />
      </Section>
    </Layout>
  );
}
