/**
 * Text is stored exactly as sent, so what cannot be stored exactly is refused rather than silently altered: a JSON
 * body that is not valid UTF-8 (a decoder would turn the bad bytes into U+FFFD), and strings holding a lone surrogate
 * (JSON can write `"\ud800"`; UTF-8 and SQLite cannot hold it, and the driver would store U+FFFD instead).
 * Nothing else is touched: no normalization, no trimming, no control-character filtering.
 */
import type { MiddlewareHandler } from 'hono';
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
