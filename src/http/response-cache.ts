/**
 * Whole responses for anonymous readers, kept until the data changes.
 *
 * Most readers of a public instance (funders, program staff following a shared link, scripts polling the status) are
 * not signed in and ask for the same few pages and API reads. For them a response — status, headers, bytes — depends
 * only on the URL, the language cookie and `Accept-Language`, whether they accept gzip, the day (the default date) and
 * the data. It is kept under those and answered as it is, 304 included, without identifying the reader, building
 * headers or rendering. Only a 200 that carries an ETag (the pages, the cached API reads) is kept; a signed-in reader
 * (token or session cookie), a private instance, and a response that sets a cookie or is marked private are never
 * served from it nor stored in it.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.js';
import { SESSION_COOKIE } from '../auth/identity.js';
import { today } from '../domain/status.js';
import { acceptsGzip, etagMatches } from '../lib/http-cache.js';
import { Lru } from '../lib/lru.js';

interface KeptResponse {
  version: number;
  body: Uint8Array<ArrayBuffer>;
  /** Plain header objects: on Node the server writes them out directly, without building a Headers object. */
  headers: Record<string, string>;
  notModified: Record<string, string>;
  etag: string;
}

/** Headers a 304 repeats (RFC 9110 §15.4.5); the body's own headers are left out. */
const NOT_MODIFIED_HEADERS = ['etag', 'cache-control', 'vary', 'content-location', 'date', 'expires'];

/**
 * @example
 * app.use('*', responseCache()); // after the store is set, before identifying the reader
 */
export function responseCache(size = 500, maxBytes = 64 * 2 ** 20): MiddlewareHandler<AppEnv> {
  const kept = new Lru<KeptResponse>(size, (r) => r.body.byteLength, maxBytes);
  return async (c, next) => {
    // Assets have their own ETags and never change with the data. (c.get, not c.var: on this path for every request,
    // and c.var builds an object of all the variables on each access.)
    if (c.req.method !== 'GET' || c.get('config').private || c.req.path.startsWith('/assets/')) return next();
    const cookie = c.req.header('Cookie') ?? '';
    if (c.req.header('Authorization') || cookie.includes(`${SESSION_COOKIE}=`)) return next();
    const key = [today(), acceptsGzip(c.req.header('Accept-Encoding')) ? 'gz' : '', c.req.url, cookie, c.req.header('Accept-Language') ?? ''].join('\u0001');
    const version = await c.get('reads').dataVersion();
    const hit = kept.get(key);
    if (hit && hit.version === version) {
      if (etagMatches(c.req.header('If-None-Match'), hit.etag)) return new Response(null, { status: 304, headers: hit.notModified });
      return new Response(hit.body, { status: 200, headers: hit.headers });
    }
    await next();
    const res = c.res;
    const etag = res.headers.get('etag');
    if (res.status !== 200 || !etag || res.headers.has('set-cookie') || res.headers.get('cache-control')?.includes('private')) return;
    const headers = Object.fromEntries(res.headers);
    const notModified = Object.fromEntries(Object.entries(headers).filter(([name]) => NOT_MODIFIED_HEADERS.includes(name)));
    kept.set(key, { version, body: new Uint8Array(await res.clone().arrayBuffer()), headers, notModified, etag });
  };
}
