/**
 * Rendered pages, kept as bytes. A page's ETag is a hash of the data it shows (see `lib/derived-cache.ts`), its own
 * parameters and the boot id of this process, so a conditional request is answered `304` without rendering, and a
 * rendered page is kept (LRU) and served again while its data has not changed.
 */
import type { Context } from 'hono';
import { shortHash } from '../src/lib/hash.js';
import { acceptsGzip, etagMatches, gzip } from '../src/lib/http-cache.js';
import { Lru } from '../src/lib/lru.js';

/** Changes whenever this process (or Workers isolate) starts, so that a new build never answers 304 to an old page. */
const BOOT = Date.now().toString(36);

const encoder = new TextEncoder();

interface Rendered {
  identity: Uint8Array<ArrayBuffer>;
  gzip?: Promise<Uint8Array<ArrayBuffer>>;
}

export class PageCache {
  /**
   * Rendered pages, kept as bytes (and, when `compress` is on, gzipped once): a hit is written out as it is, with no
   * re-encoding of a 150 KB string. Compression is for Node; on Workers the platform compresses at the edge.
   */
  private readonly pages = new Lru<Rendered>(400, (page) => page.identity.byteLength, 64 * 2 ** 20);
  constructor(private readonly compress = false) {}

  /**
   * Answers with the page for `parts` (data hashes and parameters): 304 when the client has it, the kept HTML when
   * this process rendered it already, else `render()`.
   */
  async html(c: Context, parts: string[], render: () => string | Promise<string>, status: 200 | 400 | 404 = 200): Promise<Response> {
    const key = shortHash([BOOT, ...parts].join('\u0001'));
    const zipped = this.compress && acceptsGzip(c.req.header('Accept-Encoding'));
    const etag = `W/"${key}${zipped ? '-gz' : ''}"`;
    c.header('ETag', etag);
    c.header('Cache-Control', 'no-cache');
    c.header('Vary', this.compress ? 'Accept-Language, Cookie, Accept-Encoding' : 'Accept-Language, Cookie');
    if (status === 200 && etagMatches(c.req.header('If-None-Match'), etag)) return c.body(null, 304);
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
}
