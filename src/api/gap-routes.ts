/**
 * What is missing from the evidence of each status (`domain/gaps.ts`): `/api/gaps` and `/api/gaps.csv`, for program
 * staff planning their research. Read from the same status report as `/api/status`, so the two never disagree.
 */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.js';
import type { Db } from '../db/client.js';
import { evidenceGaps, type Gap } from '../domain/gaps.js';
import { GAP_KIND_VALUES, GAP_KINDS, type GapKind, type Lang } from '../domain/vocabulary.js';
import { toCsv } from '../lib/csv.js';
import { JSON_TYPE } from '../lib/http-cache.js';
import { cachedBody } from './cached-body.js';
import { jsonResponse } from './openapi.js';
import { ErrorBody, GapsResponse, StatusQuery } from './schemas.js';
import { statusParams, statusReport, type StatusReport } from './status-routes.js';

/**
 * The gaps in a status report (`statusReport`): the jurisdictions whose status has gaps in its evidence, each with its
 * gaps, and how many gaps of each kind there are. Pure, so the page reads it from the report it already has.
 *
 * @example
 * gapsOf(await statusReport(db, '2026-11-29', 'en', 'MX'), 'en', 'MX') // { totals: { 'unknown-status': 7, … }, jurisdictions: [{ id: 'MX-AGU', gaps: [...] }, …] }
 */
export function gapsOf(report: StatusReport, lang: Lang, federation: string) {
  const totals = Object.fromEntries(GAP_KIND_VALUES.map((k) => [k, 0])) as Record<GapKind, number>;
  const jurisdictions = report.jurisdictions.flatMap((j) => {
    const gaps = evidenceGaps(j).map((g) => ({ ...g, label: GAP_KINDS[g.kind][lang] }));
    for (const g of gaps) totals[g.kind]++;
    return gaps.length ? [{ id: j.id, name: j.name, status: j.status, since: j.since, gaps }] : [];
  });
  return { asOf: report.asOf, federation, totals, jurisdictions };
}

/** `gapsOf` the status of `federation` at `asOf`, as /api/gaps answers it. */
async function gapsReport(db: Db, asOf: string, lang: Lang, federation: string) {
  return gapsOf(await statusReport(db, asOf, lang, federation), lang, federation);
}

/** What a gap asks for, in a few words, for the CSV. */
function detail(gap: Gap): string {
  if (gap.kind === 'undated-fact') return gap.status;
  if (gap.kind === 'imprecise-date') return gap.precision;
  if (gap.kind === 'weak-evidence') return gap.confidence;
  return '';
}

export function registerGapRoutes(api: OpenAPIHono<AppEnv>) {
  api.openapi(
    createRoute({
      method: 'get', path: '/gaps', tags: ['Status'], summary: 'What is missing from the evidence of each status: what to research next',
      request: { query: StatusQuery },
      responses: { 200: jsonResponse(GapsResponse, 'The jurisdictions with gaps, each with its gaps and their evidence'), 422: jsonResponse(ErrorBody, 'No such federation') },
    }),
    async (c) => {
      const { asOf, lang, federation } = await statusParams(c, c.req.valid('query'));
      return cachedBody(c, `gaps|${asOf}|${lang}|${federation}`, JSON_TYPE, async () => JSON.stringify(await gapsReport(c.var.store.db, asOf, lang, federation))) as never;
    },
  );

  api.openapi(
    createRoute({
      method: 'get', path: '/gaps.csv', tags: ['Status'], summary: 'The same gaps as CSV, one row per gap',
      request: { query: StatusQuery },
      responses: { 200: { content: { 'text/csv': { schema: { type: 'string' } } }, description: 'One row per gap' }, 422: jsonResponse(ErrorBody, 'No such federation') },
    }),
    async (c) => {
      const { asOf, lang, federation } = await statusParams(c, c.req.valid('query'));
      c.header('Content-Disposition', `attachment; filename="armoniza-gaps-${asOf}.csv"`);
      return cachedBody(c, `gaps.csv|${asOf}|${lang}|${federation}`, 'text/csv; charset=utf-8', async () => {
        const report = await gapsReport(c.var.store.db, asOf, lang, federation);
        return toCsv(
          report.jurisdictions.flatMap((j) =>
            j.gaps.map((g) => ({
              id: j.id,
              name: j.name,
              as_of: report.asOf,
              status: j.status,
              since: j.since ?? '',
              gap: g.kind,
              gap_label: g.label,
              detail: detail(g),
              evidence: 'evidence' in g ? g.evidence.map((e) => `${e.date} ${e.classification}: ${e.billTitle}`).join(' | ') : '',
              sources: 'evidence' in g ? g.evidence.map((e) => e.source).join(' | ') : '',
              confidence: 'evidence' in g ? g.evidence.map((e) => e.confidence).join(' | ') : '',
            })),
          ),
        );
      }) as never;
    },
  );
}
