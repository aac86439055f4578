/**
 * SQL-looking strings are harmless. Every filter and id of the read API and the pages gets `' OR 1=1 --`,
 * `"; DROP TABLE bills; --`, `%`, `_`, `\`, FTS5 syntax and friends: the answer is a 4xx, or an empty or correct
 * result — never more rows than match, never a 5xx — and afterwards every table is there with the same rows, the
 * audit trail unchanged, and `PRAGMA integrity_check` ok. The title search is checked against a plain-JavaScript
 * reading of its rule: text without letters or digits matches literally (so `%` finds only titles with a `%`), words
 * match whole words ignoring case and accents, the last one as a prefix.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SQL_STRINGS } from '../support/hostile-strings.js';
import { startNodeApp, TEST_TOKEN, type NodeApp } from '../support/node-app.js';

let t: NodeApp;
let before: { tables: string[]; counts: unknown };
let all: { id: string; title: string }[];

/** Titles with the characters that LIKE and FTS5 treat specially, so a wrong escape shows up as extra or missing rows. */
const TITLES = ['Nul \u0000 en el título', 'Ley 100% contra la trata', 'ley_con_guion_bajo', 'Ruta C:\\leyes\\trata', "O'Reilly ' OR 1=1 --", 'Decreto "; DROP TABLE bills; --', 'Reforma * NEAR(a b)'];

beforeAll(async () => {
  t = await startNodeApp();
  for (const title of TITLES) {
    const res = await t.call('POST', '/api/bills', { jurisdiction: 'MX-YUC', title, kind: 'reform', source: 'https://example.org/sql', confidence: 'low' });
    expect(res.status).toBe(201);
  }
  all = [];
  for (let page = 1; ; page++) {
    const res = await t.call('GET', `/api/bills?perPage=200&page=${page}`);
    all.push(...res.body.items);
    if (all.length >= res.body.total) break;
  }
  const tables = (t.store.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
  before = { tables: (t.store.sqlite.prepare('SELECT type, name FROM sqlite_master ORDER BY type, name').all() as { name: string }[]).map((r) => JSON.stringify(r)), counts: counts(tables) };
});
afterAll(() => t.close());

function counts(tables: string[]) {
  return t.store.sqlite.prepare(`SELECT ${tables.map((n) => `(SELECT count(*) FROM "${n}") AS "${n}"`).join(', ')}`).get();
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
/** The title search's rule, read plainly (see titleMatches in src/db/bills.ts). */
function matches(title: string, q: string): boolean {
  const words = q.match(/[\p{L}\p{N}]+/gu);
  if (!words) return title.includes(q);
  const tokens = fold(title).match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.map(fold).every((w, i) => tokens.some((tok) => (i === words.length - 1 ? tok.startsWith(w) : tok === w)));
}

const enc = encodeURIComponent;

describe('SQL-looking strings in filters', () => {
  it.each(SQL_STRINGS)('q=%s finds exactly the titles that match it', async (q) => {
    const res = await t.call('GET', `/api/bills?q=${enc(q)}&perPage=200`);
    expect(res.status).toBe(200);
    const expected = all.filter((b) => matches(b.title, q)).map((b) => b.id).sort();
    expect(res.body.items.map((b: any) => b.id).sort()).toEqual(expected);
    expect(res.body.total).toBe(expected.length);
    expect(res.body.total, 'a filter never widens to every bill').toBeLessThan(all.length);
  });

  it('the wildcards of LIKE and a NUL are literal: %, _, \\ and U+0000 find their own titles only', async () => {
    for (const [q, title] of [['%', 'Ley 100% contra la trata'], ['_', 'ley_con_guion_bajo'], ['\\', 'Ruta C:\\leyes\\trata'], ['\u0000', 'Nul \u0000 en el título']]) {
      const res = await t.call('GET', `/api/bills?q=${enc(q!)}&perPage=200`);
      expect(res.body.items.map((b: any) => b.title), q).toEqual([title]);
    }
  });

  it.each(SQL_STRINGS)('jurisdiction=%s matches no bill', async (s) => {
    const res = await t.call('GET', `/api/bills?jurisdiction=${enc(s)}`);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(0);
  });

  it.each(SQL_STRINGS)('status, kind, page and perPage = %s: refused (they are closed lists and numbers)', async (s) => {
    for (const param of ['status', 'kind', 'page', 'perPage']) {
      const res = await t.call('GET', `/api/bills?${param}=${enc(s)}`);
      expect(res.status, param).toBe(400);
      expect(res.body.error.fields[0].field, param).toBe(param);
    }
  });

  it.each(SQL_STRINGS)('/api/status and /api/status.csv with asOf=%s: refused; with federation=… or lang=…: a 4xx', async (s) => {
    for (const path of ['/api/status', '/api/status.csv']) {
      expect((await t.call('GET', `${path}?asOf=${enc(s)}`)).status, `${path} asOf`).toBe(400);
      const federation = (await t.call('GET', `${path}?federation=${enc(s)}`)).status;
      expect(federation >= 400 && federation < 500, `${path} federation: ${federation}`).toBe(true);
      expect((await t.call('GET', `${path}?lang=${enc(s)}`)).status, `${path} lang`).toBe(400);
    }
  });
});

describe('SQL-looking strings as ids', () => {
  const paths = (s: string) => [
    `/api/bills/${enc(s)}`,
    `/api/jurisdictions/${enc(s)}`,
    `/api/models/${enc(s)}`,
    `/api/compare/${enc(s)}`,
    `/api/versions/${enc(s)}/diff/${enc(s)}`,
    `/api/files/${enc(s)}`,
    `/states/${enc(s)}`,
    `/bills/${enc(s)}`,
    `/compare/${enc(s)}`,
  ];

  it.each(SQL_STRINGS.filter((s) => s !== '\u0000'))('%s: not found, in the API and the pages', async (s) => {
    for (const path of paths(s)) {
      const res = await t.app.request(path);
      expect(res.status, path).toBe(404);
    }
    const history = await t.call('GET', `/api/bills/${enc(s)}/history`);
    expect(history.status).toBe(200);
    expect(history.body).toEqual([]);
  });

  it.each(SQL_STRINGS)('pages with ?asOf=%s and other queries answer without a 5xx', async (s) => {
    for (const path of [`/?asOf=${enc(s)}`, `/?sort=${enc(s)}&dir=${enc(s)}`, `/timeline?asOf=${enc(s)}`, `/states/MX-YUC?asOf=${enc(s)}`, `/compare?model=${enc(s)}`, `/embed/map?asOf=${enc(s)}`]) {
      const res = await t.app.request(path);
      expect(res.status, path).toBeLessThan(500);
    }
  });
});

describe('afterwards', () => {
  it('every table, index and trigger is there, with the same rows; the audit trail is unchanged; the file is sound', async () => {
    const tables = (t.store.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
    expect((t.store.sqlite.prepare('SELECT type, name FROM sqlite_master ORDER BY type, name').all() as object[]).map((r) => JSON.stringify(r))).toEqual(before.tables);
    expect(counts(tables)).toEqual(before.counts);
    expect(t.store.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    // And writes still work: the database was not left locked or read-only.
    expect((await t.call('POST', '/api/bills', { jurisdiction: 'MX-YUC', title: 'Después', kind: 'reform', source: 'x', confidence: 'low' }, TEST_TOKEN)).status).toBe(201);
  });
});
