/**
 * Workers only: what `src/worker.ts` itself does, which has no Node counterpart to test. The requests go through the
 * worker's default export in workerd (`exports.default.fetch`), with the admin token given as a binding the way
 * `wrangler secret put` gives it, and the database seeded by `seedDataset` on a D1 store, as `npm run seed:d1` does.
 */
import { env } from 'cloudflare:test';
import { exports } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { strFromU8, unzipSync } from 'fflate';
import { rowCounts } from '../../src/db/bills.js';
import { D1_LIMITS, openD1 } from '../../src/db/d1.js';
import { files, versions } from '../../src/db/schema.js';
import { seedDataset } from '../../src/db/seed.js';
import { mxSeed, TEST_TOKEN } from '../support/harness.js';

const worker = exports.default;
const bill = { jurisdiction: 'MX-OAX', title: 'Iniciativa enviada al worker', kind: 'reform', harmonizes: false, source: 'https://example.org/oax', confidence: 'low' };

describe('seeding D1 through the same code as Node', () => {
  it('applies the dataset once, then recognizes it', async () => {
    const store = openD1(env.DB);
    const first = await seedDataset(store, mxSeed);
    const again = await seedDataset(store, mxSeed);
    expect(first.applied).toBe(true);
    expect(again.applied).toBe(false);
    expect(first).toMatchObject({ jurisdictions: 33, bills: mxSeed.bills.length });
    const counts = await rowCounts(store.db);
    expect(counts.bills).toBe(mxSeed.bills.length);
    expect(counts.actions).toBe(mxSeed.bills.reduce((n, b) => n + b.actions.length, 0));
  });
});

