/**
 * The pages: server-rendered `hono/jsx`, readable without JavaScript, enhanced by small external scripts.
 *
 *   /                 map of the entities at a date (`?asOf=YYYY-MM-DD`), slider, legend, table, downloads
 *   /partials/status  the parts of `/` that change with the date (legend, summary, table), for the slider
 *   /embed/map        the map alone, for iframes on other sites (framing allowed from anywhere)
 *   /map.svg          the map as a standalone SVG file
 *   /timeline         national timeline (mermaid, with its source and an HTML list)
 *   /gaps             what is missing from the evidence of each status: what to research next
 *   /states, /states/:id, /bills/:id, /compare, /models/:id
 *   /assets/*         CSS, scripts, the mermaid ESM bundle (see `assets.ts` for how each runtime serves them)
 *
 * Editors' forms post to /compare/models, /states/:id/bills, /bills/:id/actions and /bills/:id/versions, which check
 * and write as the API does; an owner shares a private comparison at /compare/:id/share.
 *
 * The federation shown, its map and its heading are data (`loadSite`). Pages read data only through `data.ts` (the
 * API's own data functions) and render through `PageCache` (ETag, 304, rendered pages kept while their data is
 * unchanged); a page that carries an editor's CSRF token is rendered for that request only. Security: every value is escaped by hono/jsx (no raw HTML
 * anywhere), and a strict Content-Security-Policy allows scripts from our origin only — no inline script, no eval.
 * Styles allow `'unsafe-inline'` because mermaid writes `<style>` and `style=""` into the SVG it draws.
 */
import { Hono, type Context } from 'hono';
import type { z } from 'zod';
import type { Child } from 'hono/jsx';
import { secureHeaders } from 'hono/secure-headers';
import { csrf } from 'hono/csrf';
import { bodyLimit } from 'hono/body-limit';
import { isCalendarDay } from '../src/domain/partial-date.js';
import type { Actor, AppEnv } from '../src/app-env.js';
import { assetSource, contentType, paletteCss, type AssetLoader } from './assets.js';
import { acceptsGzip, etagMatches, gzip } from '../src/lib/http-cache.js';
import { Lru } from '../src/lib/lru.js';
import { PageCache } from './cache.js';
import { loadBill, loadSite, loadState, loadStatus, loadTimeline, today, type BillData, type SiteData } from './data.js';
import { pickLang, type Lang } from './i18n/index.js';
import { documentHtml, pageCtx, type PageCtx } from './layout.js';
import { LocatorMap, StandaloneSvg } from './components/map.js';
import { GAP_KIND_VALUES, STATUS_VALUES, type Status } from '../src/domain/vocabulary.js';
import { SORT_KEYS, type SortDir, type SortKey } from './components/status-table.js';
import { EmbedPage, HomePage, LiveParts } from './pages/home.js';
import { StatePage } from './pages/state.js';
import { BillPage, versionNameOf } from './pages/bill.js';
import { NotFoundPage, SignInPage, StatesPage, TimelinePage } from './pages/misc.js';
import { ComparePage, CompareResultPage, type ResultAccess, type CompareFormValues, type ModelFormValues, type ModelOption } from './pages/compare.js';
import { ModelPage } from './pages/model.js';
import type { FormState } from './components/form.js';
import type { BillForms, BillFormValues } from './components/record-forms.js';
import { GapsPage } from './pages/gaps.js';
import { gapsOf } from '../src/api/gap-routes.js';
import { DOCX_TYPE, redlineDocx } from './exports/redline-docx.js';
import { loadModelDetail } from '../src/analysis/model-detail.js';
import { Provisions, type RedlineView } from './components/redline.js';
import { CoverageBlock, latestVersion } from './components/coverage.js';
import { getVersion } from '../src/db/bills.js';
import { comparisonAccess, compareVersion, compareWithModel, diffTexts, getComparison, modelUnits, segmentCached, shareComparison, viewerOf } from '../src/analysis/comparisons.js';
import { readUpload, MAX_UPLOAD_BYTES } from '../src/api/upload-routes.js';
import { multipartText } from '../src/api/unicode.js';
import { createModel, listModels } from '../src/db/models.js';
import { planFile } from '../src/db/files.js';
import { addAction, addAmendment, amendmentBill, createBill, decideAmendment, planVersion } from '../src/db/bill-writes.js';
import { ROLE_RANK } from '../src/db/users.js';
import { invalidFields } from '../src/api/errors.js';
import { AmendmentDecision, ModelFields, ModelText, NewAction, NewAmendment, NewBill, NewVersion } from '../src/api/schemas.js';
import { UserError } from '../src/lib/errors.js';

export type { AssetLoader } from './assets.js';

export interface PagesOptions {
  /** Reads `/assets/*` files; omit where the platform serves them (Workers assets). */
  assets?: AssetLoader;
  /**
   * gzip pages and text assets for clients that accept it, once per rendered page (default false). Node turns it on;
   * on Workers leave it off: the platform compresses at the edge, and a body it is told is gzip would be gzipped again.
   */
  compress?: boolean;
}

const CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
};

const pageHeaders = secureHeaders({ contentSecurityPolicy: { ...CSP, frameAncestors: ["'self'"] }, referrerPolicy: 'strict-origin-when-cross-origin' });
const embedHeaders = secureHeaders({ contentSecurityPolicy: { ...CSP, frameAncestors: ['*'] }, xFrameOptions: false, referrerPolicy: 'strict-origin-when-cross-origin', crossOriginResourcePolicy: 'cross-origin' });

