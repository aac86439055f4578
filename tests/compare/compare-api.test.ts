/**
 * Models, comparisons, version diffs and uploads through the API, on a real SQLite file, with small texts of our own
 * and (for one test) the General Law read from ../shared/corpus.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowCounts } from '../../src/db/bills.js';
import { corpus, GENERAL_LAW } from '../support/corpus.js';
import { startNodeApp, TEST_TOKEN, type NodeApp } from '../support/node-app.js';
import { SAMPLE_MODEL } from '../support/sample-texts.js';

const MODEL = SAMPLE_MODEL;
const DRAFT = [
  'Artículo 1. Esta ley protege a las víctimas de trata de personas.',
  'Artículo 2. Son autoridades competentes:',
  'I. La Fiscalía General del Estado;',
  'II. La Comisión.',
  'Artículo 3. El Estado llevará un registro de sentencias.',
].join('\n');

let t: NodeApp;
let modelId: string;
beforeAll(async () => {
  t = await startNodeApp();
  const res = await t.call('POST', '/api/models', { title: 'Modelo de prueba', text: MODEL, source: 'tests', date: '2012-06-14' });
  expect(res.status).toBe(201);
  modelId = res.body.id;
});
afterAll(() => t.close());

describe('models', () => {
  it('stores a model and lists its provisions with refs', async () => {
    const { status, body } = await t.call('GET', `/api/models/${modelId}`);
    expect(status).toBe(200);
    expect(body.provisions.map((p: any) => p.ref)).toEqual(['1', '2', '3', '4']);
    expect(body.provisions[1].children.map((c: any) => c.ref)).toEqual(expect.arrayContaining(['2 fr. I', '2 fr. II']));
    expect((await t.call('GET', '/api/models')).body.map((m: any) => m.id)).toContain(modelId);
  });

  it('marks provisions and groups them into criteria', async () => {
    const res = await t.call('PATCH', `/api/models/${modelId}/provisions`, { marks: [{ ref: '3', criterion: 'Reparación' }, { ref: '4', mandatory: false }] });
    expect(res.status).toBe(200);
    const model = (await t.call('GET', `/api/models/${modelId}`)).body;
    expect(model.criteria).toEqual([{ name: 'Reparación', refs: ['3'] }]);
    expect(model.provisions.find((p: any) => p.ref === '4').mandatory).toBe(false);
    const bad = await t.call('PATCH', `/api/models/${modelId}/provisions`, { marks: [{ ref: '99', mandatory: true }] });
    expect(bad.status).toBe(422);
    expect(bad.body.error.message).toContain('"99"');
  });

  it('refuses a model without provisions or without a token', async () => {
    const before = await rowCounts(t.store.db);
    expect((await t.call('POST', '/api/models', { title: 'x', text: '   ' })).status).toBe(400);
    expect((await t.call('POST', '/api/models', { title: 'x', text: MODEL }, null)).status).toBe(401);
    expect(await rowCounts(t.store.db)).toEqual(before);
  });
});

describe('compare', () => {
  it('reports present, modified, missing and added provisions, with a redline, and caches the result', async () => {
    const res = await t.call('POST', '/api/compare', { model: modelId, text: DRAFT, label: 'Borrador' }, null);
    expect(res.status).toBe(200);
    const { result } = res.body;
    const status = Object.fromEntries(result.coverage.map((c: any) => [c.model, c.status]));
    expect(status['1']).toBe('present');
    expect(status['2']).toBe('modified');
    expect(status['4']).toBe('missing');
    const pair = result.pairs.find((p: any) => p.model === '2');
    const left = pair.ops.filter((o: any) => o.op !== 'insert').map((o: any) => o.text).join('');
    const right = pair.ops.filter((o: any) => o.op !== 'delete').map((o: any) => o.text).join('');
    expect(right).toContain('Fiscalía General del Estado');
    expect(left).not.toContain('General del Estado');
    expect(result.summary.byCriterion.map((c: any) => c.name)).toEqual(['Reparación']);
    const permalink = await t.call('GET', `/api/compare/${res.body.id}`);
    expect(permalink.body).toEqual(res.body);
    const again = await t.call('POST', '/api/compare', { model: modelId, text: DRAFT, label: 'Borrador' }, null);
    expect(again.body.createdAt).toBe(res.body.createdAt);
  });

  it('gives a comparison\'s coverage as CSV: each model provision, then each added one', async () => {
    const res = await t.call('POST', '/api/compare', { model: modelId, text: `${DRAFT}\nArtículo 9. Una disposición nueva, "citada", sin par.` }, null);
    const { coverage, added } = res.body.result;
    const csv = await t.call('GET', `/api/compare/${res.body.id}/coverage.csv`, undefined, null);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toContain('attachment');
    const lines = (csv.body as string).split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('provision,status,similarity,draft_provisions');
    expect(lines).toHaveLength(1 + coverage.length + added.length);
    expect(added.length).toBeGreaterThan(0);
    const rowOf = (ref: string) => lines.find((l) => l.startsWith(`${ref},`));
    const modified = coverage.find((e: any) => e.status === 'modified');
    expect(rowOf(modified.model)).toBe(`${modified.model},modified,${modified.similarity},${modified.matches.join('; ')}`);
    expect(rowOf(coverage.find((e: any) => e.status === 'missing').model)).toMatch(/,missing,,$/);
    expect(lines.at(-1)).toBe(`,added,,${added.at(-1)}`);
    expect((await t.call('GET', `/api/compare/${'0'.repeat(64)}/coverage.csv`)).status).toBe(404);
  });

  it('answers bad compare requests with a 4xx naming the field', async () => {
    const cases: [unknown, number, string][] = [
      [{ model: modelId, text: '' }, 400, 'text'],
      [{ model: modelId }, 400, 'text'],
      [{ model: 'm-none', text: DRAFT }, 422, 'model'],
      [{ model: modelId, version: 'v-none' }, 422, 'version'],
    ];
    for (const [body, status, field] of cases) {
      const res = await t.call('POST', '/api/compare', body, null);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(res.body.error.fields.map((f: any) => f.field)).toContain(field);
    }
  });

  it('compares texts without articles as paragraphs, and binary garbage without crashing', async () => {
    const prose = await t.call('POST', '/api/compare', { model: modelId, text: 'Un párrafo sin artículos.\n\nOtro párrafo.' }, null);
    expect(prose.status).toBe(200);
    expect(prose.body.result.warnings.length).toBeGreaterThan(0);
    const garbage = String.fromCharCode(...Array.from({ length: 2000 }, (_, i) => (i * 7919) % 32));
    const res = await t.call('POST', '/api/compare', { model: modelId, text: garbage }, null);
    expect(res.status).toBeLessThan(500);
  });

  it('compares the General Law with itself: every article present', async () => {
    const law = corpus(GENERAL_LAW);
    const model = await t.call('POST', '/api/models', { title: 'LGPSEDMTP', text: law, source: 'https://www.diputados.gob.mx/LeyesBiblio/pdf/LGPSEDMTP.pdf', date: '2025-11-14' });
    expect(model.status).toBe(201);
    const res = await t.call('POST', '/api/compare', { model: model.body.id, text: law }, null);
    expect(res.body.result.summary.missing).toBe(0);
    expect(res.body.result.summary.modified).toBe(0);
    expect(res.body.result.summary.present).toBe(res.body.result.summary.modelUnits);
    expect(res.body.result.summary.modelUnits).toBeGreaterThan(100);
  });
});

describe('versions', () => {
  it('diffs two versions of one bill, and refuses versions of different bills', async () => {
    const bill = (await t.call('POST', '/api/bills', { jurisdiction: 'MX-SON', title: 'Ley de prueba', kind: 'law', source: 's', confidence: 'low' })).body.id;
    const a = (await t.call('POST', `/api/bills/${bill}/versions`, { stage: 'introduced', date: '2024', text: MODEL })).body.id;
    const b = (await t.call('POST', `/api/bills/${bill}/versions`, { stage: 'approved', date: '2025', text: DRAFT })).body.id;
    const diff = await t.call('GET', `/api/versions/${a}/diff/${b}`);
    expect(diff.status).toBe(200);
    expect(diff.body.result.coverage.find((c: any) => c.model === '4').status).toBe('missing');
    const other = (await t.call('POST', '/api/bills', { jurisdiction: 'MX-SON', title: 'Otra', kind: 'law', source: 's', confidence: 'low' })).body.id;
    const c = (await t.call('POST', `/api/bills/${other}/versions`, { stage: 'draft', date: '2025', text: DRAFT })).body.id;
    expect((await t.call('GET', `/api/versions/${a}/diff/${c}`)).status).toBe(422);
    const viaVersion = await t.call('POST', '/api/compare', { model: modelId, version: b }, null);
    expect(viaVersion.body.bill.versionId).toBe(b);
  });
});

describe('uploads', () => {
  const upload = (bytes: Uint8Array | string, name: string, token: string | null = TEST_TOKEN) => {
    const form = new FormData();
    form.set("file", new File([bytes as BlobPart], name));
    return t.app.request('/api/uploads', { method: 'POST', body: form, headers: token ? { Authorization: `Bearer ${token}` } : {} });
  };

  it('reads a text file, keeps the original, and turns it into a version', async () => {
    const res = await upload(MODEL, 'modelo.txt');
    expect(res.status).toBe(201);
    const body: any = await res.json();
    expect(body.text).toContain('Artículo 3.');
    expect(body.provisions.map((p: any) => p.ref)).toEqual(['1', '2', '3', '4']);
    expect(body.provenance.sha256).toMatch(/^[0-9a-f]{64}$/);
    const original = await t.app.request(`/api/files/${body.fileId}`);
    expect(new TextDecoder().decode(await original.arrayBuffer())).toBe(MODEL);
    const bill = (await t.call('POST', '/api/bills', { jurisdiction: 'MX-SON', title: 'Con archivo', kind: 'law', source: 's', confidence: 'low' })).body.id;
    const version = await t.call('POST', `/api/bills/${bill}/versions`, { stage: 'introduced', date: '2024', fileId: body.fileId });
    expect(version.status).toBe(201);
    const detail = (await t.call('GET', `/api/bills/${bill}`)).body;
    expect(detail.versions[0].fileId).toBe(body.fileId);
  });

  it('refuses empty, lying, unauthenticated and oversized uploads, storing nothing', async () => {
    const count = () => (t.store.sqlite.prepare('SELECT COUNT(*) n FROM files').get() as { n: number }).n;
    const before = count();
    expect((await upload(new Uint8Array(), 'vacio.txt')).status).toBe(400);
    expect((await upload(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a, 0x00, 0x01]), 'falso.pdf')).status).toBeGreaterThanOrEqual(400);
    expect((await upload(MODEL, 'modelo.txt', null)).status).toBe(401);
    expect((await upload(new Uint8Array(21 * 1024 * 1024), 'grande.txt')).status).toBe(413);
    expect(count()).toBe(before);
  });
});
