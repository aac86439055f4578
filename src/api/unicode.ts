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
 * The name of the first text field of a multipart/form-data body whose bytes are not valid UTF-8, or null (also for a
 * body that is not multipart or that cannot be parsed: the form parser then answers). File parts are not looked at:
 * their bytes are decoded by the upload reader, which says what it did. A form decoder would turn bad bytes into
 * U+FFFD without a word, so the page refuses them as the API refuses such JSON.
 *
 * @example
 * invalidUtf8Field(bytes, 'multipart/form-data; boundary=x') // 'text'
 */
export function invalidUtf8Field(body: Uint8Array, contentType: string): string | null {
  const boundary = /^multipart\/form-data\s*;.*\bboundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  if (!boundary) return null;
  const delimiter = latin1Bytes(`\r\n--${boundary[1] ?? boundary[2]}`);
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
      try {
        fatal.decode(body.subarray(headersEnd + HEADERS_END.length, next));
      } catch {
        return /\bname="([^"]*)"/i.exec(disposition)?.[1] ?? 'body';
      }
    }
    at = next;
  }
  return null;
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