/**
 * A form, read once as bytes. A multipart form's text fields are read as sent (unicode.ts): one that is not valid
 * UTF-8 is refused (its name is returned), not decoded into U+FFFD, and a leading U+FEFF is kept. Neither form nor
 * field: the body is not a form.
 */
async function readForm(c: Context<AppEnv>): Promise<{ form: FormData; field: (name: string) => string | undefined } | { form?: undefined; badField: string | null }> {
  let form: FormData;
  let text: ReturnType<typeof multipartText>;
  try {
    const contentType = c.req.header('Content-Type') ?? '';
    const body = new Uint8Array(await c.req.arrayBuffer());
    text = multipartText(body, contentType);
    if (text && 'badField' in text) return { badField: text.badField };
    form = await new Response(body, { headers: { 'Content-Type': contentType } }).formData();
  } catch {
    return { badField: null };
  }
  const exact = text && 'fields' in text ? text.fields : undefined;
  const field = (name: string) => {
    const v = form.get(name);
    return typeof v === 'string' ? (exact?.get(name) ?? v) : undefined;
  };
  return { form, field };
}

/** A stored comparison with its model's units, for its page and its exports; keyed by viewer, so a private comparison is never served from the cache to someone else. */
function comparisonData(c: Context<AppEnv>, id: string, viewer: string | null) {
  return c.var.reads.derive(`compare|${id}|${viewer ?? ''}`, async () => {
    const stored = await getComparison(c.var.store.db, id, viewer);
    return stored ? { stored, modelUnits: (await modelUnits(c.var.store.db, stored.model.id)) ?? [] } : undefined;
  });
}

/**
 * The redline between two versions of a bill (`a` → `b`), as GET /api/versions/:a/diff/:b computes it; undefined unless
 * both are versions of this bill.
 */
async function versionDiff(c: Context<AppEnv>, bill: BillData['bill'], pick: { a?: string; b?: string }) {
  const ids = new Set(bill.versions.map((v) => v.id));
  if (!pick.a || !pick.b || !ids.has(pick.a) || !ids.has(pick.b)) return undefined;
  return c.var.reads.derive(`diff|${pick.a}|${pick.b}`, async () => {
    const [left, right] = await Promise.all([getVersion(c.var.store.db, pick.a!), getVersion(c.var.store.db, pick.b!)]);
    return left && right ? diffTexts(left.text, right.text) : undefined;
  });
}

/** A .docx download, written in the reader's language (query, cookie or Accept-Language): not for shared caches. */
function docxFile(c: Context<AppEnv>, bytes: Uint8Array<ArrayBuffer>, name: string) {
  return c.body(bytes, 200, {
    'Content-Type': DOCX_TYPE,
    'Content-Disposition': `attachment; filename="armoniza-${name.replace(/[^\w.-]/g, '_')}.docx"`,
    'Cache-Control': 'private, no-cache',
  });
}

/** The fields of the "Add a model text" form, checked as POST /api/models checks them: with an upload, or a pasted text. */
const UPLOADED_MODEL = ModelFields.strict();
const PASTED_MODEL = ModelFields.extend({ text: ModelText }).strict();

/** A bill's page data, as the page and its Word export read it. */
function billData(c: Context<AppEnv>, id: string) {
  return c.var.reads.derive(`bill|${id}`, () => loadBill(c.var.store.db, id));
}

/** The pages' forms carry an upload of up to MAX_UPLOAD_BYTES and a pasted text beside it. */
const formBodyLimit = () => bodyLimit({ maxSize: MAX_UPLOAD_BYTES + 6 * 1024 * 1024, onError: (c) => c.text('too large', 413) });

/**
 * An editor's form state (adding a model, recording an action or a bill, as the API's writes ask an editor), else
 * null. A signed-in browser sends its session's CSRF token back with the form; a bearer token, which a browser never
 * sends on its own, needs none.
 */
function editorForm(actor: Actor | null | undefined): FormState<never> | null {
  if (!actor || ROLE_RANK[actor.role] < ROLE_RANK.editor) return null;
  return { csrf: actor.via === 'session' ? (actor.csrf ?? '') : null };
}

/**
 * An editor's form post, read once: its fields, or why it is refused as the API refuses a write (401 without an
 * account, 403 for one that is not an editor or for another session's form, 400 for a body that is not a form).
 * Fields are read before the CSRF check, so a refused form is shown again as it was typed.
 */
async function editorPost(c: Context<AppEnv>, forbidden: string) {
  const { t } = ctxOf(c);
  const actor = c.var.actor;
  const editor = editorForm(actor);
  const refuse = (status: 400 | 401 | 403, error: string, field: (name: string) => string | undefined = () => undefined) => ({ refused: { status, error }, field, editor }) as const;
  if (!actor) return refuse(401, forbidden);
  if (!editor) return refuse(403, forbidden);
  const read = await readForm(c);
  if (!read.form) return refuse(400, read.badField ? t.compare.notUtf8(read.badField) : t.compare.needText);
  if (editor.csrf !== null && read.field('csrf') !== editor.csrf) return refuse(403, t.addModel.expired, read.field);
  return { refused: undefined, field: read.field, form: read.form, actor, editor } as const;
}

const ctxOf = (c: Context<AppEnv>): PageCtx => pageCtx(pickLang(c), c.req.url);

/** A page for one signed-in editor: it carries the session's CSRF token, so it is rendered for this request only. */
function editorPage(c: Context<AppEnv>, page: Child, status: 200 | 400 | 403 | 404 | 409 | 413 | 415 | 422 = 200) {
  c.header('Cache-Control', 'private, no-store');
  return c.html(documentHtml(page), status);
}

