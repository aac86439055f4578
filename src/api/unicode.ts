/**
 * Text is stored exactly as sent, so what cannot be stored exactly is refused rather than silently altered: a JSON
 * body that is not valid UTF-8 (a decoder would turn the bad bytes into U+FFFD), and strings holding a lone surrogate
 * (JSON can write `"\ud800"`; UTF-8 and SQLite cannot hold it, and the driver would store U+FFFD instead).
 * Nothing else is touched: no normalization, no trimming, no control-character filtering.
 */
import type { MiddlewareHandler } from 'hono';
import { indexOfBytes, latin1, latin1Bytes, startsWithBytes } from '../lib/bytes.js';
import { errorJson } from './errors.js';

const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/i;
const LONE_SURROGATE = /[\ud800-\udfff]/u; // with the u flag, only unpaired halves match
const fatal = new TextDecoder('utf-8', { fatal: true });
/** As `fatal`, and keeping a leading U+FEFF: a form field's text is what was typed, not an encoded document. */
const exact = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Refuses a JSON request body that is not valid UTF-8 with a 400 naming `body`. Runs after the body-size limit.
 *
 * @example
 * api.use('*', utf8JsonBody);
 */
export const utf8JsonBody: MiddlewareHandler = async (c, next) => {
  const mediaType = (c.req.header('Content-Type') ?? '').split(';')[0]!.trim();
  if (c.req.method === 'GET' || c.req.method === 'HEAD' || !JSON_MEDIA_TYPE.test(mediaType)) return next();
  const bytes = await c.req.arrayBuffer(); // cached by Hono: the validator reads the same bytes again
  try {
    fatal.decode(bytes);
  } catch {
    return errorJson(c, 400, 'invalid_input', 'invalid body: not valid UTF-8', [{ field: 'body', message: 'not valid UTF-8' }]);
  }
  return next();
};

/**
 * The text fields of a multipart/form-data body, each decoded exactly as sent: the first value of each name, a leading
 * U+FEFF kept (a form decoder drops it, as TextDecoder drops a byte-order mark). Or the name of the first text field
 * whose bytes are not valid UTF-8 (a form decoder would turn them into U+FFFD without a word), which the page then
 * refuses as the API refuses such JSON. Null for a body that is not multipart or cannot be parsed: the form parser
 * then answers. File parts are not read: the upload reader decodes their bytes and says what it did.
 *
 * @example
 * multipartText(bytes, 'multipart/form-data; boundary=x') // { fields: Map { 'title' => '\ufeffLey' } } or { badField: 'text' }
 */
export function multipartText(body: Uint8Array, contentType: string): { fields: Map<string, string> } | { badField: string } | null {
  const boundary = /^multipart\/form-data\s*;.*\bboundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  if (!boundary) return null;
  const delimiter = latin1Bytes(`\r\n--${boundary[1] ?? boundary[2]}`);
  const fields = new Map<string, string>();
  // The first delimiter may open the body without the CRLF before it.
  let at = startsWithBytes(body, delimiter.subarray(2)) ? -2 : indexOfBytes(body, delimiter);
  while (at !== -1 && body[at + delimiter.length] !== 0x2d) {
    const headersStart = at + delimiter.length + 2;
    const headersEnd = indexOfBytes(body, HEADERS_END, headersStart);
    if (headersEnd === -1 || headersEnd - headersStart > MAX_PART_HEADERS) return null;
    const next = indexOfBytes(body, delimiter, headersEnd + HEADERS_END.length);
    if (next === -1) return null;
    const disposition = /^content-disposition:[^\r\n]*/im.exec(latin1(body.subarray(headersStart, headersEnd)))?.[0] ?? '';
    if (!/\bfilename\*?=/i.test(disposition)) {
      const name = /\bname="([^"]*)"/i.exec(disposition)?.[1] ?? 'body';
      let value: string;
      try {
        value = exact.decode(body.subarray(headersEnd + HEADERS_END.length, next));
      } catch {
        return { badField: name };
      }
      if (!fields.has(name)) fields.set(name, value);
    }
    at = next;
  }
  return { fields };
}

const HEADERS_END = latin1Bytes('\r\n\r\n');
/** Bytes of a part's headers, at most: more is not a form a browser sent. */
const MAX_PART_HEADERS = 8192;

/**
 * The path (`title`, `marks.0.ref`) of the first string in `value` that holds a lone surrogate, or null.
 *
 * @example
 * illFormedAt({ title: 'ok', sponsors: ['a\ud800'] }) // 'sponsors.0'
 */
export function illFormedAt(value: unknown, path: string[] = []): string | null {
  if (typeof value === 'string') return LONE_SURROGATE.test(value) ? path.join('.') : null;
  if (value === null || typeof value !== 'object') return null;
  for (const [key, item] of Object.entries(value)) {
    const at = illFormedAt(item, [...path, key]);
    if (at !== null) return at;
  }
  return null;
}
