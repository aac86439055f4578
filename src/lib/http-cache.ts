/**
 * HTTP helpers shared by the API and the pages, on any runtime: conditional requests, gzip, the JSON media type.
 */

/** The Content-Type of a JSON body written out as a string. */
export const JSON_TYPE = 'application/json; charset=UTF-8';

/**
 * True when an `If-None-Match` header names `etag` (weak comparison, as RFC 9110 asks for GET) or is `*`.
 *
 * @example
 * etagMatches('W/"abc", "def"', '"abc"') // true
 */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === bare || t.trim() === '*');
}

/** True when the request accepts gzip (`Accept-Encoding: gzip, deflate, br` and the like, not `gzip;q=0`). */
export function acceptsGzip(header: string | undefined): boolean {
  return !!header && /(^|,)\s*(gzip|\*)\s*(;\s*q=(?!0(\.0*)?\s*(,|$))[\d.]+)?\s*(,|$)/i.test(header);
}

/** gzip with the Web-standard CompressionStream (Node 18+, workerd, browsers). */
export async function gzip(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
