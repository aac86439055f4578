/**
 * `fetch:official` against a local HTTP server on 127.0.0.1 serving the official PDF of the General Law (from
 * ../shared/corpus), then a 304, then the same bytes without validators, then a changed file, then a failure.
 * Never against the internet.
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
  source = { id: 'lgpsedmtp-test', title: 'Ley General', url: `http://127.0.0.1:${port}/LeyesBiblio/pdf/LGPSEDMTP.pdf`, bill: 'mx-lgpsedmtp', stage: 'in-force' };
  t = await startNodeApp();
});
afterAll(async () => {
  t.close();
  await new Promise((ok) => server.close(ok));
});

const versions = async () => (await t.call('GET', '/api/bills/mx-lgpsedmtp')).body.versions as any[];

describe('fetch:official', () => {
  it('imports the official PDF as a new version, dated by its last reform, with the original kept', async () => {
    const result = await fetchOfficial(t.store, source);
    expect(result).toMatchObject({ outcome: 'new-version', date: '2025-11-14' });
    const [version] = await versions();
    expect(version).toMatchObject({ stage: 'in-force', date: '2025-11-14', sourceUrl: source.url });
    const original = await t.app.request(`/api/files/${version.fileId}`);
    expect(new Uint8Array(await original.arrayBuffer())).toEqual(served.bytes);
  }, 60_000);

  it('skips the document when the server answers 304', async () => {
    const result = await fetchOfficial(t.store, source);
    expect(result.outcome).toBe('not-modified');
    expect(requests.at(-1)!.ifNoneMatch).toBe('"v1"');
    expect(await versions()).toHaveLength(1);
  });

  it('skips the document when its bytes hash as before', async () => {
    served.etag = null;
    expect((await fetchOfficial(t.store, source)).outcome).toBe('unchanged');
    expect(await versions()).toHaveLength(1);
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
  });

  it('records a failure without storing anything', async () => {
    served.status = 500;
    const before = await versions();
    const result = await fetchOfficial(t.store, source);
    expect(result).toMatchObject({ outcome: 'error', message: expect.stringContaining('HTTP 500') });
    expect(await versions()).toEqual(before);
    const row = t.store.sqlite.prepare('SELECT outcome, fetched_at FROM official_sources WHERE id = ?').get(source.id) as { outcome: string; fetched_at: string };
    expect(row.outcome).toContain('HTTP 500');
    expect(row.fetched_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });
});
