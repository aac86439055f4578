/**
 * Word search in bill titles: accent- and case-insensitive, every word required, the last one as a prefix, and
 * symbols matched literally. The index is kept in step with new bills.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNodeApp, type NodeApp } from '../support/node-app.js';

let t: NodeApp;
beforeAll(async () => (t = await startNodeApp()));
afterAll(() => t.close());

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const search = async (q: string) => (await t.call('GET', `/api/bills?perPage=200&q=${encodeURIComponent(q)}`)).body;

describe('title search', () => {
  it('ignores accents and case', async () => {
    const expected = t.seed.bills.filter((b) => fold(b.title).includes('michoacan')).map((b) => b.id).sort();
    expect(expected.length).toBeGreaterThan(0);
    expect((await search('MICHOACAN')).items.map((b: any) => b.id).sort()).toEqual(expected);
  });

  it('requires every word and takes the last as a prefix', async () => {
    const found = (await search('trata quintana ro')).items;
    expect(found.length).toBeGreaterThan(0);
    for (const bill of found) expect(fold(bill.title)).toMatch(/trata.*quintana ro|quintana ro.*trata/);
  });

  it('finds a bill added after the start', async () => {
    const { body } = await t.call('POST', '/api/bills', { jurisdiction: 'MX-SON', title: 'Iniciativa Zyxwvu de prueba', kind: 'law', source: 'prueba', confidence: 'low' });
    expect((await search('zyxwvu')).items.map((b: any) => b.id)).toEqual([body.id]);
  });

  it('matches symbols literally and answers an unknown federation with 422 naming it', async () => {
    expect((await search('%')).total).toBe(t.seed.bills.filter((b) => b.title.includes('%')).length);
    const unknown = await t.call('GET', '/api/status?federation=ZZ');
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.fields[0].field).toBe('federation');
  });
});