/** A record form posted without an editor's account: the sign-in page, saying why, then back to `next`. */
function signInToRecord(c: Context<AppEnv>, refused: { status: 400 | 401 | 403; error: string }, next: string) {
  return c.html(documentHtml(<SignInPage ctx={ctxOf(c)} next={next} message={refused.error} />), refused.status);
}

/** A form's fields refused by the API's schema: the message names each field at fault. */
class InvalidForm extends Error {}
/** What a form's address names is not there (an amendment of another bill): a 404, not a form to fix. */
class NotHere extends Error {}

/** `input` as `schema` parses it, or an `InvalidForm` naming the fields at fault. */
function checked<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new InvalidForm(invalidFields(parsed.error, 'form').summary);
  return parsed.data;
}

/** The fields of the pages' record forms, as the API names them. */
const ACTION_FIELDS = ['date', 'classification', 'description', 'source', 'confidence', 'notes'] as const;
const VERSION_FIELDS = ['stage', 'date', 'sourceUrl', 'text'] as const;
const AMENDMENT_FIELDS = ['versionId', 'proposer', 'date', 'text', 'source'] as const;
const DECISION_FIELDS = ['fate', 'resultVersionId'] as const;
const BILL_FIELDS = ['title', 'identifier', 'kind', 'harmonizes', 'source', 'confidence', 'notes'] as const;

/** A bill page's forms for an editor, each empty but the one `posted` again with what was typed and its error. */
function billForms(editor: FormState<never>, posted: Partial<BillForms> = {}): BillForms {
  return { action: editor, version: editor, amendment: editor, decision: editor, ...posted };
}

/**
 * Builds the pages router; `src/app.ts` mounts it at `/` after the API.
 *
 * @example
 * app.route('/', createPages({ assets: nodeAssets() }));
 */
