/**
 * Workers only: what `src/worker.ts` itself does, which has no Node counterpart to test. The requests go through the
 * worker's default export in workerd (`exports.default.fetch`), with the admin token given as a binding the way
 * `wrangler secret put` gives it, and the database seeded by `seedDataset` on a D1 store, as `npm run seed:d1` does.
 */
import { env } from 'cloudflare:test';
import { exports } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { rowCounts } from '../../src/db/bills.js';
import { D1_LIMITS, openD1 } from '../../src/db/d1.js';
import { files } from '../../src/db/schema.js';
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

describe('D1 row limit', () => {
  // D1 stores at most 2 MB per row (SQLite on a file: 1 GB), so this limit exists on Workers only. An upload keeps its
  // original and its text in one row: past the limit it must be a 413 with nothing written, not a 500 from D1.
  const upload = (bytes: number) => {
    const form = new FormData();
    const text = `Articulo 1. ${'palabra '.repeat(Math.ceil(bytes / 8))}`.slice(0, bytes);
    form.append('file', new File([text], 'iniciativa.txt', { type: 'text/plain' }));
    return worker.fetch('http://armoniza.test/api/uploads', { method: 'POST', headers: { Authorization: `Bearer ${TEST_TOKEN}` }, body: form });
  };
  const fileCount = async () => (await openD1(env.DB).db.select({ n: count() }).from(files))[0]!.n;

  it('stores an original that fits, and gives it back byte for byte', async () => {
    const res = await upload(600_000);
    expect(res.status).toBe(201);
    const { fileId } = (await res.json()) as { fileId: string };
    const original = await worker.fetch(`http://armoniza.test/api/files/${fileId}`);
    expect((await original.arrayBuffer()).byteLength).toBe(600_000);
  });

  it('refuses an original that, with its text, cannot fit in one row', async () => {
    const before = await fileCount();
    const res = await upload(1_200_000);
    expect(res.status).toBe(413);
    const body: any = await res.json();
    expect(body.error.fields[0].field).toBe('body');
    expect(await fileCount()).toBe(before);
  });
});
