/**
 * Every write is guarded: this walks the app's own route table and sends every non-GET route a request without
 * credentials, with a viewer's token and with a revoked token. A route added later without a guard fails here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken, createUser, revokeToken } from '../../src/db/users.js';
import { startNodeApp, type NodeApp } from '../support/node-app.js';

/** Routes open on purpose, with why; nothing else may answer a write without an editor. */
const OPEN: Record<string, string> = {
  'POST /api/compare': 'computes a comparison; changes no record',
  'POST /api/session': 'signing in',
  'POST /compare': 'the compare page form; computes only',
};
/** Routes any signed-in account may use (a viewer too): its own session, tokens and comparisons. */
const SIGNED_IN = new Set(['DELETE /api/session', 'POST /api/tokens', 'DELETE /api/tokens/:id', 'POST /api/compare/:id/share', 'POST /compare/:id/share']);

let t: NodeApp;
let viewer: string;
let revoked: string;
beforeAll(async () => {
  t = await startNodeApp();
  viewer = (await createUser(t.store, 'test', { email: 'viewer@example.org', role: 'viewer' })).token;
  const editor = await createUser(t.store, 'test', { email: 'editor@example.org', role: 'editor' });
  const extra = await createToken(t.store, 'test', editor.id, 'to revoke');
  await revokeToken(t.store, { id: editor.id, role: 'editor' }, extra.id);
  revoked = extra.token;
});
afterAll(() => t.close());

function writeRoutes() {
  const seen = new Set<string>();
  return t.app.routes
    .filter((r) => !['GET', 'HEAD', 'OPTIONS', 'ALL'].includes(r.method))
    .map((r) => `${r.method} ${r.path}`)
    .filter((k) => (seen.has(k) ? false : (seen.add(k), true)));
}

const concrete = (path: string) => path.replace(/:(\w+)(\{[^}]*\})?/g, 'x-$1');

describe('the route table', () => {
  it('has write routes to check', () => {
    expect(writeRoutes().length).toBeGreaterThan(10);
  });

  it('refuses every write without credentials, with a viewer token and with a revoked token', async () => {
    const before = t.store.sqlite.prepare('SELECT (SELECT COUNT(*) FROM bills) + (SELECT COUNT(*) FROM audit_log) + (SELECT COUNT(*) FROM models) n').get();
    for (const route of writeRoutes()) {
      if (OPEN[route]) continue;
      const [method, path] = route.split(' ') as [string, string];
      const url = concrete(path);
      const body = JSON.stringify({});
      const headers = { 'Content-Type': 'application/json' };
      const anonymous = await t.app.request(url, { method, body, headers });
      expect(anonymous.status, `${route} without credentials`).toBe(401);
      const withRevoked = await t.app.request(url, { method, body, headers: { ...headers, Authorization: `Bearer ${revoked}` } });
      expect(withRevoked.status, `${route} with a revoked token`).toBe(401);
      const asViewer = await t.app.request(url, { method, body, headers: { ...headers, Authorization: `Bearer ${viewer}` } });
      if (SIGNED_IN.has(route)) expect(asViewer.status, `${route} as a viewer`).not.toBe(403);
      else expect(asViewer.status, `${route} as a viewer`).toBe(403);
    }
    const after = t.store.sqlite.prepare('SELECT (SELECT COUNT(*) FROM bills) + (SELECT COUNT(*) FROM audit_log) + (SELECT COUNT(*) FROM models) n').get();
    expect(after).toEqual(before);
  });

  it('answers the open routes without credentials (the list above is not stale)', async () => {
    for (const route of Object.keys(OPEN)) {
      expect(writeRoutes(), route).toContain(route);
      const [method, path] = route.split(' ') as [string, string];
      const res = await t.app.request(path, { method, body: JSON.stringify({}), headers: { 'Content-Type': 'application/json' } });
      expect(res.status, route).not.toBe(401);
      expect(res.status, route).not.toBe(403);
    }
  });
});

describe('security headers', () => {
  it('sends a restrictive CSP and the usual hardening headers on the API', async () => {
    const res = await t.app.request('/api/status');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('strict-transport-security')).toBeTruthy();
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });
});
