/**
 * Bills, versions, amendments and actions: `/api/bills…` and `/api/amendments/:id`, and each bill's history.
 * Who may write is decided by `guard.ts`; every write is recorded in the audit trail under the actor's id.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { billHistory } from '../db/audit.js';
import { addAction, addAmendment, addVersion, createBill, decideAmendment, deleteBill, restoreBill } from '../db/bill-writes.js';
import { getBill, getVersion, listBills } from '../db/bills.js';
import { getFileText } from '../db/files.js';
import { notFound, UserError } from '../lib/errors.js';
import type { AppEnv } from '../app-env.js';
import {
  AmendmentDecision,
  BillDetail,
  BillList,
  BillListQuery,
  Created,
  ErrorBody,
  IdParam,
  NewAction,
  NewAmendment,
  NewBill,
  NewVersion,
  VersionWithText,
} from './schemas.js';
import { jsonResponse, jsonBody, bearer } from './openapi.js';

const writeErrors = {
  400: jsonResponse(ErrorBody, 'Invalid input; `fields` names each field at fault'),
  401: jsonResponse(ErrorBody, 'Missing or wrong token'),
  404: jsonResponse(ErrorBody, 'The bill does not exist'),
  413: jsonResponse(ErrorBody, 'Body too large'),
  422: jsonResponse(ErrorBody, 'A referenced record does not exist or belongs elsewhere'),
};

export function registerBillRoutes(api: OpenAPIHono<AppEnv>) {
  api.openapi(
    createRoute({
      method: 'get', path: '/bills', tags: ['Bills'], summary: 'Bills, filtered and paginated',
      request: { query: BillListQuery },
      responses: { 200: jsonResponse(BillList, 'A page of bills') },
    }),
    async (c) => c.json(await listBills(c.var.store.db, c.req.valid('query')), 200),
  );

  api.openapi(
    createRoute({
      method: 'post', path: '/bills', tags: ['Bills'], summary: 'Create a bill', security: bearer,
      request: jsonBody(NewBill),
      responses: { 201: jsonResponse(Created, 'The new bill'), ...writeErrors },
    }),
    async (c) => c.json({ id: await createBill(c.var.store, c.var.actor!.id, c.req.valid('json')) }, 201),
  );

  api.openapi(
    createRoute({
      method: 'get', path: '/bills/{id}', tags: ['Bills'], summary: 'A bill with its versions, amendments and actions',
      request: { params: IdParam },
      responses: { 200: jsonResponse(BillDetail, 'The bill'), 404: jsonResponse(ErrorBody, 'No such bill') },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const bill = await getBill(c.var.store.db, id);
      if (!bill) throw notFound('bill', id);
      if (bill.deletedAt) throw new UserError(410, `bill "${id}" was deleted on ${bill.deletedAt}; an admin can restore it`, undefined, 'deleted');
      return c.json(bill, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'post', path: '/bills/{id}/versions', tags: ['Bills'], summary: "Add an immutable version of the bill's text", security: bearer,
      request: { params: IdParam, ...jsonBody(NewVersion) },
      responses: { 201: jsonResponse(Created, 'The new version'), ...writeErrors },
    }),
    async (c) => {
      const { text, fileId, ...input } = c.req.valid('json');
      const body = text ?? (await getFileText(c.var.store.db, fileId!));
      return c.json({ id: await addVersion(c.var.store, c.var.actor!.id, c.req.valid('param').id, { ...input, text: body, fileId: fileId ?? null }) }, 201);
    },
  );

  api.openapi(
    createRoute({
      method: 'post', path: '/bills/{id}/actions', tags: ['Bills'], summary: 'Record a dated action (introduced, published…)', security: bearer,
      request: { params: IdParam, ...jsonBody(NewAction) },
      responses: { 201: jsonResponse(Created, 'The new action'), ...writeErrors },
    }),
    async (c) => c.json({ id: await addAction(c.var.store, c.var.actor!.id, c.req.valid('param').id, c.req.valid('json')) }, 201),
  );

  api.openapi(
    createRoute({
      method: 'post', path: '/bills/{id}/amendments', tags: ['Bills'], summary: 'Propose an amendment to one of its versions', security: bearer,
      request: { params: IdParam, ...jsonBody(NewAmendment) },
      responses: { 201: jsonResponse(Created, 'The new amendment'), ...writeErrors },
    }),
    async (c) => c.json({ id: await addAmendment(c.var.store, c.var.actor!.id, c.req.valid('param').id, c.req.valid('json')) }, 201),
  );

  api.openapi(
    createRoute({
      method: 'patch', path: '/amendments/{id}', tags: ['Bills'], summary: "Decide an amendment's fate", security: bearer,
      request: { params: IdParam, ...jsonBody(AmendmentDecision) },
      responses: { 200: jsonResponse(Created, 'The amendment, decided'), 409: jsonResponse(ErrorBody, 'Already decided'), ...writeErrors },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { fate, resultVersionId } = c.req.valid('json');
      await decideAmendment(c.var.store, c.var.actor!.id, id, fate, resultVersionId);
      return c.json({ id }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'delete', path: '/bills/{id}', tags: ['Bills'], summary: 'Delete a bill (admins): a tombstone, restorable', security: bearer,
      request: { params: IdParam },
      responses: { 200: jsonResponse(Created, 'Deleted'), 403: jsonResponse(ErrorBody, 'Not an admin'), 404: jsonResponse(ErrorBody, 'No such bill'), 409: jsonResponse(ErrorBody, 'Already deleted') },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await deleteBill(c.var.store, c.var.actor!.id, id);
      return c.json({ id }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'post', path: '/bills/{id}/restore', tags: ['Bills'], summary: 'Restore a deleted bill (admins)', security: bearer,
      request: { params: IdParam },
      responses: { 200: jsonResponse(Created, 'Restored'), 403: jsonResponse(ErrorBody, 'Not an admin'), 404: jsonResponse(ErrorBody, 'No such bill'), 409: jsonResponse(ErrorBody, 'Not deleted') },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await restoreBill(c.var.store, c.var.actor!.id, id);
      return c.json({ id }, 200);
    },
  );

  // A version's text (the bill's page lists versions without it), as JSON or as plain text to read or save.
  const versionText = async (c: { var: AppEnv['Variables'] }, id: string) => {
    const version = await getVersion(c.var.store.db, id);
    if (!version) throw notFound('version', id);
    const bill = await getBill(c.var.store.db, version.billId);
    if (bill?.deletedAt) throw new UserError(410, `its bill "${bill.id}" was deleted on ${bill.deletedAt}; an admin can restore it`, undefined, 'deleted');
    return version;
  };

  api.openapi(
    createRoute({
      method: 'get', path: '/versions/{id}', tags: ['Bills'], summary: "A version of a bill's text, with the text",
      request: { params: IdParam },
      responses: { 200: jsonResponse(VersionWithText, 'The version'), 404: jsonResponse(ErrorBody, 'No such version'), 410: jsonResponse(ErrorBody, 'Its bill was deleted') },
    }),
    async (c) => {
      const { dateValue, ...version } = await versionText(c, c.req.valid('param').id);
      return c.json({ ...version, date: dateValue }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'get', path: '/versions/{id}/text', tags: ['Bills'], summary: "A version's text alone, as plain UTF-8",
      request: { params: IdParam },
      responses: { 200: { content: { 'text/plain': { schema: { type: 'string' } } }, description: 'The text, exactly as stored' }, 404: jsonResponse(ErrorBody, 'No such version') },
    }),
    async (c) => {
      const version = await versionText(c, c.req.valid('param').id);
      c.header('Content-Disposition', `inline; filename="${`${version.billId}-${version.stage}-${version.dateValue}`.replace(/[^\w.-]/g, '_')}.txt"`);
      return c.body(version.text, 200, { 'Content-Type': 'text/plain; charset=utf-8' }) as never;
    },
  );

  api.openapi(
    createRoute({
      method: 'get', path: '/bills/{id}/history', tags: ['Bills'], summary: 'Who changed the bill and its children, when, and from what to what',
      request: { params: IdParam },
      responses: { 200: jsonResponse(HistoryEntry.array(), 'Audit entries, oldest first') },
    }),
    async (c) => c.json(await billHistory(c.var.store.db, c.req.valid('param').id), 200),
  );
}

export const HistoryEntry = z
  .object({
    seq: z.number(), at: z.string(), actor: z.string(), action: z.enum(['create', 'update', 'delete', 'restore']), entity: z.string(),
    entityId: z.string(), billId: z.string().nullable(), before: z.record(z.string(), z.unknown()).nullable(), after: z.record(z.string(), z.unknown()).nullable(),
  })
  .openapi('HistoryEntry');