describe('the worker entry point', () => {
  beforeAll(async () => {
    await seedDataset(openD1(env.DB), mxSeed);
  });

  it('serves the API from env.DB', async () => {
    const res = await worker.fetch('http://armoniza.test/api/status?asOf=2012-06-14');
    expect(res.status).toBe(200);
    const body: any = await res.json();
    expect(body.jurisdictions).toHaveLength(33);
    expect(body.jurisdictions.find((j: any) => j.id === 'MX-CHP').status).toBe('published');
  });

  it('draws the map the dataset carries, read back from D1, and lists the research gaps', async () => {
    const res = await worker.fetch('http://armoniza.test/?asOf=2012-06-14&lang=en', { headers: { Accept: 'text/html' } });
    expect(res.status).toBe(200);
    const page = await res.text();
    const drawn = [...page.matchAll(/<path d="[^"]+" data-id="(MX-[A-Z]+)" data-status="([a-z-]+)"/g)];
    expect(drawn).toHaveLength(mxSeed.map.shapes.length);
    expect(drawn.find((m) => m[1] === 'MX-CHP')?.[2]).toBe('published');
    expect(page).toContain(`<h1>${mxSeed.heading.en.replace("'", '&#39;')}</h1>`);
    expect(page).toContain('@svg-maps/mexico, © Victor Cazanave</a>');
    const gaps = await worker.fetch('http://armoniza.test/gaps?lang=en', { headers: { Accept: 'text/html' } });
    expect(gaps.status).toBe(200);
    expect(await gaps.text()).toContain('<li class="gap-entity" id="MX-AGU">');
  });

  it('takes the admin token from the ARMONIZA_ADMIN_TOKEN secret', async () => {
    const post = (token: string) =>
      worker.fetch('http://armoniza.test/api/bills', { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(bill) });
    expect((await post(`${TEST_TOKEN}x`)).status).toBe(401);
    expect((await post(TEST_TOKEN)).status).toBe(201);
  });

  it('refuses a body larger than a D1 row before it reaches the database', async () => {
    const res = await worker.fetch('http://armoniza.test/api/bills', {
      method: 'POST',
      headers: { Authorization: `Bearer ${TEST_TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...bill, notes: 'x'.repeat(D1_LIMITS.maxRowBytes) }),
    });
    expect(res.status).toBe(413);
  });
});

describe('uploaded originals: bytes in R2, the rest in D1', () => {
  // D1 stores at most 2 MB per row (SQLite on a file: 1 GB). With the ORIGINALS bucket bound (wrangler.toml), an
  // original's bytes go to R2 under its SHA-256 and its row keeps metadata and text; what still cannot fit in a row
  // is a 413 with nothing written, in D1 or in R2.
  const post = (file: File) => {
    const form = new FormData();
    form.append('file', file);
    return worker.fetch('http://armoniza.test/api/uploads', { method: 'POST', headers: { Authorization: `Bearer ${TEST_TOKEN}` }, body: form });
  };
  const textFile = (bytes: number) => new File([`Articulo 1. ${'palabra '.repeat(Math.ceil(bytes / 8))}`.slice(0, bytes)], 'iniciativa.txt', { type: 'text/plain' });
  const fileCount = async () => (await openD1(env.DB).db.select({ n: count() }).from(files))[0]!.n;
  const sha256 = async (bytes: ArrayBuffer | Uint8Array<ArrayBuffer>) => [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))].map((b) => b.toString(16).padStart(2, '0')).join('');
  const rowOf = async (id: string) => (await openD1(env.DB).db.select().from(files).where(eq(files.id, id)))[0]!;

  it('stores a PDF larger than a D1 row: its bytes in R2, its text in D1, and gives it back byte for byte', async () => {
    // A gazette with a 2.5 MB annex attached: a real PDF that no D1 row can hold.
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    doc.addPage([612, 792]).drawText('Articulo 1. Esta ley protege a las victimas de trata de personas.', { x: 72, y: 700, size: 11, font });
    const annex = new Uint8Array(2_500_000);
    for (let at = 0; at < annex.length; at += 65_536) crypto.getRandomValues(annex.subarray(at, at + 65_536));
    await doc.attach(annex, 'anexo.bin', { mimeType: 'application/octet-stream' });
    const pdf = (await doc.save()) as Uint8Array<ArrayBuffer>;
    expect(pdf.byteLength).toBeGreaterThan(D1_LIMITS.maxRowBytes);

    const res = await post(new File([pdf], 'gaceta.pdf', { type: 'application/pdf' }));
    expect(res.status).toBe(201);
    const body = (await res.json()) as { fileId: string; text: string; provenance: { sha256: string } };
    expect(body.text).toContain('Articulo 1. Esta ley protege');
    const digest = await sha256(pdf);
    expect(body.provenance.sha256).toBe(digest);
    const row = await rowOf(body.fileId);
    expect(row.storedIn).toBe('r2');
    expect(row.bytes.byteLength).toBe(0);
    expect(row.size).toBe(pdf.byteLength);
    expect((await env.ORIGINALS.head(`originals/${digest}`))?.size).toBe(pdf.byteLength);

    const original = await worker.fetch(`http://armoniza.test/api/files/${body.fileId}`);
    expect(original.status).toBe(200);
    expect(original.headers.get('content-type')).toBe('application/pdf');
    expect(original.headers.get('x-content-sha256')).toBe(digest);
    expect(await sha256(await original.arrayBuffer())).toBe(digest);
  });

  it('an upload whose original and text together exceed a row becomes a version with its text', async () => {
    const file = textFile(1_200_000);
    const upload = (await (await post(file)).json()) as { fileId: string };
    const created = await worker.fetch('http://armoniza.test/api/bills', {
      method: 'POST',
      headers: { Authorization: `Bearer ${TEST_TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(bill),
    });
    const { id } = (await created.json()) as { id: string };
    const version = await worker.fetch(`http://armoniza.test/api/bills/${id}/versions`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TEST_TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ stage: 'introduced', date: '2011-02-01', fileId: upload.fileId }),
    });
    expect(version.status).toBe(201);
    const { id: versionId } = (await version.json()) as { id: string };
    const [stored] = await openD1(env.DB).db.select().from(versions).where(eq(versions.id, versionId));
    expect(stored!.text).toBe(await file.text());
    expect(stored!.fileId).toBe(upload.fileId);
  });

  it('refuses an upload whose text alone cannot fit in a row, writing nothing in D1 or in R2', async () => {
    const before = await fileCount();
    const file = textFile(2_100_000);
    const res = await post(file);
    expect(res.status).toBe(413);
    const body: any = await res.json();
    expect(body.error.fields[0].field).toBe('body');
    expect(await fileCount()).toBe(before);
    expect(await env.ORIGINALS.head(`originals/${await sha256(await file.arrayBuffer())}`)).toBeNull();
  });
});

describe('the pages that write or build files, on Workers', () => {
  beforeAll(async () => {
    await seedDataset(openD1(env.DB), mxSeed);
  });

  it('an editor records a bill, its publication and its text from the pages: stored in D1, and the status moves', async () => {
    const send = (path: string, fields: Record<string, string | File>) => {
      const form = new FormData();
      for (const [k, v] of Object.entries(fields)) form.set(k, v);
      return worker.fetch(`http://armoniza.test${path}`, { method: 'POST', body: form, headers: { Authorization: `Bearer ${TEST_TOKEN}`, Origin: 'http://armoniza.test' }, redirect: 'manual' });
    };
    const bill = await send('/states/MX-NAY/bills', { title: 'Ley de prueba de Nayarit', kind: 'law', harmonizes: 'yes', source: 'Periódico Oficial de Nayarit', confidence: 'high' });
    expect(bill.status).toBe(303);
    const id = bill.headers.get('location')!.match(/^\/bills\/(b-[\w-]+)#add-action$/)![1]!;
    const action = await send(`/bills/${id}/actions`, { date: '2015-05-04', classification: 'publication', description: 'Publicada', source: 'Periódico Oficial de Nayarit, núm. 80', confidence: 'high' });
    expect(action.status).toBe(303);
    const text = 'Artículo 1. Esta ley previene la trata de personas.';
    const version = await send(`/bills/${id}/versions`, { stage: 'published', date: '2015-05-04', file: new File([text], 'ley.txt', { type: 'text/plain' }) });
    expect(version.status).toBe(303);
    const stored: any = await (await worker.fetch(`http://armoniza.test/api/bills/${id}`)).json();
    expect(stored.actions).toHaveLength(1);
    expect(await (await worker.fetch(`http://armoniza.test/api/versions/${stored.versions[0].id}/text`)).text()).toBe(text);
    const status: any = await (await worker.fetch('http://armoniza.test/api/status?asOf=2016-01-01')).json();
    expect(status.jurisdictions.find((j: any) => j.id === 'MX-NAY')).toMatchObject({ status: 'harmonized', since: '2015-05-04' });
  });

  it('an editor adds a model text from the compare page by upload: stored in D1, its original kept', async () => {
    const text = 'Artículo 1. Esta ley protege a las víctimas.\nArtículo 2. Se crea un fondo.';
    const form = new FormData();
    form.set('title', 'Ley modelo en Workers');
    form.set('language', 'es');
    form.set('file', new File([text], 'modelo.txt', { type: 'text/plain' }));
    const res = await worker.fetch('http://armoniza.test/compare/models', { method: 'POST', body: form, headers: { Authorization: `Bearer ${TEST_TOKEN}`, Origin: 'http://armoniza.test' }, redirect: 'manual' });
    expect(res.status).toBe(303);
    const id = res.headers.get('location')!.split('/').pop()!;
    const model: any = await (await worker.fetch(`http://armoniza.test/api/models/${id}`)).json();
    expect(model.provisions.map((p: any) => p.ref)).toEqual(['1', '2']);
    expect(await (await worker.fetch(`http://armoniza.test/api/files/${model.fileId}`)).text()).toBe(text);
  });

  it('gives a comparison as a Word document with tracked changes', async () => {
    const json = { Authorization: `Bearer ${TEST_TOKEN}`, 'Content-Type': 'application/json' };
    const model: any = await (await worker.fetch('http://armoniza.test/api/models', { method: 'POST', headers: json, body: JSON.stringify({ title: 'Modelo', text: 'Artículo 1. La ley protege a las víctimas.' }) })).json();
    const compared: any = await (await worker.fetch('http://armoniza.test/api/compare', { method: 'POST', headers: json, body: JSON.stringify({ model: model.id, text: 'Artículo 1. La ley protege a todas las víctimas.' }) })).json();
    const res = await worker.fetch(`http://armoniza.test/compare/${compared.id}/redline.docx`);
    expect(res.status).toBe(200);
    const document = strFromU8(unzipSync(new Uint8Array(await res.arrayBuffer()))['word/document.xml']!);
    expect(document).toMatch(/<w:ins [^>]*><w:r><w:t xml:space="preserve">todas <\/w:t><\/w:r><\/w:ins>/);
  });
});
