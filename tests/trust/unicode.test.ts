/**
 * Nothing a user typed is silently altered. Unicode edge cases — RTL marks and overrides, zero-width characters, a
 * BOM, decomposed accents (e + U+0301, which NFC would compose), emoji with ZWJ sequences, flags and skin tones, NUL
 * and other controls, separators, noncharacters — go into every text field of bills, actions, versions, amendments,
 * models and comparisons through the API, and come back through the API byte for byte (string equality, code unit by
 * code unit). Version and model texts, which the API answers only by their SHA-256, are also read back from the
 * database. What cannot be stored exactly — lone surrogates, a body that is not UTF-8 — is refused with a 400 naming
 * the field, and nothing is stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/lib/hash.js';
import { LONE_SURROGATES, UNICODE_EDGES } from '../support/hostile-strings.js';
import { startNodeApp, TEST_TOKEN, type NodeApp } from '../support/node-app.js';

let t: NodeApp;
let modelId: string;

beforeAll(async () => {
  t = await startNodeApp();
  modelId = (await t.call('POST', '/api/models', { title: 'Modelo', text: 'Artículo 1. Protección de víctimas.\nArtículo 2. Reparación.' })).body.id;
});
afterAll(() => t.close());

const codePoints = (s: unknown) => (typeof s === 'string' ? [...s].map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(' ') : String(s));

/** String equality, with both sides spelled out as code points when they differ. */
function expectExact(actual: unknown, expected: string, where: string) {
  if (actual !== expected) expect.fail(`${where}: altered\n  sent     ${codePoints(expected)}\n  returned ${codePoints(actual)}`);
}

async function ok(method: string, url: string, body?: unknown) {
  const res = await t.call(method, url, body);
  expect(res.status, `${method} ${url}: ${JSON.stringify(res.body).slice(0, 300)}`).toBeLessThan(300);
  return res.body;
}

const counts = () => t.store.sqlite.prepare('SELECT (SELECT count(*) FROM bills) b, (SELECT count(*) FROM actions) a, (SELECT count(*) FROM sources) s, (SELECT count(*) FROM audit_log) l').get();

describe('Unicode edge cases are stored and returned exactly', () => {
  it.each(Object.entries(UNICODE_EDGES))('%s', async (_name, s) => {
    // A bill: title, identifier, notes, sponsors, source.
    const { id: billId } = await ok('POST', '/api/bills', { jurisdiction: 'MX-OAX', identifier: s, title: s, kind: 'reform', sponsors: [s, `Dip. ${s}`], notes: s, source: s, confidence: 'medium' });
    let bill = await ok('GET', `/api/bills/${billId}`);
    expectExact(bill.title, s, 'bill title');
    expectExact(bill.identifier, s, 'bill identifier');
    expectExact(bill.notes, s, 'bill notes');
    expectExact(bill.sponsors[0], s, 'bill sponsor');
    expectExact(bill.sponsors[1], `Dip. ${s}`, 'bill sponsor');
    expectExact(bill.source, s, 'bill source');
    const listed = (await ok('GET', `/api/bills?jurisdiction=MX-OAX&perPage=200`)).items.find((b: any) => b.id === billId);
    expectExact(listed.title, s, 'bill title in the list');
    const created = (await ok('GET', `/api/bills/${billId}/history`)).find((e: any) => e.entity === 'bills');
    expectExact(created.after.title, s, 'bill title in the audit trail');

    // An action: description, notes, source.
    const { id: actionId } = await ok('POST', `/api/bills/${billId}/actions`, { date: '2014-03', classification: 'introduction', description: s, notes: s, source: `${s} (fuente)`, confidence: 'low' });
    // A version: its text.
    const text = `Artículo 1. ${s}\nArtículo 2. Texto ${s} final.`;
    const { id: versionId } = await ok('POST', `/api/bills/${billId}/versions`, { stage: 'introduced', date: '2014-03-02', text });
    // An amendment: proposer, text, source.
    const { id: amendmentId } = await ok('POST', `/api/bills/${billId}/amendments`, { versionId, proposer: s, date: '2014', text: s, source: s });

    bill = await ok('GET', `/api/bills/${billId}`);
    const action = bill.actions.find((a: any) => a.id === actionId);
    expectExact(action.description, s, 'action description');
    expectExact(action.notes, s, 'action notes');
    expectExact(action.source, `${s} (fuente)`, 'action source');
    const version = bill.versions.find((v: any) => v.id === versionId);
    expect(version.sha256, 'version SHA-256 is of the text as sent').toBe(await sha256Hex(text));
    expectExact((t.store.sqlite.prepare('SELECT text FROM versions WHERE id = ?').get(versionId) as { text: string }).text, text, 'version text in the database');
    const amendment = bill.amendments.find((a: any) => a.id === amendmentId);
    expectExact(amendment.proposer, s, 'amendment proposer');
    expectExact(amendment.text, s, 'amendment text');
    expectExact(amendment.source, s, 'amendment source');

    // A model: title, source, text; a comparison: its label.
    const modelText = `Artículo 1. ${s}`;
    const { id: mId } = await ok('POST', '/api/models', { title: s, text: modelText, source: s });
    const model = await ok('GET', `/api/models/${mId}`);
    expectExact(model.title, s, 'model title');
    expectExact(model.source, s, 'model source');
    expect(model.sha256).toBe(await sha256Hex(modelText));
    expectExact((t.store.sqlite.prepare('SELECT text FROM models WHERE id = ?').get(mId) as { text: string }).text, modelText, 'model text in the database');
    const compared = await ok('POST', '/api/compare', { model: modelId, text, label: s });
    expectExact(compared.bill.label, s, 'comparison label');
    expectExact((await ok('GET', `/api/compare/${compared.id}`)).bill.label, s, 'comparison label, from its permalink');
  });

  it('keeps decomposed and precomposed accents apart: two bills, two titles, two sources', async () => {
    const nfd = 'Protecci\u006f\u0301n', nfc = 'Protecci\u00f3n';
    expect(nfd.normalize('NFC')).toBe(nfc); // the same text to a reader, two different strings
    const a = await ok('POST', '/api/bills', { jurisdiction: 'MX-OAX', title: nfd, kind: 'reform', source: nfd, confidence: 'low' });
    const b = await ok('POST', '/api/bills', { jurisdiction: 'MX-OAX', title: nfc, kind: 'reform', source: nfc, confidence: 'low' });
    expectExact((await ok('GET', `/api/bills/${a.id}`)).title, nfd, 'NFD title');
    expectExact((await ok('GET', `/api/bills/${b.id}`)).title, nfc, 'NFC title');
    expectExact((await ok('GET', `/api/bills/${a.id}`)).source, nfd, 'NFD source');
    expectExact((await ok('GET', `/api/bills/${b.id}`)).source, nfc, 'NFC source');
  });
});

