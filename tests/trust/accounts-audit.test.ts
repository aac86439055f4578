/**
 * Accounts and roles, sessions with CSRF, rate-limited sign-in, the audit trail, immutable versions enforced by the
 * database, tombstoned bills, a private instance and private comparisons. Real SQLite file throughout.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { createUser } from '../../src/db/users.js';
import { startNodeApp, TEST_TOKEN, type NodeApp } from '../support/node-app.js';

let t: NodeApp;
let admin: { id: string; token: string };
let editor: { id: string; token: string };
let viewer: { id: string; token: string };
const PASSWORD = 'a long enough password';

beforeAll(async () => {
  t = await startNodeApp();
  admin = await createUser(t.store, 'test', { email: 'admin@example.org', role: 'admin', password: PASSWORD });
  editor = await createUser(t.store, 'test', { email: 'editor@example.org', role: 'editor', password: PASSWORD });
  viewer = await createUser(t.store, 'test', { email: 'viewer@example.org', role: 'viewer' });
});
afterAll(() => t.close());

const bill = { jurisdiction: 'MX-TAB', title: 'Reforma de prueba', kind: 'reform', source: 'https://example.org/x', confidence: 'medium' };

describe('accounts and tokens', () => {
  it('lets an admin create accounts and nobody else', async () => {
    const created = await t.call('POST', '/api/users', { email: 'new@example.org', role: 'editor' }, admin.token);
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^arm_/);
    expect((await t.call('POST', '/api/users', { email: 'x@example.org', role: 'admin' }, editor.token)).status).toBe(403);
    expect((await t.call('POST', '/api/users', { email: 'new@example.org', role: 'viewer' }, admin.token)).status).toBe(409);
    const users = (await t.call('GET', '/api/users', undefined, admin.token)).body;
    expect(users.map((u: any) => u.email)).toContain('new@example.org');
    expect(JSON.stringify(users)).not.toContain('pbkdf2');
  });

  it('keeps an email as typed, and refuses a second account differing only in case', async () => {
    const created = await t.call('POST', '/api/users', { email: 'Ana.Perez@Example.org', role: 'viewer', password: PASSWORD }, admin.token);
    expect(created.status).toBe(201);
    const again = await t.call('POST', '/api/users', { email: 'ana.perez@example.ORG', role: 'viewer' }, admin.token);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('Ana.Perez@Example.org');
    const users = (await t.call('GET', '/api/users', undefined, admin.token)).body;
    expect(users.filter((u: any) => u.email.toLowerCase() === 'ana.perez@example.org').map((u: any) => u.email)).toEqual(['Ana.Perez@Example.org']);
    const signIn = await t.app.request('/api/session', { method: 'POST', body: JSON.stringify({ email: 'ana.perez@example.org', password: PASSWORD }), headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': '10.0.0.9' } });
    expect(signIn.status).toBe(200);
  });

  it('creates, lists and revokes named tokens, recording when they were last used', async () => {
    expect((await t.call('POST', '/api/tokens', { name: '   ' }, editor.token)).status).toBe(400);
    expect((await t.call('POST', '/api/tokens', { name: ' laptop ' }, editor.token)).body.id).toBeTruthy();
    expect((await t.call('GET', '/api/tokens', undefined, editor.token)).body.map((k: any) => k.name)).toContain(' laptop ');
    const made = await t.call('POST', '/api/tokens', { name: 'laptop' }, editor.token);
    expect(made.status).toBe(201);
    expect((await t.call('POST', '/api/bills', bill, made.body.token)).status).toBe(201);
    const listed = (await t.call('GET', '/api/tokens', undefined, editor.token)).body;
    const laptop = listed.find((k: any) => k.name === 'laptop');
    expect(laptop.lastUsedAt).toBeTruthy();
    expect(JSON.stringify(listed)).not.toContain(made.body.token);
    expect((await t.call('DELETE', `/api/tokens/${made.body.id}`, undefined, viewer.token)).status).toBe(404);
    expect((await t.call('DELETE', `/api/tokens/${made.body.id}`, undefined, editor.token)).status).toBe(200);
    expect((await t.call('POST', '/api/bills', bill, made.body.token)).status).toBe(401);
  });

  it('keeps the bootstrap admin token working', async () => {
    expect((await t.call('POST', '/api/bills', bill, TEST_TOKEN)).status).toBe(201);
  });
});

describe('browser sessions', () => {
  async function signIn(email: string, password: string, address = '10.0.0.1') {
    return t.app.request('/api/session', { method: 'POST', body: JSON.stringify({ email, password }), headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': address } });
  }

  it('signs in with an HttpOnly, SameSite=Strict cookie, and writes need the CSRF token', async () => {
    const res = await signIn('editor@example.org', PASSWORD);
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const { csrf } = (await res.json()) as { csrf: string };
    const session = cookie.split(';')[0]!;
    const post = (headers: Record<string, string>) =>
      t.app.request('/api/bills', { method: 'POST', body: JSON.stringify(bill), headers: { 'Content-Type': 'application/json', Cookie: session, ...headers } });
    expect((await post({})).status).toBe(403);
    expect((await post({ 'X-CSRF-Token': 'wrong' })).status).toBe(403);
    expect((await post({ 'X-CSRF-Token': csrf })).status).toBe(201);
    const out = await t.app.request('/api/session', { method: 'DELETE', headers: { Cookie: session, 'X-CSRF-Token': csrf } });
    expect(out.status).toBe(200);
    expect((await post({ 'X-CSRF-Token': csrf })).status).toBe(401);
  });

  it('sets Secure on the cookie outside localhost', async () => {
    const res = await t.app.request('https://armoniza.example.org/api/session', { method: 'POST', body: JSON.stringify({ email: 'admin@example.org', password: PASSWORD }), headers: { 'Content-Type': 'application/json' } });
    expect(res.headers.get('set-cookie')).toMatch(/Secure/);
  });

  it('limits failed sign-ins', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await signIn('admin@example.org', 'wrong password!', '10.9.9.9')).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses[5]).toBe(429);
    expect((await signIn('admin@example.org', PASSWORD, '10.9.9.9')).status).toBe(429);
  });
});

describe('audit trail and immutability', () => {
  it('records who wrote what, with before and after values', async () => {
    const id = (await t.call('POST', '/api/bills', bill, editor.token)).body.id;
    const v = (await t.call('POST', `/api/bills/${id}/versions`, { stage: 'introduced', date: '2024', text: 'Artículo 1. Uno.' }, editor.token)).body.id;
    const am = (await t.call('POST', `/api/bills/${id}/amendments`, { versionId: v, proposer: 'Dip. X', date: '2024', text: 'cambio' }, editor.token)).body.id;
    await t.call('PATCH', `/api/amendments/${am}`, { fate: 'rejected' }, admin.token);
    const history = (await t.call('GET', `/api/bills/${id}/history`)).body;
    expect(history.map((h: any) => [h.entity, h.action, h.actor])).toEqual([
      ['bills', 'create', editor.id],
      ['versions', 'create', editor.id],
      ['amendments', 'create', editor.id],
      ['amendments', 'update', admin.id],
    ]);
    expect(history[3]).toMatchObject({ before: { fate: 'pending' }, after: { fate: 'rejected' } });
  });

  it('refuses, in the database itself, to change or delete a version or an audit entry', () => {
    const db = t.store.sqlite;
    const version = db.prepare('SELECT id FROM versions LIMIT 1').get() as { id: string };
    expect(() => db.prepare("UPDATE versions SET text = 'x' WHERE id = ?").run(version.id)).toThrow(/immutable/);
    expect(() => db.prepare('DELETE FROM versions WHERE id = ?').run(version.id)).toThrow(/immutable/);
    expect(() => db.prepare("UPDATE audit_log SET actor = 'someone else'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(() => db.prepare("DELETE FROM bills WHERE id = 'mx-chp-first-law-2009-04-03'").run()).toThrow(/never erased/);
  });
});

describe('tombstones', () => {
  it('hides a deleted bill and its status, and an admin restores both', async () => {
    const chiapas = async () => (await t.call('GET', '/api/status?asOf=2010-01-01')).body.jurisdictions.find((j: any) => j.id === 'MX-CHP');
    expect((await chiapas()).status).toBe('published');
    expect((await t.call('DELETE', '/api/bills/mx-chp-first-law-2009-04-03', undefined, editor.token)).status).toBe(403);
    expect((await t.call('DELETE', '/api/bills/mx-chp-first-law-2009-04-03', undefined, admin.token)).status).toBe(200);
    expect((await t.call('GET', '/api/bills/mx-chp-first-law-2009-04-03')).status).toBe(410);
    expect((await chiapas()).status).toBe('unknown');
    expect((await t.call('POST', '/api/bills/mx-chp-first-law-2009-04-03/actions', { date: '2010', classification: 'reform', description: 'x', source: 'y', confidence: 'low' }, editor.token)).status).toBe(409);
    expect((await t.call('POST', '/api/bills/mx-chp-first-law-2009-04-03/restore', undefined, admin.token)).status).toBe(200);
    expect(await chiapas()).toMatchObject({ status: 'published', since: '2009-04-03' });
    const history = (await t.call('GET', '/api/bills/mx-chp-first-law-2009-04-03/history')).body.map((h: any) => h.action);
    expect(history).toEqual(['delete', 'restore']);
  });
});

describe('privacy', () => {
  it('keeps a signed-in user\'s comparison private until shared', async () => {
    const model = (await t.call('POST', '/api/models', { title: 'M', text: 'Artículo 1. Uno.\nArtículo 2. Dos.' }, admin.token)).body.id;
    const mine = (await t.call('POST', '/api/compare', { model, text: 'Artículo 1. Uno.' }, editor.token)).body.id;
    expect((await t.call('GET', `/api/compare/${mine}`, undefined, editor.token)).status).toBe(200);
    expect((await t.call('GET', `/api/compare/${mine}`, undefined, null)).status).toBe(404);
    expect((await t.call('GET', `/api/compare/${mine}`, undefined, viewer.token)).status).toBe(404);
    expect((await t.call('POST', `/api/compare/${mine}/share`, undefined, admin.token)).status).toBe(404);
    expect((await t.call('POST', `/api/compare/${mine}/share`, undefined, editor.token)).status).toBe(200);
    expect((await t.call('GET', `/api/compare/${mine}`, undefined, null)).status).toBe(200);
  });

  it('makes reads need an account on a private instance', async () => {
    const privateApp = createApp({ store: t.store, config: { adminToken: TEST_TOKEN, private: true } });
    expect((await privateApp.request('/api/status')).status).toBe(401);
    expect((await privateApp.request('/api/status', { headers: { Authorization: `Bearer ${viewer.token}` } })).status).toBe(200);
  });
});
