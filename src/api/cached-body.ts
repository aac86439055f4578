/**
 * Reads that clients repeat (the status of every entity, the jurisdictions): answered from the body kept until the
 * data changes (`lib/derived-cache.ts`), with an ETag, so a client that already has it gets `304 Not Modified`.
 */
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.js';
import { etagMatches } from '../lib/http-cache.js';

/**
 * @example
 * return cachedBody(c, `status|${asOf}|${lang}`, JSON_TYPE, async () => JSON.stringify(await statusReport(db, asOf, lang)));
 */
export async function cachedBody(c: Context<AppEnv>, key: string, contentType: string, build: () => Promise<string>): Promise<Response> {
  const { value: body, hash } = await c.var.reads.derive(`api|${key}`, build);
  const etag = `"${hash}"`;
  c.header('ETag', etag);
  c.header('Cache-Control', 'no-cache');
  if (etagMatches(c.req.header('If-None-Match'), etag)) return c.body(null, 304);
  return c.body(body, 200, { 'Content-Type': contentType });
}
