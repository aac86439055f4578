/**
 * `fetch:official` against a local HTTP server on 127.0.0.1 serving the official PDF of the General Law (from
 * ../shared/corpus), then a 304, then the same bytes without validators, then a changed file, then a failure.
 * The source is model legislation: each new version is a model text too. Never against the internet.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchOfficial, type OfficialSource } from '../../src/sources/official.js';
import { corpusBytes, GENERAL_LAW_PDF } from '../support/corpus.js';
import { startNodeApp, type NodeApp } from '../support/node-app.js';

let served: { bytes: Uint8Array; etag: string | null; status: number };
const requests: { ifNoneMatch?: string }[] = [];
let server: Server;
let t: NodeApp;
let source: OfficialSource;

beforeAll(async () => {
  served = { bytes: corpusBytes(GENERAL_LAW_PDF), etag: '"v1"', status: 200 };
  server = createServer((req, res) => {
    requests.push({ ifNoneMatch: req.headers['if-none-match'] });
    if (served.status !== 200) return res.writeHead(served.status).end('server error');
    if (served.etag && req.headers['if-none-match'] === served.etag) return res.writeHead(304).end();
    res.writeHead(200, { 'Content-Type': 'application/pdf', ...(served.etag ? { ETag: served.etag } : {}) }).end(served.bytes);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  source = {
    id: 'lgpsedmtp-test',
    title: 'Ley General',
    url: `http://127.0.0.1:${port}/LeyesBiblio/pdf/LGPSEDMTP.pdf`,
    bill: 'mx-lgpsedmtp',
    stage: 'in-force',
    model: { title: 'Ley General (LGPSEDMTP)', language: 'es' },
  };
  t = await startNodeApp();
});
afterAll(async () => {
  t.close();
  await new Promise((ok) => server.close(ok));
});

const versions = async () => (await t.call('GET', '/api/bills/mx-lgpsedmtp')).body.versions as any[];
const models = async () => (await t.call('GET', '/api/models')).body as any[];

describe('fetch:official', () => {
  it('imports the official PDF as a new version, dated by its last reform, with the original kept', async () => {
    const result = await fetchOfficial(t.store, source);
    expect(result).toMatchObject({ outcome: 'new-version', date: '2025-11-14' });
    const [version] = await versions();
    expect(version).toMatchObject({ stage: 'in-force', date: '2025-11-14', sourceUrl: source.url });
    const original = await t.app.request(`/api/files/${version.fileId}`);
    expect(new Uint8Array(await original.arrayBuffer())).toEqual(served.bytes);
  }, 60_000);

  it('keeps that version as a model text too, dated and linked to the same original, ready to compare with', async () => {
    const [version] = await versions();
    const [summary] = await models();
    expect(summary).toMatchObject({ title: 'Ley General (LGPSEDMTP) (2025-11-14)', date: '2025-11-14', source: source.url, fileId: version.fileId, sha256: version.sha256 });
    const model = (await t.call('GET', `/api/models/${summary.id}`)).body;
    expect(model.provisions.filter((p: any) => p.kind === 'article')).toHaveLength(126);
    const compared = await t.call('POST', '/api/compare', { model: summary.id, version: version.id });
    expect(compared.status).toBe(200);
    expect(compared.body.result.summary).toMatchObject({ present: model.provisions.length, modified: 0, missing: 0, added: 0 });
    // Its 126 articles start mandatory, its 40 transitorios optional.
    expect(compared.body.result.summary.mandatory).toMatchObject({ present: 126, total: 126 });
    const page = await t.app.request('/compare');
    expect(await page.text()).toContain('Ley General (LGPSEDMTP) (2025-11-14)');
    // The federation's page does not compare the law with itself: it says the text is the model, and links it.
    const federation = await (await t.app.request('/states/MX?lang=en')).text();
    const coverage = federation.slice(federation.indexOf('id="coverage"'));
    expect(coverage).toContain(`This text is the model itself: <a href="/models/${summary.id}">`);
    expect(coverage).not.toContain('summary-card');
  }, 60_000);

  it('skips the document when the server answers 304', async () => {
    const result = await fetchOfficial(t.store, source);
    expect(result.outcome).toBe('not-modified');
    expect(requests.at(-1)!.ifNoneMatch).toBe('"v1"');
    expect(await versions()).toHaveLength(1);
    expect(await models()).toHaveLength(1);
  });

  it('skips the document when its bytes hash as before', async () => {
    served.etag = null;
    expect((await fetchOfficial(t.store, source)).outcome).toBe('unchanged');
    expect(await versions()).toHaveLength(1);
    expect(await models()).toHaveLength(1);
  });

  it('imports a changed document as a new version', async () => {
    const pdf = await PDFDocument.create();
    const page = pdf.addPage();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    page.drawText('Artículo 1. Texto reformado de prueba.', { x: 50, y: 700, size: 12, font });
    served = { bytes: await pdf.save(), etag: '"v2"', status: 200 };
    const result = await fetchOfficial(t.store, source);
    expect(result.outcome).toBe('new-version');
    const all = await versions();
    expect(all).toHaveLength(2);
    expect(all[1].sha256).not.toBe(all[0].sha256);
    const [, model] = await models();
    expect(model).toMatchObject({ id: (result as { modelId: string }).modelId, sha256: all[1].sha256, fileId: all[1].fileId });
  });

  it('stores neither version nor model when the new text cannot be a model (nothing but a page number)', async () => {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    pdf.addPage().drawText('1 de 1', { x: 300, y: 40, size: 10, font });
    served = { bytes: await pdf.save(), etag: '"v3"', status: 200 };
    const [beforeVersions, beforeModels] = [await versions(), await models()];
    const result = await fetchOfficial(t.store, source);
    expect(result).toMatchObject({ outcome: 'error', message: expect.stringContaining('no provisions') });
    expect(await versions()).toEqual(beforeVersions);
    expect(await models()).toEqual(beforeModels);
  });

  it('records a failure without storing anything', async () => {
    served.status = 500;
    const [before, beforeModels] = [await versions(), await models()];
    const result = await fetchOfficial(t.store, source);
    expect(result).toMatchObject({ outcome: 'error', message: expect.stringContaining('HTTP 500') });
    expect(await versions()).toEqual(before);
    expect(await models()).toEqual(beforeModels);
    const row = t.store.sqlite.prepare('SELECT outcome, fetched_at FROM official_sources WHERE id = ?').get(source.id) as { outcome: string; fetched_at: string };
    expect(row.outcome).toContain('HTTP 500');
    expect(row.fetched_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('says why the network failed, not only that it did', async () => {
    const offline = (() => Promise.reject(new TypeError('fetch failed', { cause: new Error('getaddrinfo ENOTFOUND www.diputados.gob.mx') }))) as typeof fetch;
    const result = await fetchOfficial(t.store, source, offline);
    expect(result).toMatchObject({ outcome: 'error', message: 'fetch failed (getaddrinfo ENOTFOUND www.diputados.gob.mx)' });
  });
});
