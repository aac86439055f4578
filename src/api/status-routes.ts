/**
 * Jurisdictions and their derived reform status: `/api/jurisdictions`, `/api/status`, `/api/status.csv`.
 */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { listBills } from '../db/bills.js';
import { defaultFederationId, getJurisdiction, listJurisdictions } from '../db/jurisdictions.js';
import { statusAt } from '../db/status-query.js';
import { today } from '../domain/status.js';
import type { Lang } from '../domain/vocabulary.js';
import { notFound } from '../lib/errors.js';
import type { AppEnv } from '../app-env.js';
import { toCsv } from '../lib/csv.js';
import { ErrorBody, FederationQuery, IdParam, Jurisdiction, JurisdictionDetail, StatusQuery, StatusResponse } from './schemas.js';
import { JSON_TYPE } from '../lib/http-cache.js';
import { cachedBody } from './cached-body.js';
import { jsonResponse } from './openapi.js';


/**
 * The status report that the API, the CSV export and the pages all use.
 *
 * @example
 * await statusReport(store.db, '2012-06-14', 'es', 'MX') // { asOf, jurisdictions: [{ id: 'MX', name: 'México', ... }] }
 */
export async function statusReport(db: AppEnv['Variables']['store']['db'], asOf: string, lang: Lang, federation: string) {
  const [places, statuses] = await Promise.all([listJurisdictions(db, federation), statusAt(db, federation, asOf)]);
  if (places.length === 0) throw notFound('federation', federation, 'federation');
  const byId = new Map(statuses.map((s) => [s.id, s]));
  return {
    asOf,
    jurisdictions: places.map((p) => ({
      ...byId.get(p.id)!,
      id: p.id,
      name: lang === 'es' ? p.nameEs : p.nameEn,
    })),
  };
}

/** `?federation=` as asked, else the database's first federation ('' when it has none, which answers 422). */
async function federationOf(c: Context<AppEnv>, asked: string | undefined): Promise<string> {
  return asked ?? (await defaultFederationId(c.var.store.db)) ?? '';
}

/** A status query (`StatusQuery`) with its defaults filled in: today, Spanish, the first federation. */
export async function statusParams(c: Context<AppEnv>, query: { asOf?: string; lang?: Lang; federation?: string }) {
  return { asOf: query.asOf ?? today(), lang: query.lang ?? 'es', federation: await federationOf(c, query.federation) };
}

export type StatusReport = Awaited<ReturnType<typeof statusReport>>;

export function registerStatusRoutes(api: OpenAPIHono<AppEnv>) {
  api.openapi(
    createRoute({
      method: 'get', path: '/jurisdictions', tags: ['Jurisdictions'], summary: 'The federation and its entities',
      request: { query: FederationQuery },
      responses: { 200: jsonResponse(Jurisdiction.array(), 'Jurisdictions, federation first'), 422: jsonResponse(ErrorBody, 'No such federation') },
    }),
    async (c) => {
      const federation = await federationOf(c, c.req.valid('query').federation);
      return cachedBody(c, `jurisdictions|${federation}`, JSON_TYPE, async () => {
        const places = await listJurisdictions(c.var.store.db, federation);
        if (places.length === 0) throw notFound('federation', federation, 'federation');
        return JSON.stringify(places);
      }) as never;
    },
  );

  api.openapi(
    createRoute({
      method: 'get', path: '/jurisdictions/{id}', tags: ['Jurisdictions'], summary: 'One jurisdiction with its bills and current status',
      request: { params: IdParam },
      responses: { 200: jsonResponse(JurisdictionDetail, 'The jurisdiction'), 404: jsonResponse(ErrorBody, 'No such jurisdiction') },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const db = c.var.store.db;
      const day = today();
      return cachedBody(c, `jurisdiction|${id}|${day}`, JSON_TYPE, async () => {
        const place = await getJurisdiction(db, id);
        if (!place) throw notFound('jurisdiction', id);
        const [[status], bills] = await Promise.all([
          statusAt(db, place.parentId ?? place.id, day, place.id),
          listBills(db, { jurisdiction: id, page: 1, perPage: 200 }),
        ]);
        return JSON.stringify({ ...place, status: { ...status!, name: place.nameEs }, bills: bills.items });
      }) as never;
    },
  );

  api.openapi(
    createRoute({
      method: 'get', path: '/status', tags: ['Status'], summary: 'Reform status of every entity at a date, with evidence',
      request: { query: StatusQuery },
      responses: { 200: jsonResponse(StatusResponse, 'Status of the federation and each entity') },
    }),
    async (c) => {
      const { asOf, lang, federation } = await statusParams(c, c.req.valid('query'));
      return cachedBody(c, `status|${asOf}|${lang}|${federation}`, JSON_TYPE, async () => JSON.stringify(await statusReport(c.var.store.db, asOf, lang, federation))) as never;
    },
  );

  api.openapi(
    createRoute({
      method: 'get', path: '/status.csv', tags: ['Status'], summary: 'The same status as CSV, for spreadsheets',
      request: { query: StatusQuery },
      responses: { 200: { content: { 'text/csv': { schema: { type: 'string' } } }, description: 'One row per jurisdiction' } },
    }),
    async (c) => {
      const { asOf, lang, federation } = await statusParams(c, c.req.valid('query'));
      c.header('Content-Disposition', `attachment; filename="armoniza-status-${asOf}.csv"`);
      return cachedBody(c, `status.csv|${asOf}|${lang}|${federation}`, 'text/csv; charset=utf-8', async () => {
        const report = await statusReport(c.var.store.db, asOf, lang, federation);
        return toCsv(
          report.jurisdictions.map((j) => ({
            id: j.id,
            name: j.name,
            as_of: report.asOf,
            status: j.status,
            since: j.since ?? '',
            evidence: j.evidence.map((e) => `${e.date} ${e.classification}: ${e.billTitle}`).join(' | '),
            sources: j.evidence.map((e) => e.source).join(' | '),
            confidence: j.evidence.map((e) => e.confidence).join(' | '),
            undated_status: j.undated?.status ?? '',
            undated_evidence: j.undated?.evidence.map((e) => `${e.billTitle} (${e.source})`).join(' | ') ?? '',
          })),
        );
      }) as never;
    },
  );
}
