/**
 * The API suite, written once and run on every backend: every route's happy path, a table of bad inputs (each a 4xx
 * naming the field, with nothing written), the write guard, and the body limit the runtime entry point chose. Web APIs
 * only: it runs in Node (`tests/foundation/api.test.ts`, better-sqlite3 file) and inside workerd
 * (`tests/workers/api.test.ts`, D1).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowCounts } from '../../src/db/bills.js';
import { sha256Hex } from '../../src/lib/hash.js';
import { TEST_TOKEN, type TestApp } from './harness.js';

/**
 * Declares the suite for the backend that `start` builds (called once, before the first test).
 *
 * @example
 * describeApiSuite(() => startNodeApp());
 */
export function describeApiSuite(start: () => Promise<TestApp>) {
  let t: TestApp;
  beforeAll(async () => (t = await start()));
  afterAll(() => t.close());

  const newBill = { jurisdiction: 'MX-CHP', title: 'Iniciativa de reforma a la Ley de Trata', kind: 'reform', harmonizes: true, source: 'https://example.org/gaceta/123', confidence: 'high' };

  describe('reads', () => {
    it('lists the federation and its 32 entities', async () => {
      const { status, body } = await t.call('GET', '/api/jurisdictions');
      expect(status).toBe(200);
      expect(body).toHaveLength(33);
      expect(body[0]).toMatchObject({ id: 'MX', kind: 'federation' });
      expect(body.find((j: any) => j.id === 'MX-CMX')).toMatchObject({ nameEn: 'Mexico City', code: '09' });
    });

    it('shows one jurisdiction with its bills and current status', async () => {
      const { status, body } = await t.call('GET', '/api/jurisdictions/MX-CHP');
      expect(status).toBe(200);
      expect(body.bills.map((b: any) => b.id)).toContain('mx-chp-first-law-2009-04-03');
      expect(body.status.status).toBe('published');
      expect((await t.call('GET', '/api/jurisdictions/MX-XXX')).status).toBe(404);
    });

    it('derives the status of all entities at a date, with evidence', async () => {
      const { status, body } = await t.call('GET', '/api/status?asOf=2012-06-14');
      expect(status).toBe(200);
      expect(body.asOf).toBe('2012-06-14');
      expect(body.jurisdictions).toHaveLength(33);
      const chiapas = body.jurisdictions.find((j: any) => j.id === 'MX-CHP');
      expect(chiapas).toMatchObject({ name: 'Chiapas', status: 'published', since: '2009-04-03' });
      expect(chiapas.evidence[0].source).toBeTruthy();
      expect(chiapas.evidence[0].confidence).toBe('high');
    });

    it('exports the status as CSV', async () => {
      const { status, headers, body } = await t.call('GET', '/api/status.csv?asOf=2012-06-14&lang=en');
      expect(status).toBe(200);
      expect(headers.get('content-type')).toContain('text/csv');
      const lines = body.trim().split('\r\n');
      expect(lines[0]).toBe('id,name,as_of,status,since,evidence,sources,confidence,undated_status,undated_evidence');
      expect(lines).toHaveLength(34);
      expect(lines.find((l: string) => l.startsWith('MX-CMX'))).toContain('Mexico City');
    });

    it('lists the gaps in the evidence of each status: a status unknown exactly where /api/status says so', async () => {
      const [gaps, st] = await Promise.all([t.call('GET', '/api/gaps?asOf=2012-06-14&lang=en'), t.call('GET', '/api/status?asOf=2012-06-14&lang=en')]);
      expect(gaps.status).toBe(200);
      const unknown = (rows: { id: string; status?: string; gaps?: { kind: string }[] }[], gap: boolean) =>
        rows.filter((r) => (gap ? r.gaps!.some((g) => g.kind === 'unknown-status') : r.status === 'unknown')).map((r) => r.id);
      expect(unknown(gaps.body.jurisdictions, true)).toEqual(unknown(st.body.jurisdictions, false));
      expect(gaps.body.totals['unknown-status']).toBeGreaterThan(0);
    });

    it('filters and pages bills', async () => {
      const all = await t.call('GET', '/api/bills?perPage=5');
      expect(all.status).toBe(200);
      expect(all.body.items).toHaveLength(5);
      expect(all.body.total).toBe(t.seed.bills.length);
      const harmonized = await t.call('GET', '/api/bills?status=harmonized&perPage=200');
      expect(harmonized.body.items.length).toBeGreaterThan(0);
      expect(harmonized.body.items.every((b: any) => b.status === 'harmonized')).toBe(true);
      const penal = await t.call('GET', '/api/bills?kind=penal-code-reform&jurisdiction=MX-COL');
      expect(penal.body.items.map((b: any) => b.id)).toEqual(['mx-col-penal-reform-2008-04-30']);
      const text = await t.call('GET', `/api/bills?q=${encodeURIComponent('Quintana Roo')}`);
      expect(text.status, JSON.stringify(text.body)).toBe(200);
      expect(text.body.items.length).toBe(t.seed.bills.filter((b) => b.title.includes('Quintana Roo')).length);
      const literal = await t.call('GET', `/api/bills?q=${encodeURIComponent('%')}`);
      expect(literal.body.total).toBe(t.seed.bills.filter((b) => b.title.includes('%')).length);
    });

    it('shows a bill with its actions, in date order', async () => {
      const { status, body } = await t.call('GET', '/api/bills/mx-lgpsedmtp');
      expect(status).toBe(200);
      const dates = body.actions.map((a: any) => a.dateEffective);
      expect(dates).toEqual([...dates].sort());
      expect(body.actions.find((a: any) => a.classification === 'publication')).toMatchObject({ date: '2012-06-14', source: expect.any(String) });
    });

    it('publishes an OpenAPI document and a docs page', async () => {
      const spec = await t.call('GET', '/api/openapi.json');
      expect(spec.status).toBe(200);
      expect(Object.keys(spec.body.paths)).toEqual(expect.arrayContaining(['/status', '/bills', '/bills/{id}/versions', '/amendments/{id}']));
      const docs = await t.call('GET', '/api/docs');
      expect(docs.body).toContain('/api/bills/{id}/actions');
      // Its curl lines name the address the page was asked at (here the test's http://localhost), not a fixed one.
      expect(docs.body).toContain('curl http://localhost/api/status</pre>');
    });

    it('answers unknown routes with 404 JSON', async () => {
      const { status, body } = await t.call('GET', '/api/nothing-here');
      expect(status).toBe(404);
      expect(body.error.code).toBe('not_found');
    });
  });

  describe('writes', () => {
    it('creates a bill, its versions, actions and amendments, and decides an amendment', async () => {
      const bill = await t.call('POST', '/api/bills', newBill);
      expect(bill.status).toBe(201);
      const id = bill.body.id;
      const v1 = await t.call('POST', `/api/bills/${id}/versions`, { stage: 'introduced', date: '2024-03-01', text: 'Artículo 1. Texto inicial.' });
      const v2 = await t.call('POST', `/api/bills/${id}/versions`, { stage: 'committee-report', date: '2024-04', text: 'Artículo 1. Texto dictaminado.' });
      expect([v1.status, v2.status]).toEqual([201, 201]);
      const action = await t.call('POST', `/api/bills/${id}/actions`, { date: '2024-05-02', classification: 'publication', description: 'Publicada en el P.O.', source: 'P.O. 2024-05-02', confidence: 'medium' });
      expect(action.status).toBe(201);
      const amendment = await t.call('POST', `/api/bills/${id}/amendments`, { versionId: v1.body.id, proposer: 'Dip. Ejemplo', date: '2024-03-15', text: 'Sustituir "inicial" por "dictaminado".' });
      expect(amendment.status).toBe(201);
      const decided = await t.call('PATCH', `/api/amendments/${amendment.body.id}`, { fate: 'adopted', resultVersionId: v2.body.id });
      expect(decided.status).toBe(200);
      expect((await t.call('PATCH', `/api/amendments/${amendment.body.id}`, { fate: 'rejected' })).status).toBe(409);

      const detail = (await t.call('GET', `/api/bills/${id}`)).body;
      expect(detail.versions.map((v: any) => v.stage)).toEqual(['introduced', 'committee-report']);
      expect(detail.versions[0].sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(detail.amendments[0]).toMatchObject({ fate: 'adopted', resultVersionId: v2.body.id });
      expect(detail.status).toBe('harmonized');
      const chiapas = (await t.call('GET', '/api/status?asOf=2024-06-01')).body.jurisdictions.find((j: any) => j.id === 'MX-CHP');
      expect(chiapas.status).toBe('harmonized');
      expect(chiapas.since).toBe('2024-05-02');
    });

    it('answers a repeated status read with 304 until a write changes it, and shows the write at once', async () => {
      const url = '/api/status?asOf=2031-01-01';
      const first = await t.call('GET', url, undefined, null);
      const etag = first.headers.get('etag');
      expect(etag).toMatch(/^"[0-9a-f]{24}"$/);
      const conditional = await t.app.request(url, { headers: { 'If-None-Match': etag! } });
      expect(conditional.status).toBe(304);
      expect(await conditional.text()).toBe('');
      const before = first.body.jurisdictions.find((j: any) => j.id === 'MX-SON');

      const bill = await t.call('POST', '/api/bills', { ...newBill, jurisdiction: 'MX-SON', title: 'Reforma armonizadora (caché)' });
      await t.call('POST', `/api/bills/${bill.body.id}/actions`, { date: '2030-06-01', classification: 'publication', description: 'Publicada', source: 'P.O. 2030-06-01', confidence: 'high' });

      const after = await t.call('GET', url, undefined, null);
      expect(after.headers.get('etag')).not.toBe(etag);
      expect(before.status).not.toBe('harmonized');
      expect(after.body.jurisdictions.find((j: any) => j.id === 'MX-SON')).toMatchObject({ status: 'harmonized', since: '2030-06-01' });
      expect((await t.app.request(url, { headers: { 'If-None-Match': etag! } })).status).toBe(200);
      const csv = await t.call('GET', '/api/status.csv?asOf=2031-01-01', undefined, null);
      expect(csv.body).toContain('2030-06-01');
    });

    it('refuses writes without a token or with a wrong one, writing nothing', async () => {
      const before = await rowCounts(t.store.db);
      const none = await t.call('POST', '/api/bills', newBill, null);
      const wrong = await t.call('POST', '/api/bills', newBill, `${TEST_TOKEN}x`);
      expect([none.status, wrong.status]).toEqual([401, 401]);
      expect(none.body.error.fields[0].field).toBe('Authorization');
      expect(await rowCounts(t.store.db)).toEqual(before);
    });
  });

  describe('bad input: a 4xx naming the field, nothing written', () => {
    let billId: string;
    let otherVersion: string;
    beforeAll(async () => {
      billId = (await t.call('POST', '/api/bills', { ...newBill, title: 'Bill for bad inputs' })).body.id;
      const other = (await t.call('POST', '/api/bills', { ...newBill, title: 'Another bill' })).body.id;
      otherVersion = (await t.call('POST', `/api/bills/${other}/versions`, { stage: 'draft', date: '2025', text: 'Artículo 1. Otro.' })).body.id;
    });

    const cases: [string, string, () => string, unknown, number, string][] = [
      ['malformed JSON', 'POST', () => '/api/bills', '{"title": ', 400, 'body'],
      ['wrong type', 'POST', () => '/api/bills', { ...newBill, harmonizes: 'yes' }, 400, 'harmonizes'],
      ['missing field', 'POST', () => '/api/bills', { ...newBill, source: undefined }, 400, 'source'],
      ['empty title', 'POST', () => '/api/bills', { ...newBill, title: '   ' }, 400, 'title'],
      ['unknown field', 'POST', () => '/api/bills', { ...newBill, status: 'published' }, 400, 'body'],
      ['unknown kind', 'POST', () => '/api/bills', { ...newBill, kind: 'decree' }, 400, 'kind'],
      ['unknown jurisdiction', 'POST', () => '/api/bills', { ...newBill, jurisdiction: 'MX-XXX' }, 422, 'jurisdiction'],
      ['impossible date', 'POST', () => `/api/bills/${billId}/actions`, { date: '2012-02-30', classification: 'publication', description: 'x', source: 'y', confidence: 'low' }, 400, 'date'],
      ['unknown classification', 'POST', () => `/api/bills/${billId}/actions`, { date: '2012-02-03', classification: 'signed', description: 'x', source: 'y', confidence: 'low' }, 400, 'classification'],
      ['action for a missing bill', 'POST', () => '/api/bills/nope/actions', { date: '2012-02-03', classification: 'publication', description: 'x', source: 'y', confidence: 'low' }, 404, ''],
      ['version for a missing bill', 'POST', () => '/api/bills/nope/versions', { stage: 'draft', date: '2025', text: 'x' }, 404, ''],
      ['version with a bad URL', 'POST', () => `/api/bills/${billId}/versions`, { stage: 'draft', date: '2025', text: 'x', sourceUrl: 'not a url' }, 400, 'sourceUrl'],
      ['amendment to a version of another bill', 'POST', () => `/api/bills/${billId}/amendments`, () => ({ versionId: otherVersion, proposer: 'p', date: '2025', text: 't' }), 422, 'versionId'],
      ['amendment to a missing version', 'POST', () => `/api/bills/${billId}/amendments`, { versionId: 'v-none', proposer: 'p', date: '2025', text: 't' }, 422, 'versionId'],
      ['decision back to pending', 'PATCH', () => '/api/amendments/am-none', { fate: 'pending' }, 400, 'fate'],
      ['decision on a missing amendment', 'PATCH', () => '/api/amendments/am-none', { fate: 'rejected' }, 404, ''],
      ['bad asOf', 'GET', () => '/api/status?asOf=2012-02-30', undefined, 400, 'asOf'],
      ['bad page size', 'GET', () => '/api/bills?perPage=100000', undefined, 400, 'perPage'],
      ['oversized body', 'POST', () => `/api/bills/${billId}/versions`, { stage: 'draft', date: '2025', text: 'x'.repeat(9 * 1024 * 1024) }, 413, 'body'],
    ];

    it.each(cases)('%s', async (_name, method, url, payload, expected, field) => {
      const before = await rowCounts(t.store.db);
      const body = typeof payload === 'function' ? payload() : payload;
      const res = await t.call(method, url(), body);
      expect(res.status).toBe(expected);
      expect(res.body.error.message).toBeTruthy();
      if (field) expect(res.body.error.fields.map((f: any) => f.field)).toContain(field);
      expect(await rowCounts(t.store.db)).toEqual(before);
    });

    it('answers an unexpected error with a bare 500 and logs it', async () => {
      const original = t.store.db.select;
      (t.store.db as any).select = () => {
        throw new Error('disk on fire');
      };
      try {
        const res = await t.call('GET', '/api/bills');
        expect(res.status).toBe(500);
        expect(JSON.stringify(res.body)).not.toContain('disk on fire');
      } finally {
        (t.store.db as any).select = original;
      }
    });
  });

  describe('the body limit of this backend', () => {
    // Node accepts 8 MiB; the worker accepts what fits in one D1 row (2 MB). Both must refuse past their limit with a
    // 413 and store a body right at it whole: a limit larger than the engine can hold would surface as a 500.
    // A body of exactly `bytes` bytes: the text fills it up to 4 M characters (under the schema's cap on a version's
    // text), JSON whitespace fills the rest.
    const versionOfBytes = (bytes: number) => {
      const head = { stage: 'draft', date: '2025', text: 'Artículo 1. ' };
      const overhead = new TextEncoder().encode(JSON.stringify(head)).length;
      const fill = Math.min(bytes - overhead, 4_000_000);
      return JSON.stringify({ ...head, text: head.text + 'x'.repeat(fill) }) + ' '.repeat(bytes - overhead - fill);
    };

    it('stores a version whose body is exactly at the limit, and refuses one byte more', async () => {
      const billId = (await t.call('POST', '/api/bills', { ...newBill, title: 'Bill at the body limit' })).body.id;
      const atLimit = versionOfBytes(t.maxBodyBytes);
      expect(new TextEncoder().encode(atLimit).length).toBe(t.maxBodyBytes);
      const stored = await t.call('POST', `/api/bills/${billId}/versions`, atLimit);
      expect(stored.status).toBe(201);
      const before = await rowCounts(t.store.db);
      const over = await t.call('POST', `/api/bills/${billId}/versions`, versionOfBytes(t.maxBodyBytes + 1));
      expect(over.status).toBe(413);
      expect(over.body.error.fields[0].field).toBe('body');
      expect(await rowCounts(t.store.db)).toEqual(before);
      const detail = (await t.call('GET', `/api/bills/${billId}`)).body;
      expect(detail.versions).toHaveLength(1);
      expect(detail.versions[0].sha256).toBe(await sha256Hex(JSON.parse(atLimit).text));
    });
  });
}