describe('what cannot be stored exactly is refused, not mangled', () => {
  const fields: [string, (s: string) => Record<string, unknown>][] = [
    ['title', (s) => ({ title: s })],
    ['notes', (s) => ({ notes: s })],
    ['identifier', (s) => ({ identifier: s })],
    ['source', (s) => ({ source: s })],
    ['sponsors.1', (s) => ({ sponsors: ['ok', s] })],
  ];
  const base = { jurisdiction: 'MX-OAX', title: 'Válido', kind: 'reform', source: 'https://example.org/ok', confidence: 'low' };

  it.each(Object.entries(LONE_SURROGATES))('%s: a 400 naming the field, nothing stored', async (_name, s) => {
    for (const [field, patch] of fields) {
      const before = counts();
      const res = await t.call('POST', '/api/bills', { ...base, ...patch(s) });
      expect(res.status, field).toBe(400);
      expect(res.body.error.fields[0].field, field).toBe(field);
      expect(counts(), field).toEqual(before);
    }
    const before = counts();
    const billId = (t.store.sqlite.prepare('SELECT id FROM bills LIMIT 1').get() as { id: string }).id;
    const action = await t.call('POST', `/api/bills/${billId}/actions`, { date: '2014', classification: 'introduction', description: `a${s}`, source: 'x', confidence: 'low' });
    expect(action.status).toBe(400);
    expect(action.body.error.fields[0].field).toBe('description');
    expect(counts()).toEqual(before);
  });

  it.each([
    ['0xFF', [0xff]],
    ['truncated two-byte sequence', [0xc3, 0x28]],
    ['an encoded surrogate (CESU-8)', [0xed, 0xa0, 0x80]],
    ['overlong "/"', [0xc0, 0xaf]],
    ['above U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ['a lone continuation byte', [0x80]],
  ])('a body that is not UTF-8 (%s inside the title): 400, nothing stored', async (_name, bad) => {
    const json = new TextEncoder().encode(JSON.stringify({ ...base, title: 'Ley XY' }));
    const at = json.indexOf(0x58); // the X
    const bytes = new Uint8Array([...json.slice(0, at), ...bad, ...json.slice(at)]);
    const before = counts();
    const res = await t.app.request('/api/bills', { method: 'POST', headers: { Authorization: `Bearer ${TEST_TOKEN}`, 'Content-Type': 'application/json' }, body: bytes });
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).error.fields[0].field).toBe('body');
    expect(counts()).toEqual(before);
    // The same body without the bad bytes is fine: the refusal is about them.
    const good = await t.app.request('/api/bills', { method: 'POST', headers: { Authorization: `Bearer ${TEST_TOKEN}`, 'Content-Type': 'application/json' }, body: json });
    expect(good.status).toBe(201);
  });
});
