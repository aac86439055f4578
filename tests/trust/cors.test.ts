/**
 * CORS on the read API only: any origin may read `/api/*` (GET, HEAD, and the preflight of those), never with
 * credentials; a write from another origin — its preflight, or the request itself — gets no Access-Control-* header,
 * so a browser will neither send it (preflighted) nor let a page read its answer. Pages get no CORS headers at all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { createUser } from '../../src/db/users.js';
import { startNodeApp, TEST_TOKEN, type NodeApp } from '../support/node-app.js';

const ORIGIN = 'https://funder.example.org';
let t: NodeApp;
let billId: string;

beforeAll(async () => {
  t = await startNodeApp();
  billId = (t.store.sqlite.prepare('SELECT id FROM bills LIMIT 1').get() as { id: string }).id;
});
afterAll(() => t.close());

const request = (path: string, init: RequestInit & { headers?: Record<string, string> } = {}) =>
  t.app.request(path, { ...init, headers: { Origin: ORIGIN, ...init.headers } });
const preflight = (path: string, method: string, headers = 'authorization, content-type') =>
  request(path, { method: 'OPTIONS', headers: { 'Access-Control-Request-Method': method, 'Access-Control-Request-Headers': headers } });
const corsHeaders = (res: Response) => [...res.headers.keys()].filter((k) => k.startsWith('access-control-'));

describe('reads: any origin, no credentials', () => {
  const reads = ['/api/status?asOf=2012-06-14', '/api/jurisdictions', '/api/jurisdictions/MX-CHP', '/api/bills?jurisdiction=MX-CHP', '/api/status.csv', '/api/openapi.json'];

  it.each(reads)('GET %s answers Access-Control-Allow-Origin: *', async (path) => {
    const res = await request(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('GET /api/bills/:id and HEAD too', async () => {
    for (const method of ['GET', 'HEAD']) {
      const res = await request(`/api/bills/${billId}`, { method });
      expect(res.status, method).toBe(200);
      expect(res.headers.get('access-control-allow-origin'), method).toBe('*');
    }
  });

  it('a 404 of the read API is readable cross-origin too (a client can tell "no such bill")', async () => {
    const res = await request('/api/bills/no-such-bill');
    expect(res.status).toBe(404);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('preflights a GET with Authorization (a private instance): allowed, read methods only, no credentials', async () => {
    const res = await preflight('/api/status', 'GET');
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const methods = (res.headers.get('access-control-allow-methods') ?? '').split(',').map((m) => m.trim());
    expect(methods).toEqual(expect.arrayContaining(['GET', 'HEAD']));
    for (const write of ['POST', 'PUT', 'PATCH', 'DELETE']) expect(methods).not.toContain(write);
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('answers the preflight of a read before the guard, even on a private instance', async () => {
    const privateApp = createApp({ store: t.store, config: { adminToken: TEST_TOKEN, private: true } });
    const res = await privateApp.request('/api/status', { method: 'OPTIONS', headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' } });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    // …while the read itself still needs an account.
    expect((await privateApp.request('/api/status', { headers: { Origin: ORIGIN } })).status).toBe(401);
  });
});

describe('writes: no CORS at all', () => {
  const writes: [string, string][] = [
    ['POST', '/api/bills'],
    ['POST', `/api/bills/${'x'}/actions`],
    ['PATCH', '/api/amendments/x'],
    ['DELETE', '/api/bills/x'],
    ['POST', '/api/compare'],
    ['POST', '/api/session'],
    ['POST', '/api/uploads'],
    ['DELETE', '/api/tokens/x'],
  ];

  it.each(writes)('the preflight of %s %s gets no Access-Control-* header', async (method, path) => {
    const res = await preflight(path, method);
    expect(corsHeaders(res)).toEqual([]);
    expect(res.status).toBeGreaterThanOrEqual(400);
  });

  it('a cross-origin write that needs no preflight (text/plain) still gets no Access-Control-* header', async () => {
    const res = await request('/api/compare', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '{}' });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(corsHeaders(res)).toEqual([]);
  });

  it('a successful write with a token from another origin: done, but its answer is not exposed to that origin', async () => {
    const editor = await createUser(t.store, 'test', { email: 'cors-editor@example.org', role: 'editor' });
    const res = await request(`/api/bills/${billId}/actions`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${editor.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ date: '2013-01-02', classification: 'introduction', description: 'cors', source: 'https://example.org/cors', confidence: 'low' }),
    });
    expect(res.status).toBe(201);
    expect(corsHeaders(res)).toEqual([]);
  });

  it('an OPTIONS that is no preflight of a read (no Access-Control-Request-Method) gets none either', async () => {
    const res = await request('/api/status', { method: 'OPTIONS' });
    expect(corsHeaders(res)).toEqual([]);
  });
});

describe('pages: no CORS', () => {
  it.each(['/', '/states/MX-CHP', '/timeline'])('GET %s has no Access-Control-Allow-Origin', async (path) => {
    const res = await request(path);
    expect(res.status).toBe(200);
    expect(corsHeaders(res)).toEqual([]);
  });
});
