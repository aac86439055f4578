/**
 * Page caching without stale pages beyond a bound, on any runtime.
 *
 * - `Loader.load(key, fn)` keeps what a data function returned for `ttlMs` (1 s by default): under load the database
 *   is asked about a page's data at most once per key per second, and concurrent misses share one query. A write is
 *   therefore visible on the pages within `ttlMs` (the JSON API itself is never cached). With `ttlMs: 0` every
 *   request reads the database (tests use that).
 * - Each loaded value carries a SHA-256 of its JSON. A page's ETag is the hash of that plus the page's own parameters
 *   and the boot id of this process, so a conditional request is answered `304` without rendering, and a rendered page
 *   is kept (LRU) and served again while its data has not changed.
 */
import type { Context } from 'hono';

export interface Loaded<T> {
  value: T;
  /** Hash of the value's JSON, stable for equal data. */
  hash: string;
}

interface Entry<T> {
  at: number;
  promise: Promise<Loaded<T>>;
}

/** Changes whenever this process (or Workers isolate) starts, so that a new build never answers 304 to an old page. */
const BOOT = Date.now().toString(36);

export class Lru<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly max: number) {}
  get(key: string): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }
  set(key: string, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value!);
  }
  clear(): void {
    this.map.clear();
  }
}

export class Loader {
  private readonly entries = new Lru<Entry<unknown>>(2000);
  constructor(readonly ttlMs = 1000) {}

  /**
   * @example
   * const { value, hash } = await loader.load(`status|${asOf}|${lang}`, () => statusReport(db, asOf, lang));
   */
  load<T>(key: string, fn: () => Promise<T>): Promise<Loaded<T>> {
    const now = Date.now();
    const hit = this.entries.get(key) as Entry<T> | undefined;
    if (hit && this.ttlMs > 0 && now - hit.at < this.ttlMs) return hit.promise;
    const promise = fn().then(async (value) => ({ value, hash: await sha(JSON.stringify(value) ?? 'undefined') }));
    if (this.ttlMs > 0) {
      this.entries.set(key, { at: now, promise });
      promise.catch(() => this.entries.set(key, { at: 0, promise }));
    }
    return promise;
  }

  clear(): void {
    this.entries.clear();
  }
}

const encoder = new TextEncoder();

interface Rendered {
  identity: Uint8Array<ArrayBuffer>;
  gzip?: Promise<Uint8Array<ArrayBuffer>>;
}

/** gzip with the Web-standard CompressionStream (Node 18+, workerd, browsers). */
export async function gzip(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** True when the request accepts gzip (`Accept-Encoding: gzip, deflate, br` and the like, not `gzip;q=0`). */
export function acceptsGzip(header: string | undefined): boolean {
  return !!header && /(^|,)\s*(gzip|\*)\s*(;\s*q=(?!0(\.0*)?\s*(,|$))[\d.]+)?\s*(,|$)/i.test(header);
}

export class PageCache {
  /**
   * Rendered pages, kept as bytes (and, when `compress` is on, gzipped once): a hit is written out as it is, with no
   * re-encoding of a 150 KB string. Compression is for Node; on Workers the platform compresses at the edge.
   */
  private readonly pages = new Lru<Rendered>(400);
  constructor(private readonly compress = false) {}

  /**
   * Answers with the page for `parts` (data hashes and parameters): 304 when the client has it, the kept HTML when
   * this process rendered it already, else `render()`.
   */
  async html(c: Context, parts: string[], render: () => string | Promise<string>, status: 200 | 400 | 404 = 200): Promise<Response> {
    const key = fnv1a([BOOT, ...parts].join('\u0001'));
    const zipped = this.compress && acceptsGzip(c.req.header('Accept-Encoding'));
    const etag = `W/"${key}${zipped ? '-gz' : ''}"`;
    c.header('ETag', etag);
    c.header('Cache-Control', 'no-cache');
    c.header('Vary', this.compress ? 'Accept-Language, Cookie, Accept-Encoding' : 'Accept-Language, Cookie');
    if (status === 200 && matches(c.req.header('If-None-Match'), etag)) return c.body(null, 304);
    let page = this.pages.get(key);
    if (page === undefined) {
      page = { identity: encoder.encode(await render()) as Uint8Array<ArrayBuffer> };
      this.pages.set(key, page);
    }
    c.header('Content-Type', 'text/html; charset=UTF-8');
    if (!zipped) return c.body(page.identity, status);
    page.gzip ??= gzip(page.identity);
    c.header('Content-Encoding', 'gzip');
    return c.body(await page.gzip, status);
  }

  clear(): void {
    this.pages.clear();
  }
}

export function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === bare || t.trim() === '*');
}

async function sha(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  let out = '';
  for (const b of new Uint8Array(digest).subarray(0, 12)) out += b.toString(16).padStart(2, '0');
  return out;
}

/** 64-bit FNV-1a (two 32-bit lanes) of a short string, as hex. */
function fnv1a(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0xcbf29ce4;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 0x01000193);
    h2 = Math.imul(h2 ^ ch, 0x01000193) ^ (h1 >>> 7);
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}
