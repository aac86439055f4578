/**
 * The forms with which a signed-in editor records facts from the pages, as the API records them: a dated action and a
 * version of the text on a bill's page (`POST /bills/:id/actions` and `/versions`, as `POST /api/bills/:id/actions`
 * and `/versions`), and a new bill on a state's page (`POST /states/:id/bills`, as `POST /api/bills`). Every fact asks
 * for its source and its confidence.
 */
import type { Child } from 'hono/jsx';
import { ACTION_CLASSIFICATIONS, AMENDMENT_FATES, BILL_KINDS, CONFIDENCES, VERSION_STAGES } from '../../src/domain/vocabulary.js';
import { withQuery, type PageCtx } from '../layout.js';
import { CsrfField, FileField, TextArea, TextField, VocabularySelect, type FormState } from './form.js';

export interface ActionFormValues {
  date?: string;
  classification?: string;
  description?: string;
  source?: string;
  confidence?: string;
  notes?: string;
}

export interface BillFormValues {
  title?: string;
  identifier?: string;
  kind?: string;
  harmonizes?: string;
  source?: string;
  confidence?: string;
  notes?: string;
}

export interface VersionFormValues {
  stage?: string;
  date?: string;
  sourceUrl?: string;
  text?: string;
}

export interface AmendmentFormValues {
  versionId?: string;
  proposer?: string;
  date?: string;
  text?: string;
  source?: string;
}

export interface DecisionFormValues {
  fate?: string;
  resultVersionId?: string;
}

export type ActionFormState = FormState<ActionFormValues>;
export type VersionFormState = FormState<VersionFormValues>;
export type AmendmentFormState = FormState<AmendmentFormValues>;
/** The decision on one pending amendment: what was typed and why it was refused belong to `amendmentId`'s form. */
export type DecisionFormState = FormState<DecisionFormValues> & { amendmentId?: string };
/** A bill page's forms, for one editor: what was typed and why it was refused belongs to the one posted. */
export interface BillForms {
  action: ActionFormState;
  version: VersionFormState;
  amendment: AmendmentFormState;
  decision: DecisionFormState;
}

/** A version as the amendment forms offer it: its id and how the page names it. */
export type VersionChoice = { id: string; name: string };

function VersionSelect(props: { id: string; name: string; label: string; help: string; versions: VersionChoice[]; value?: string; placeholder: string; required?: boolean }) {
  const { id, name, label, help, versions, value, placeholder, required } = props;
  return (
    <div>
      <label for={id}>{label}</label>
      <p class="help" id={`${id}-help`}>{help}</p>
      <select id={id} name={name} required={required} aria-describedby={`${id}-help`}>
        <option value="" selected={!value}>{placeholder}</option>
        {versions.map((v) => (
          <option value={v.id} selected={v.id === value}>{v.name}</option>
        ))}
      </select>
    </div>
  );
}

export function AddAmendmentForm({ ctx, billId, versions, state }: { ctx: PageCtx; billId: string; versions: VersionChoice[]; state: AmendmentFormState }) {
  const { t } = ctx;
  const v = state.values ?? {};
  return (
    <RecordForm ctx={ctx} id="add-amendment" heading={t.record.amendmentHeading} lede={t.record.amendmentLede} action={`/bills/${encodeURIComponent(billId)}/amendments`} state={state} submit={t.record.amendmentSubmit}>
      <VersionSelect id="amendment-version" name="versionId" label={t.record.targetVersion} help={t.record.targetVersionHelp} versions={versions} value={v.versionId} placeholder={t.record.choose} required />
      <TextField id="amendment-proposer" name="proposer" label={t.record.proposer} help={t.record.proposerHelp} value={v.proposer} maxlength={500} required />
      <TextField id="amendment-date" name="date" label={t.record.date} help={t.record.dateHelp} value={v.date} maxlength={40} required />
      <TextArea id="amendment-text" name="text" label={t.record.amendmentText} help={t.record.amendmentTextHelp} value={v.text} rows={5} />
      <TextField id="amendment-source" name="source" label={t.record.sourceOptional} help={t.record.sourceHelp} value={v.source} maxlength={2000} />
    </RecordForm>
  );
}

/** The fates a decision gives: every one but pending. */
const DECIDED_FATES = Object.fromEntries(Object.entries(AMENDMENT_FATES).filter(([fate]) => fate !== 'pending'));

/** The decision on a pending amendment, under it: its fate, and the version it produced when adopted. */
export function DecideForm({ ctx, billId, amendmentId, versions, state }: { ctx: PageCtx; billId: string; amendmentId: string; versions: VersionChoice[]; state: DecisionFormState }) {
  const { t, lang } = ctx;
  const mine = state.amendmentId === amendmentId;
  const v = mine ? (state.values ?? {}) : {};
  const id = `decide-${amendmentId}`;
  return (
    <form class="decide-form" id={id} method="post" action={withQuery(ctx, {}, `/bills/${encodeURIComponent(billId)}/amendments/${encodeURIComponent(amendmentId)}/decision`)} enctype="multipart/form-data">
      <CsrfField csrf={state.csrf} />
      {mine && state.error ? (
        <p class="alert" role="alert" id={`${id}-error`}>{state.error}</p>
      ) : null}
      <VocabularySelect id={`${id}-fate`} name="fate" label={t.record.fate} help={t.record.fateHelp} table={DECIDED_FATES} lang={lang} value={v.fate} placeholder={t.record.choose} />
      <VersionSelect id={`${id}-result`} name="resultVersionId" label={t.record.resultVersion} help={t.record.resultVersionHelp} versions={versions} value={v.resultVersionId} placeholder={t.record.noResult} />
      <button type="submit" class="button button-quiet">{t.record.decisionSubmit}</button>
    </form>
  );
}
export type BillFormState = FormState<BillFormValues>;

