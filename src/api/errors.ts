/**
 * How the API answers what went wrong: one JSON shape, `{ error: { code, message, fields? } }`, a 4xx naming the
 * field for anything a user can fix, a bare 500 (details only in the server log) for our own bugs.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import { UserError } from '../lib/errors.js';

export function errorJson(c: Context, status: ContentfulStatusCode, code: string, message: string, fields?: { field: string; message: string }[]) {
  return c.json({ error: { code, message, ...(fields ? { fields } : {}) } }, status);
}

/** The answer to input that failed a zod schema: every failing field with its message. */
export function validationError(c: Context, error: ZodError, target: string) {
  const { fields, summary } = invalidFields(error, target);
  return errorJson(c, 400, 'invalid_input', `invalid ${target}: ${summary}`, fields);
}

/**
 * Every field a zod schema refused, with its message, and all of them in one line ("title: must not be empty").
 *
 * @example
 * invalidFields(ModelFields.safeParse({ title: ' ' }).error!, 'body').summary // 'title: must not be empty'
 */
export function invalidFields(error: ZodError, target: string) {
  const fields = error.issues.map((issue) => ({
    field: issue.path.length ? issue.path.join('.') : target,
    message: issue.code === 'unrecognized_keys' ? `unknown field(s): ${issue.keys.join(', ')}` : issue.message,
  }));
  return { fields, summary: fields.map((f) => `${f.field}: ${f.message}`).join('; ') };
}

/** `app.onError`: user errors become 4xx, anything else a logged 500. */
export function onError(error: Error, c: Context) {
  if (error instanceof UserError) {
    return errorJson(c, error.status, error.code, error.message, error.field ? [{ field: error.field, message: error.message }] : undefined);
  }
  if (error instanceof HTTPException) {
    const status = error.status as ContentfulStatusCode;
    const message = status === 400 && /JSON/i.test(error.message) ? 'body: malformed JSON' : error.message || 'request refused';
    return errorJson(c, status, status === 413 ? 'too_large' : 'bad_request', message, status === 400 ? [{ field: 'body', message }] : undefined);
  }
  console.error(`[armoniza] ${c.req.method} ${c.req.path} failed:`, error);
  return errorJson(c, 500, 'internal', 'internal error; it has been logged');
}
