/**
 * Model legislation and comparisons: `/api/models…`, `/api/compare…`, `/api/versions/:a/diff/:b`.
 * `POST /api/compare` computes without changing the record, so it is open to readers (see `guard.ts`); a signed-in
 * user's comparison is private to them unless shared.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { compareVersion, compareWithModel, coverageRows, diffTexts, getComparison, getComparisonJson, segmentCached, shareComparison, viewerOf } from '../analysis/comparisons.js';
import { loadModelDetail } from '../analysis/model-detail.js';
import { toCsv } from '../lib/csv.js';
import { getVersion } from '../db/bills.js';
import { getFileText } from '../db/files.js';
import { createModel, listModels, markProvisions } from '../db/models.js';
import { notFound, UserError } from '../lib/errors.js';
import type { AppEnv } from '../app-env.js';
import {
  CompareBody,
  Created,
  ErrorBody,
  IdParam,
  ModelDetail,
  ModelSummary,
  NewModelBody,
  ProvisionMarks,
  StoredComparison,
  VersionDiff,
} from './schemas.js';
import { JSON_TYPE } from '../lib/http-cache.js';
import { jsonResponse, jsonBody, bearer } from './openapi.js';

const errors = {
  400: jsonResponse(ErrorBody, 'Invalid input; `fields` names each field at fault'),
  404: jsonResponse(ErrorBody, 'Not found'),
  413: jsonResponse(ErrorBody, 'Body too large'),
  422: jsonResponse(ErrorBody, 'A referenced record does not exist, or the text has no provisions'),
};

export function registerModelRoutes(api: OpenAPIHono<AppEnv>) {
  api.openapi(
    createRoute({ method: 'get', path: '/models', tags: ['Models'], summary: 'Model legislation', responses: { 200: jsonResponse(ModelSummary.array(), 'Models') } }),
    async (c) => c.json(await listModels(c.var.store.db), 200),
  );

  api.openapi(
    createRoute({
      method: 'post', path: '/models', tags: ['Models'], summary: 'Store a model text (pasted, or an upload) and its provisions', security: bearer,
      request: jsonBody(NewModelBody),
      responses: { 201: jsonResponse(Created, 'The new model'), 401: jsonResponse(ErrorBody, 'Missing or wrong token'), ...errors },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const text = input.text ?? (await getFileText(c.var.store.db, input.fileId!));
      const id = await createModel(c.var.store, c.var.actor!.id, { ...input, text }, await segmentCached(text));
      return c.json({ id }, 201);
    },
  );

  api.openapi(
    createRoute({
      method: 'get', path: '/models/{id}', tags: ['Models'], summary: 'A model with its provisions, refs, reform history and marks',
      request: { params: IdParam },
      responses: { 200: jsonResponse(ModelDetail, 'The model'), 404: jsonResponse(ErrorBody, 'No such model') },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const model = await loadModelDetail(c.var.store.db, id);
      if (!model) throw notFound('model', id);
      return c.json(model.detail, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'patch', path: '/models/{id}/provisions', tags: ['Models'], summary: 'Mark provisions mandatory/optional and group them into criteria', security: bearer,
      request: { params: IdParam, ...jsonBody(ProvisionMarks) },
      responses: { 200: jsonResponse(Created, 'Marks saved'), 401: jsonResponse(ErrorBody, 'Missing or wrong token'), ...errors },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await markProvisions(c.var.store, c.var.actor!.id, id, c.req.valid('json').marks);
      return c.json({ id }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'post', path: '/compare', tags: ['Compare'], summary: 'Compare a draft (text or stored version) with a model, article by article',
      request: jsonBody(CompareBody),
      responses: { 200: jsonResponse(StoredComparison, 'Coverage, added provisions and a redline per aligned pair; `id` is its permalink'), ...errors },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const owner = c.var.actor?.via === 'admin-token' ? null : (c.var.actor?.id ?? null);
      if (input.version) {
        const version = await getVersion(c.var.store.db, input.version);
        if (!version) throw notFound('version', input.version, 'version');
        return c.json(await compareVersion(c.var.store, input.model, version, owner, input.label), 200);
      }
      return c.json(await compareWithModel(c.var.store, input.model, input.text!, { label: input.label ?? 'Texto pegado' }, owner), 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'get', path: '/compare/{id}', tags: ['Compare'], summary: 'A stored comparison (permalink)',
      request: { params: IdParam },
      responses: { 200: jsonResponse(StoredComparison, 'The comparison as computed'), 404: jsonResponse(ErrorBody, 'No such comparison') },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const stored = await getComparisonJson(c.var.store.db, id, viewerOf(c.var.actor));
      if (!stored) throw notFound('comparison', id);
      // The stored JSON as it is: no parse and re-encode of a result that can run to megabytes.
      return c.body(stored, 200, { 'Content-Type': JSON_TYPE }) as never;
    },
  );

  api.openapi(
    createRoute({
      method: 'get', path: '/compare/{id}/coverage.csv', tags: ['Compare'], summary: "A stored comparison's coverage as CSV, for spreadsheets",
      request: { params: IdParam },
      responses: {
        200: { content: { 'text/csv': { schema: { type: 'string' } } }, description: 'One row per model provision (provision, status, similarity, draft_provisions), then one per added provision' },
        404: jsonResponse(ErrorBody, 'No such comparison'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const stored = await getComparison(c.var.store.db, id, viewerOf(c.var.actor));
      if (!stored) throw notFound('comparison', id);
      c.header('Content-Disposition', `attachment; filename="armoniza-comparison-${id.slice(0, 12)}.csv"`);
      return c.body(toCsv(coverageRows(stored)), 200, { 'Content-Type': 'text/csv; charset=utf-8' }) as never;
    },
  );

  api.openapi(
    createRoute({
      method: 'post', path: '/compare/{id}/share', tags: ['Compare'], summary: 'Share your private comparison with anyone who has its link', security: bearer,
      request: { params: IdParam },
      responses: { 200: jsonResponse(Created, 'Shared'), 404: jsonResponse(ErrorBody, 'No such comparison of yours') },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await shareComparison(c.var.store, id, c.var.actor!.id);
      return c.json({ id }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'get', path: '/versions/{a}/diff/{b}', tags: ['Bills'], summary: 'Redline between two versions of one bill',
      request: { params: z.object({ a: z.string().min(1).max(100), b: z.string().min(1).max(100) }) },
      responses: { 200: jsonResponse(VersionDiff, 'Provision by provision, from a to b'), 404: jsonResponse(ErrorBody, 'No such version'), 422: jsonResponse(ErrorBody, 'Versions of different bills') },
    }),
    async (c) => {
      const { a, b } = c.req.valid('param');
      const [left, right] = await Promise.all([getVersion(c.var.store.db, a), getVersion(c.var.store.db, b)]);
      if (!left) throw notFound('version', a);
      if (!right) throw notFound('version', b);
      if (left.billId !== right.billId) throw new UserError(422, `versions "${a}" and "${b}" belong to different bills`, 'b');
      return c.json({ from: a, to: b, ...diffTexts(left.text, right.text) }, 200);
    },
  );
}
