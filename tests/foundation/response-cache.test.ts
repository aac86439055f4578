/**
 * The response cache in front of the app: a 200 with an ETag is answered again, as it was, to anonymous readers until
 * the data version moves; signed-in readers, private instances and responses that set cookies always reach the app.
 * Driven through a small Hono app whose handler counts the requests that reach it.
 */
import { Hono } from 'hono';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AppEnv } from '../../src/app-env.js';
import { DEFAULT_CONFIG } from '../../src/app.js';
import { SESSION_COOKIE } from '../../src/auth/identity.js';
import { responseCache } from '../../src/http/response-cache.js';
import { DerivedCache, VersionedReads } from '../../src/lib/derived-cache.js';

let version = 1;
let reached = 0;
let privateInstance = false;

function app() {
  const a = new Hono<AppEnv>();
  a.use('*', async (c, next) => {
    c.set('config', { ...DEFAULT_CONFIG, private: privateInstance });
    c.set('reads', new VersionedReads({ dataVersion: async () => version }, new DerivedCache()));
    await next();
  });
  a.use('*', responseCache());
  a.get('/page', (c) => {
    reached++;
    if (c.req.query('lang')) c.header('Set-Cookie', 'lang=en; Path=/');
    c.header('ETag', `W/"v${version}"`);
    c.header('X-Frame-Options', 'SAMEORIGIN');
    if (c.req.header('If-None-Match') === `W/"v${version}"`) return c.body(null, 304);
    return c.html(`<p>version ${version}, reached ${reached}</p>`);
  });
  a.get('/no-etag', (c) => {
    reached++;
    return c.text('fresh');
  });
  return a;
}

beforeEach(() => {
  version = 1;
  reached = 0;
  privateInstance = false;
});

describe('responseCache', () => {
  it('answers repeated anonymous reads as they were until the data version moves', async () => {
    const a = app();
    const first = await a.request('/page');
    const second = await a.request('/page');
    expect(reached).toBe(1);
    expect(await second.text()).toBe(await first.text());
    expect(second.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    version = 2;
    expect(await (await a.request('/page')).text()).toBe('<p>version 2, reached 2</p>');
    expect(reached).toBe(2);
  });

  it('answers a matching If-None-Match with 304 and only the headers a 304 repeats', async () => {
    const a = app();
    const etag = (await a.request('/page')).headers.get('etag')!;
    const res = await a.request('/page', { headers: { 'If-None-Match': etag } });
    expect(res.status).toBe(304);
    expect(reached).toBe(1);
    expect(res.headers.get('etag')).toBe(etag);
    expect(res.headers.get('content-type')).toBeNull();
    expect(await res.text()).toBe('');
  });

  it('keys by URL, language and encoding', async () => {
    const a = app();
    await a.request('/page?x=1');
    await a.request('/page?x=2');
    await a.request('/page?x=2', { headers: { 'Accept-Language': 'en' } });
    await a.request('/page?x=2', { headers: { 'Accept-Encoding': 'gzip' } });
    await a.request('/page?x=2', { headers: { Cookie: 'lang=en' } });
    expect(reached).toBe(5);
  });

  it('never serves or keeps responses for signed-in readers, private instances, cookies set, or without an ETag', async () => {
    const a = app();
    await a.request('/page');
    await a.request('/page', { headers: { Authorization: 'Bearer x' } });
    await a.request('/page', { headers: { Cookie: `lang=es; ${SESSION_COOKIE}=secret` } });
    expect(reached).toBe(3);
    await a.request('/page?lang=en');
    await a.request('/page?lang=en');
    expect(reached).toBe(5);
    await a.request('/no-etag');
    await a.request('/no-etag');
    expect(reached).toBe(7);
    privateInstance = true;
    await a.request('/page');
    expect(reached).toBe(8);
  });
});