/** A record form: its heading, what it records, the error of a refused post, and its fields with a submit button. */
function RecordForm(props: { ctx: PageCtx; id: string; heading: string; lede: string; action: string; state: FormState<unknown>; submit: string; children: Child }) {
  const { ctx, id, heading, lede, action, state, submit, children } = props;
  return (
    <section class="record-form" id={id} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      <p class="help">{lede}</p>
      {state.error ? (
        <p class="alert" role="alert" id={`${id}-error`}>{state.error}</p>
      ) : null}
      <form class="compare-form" method="post" action={withQuery(ctx, {}, action)} enctype="multipart/form-data">
        <CsrfField csrf={state.csrf} />
        {children}
        <div class="compare-actions">
          <button type="submit" class="button">{submit}</button>
        </div>
      </form>
    </section>
  );
}

export function AddActionForm({ ctx, billId, state }: { ctx: PageCtx; billId: string; state: ActionFormState }) {
  const { t, lang } = ctx;
  const v = state.values ?? {};
  return (
    <RecordForm ctx={ctx} id="add-action" heading={t.record.actionHeading} lede={t.record.actionLede} action={`/bills/${encodeURIComponent(billId)}/actions`} state={state} submit={t.record.actionSubmit}>
      <TextField id="action-date" name="date" label={t.record.date} help={t.record.dateHelp} value={v.date} maxlength={40} required />
      <VocabularySelect id="action-classification" name="classification" label={t.record.classification} help={t.record.classificationHelp} table={ACTION_CLASSIFICATIONS} lang={lang} value={v.classification} placeholder={t.record.choose} />
      <TextField id="action-description" name="description" label={t.record.description} help={t.record.descriptionHelp} value={v.description} maxlength={5000} required />
      <SourceAndConfidence ctx={ctx} prefix="action" values={v} />
    </RecordForm>
  );
}

export function AddVersionForm({ ctx, billId, state }: { ctx: PageCtx; billId: string; state: VersionFormState }) {
  const { t, lang } = ctx;
  const v = state.values ?? {};
  return (
    <RecordForm ctx={ctx} id="add-version" heading={t.record.versionHeading} lede={t.record.versionLede} action={`/bills/${encodeURIComponent(billId)}/versions`} state={state} submit={t.record.versionSubmit}>
      <VocabularySelect id="version-stage" name="stage" label={t.record.stage} help={t.record.stageHelp} table={VERSION_STAGES} lang={lang} value={v.stage} placeholder={t.record.choose} />
      <TextField id="version-date" name="date" label={t.record.date} help={t.record.dateHelp} value={v.date} maxlength={40} required />
      <TextField id="version-source-url" name="sourceUrl" label={t.record.sourceUrl} help={t.record.sourceUrlHelp} value={v.sourceUrl} maxlength={2000} />
      <TextArea id="version-text" name="text" label={t.record.text} help={t.record.textHelp} value={v.text} rows={8} />
      <FileField id="version-file" label={t.record.upload} help={t.record.uploadHelp} />
    </RecordForm>
  );
}

export function AddBillForm({ ctx, jurisdictionId, state }: { ctx: PageCtx; jurisdictionId: string; state: BillFormState }) {
  const { t, lang } = ctx;
  const v = state.values ?? {};
  return (
    <RecordForm ctx={ctx} id="add-bill" heading={t.record.billHeading} lede={t.record.billLede} action={`/states/${encodeURIComponent(jurisdictionId)}/bills`} state={state} submit={t.record.billSubmit}>
      <TextField id="bill-title" name="title" label={t.record.title} help={t.record.titleHelp} value={v.title} maxlength={2000} required />
      <TextField id="bill-identifier" name="identifier" label={t.record.identifier} help={t.record.identifierHelp} value={v.identifier} maxlength={200} />
      <VocabularySelect id="bill-kind" name="kind" label={t.record.kind} help={t.record.kindHelp} table={BILL_KINDS} lang={lang} value={v.kind} placeholder={t.record.choose} />
      <div class="checkbox-field">
        <input type="checkbox" id="bill-harmonizes" name="harmonizes" value="yes" checked={v.harmonizes === 'yes'} aria-describedby="bill-harmonizes-help" />
        <label for="bill-harmonizes">{t.record.harmonizes}</label>
        <p class="help" id="bill-harmonizes-help">{t.record.harmonizesHelp}</p>
      </div>
      <SourceAndConfidence ctx={ctx} prefix="bill" values={v} />
    </RecordForm>
  );
}

/** What every recorded fact carries: where it comes from, how sure that source is, and notes. */
function SourceAndConfidence({ ctx, prefix, values }: { ctx: PageCtx; prefix: string; values: { source?: string; confidence?: string; notes?: string } }) {
  const { t, lang } = ctx;
  return (
    <>
      <TextField id={`${prefix}-source`} name="source" label={t.record.source} help={t.record.sourceHelp} value={values.source} maxlength={2000} required />
      <VocabularySelect id={`${prefix}-confidence`} name="confidence" label={t.record.confidence} help={t.record.confidenceHelp} table={CONFIDENCES} lang={lang} value={values.confidence} placeholder={t.record.choose} />
      <TextArea id={`${prefix}-notes`} name="notes" label={t.record.notes} help={t.record.notesHelp} value={values.notes} />
    </>
  );
}
