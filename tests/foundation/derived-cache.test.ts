/**
 * The cache of values derived from the database: kept while the data version is the same, computed once for
 * concurrent readers, recomputed when the version moves, and never keeping a failure.
 */
import { describe, expect, it } from 'vitest';
import { DerivedCache, VersionedReads } from '../../src/lib/derived-cache.js';
import { Lru } from '../../src/lib/lru.js';
import { startNodeApp, TEST_TOKEN } from '../support/node-app.js';

describe('DerivedCache', () => {
  it('computes a key once per data version, sharing one computation between concurrent readers', async () => {
    const cache = new DerivedCache();
    let calls = 0;
    const compute = async () => ({ n: ++calls });
    const [a, b] = await Promise.all([cache.load(1, 'k', compute), cache.load(1, 'k', compute)]);
    expect(calls).toBe(1);
    expect(a).toBe(b);
    expect((await cache.load(1, 'k', compute)).value).toEqual({ n: 1 });
    const next = await cache.load(2, 'k', compute);
    expect(next.value).toEqual({ n: 2 });
    expect(next.hash).not.toBe(a.hash);
  });

  it('gives equal data the same hash whatever the version', async () => {
    const cache = new DerivedCache();
    const one = await cache.load(1, 'x', async () => ['same']);
    const two = await cache.load(2, 'x', async () => ['same']);
    expect(two.hash).toBe(one.hash);
  });

  it('does not keep a failure: the next read tries again', async () => {
    const cache = new DerivedCache();
    await expect(cache.load(1, 'k', async () => Promise.reject(new Error('busy')))).rejects.toThrow('busy');
    expect((await cache.load(1, 'k', async () => 'ok')).value).toBe('ok');
  });

  it('forgets the least recently used key beyond its size', async () => {
    const cache = new DerivedCache(2);
    let calls = 0;
    const compute = async () => ++calls;
    await cache.load(1, 'a', compute);
    await cache.load(1, 'b', compute);
    await cache.load(1, 'a', compute);
    await cache.load(1, 'c', compute);
    await cache.load(1, 'a', compute);
    expect(calls).toBe(3);
    await cache.load(1, 'b', compute);
    expect(calls).toBe(4);
  });
});

describe('Lru', () => {
  it('forgets the oldest entries once their weight passes the budget', () => {
    const lru = new Lru<string>(10, (v) => v.length, 10);
    lru.set('a', 'xxxx');
    lru.set('b', 'xxxx');
    lru.set('a', 'xxxx'); // replacing an entry does not count it twice
    lru.set('c', 'xxxx');
    expect([lru.get('a'), lru.get('b'), lru.get('c')]).toEqual(['xxxx', undefined, 'xxxx']);
  });

  it('lets the derived cache drop large values to stay within its budget of JSON characters', async () => {
    const cache = new DerivedCache(100, 1000);
    let calls = 0;
    const big = async () => (calls++, 'x'.repeat(600));
    await cache.load(1, 'one', big);
    await cache.load(1, 'two', big);
    await cache.load(1, 'two', big);
    expect(calls).toBe(2);
    await cache.load(1, 'one', big);
    expect(calls).toBe(3);
  });
});

describe('VersionedReads', () => {
  it('asks the data version once per request, and derives values at that version', async () => {
    let asked = 0;
    let version = 7;
    const store = { dataVersion: async () => (asked++, version) };
    const cache = new DerivedCache();
    const first = new VersionedReads(store, cache);
    await first.derive('a', async () => 'A');
    await first.derive('b', async () => 'B');
    expect(asked).toBe(1);
    version = 8;
    expect(await first.dataVersion()).toBe(7);
    let computed = 0;
    await new VersionedReads(store, cache).derive('a', async () => (computed++, 'A2'));
    expect([asked, computed]).toEqual([2, 1]);
  });
});

describe('the data version', () => {
  it('moves with every write through the API and stays put on reads', async () => {
    const t = await startNodeApp();
    try {
      const v0 = await t.store.dataVersion();
      expect(v0).toBeGreaterThan(0); // the seed is audited
      await t.call('GET', '/api/status');
      expect(await t.store.dataVersion()).toBe(v0);
      const bill = await t.call('POST', '/api/bills', { jurisdiction: 'MX-YUC', title: 'Iniciativa', kind: 'reform', harmonizes: true, source: 'https://example.org/1', confidence: 'high' }, TEST_TOKEN);
      expect(bill.status).toBe(201);
      expect(await t.store.dataVersion()).toBeGreaterThan(v0);
    } finally {
      await t.close();
    }
  });
});