export function createPages(options: PagesOptions = {}) {
  const pages = new Hono<AppEnv>();
  const cache = new PageCache(options.compress ?? false);
  const zippedAssets = new Lru<Promise<Uint8Array<ArrayBuffer>>>(300);

  /** The federation the pages show, with its map; the pages that need it answer 404 in a database without one. */
  const site = (c: Context<AppEnv>) => c.var.reads.derive('site', () => loadSite(c.var.store.db));
  const status = (c: Context<AppEnv>, fed: SiteData, asOf: string, lang: Lang) =>
    c.var.reads.derive(`status|${fed.federation.id}|${asOf}|${lang}`, () => loadStatus(c.var.store.db, asOf, lang, fed.federation.id));

  /** `?asOf=` as a calendar day (today when absent), or an error message for the page. */
  const asOfOf = (c: Context<AppEnv>, ctx: PageCtx): { asOf: string; error?: string } => {
    const raw = c.req.query('asOf');
    if (raw === undefined || raw === '') return { asOf: today() };
    if (isCalendarDay(raw)) return { asOf: raw };
    return { asOf: today(), error: ctx.lang === 'es' ? `La fecha «${raw}» no es válida; se muestra la de hoy.` : `“${raw}” is not a valid date; showing today.` };
  };
  const sortOf = (c: Context<AppEnv>): { sort: SortKey; dir: SortDir } => {
    const sort = c.req.query('sort');
    return { sort: SORT_KEYS.includes(sort as SortKey) ? (sort as SortKey) : 'name', dir: c.req.query('dir') === 'desc' ? 'desc' : 'asc' };
  };
  const notFound = (c: Context<AppEnv>, ctx: PageCtx, message?: string, signIn?: string) =>
    cache.html(c, ['404', ctx.lang, ctx.path, message ?? '', signIn ?? ''], () => documentHtml(<NotFoundPage ctx={ctx} message={message} signIn={signIn} />), 404);

  /** A bill's page that is not there: no such bill, or (as GET /api/bills/:id answers 410) a tombstone an admin restores. */
  const billNotHere = (c: Context<AppEnv>, ctx: PageCtx, data: BillData | undefined) =>
    notFound(c, ctx, data?.bill.deletedAt ? ctx.t.bill.deleted(data.bill.deletedAt.slice(0, 10)) : ctx.t.bill.notFound);

  const models = (c: Context<AppEnv>) =>
    c.var.reads.derive('models', async () => (await listModels(c.var.store.db)).map((m) => ({ id: m.id, title: m.title, date: m.date, sha256: m.sha256 })));
  /** The model `?model=` names, else the first one. */
  const chosenModel = (c: Context<AppEnv>, list: ModelOption[]) => list.find((m) => m.id === c.req.query('model')) ?? list[0];

  const PAGE_PATHS = ['/', '/partials/*', '/map.svg', '/locator/*', '/states', '/states/*', '/gaps', '/bills/*', '/timeline', '/compare', '/compare/*', '/models/*', '/embed/*'];
  pages.use('/embed/*', embedHeaders);
  for (const path of PAGE_PATHS.filter((p) => p !== '/embed/*')) pages.use(path, pageHeaders);
  pages.use('/signin', pageHeaders);
  // A private instance (ARMONIZA_PRIVATE) shows its pages to signed-in accounts only, as its API does.
  for (const path of PAGE_PATHS) {
    pages.use(path, async (c, next) => {
      if (!c.var.config.private) return next();
      if (c.var.actor) {
        await next();
        c.res.headers.set('Cache-Control', 'private, no-cache');
        return;
      }
      const ctx = ctxOf(c);
      const target = new URL(c.req.url);
      return c.html(documentHtml(<SignInPage ctx={ctx} next={target.pathname + target.search} required />), 401);
    });
  }

  pages.get('/signin', (c) => {
    const ctx = ctxOf(c);
    const next = c.req.query('next');
    return c.html(documentHtml(<SignInPage ctx={ctx} next={next && next.startsWith('/') && !next.startsWith('//') ? next : '/'} />));
  });

  pages.get('/', async (c) => {
    const ctx = ctxOf(c);
    const fed = await site(c);
    if (!fed.value) return notFound(c, ctx, ctx.t.home.noData);
    const { asOf, error } = asOfOf(c, ctx);
    const { sort, dir } = sortOf(c);
    const data = await status(c, fed.value, asOf, ctx.lang);
    const origin = new URL(c.req.url).origin;
    const day = today();
    return cache.html(
      c,
      ['home', ctx.lang, fed.hash, data.hash, sort, dir, origin, day, error ?? ''],
      () => documentHtml(<HomePage ctx={ctx} site={fed.value!} data={data.value} today={day} sort={sort} dir={dir} origin={origin} error={error} />),
      error ? 400 : 200,
    );
  });

  pages.get('/partials/status', async (c) => {
    const ctx = ctxOf(c);
    const fed = await site(c);
    if (!fed.value) return notFound(c, ctx, ctx.t.home.noData);
    const { asOf, error } = asOfOf(c, ctx);
    if (error) return c.text(error, 400);
    const { sort, dir } = sortOf(c);
    const data = await status(c, fed.value, asOf, ctx.lang);
    return cache.html(c, ['partial', ctx.lang, data.hash, sort, dir], () => String(<LiveParts ctx={ctx} data={data.value} sort={sort} dir={dir} />));
  });

  pages.get('/embed/map', async (c) => {
    const ctx = ctxOf(c);
    const fed = await site(c);
    const map = fed.value?.map;
    if (!map) return notFound(c, ctx, ctx.t.home.noMap);
    const { asOf } = asOfOf(c, ctx);
    const data = await status(c, fed.value!, asOf, ctx.lang);
    return cache.html(c, ['embed', ctx.lang, fed.hash, data.hash], () => documentHtml(<EmbedPage ctx={ctx} data={data.value} map={map} />));
  });

  pages.get('/map.svg', async (c) => {
    const ctx = ctxOf(c);
    const fed = await site(c);
    const map = fed.value?.map;
    if (!map) return notFound(c, ctx, ctx.t.home.noMap);
    const { asOf } = asOfOf(c, ctx);
    const data = await status(c, fed.value!, asOf, ctx.lang);
    const svg = '<?xml version="1.0" encoding="UTF-8"?>\n' + String(<StandaloneSvg data={data.value} map={map} ctx={ctx} />);
    c.header('Content-Type', 'image/svg+xml; charset=utf-8');
    c.header('Content-Disposition', `inline; filename="armoniza-map-${asOf}-${ctx.lang}.svg"`);
    return c.body(svg);
  });

  pages.get('/locator/:mapId/:file{[a-z-]+\\.svg}', async (c) => {
    const mapId = c.req.param('mapId');
    const status = c.req.param('file').replace(/\.svg$/, '') as Status;
    const map = (await site(c)).value?.map;
    if (!map?.shapes.some((s) => s.mapId === mapId) || !STATUS_VALUES.includes(status)) return c.text('not found', 404);
    c.header('Content-Type', 'image/svg+xml; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=86400');
    return c.body(String(<LocatorMap map={map} mapId={mapId} status={status} />));
  });

  pages.get('/states', async (c) => {
    const ctx = ctxOf(c);
    const fed = await site(c);
    if (!fed.value) return notFound(c, ctx, ctx.t.home.noData);
    const data = await status(c, fed.value, today(), ctx.lang);
    return cache.html(c, ['states', ctx.lang, data.hash], () => documentHtml(<StatesPage ctx={ctx} data={data.value} />));
  });

  pages.get('/gaps', async (c) => {
    const ctx = ctxOf(c);
    const fed = (await site(c)).value;
    if (!fed) return notFound(c, ctx, ctx.t.home.noData);
    const { asOf, error: badDate } = asOfOf(c, ctx);
    const asked = c.req.query('kind');
    const kind = GAP_KIND_VALUES.find((k) => k === asked);
    const error = badDate ?? (asked && !kind ? ctx.t.gaps.badKind(asked) : undefined);
    // The gaps of the status the map and the table show (one status report, kept for all three).
    const data = await status(c, fed, asOf, ctx.lang);
    const places = [...(data.value.federation ? [data.value.federation] : []), ...data.value.entities];
    return cache.html(
      c,
      ['gaps', ctx.lang, data.hash, kind ?? '', error ?? ''],
      () => documentHtml(<GapsPage ctx={ctx} report={gapsOf({ asOf: data.value.asOf, jurisdictions: places }, ctx.lang, fed.federation.id)} entities={places.length} kind={kind} error={error} />),
      error ? 400 : 200,
    );
  });

  pages.get('/states/:id', async (c) => {
    const ctx = ctxOf(c);
    const id = c.req.param('id').toUpperCase();
    const data = await c.var.reads.derive(`state|${id}|${today()}`, () => loadState(c.var.store.db, id));
    if (!data.value) return notFound(c, ctx, ctx.t.state.notFound);
    // Coverage of the state's latest text against the chosen model (the first model by default), as POST /api/compare
    // with { model, version } computes and caches it.
    const list = await models(c);
    const latest = latestVersion(data.value.bills);
    const model = chosenModel(c, list.value);
    // The text the model was made from (the General Law on the federation's page) is not compared with itself.
    const isModel = latest !== undefined && model?.sha256 === latest.version.sha256;
    const coverage =
      latest && model && !isModel
        ? await c.var.reads.derive(`coverage|${model.id}|${latest.version.id}`, async () => {
            const version = await getVersion(c.var.store.db, latest.version.id);
            if (!version) return undefined;
            const stored = await compareVersion(c.var.store, model.id, version);
            return { id: stored.id, result: stored.result };
          })
        : undefined;
    // The model's own text gets the block without a comparison (it says so); another text, the block with its comparison.
    const comparison = coverage?.value;
    const block =
      latest && model && (isModel || comparison) ? (
        <CoverageBlock ctx={ctx} models={list.value} model={model} bill={latest.bill} version={latest.version} comparison={comparison} />
      ) : undefined;
    const fed = await site(c);
    const map = fed.value?.map ?? null;
    const editor = editorForm(c.var.actor);
    if (editor) return editorPage(c, <StatePage ctx={ctx} data={data.value} map={map} coverage={block} record={editor} />);
    return cache.html(c, ['state', ctx.lang, id, data.hash, fed.hash, list.hash, coverage?.hash ?? '', model?.id ?? ''], () =>
      documentHtml(<StatePage ctx={ctx} data={data.value!} map={map} coverage={block} />),
    );
  });

  pages.post('/states/:id/bills', csrf(), formBodyLimit(), async (c) => {
    const ctx = ctxOf(c);
    const id = c.req.param('id').toUpperCase();
    const post = await editorPost(c, ctx.t.record.forbidden);
    const { field, editor } = post;
    const values: BillFormValues = Object.fromEntries(BILL_FIELDS.map((name) => [name, field(name)]));
    if (!editor) return signInToRecord(c, post.refused!, `/states/${encodeURIComponent(id)}#add-bill`);
    const data = await c.var.reads.derive(`state|${id}|${today()}`, () => loadState(c.var.store.db, id));
    if (!data.value) return notFound(c, ctx, ctx.t.state.notFound);
    const map = (await site(c)).value?.map ?? null;
    const fail = (status: 400 | 403 | 422, error: string) => editorPage(c, <StatePage ctx={ctx} data={data.value!} map={map} record={{ ...editor, values, error }} />, status);
    if (post.refused) return fail(post.refused.status as 400 | 403, post.refused.error);
    try {
      // The API's own schema. A ticked box sends "yes", an unticked one nothing ("does not harmonize"); nothing else is a box's.
      if (values.harmonizes !== undefined && values.harmonizes !== 'yes') throw new InvalidForm('harmonizes: must be "yes" (ticked) or absent');
      const input = { ...values, jurisdiction: id, harmonizes: values.harmonizes === 'yes', identifier: values.identifier || null, notes: values.notes || null };
      const bill = await createBill(c.var.store, post.actor.id, checked(NewBill, input));
      return c.redirect(`/bills/${encodeURIComponent(bill)}#add-action`, 303);
    } catch (e) {
      if (e instanceof InvalidForm) return fail(400, `${ctx.t.record.error}: ${e.message}`);
      throw e;
    }
  });

  pages.get('/bills/:id', async (c) => {
    const ctx = ctxOf(c);
    const id = c.req.param('id');
    const data = await billData(c, id);
    if (!data.value || data.value.bill.deletedAt) return billNotHere(c, ctx, data.value);
    const list = await models(c);
    const pick = { a: c.req.query('a'), b: c.req.query('b') };
    const view: RedlineView = c.req.query('view') === 'side' ? 'side' : 'inline';
    const diff = await versionDiff(c, data.value.bill, pick);
    const page = (record?: BillForms) => (
      <BillPage
        ctx={ctx}
        data={data.value!}
        models={list.value}
        pick={pick}
        redline={diff?.value ? <Provisions result={diff.value.result} modelUnits={diff.value.left} billUnits={diff.value.right} ctx={ctx} view={view} /> : undefined}
        record={record}
      />
    );
    const editor = editorForm(c.var.actor);
    if (editor) return editorPage(c, page(billForms(editor)));
    return cache.html(c, ['bill', ctx.lang, id, data.hash, list.hash, pick.a ?? '', pick.b ?? '', diff?.hash ?? '', view], () => documentHtml(page()));
  });

  /**
   * A post of one of a bill page's forms (`form`, its fields `names`): refused as `editorPost` says, or for a bill that
   * is not there; else `write` stores it and says where to go next, or throws. A refusal shows the page again with
   * that form as typed and the error above it.
   */
  const billFormPost = (form: keyof BillForms, names: readonly string[], write: (c: Context<AppEnv>, actor: Actor, id: string, values: Record<string, string | undefined>, upload: File | null) => Promise<string>) =>
    async (c: Context<AppEnv>) => {
      const ctx = ctxOf(c);
      const id = c.req.param('id')!;
      const post = await editorPost(c, ctx.t.record.forbidden);
      const { field, editor } = post;
      const values = Object.fromEntries(names.map((name) => [name, field(name)]));
      if (!editor) return signInToRecord(c, post.refused!, `/bills/${encodeURIComponent(id)}#add-${form}`);
      const data = await billData(c, id);
      if (!data.value || data.value.bill.deletedAt) return billNotHere(c, ctx, data.value);
      const list = await models(c);
      const fail = (status: 400 | 403 | 404 | 409 | 413 | 415 | 422, error: string) => {
        const record = billForms(editor, { [form]: { ...editor, values, error, amendmentId: c.req.param('amendment') } });
        return editorPage(c, <BillPage ctx={ctx} data={data.value!} models={list.value} record={record} />, status);
      };
      if (post.refused) return fail(post.refused.status as 400 | 403, post.refused.error);
      const file = post.form.get('file');
      try {
        return c.redirect(await write(c, post.actor, id, values, file instanceof File && file.size > 0 ? file : null), 303);
      } catch (e) {
        if (e instanceof InvalidForm) return fail(400, `${ctx.t.record.error}: ${e.message}`);
        if (e instanceof NotHere) return notFound(c, ctx, e.message);
        if (e instanceof UserError) return fail(e.status === 410 ? 404 : e.status === 404 ? 422 : (e.status as 400 | 409 | 413 | 415 | 422), `${ctx.t.record.error}: ${e.message}`);
        throw e;
      }
    };

  // The API's own schemas and writes: what was typed is stored as typed; an empty note or address is none.
  pages.post(
    '/bills/:id/actions',
    csrf(),
    formBodyLimit(),
    billFormPost('action', ACTION_FIELDS, async (c, actor, id, values) => {
      await addAction(c.var.store, actor.id, id, checked(NewAction, { ...values, notes: values.notes || null }));
      return `/bills/${encodeURIComponent(id)}#actions`;
    }),
  );

  // A version's text is the pasted one, or the uploaded file's, whose original is kept in the same step.
  pages.post(
    '/bills/:id/versions',
    csrf(),
    formBodyLimit(),
    billFormPost('version', VERSION_FIELDS, async (c, actor, id, values, file) => {
      const { store } = c.var;
      const upload = file ? await readUpload(file) : undefined;
      const input = checked(NewVersion, { stage: values.stage, date: values.date, sourceUrl: values.sourceUrl || null, text: upload ? upload.extracted.text : (values.text ?? '') });
      const planned = upload ? await planFile(store, upload.bytes, upload.extracted) : undefined;
      await store.atomic((await planVersion(store, actor.id, id, { ...input, text: input.text!, fileId: planned?.id ?? null }, planned)).statements);
      return `/bills/${encodeURIComponent(id)}#versions`;
    }),
  );

  pages.post(
    '/bills/:id/amendments',
    csrf(),
    formBodyLimit(),
    billFormPost('amendment', AMENDMENT_FIELDS, async (c, actor, id, values) => {
      await addAmendment(c.var.store, actor.id, id, checked(NewAmendment, { ...values, versionId: values.versionId ?? '', source: values.source || null }));
      return `/bills/${encodeURIComponent(id)}#amendments`;
    }),
  );

  // The decision on one of this bill's pending amendments; an amendment of another bill is not found here.
  pages.post(
    '/bills/:id/amendments/:amendment/decision',
    csrf(),
    formBodyLimit(),
    billFormPost('decision', DECISION_FIELDS, async (c, actor, id, values) => {
      const amendment = c.req.param('amendment')!;
      if ((await amendmentBill(c.var.store.db, amendment)) !== id) throw new NotHere(`bill "${id}" has no amendment "${amendment}"`);
      const { fate, resultVersionId } = checked(AmendmentDecision, { fate: values.fate, resultVersionId: values.resultVersionId || null });
      await decideAmendment(c.var.store, actor.id, amendment, fate, resultVersionId);
      return `/bills/${encodeURIComponent(id)}#amendment-${encodeURIComponent(amendment)}`;
    }),
  );
  // The redline between two versions as a Word document with tracked changes (views/exports/redline-docx.ts).
  pages.get('/bills/:id/redline.docx', async (c) => {
    const ctx = ctxOf(c);
    const { t, lang } = ctx;
    const id = c.req.param('id');
    const data = await billData(c, id);
    const pick = { a: c.req.query('a'), b: c.req.query('b') };
    const diff = data.value ? await versionDiff(c, data.value.bill, pick) : undefined;
    if (!data.value || data.value.bill.deletedAt || !diff?.value) return notFound(c, ctx, t.bill.notFound);
    const bill = data.value.bill;
    const [a, b] = [versionNameOf(bill, pick.a!, lang), versionNameOf(bill, pick.b!, lang)];
    const doc = {
      title: t.bill.redlineHeading(a, b),
      subtitle: bill.title,
      how: t.compare.docxHow(a, b),
      computedAt: new Date().toISOString(),
      permalink: `${new URL(c.req.url).origin}/bills/${encodeURIComponent(id)}?a=${encodeURIComponent(pick.a!)}&b=${encodeURIComponent(pick.b!)}#redline`,
      result: diff.value.result,
      modelUnits: diff.value.left,
      billUnits: diff.value.right,
    };
    return docxFile(c, await redlineDocx(doc, t, lang), `${id}-${pick.a}-${pick.b}`);
  });

  // A version of a bill against a model (the first by default), as POST /api/compare with { model, version } computes
  // and keeps it; then its permalink.
  pages.get('/bills/:id/compare', async (c) => {
    const ctx = ctxOf(c);
    const version = await getVersion(c.var.store.db, c.req.query('version') ?? '');
    if (!version || version.billId !== c.req.param('id')) return notFound(c, ctx, ctx.t.bill.versionNotFound);
    const model = chosenModel(c, (await models(c)).value);
    if (!model) return notFound(c, ctx, ctx.t.compare.noModels);
    const stored = await compareVersion(c.var.store, model.id, version);
    return c.redirect(`/compare/${stored.id}`, 303);
  });

  pages.get('/timeline', async (c) => {
    const ctx = ctxOf(c);
    const fed = (await site(c)).value;
    if (!fed) return notFound(c, ctx, ctx.t.home.noData);
    const data = await c.var.reads.derive(`timeline|${fed.federation.id}`, () => loadTimeline(c.var.store.db, fed.federation.id));
    return cache.html(c, ['timeline', ctx.lang, data.hash], () => documentHtml(<TimelinePage ctx={ctx} data={data.value} />));
  });

  pages.get('/compare', async (c) => {
    const ctx = ctxOf(c);
    const list = await models(c);
    const chosen = c.req.query('model');
    const editor = editorForm(c.var.actor);
    if (editor) {
      // The editor's form carries the session's CSRF token: rendered for this request only, never kept or shared.
      c.header('Cache-Control', 'private, no-store');
      return c.html(documentHtml(<ComparePage ctx={ctx} models={list.value} values={{ model: chosen }} addModel={editor} />));
    }
    return cache.html(c, ['compare', ctx.lang, list.hash, chosen ?? ''], () => documentHtml(<ComparePage ctx={ctx} models={list.value} values={{ model: chosen }} />));
  });

  // The editor's "Add a model text" form (multipart: title, language, source, date, text or file, csrf). Stores the
  // model as POST /api/models does, an uploaded original with it in the same step, then shows the model's page.
  pages.post('/compare/models', csrf(), formBodyLimit(), async (c) => {
    const ctx = ctxOf(c);
    const { t } = ctx;
    const post = await editorPost(c, t.addModel.forbidden);
    const { field, editor } = post;
    const values: ModelFormValues = { title: field('title'), language: field('language'), source: field('source'), date: field('date'), text: field('text') };
    const fail = async (status: 400 | 401 | 403 | 413 | 415 | 422, error: string) => {
      const list = await models(c);
      c.header('Cache-Control', 'private, no-store');
      const page = editor ? <ComparePage ctx={ctx} models={list.value} addModel={{ ...editor, values, error }} /> : <ComparePage ctx={ctx} models={list.value} error={error} />;
      return c.html(documentHtml(page), status);
    };
    if (post.refused) return fail(post.refused.status, post.refused.error);
    const { actor } = post;
    try {
      const file = post.form.get('file');
      let upload: Awaited<ReturnType<typeof readUpload>> | undefined;
      if (file instanceof File && file.size > 0) {
        if (file.size > MAX_UPLOAD_BYTES) return fail(413, t.compare.fileTooBig);
        upload = await readUpload(file);
      }
      // An empty optional field is an absent one; what is typed is kept as typed.
      const fields = { title: values.title ?? '', language: values.language || undefined, source: values.source || null, date: values.date || undefined };
      const parsed = upload ? UPLOADED_MODEL.safeParse(fields) : PASTED_MODEL.safeParse({ ...fields, text: values.text ?? '' });
      if (!parsed.success) return fail(400, `${t.addModel.error}: ${invalidFields(parsed.error, 'form').summary}`);
      const text = upload ? upload.extracted.text : values.text!;
      const planned = upload ? await planFile(c.var.store, upload.bytes, upload.extracted) : undefined;
      const id = await createModel(c.var.store, actor.id, { ...parsed.data, text }, await segmentCached(text), planned);
      return c.redirect(`/models/${encodeURIComponent(id)}`, 303);
    } catch (e) {
      if (e instanceof UserError) return fail(e.status === 404 ? 422 : (e.status as 400 | 413 | 415 | 422), `${t.addModel.error}: ${e.message}`);
      throw e;
    }
  });

  // The form posts here (multipart: model, label, text or file). Same work as POST /api/compare (+ the text of an
  // upload read as POST /api/uploads reads it, without keeping the file), then a redirect to the permalink.
  pages.post('/compare', csrf(), formBodyLimit(), async (c) => {
    const ctx = ctxOf(c);
    let values: CompareFormValues = {};
    const fail = async (status: 400 | 413 | 415 | 422, error: string) => {
      const list = await models(c);
      return c.html(documentHtml(<ComparePage ctx={ctx} models={list.value} values={values} error={error} />), status);
    };
    const read = await readForm(c);
    if (!read.form) return fail(400, read.badField ? ctx.t.compare.notUtf8(read.badField) : ctx.t.compare.needText);
    const { form, field } = read;
    values = { model: field('model'), label: field('label')?.trim() || undefined, text: field('text') };
    if (!values.model) return fail(400, ctx.t.compare.needModel);
    const file = form.get('file');
    try {
      let text = values.text ?? '';
      let label = values.label;
      if (file instanceof File && file.size > 0) {
        if (file.size > MAX_UPLOAD_BYTES) return fail(413, ctx.t.compare.fileTooBig);
        text = (await readUpload(file)).extracted.text;
        label ??= file.name;
      }
      if (!text.trim()) return fail(400, ctx.t.compare.needText);
      // As POST /api/compare: a signed-in account's comparison is private to it until shared.
      const owner = c.var.actor?.via === 'admin-token' ? null : (c.var.actor?.id ?? null);
      const stored = await compareWithModel(c.var.store, values.model, text, { label: label ?? (ctx.lang === 'es' ? 'Texto pegado' : 'Pasted text') }, owner);
      return c.redirect(`/compare/${stored.id}`, 303);
    } catch (e) {
      if (e instanceof UserError) return fail(e.status === 404 ? 422 : (e.status as 400 | 413 | 415 | 422), `${ctx.t.compare.error}: ${e.message}`);
      throw e;
    }
  });

  pages.get('/compare/:id', async (c) => {
    const ctx = ctxOf(c);
    const id = c.req.param('id');
    const view: RedlineView = c.req.query('view') === 'side' ? 'side' : 'inline';
    const viewer = viewerOf(c.var.actor);
    const data = await comparisonData(c, id, viewer);
    // Anonymous: the result may be an account's own, so say so and offer to sign in (to a signed-in reader it is not there).
    if (!data.value) return viewer ? notFound(c, ctx, ctx.t.compare.notFound) : notFound(c, ctx, ctx.t.compare.notFoundOrPrivate, `/compare/${id}`);
    const permalink = `${new URL(c.req.url).origin}/compare/${id}`;
    const page = (access: ResultAccess | undefined) => (
      <CompareResultPage ctx={ctx} stored={data.value!.stored} modelUnits={data.value!.modelUnits} view={view} permalink={permalink} access={access} />
    );
    // Its owner is told whether the link works for others, and may share a private result: that page carries the
    // session's CSRF token, so it is rendered for this request only.
    const actor = c.var.actor;
    const access = actor ? await comparisonAccess(c.var.store.db, id) : undefined;
    if (actor && access?.ownerId === actor.id) {
      c.header('Cache-Control', 'private, no-store');
      return c.html(documentHtml(page(access.shared ? { shared: true } : { shared: false, csrf: actor.via === 'session' ? (actor.csrf ?? '') : null })));
    }
    return cache.html(c, ['compare-result', ctx.lang, id, viewer ?? '', data.hash, view, permalink], () => documentHtml(page(undefined)));
  });

  pages.post('/compare/:id/share', csrf(), async (c) => {
    const ctx = ctxOf(c);
    const id = c.req.param('id');
    const actor = c.var.actor;
    // As POST /api/compare/:id/share answers: any signed-in account shares its own comparisons.
    if (!actor) return c.html(documentHtml(<SignInPage ctx={ctx} next={`/compare/${encodeURIComponent(id)}`} />), 401);
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    // A signed-in browser echoes its session's CSRF token; a bearer token, which a browser never sends on its own, needs none.
    if (actor.via === 'session' && form.csrf !== actor.csrf) return c.text(ctx.t.addModel.expired, 403);
    try {
      await shareComparison(c.var.store, id, actor.id);
    } catch (e) {
      if (e instanceof UserError && e.status === 404) return notFound(c, ctx, ctx.t.compare.notFound);
      throw e;
    }
    return c.redirect(`/compare/${encodeURIComponent(id)}`, 303);
  });

  // The same stored comparison as a Word document with tracked changes (views/exports/redline-docx.ts).
  pages.get('/compare/:id/redline.docx', async (c) => {
    const ctx = ctxOf(c);
    const id = c.req.param('id');
    const viewer = viewerOf(c.var.actor);
    const data = await comparisonData(c, id, viewer);
    if (!data.value) return notFound(c, ctx, ctx.t.compare.notFound);
    const { stored, modelUnits } = data.value;
    const doc = {
      title: stored.bill.label,
      subtitle: `${ctx.t.compare.versus} ${stored.model.title}`,
      how: ctx.t.compare.docxHow(stored.model.title, stored.bill.label),
      computedAt: stored.createdAt,
      permalink: `${new URL(c.req.url).origin}/compare/${id}`,
      result: stored.result,
      modelUnits,
      billUnits: stored.billUnits,
    };
    return docxFile(c, await redlineDocx(doc, ctx.t, ctx.lang), id.slice(0, 12));
  });

  pages.get('/models/:id', async (c) => {
    const ctx = ctxOf(c);
    const id = c.req.param('id');
    const data = await c.var.reads.derive(`model|${id}`, () => loadModelDetail(c.var.store.db, id));
    if (!data.value) return notFound(c, ctx, ctx.t.model.notFound);
    return cache.html(c, ['model', ctx.lang, id, data.hash], () => documentHtml(<ModelPage ctx={ctx} model={data.value!.detail} outline={data.value!.outline} />));
  });

  pages.get('/assets/palette.css', (c) => {
    c.header('Cache-Control', 'no-cache');
    c.header('Content-Type', 'text/css; charset=utf-8');
    return c.body(PALETTE_CSS);
  });

  pages.get('/assets/*', async (c) => {
    const path = c.req.path.slice('/assets/'.length);
    const file = options.assets && assetSource(path) ? await options.assets(path) : undefined;
    if (!file) return c.text('not found', 404);
    const vendor = path.startsWith('vendor/');
    const type = contentType(path);
    const zipped = !!options.compress && /^(text\/|image\/svg)/.test(type) && acceptsGzip(c.req.header('Accept-Encoding'));
    const etag = zipped ? file.etag.replace(/"$/, '-gz"') : file.etag;
    c.header('ETag', etag);
    c.header('Cache-Control', vendor ? 'public, max-age=31536000, immutable' : 'no-cache');
    c.header('X-Content-Type-Options', 'nosniff');
    if (options.compress) c.header('Vary', 'Accept-Encoding');
    if (etagMatches(c.req.header('If-None-Match'), etag)) return c.body(null, 304);
    c.header('Content-Type', type);
    const bytes = typeof file.body === 'string' ? new TextEncoder().encode(file.body) : (file.body as Uint8Array<ArrayBuffer>);
    if (!zipped) return c.body(bytes as Uint8Array<ArrayBuffer>);
    let gz = zippedAssets.get(`${path}|${file.etag}`);
    if (!gz) zippedAssets.set(`${path}|${file.etag}`, (gz = gzip(bytes as Uint8Array<ArrayBuffer>)));
    c.header('Content-Encoding', 'gzip');
    return c.body(await gz);
  });

  // Any other address a browser opens gets the 404 page, in the site's layout and the reader's language; the API and
  // clients that do not ask for HTML keep the JSON answer of `app.notFound`.
  const browsing = (c: Context<AppEnv>) => !c.req.path.startsWith('/api/') && (c.req.header('Accept') ?? '').includes('text/html');
  pages.get('*', (c, next) => (browsing(c) ? next() : c.notFound()), pageHeaders, (c) => notFound(c, ctxOf(c)));

  return pages;
}

const PALETTE_CSS = paletteCss();

