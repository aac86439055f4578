/**
 * Who may do what, as one table. Reads are public (unless the instance is private); every other request needs an
 * editor unless a rule below says otherwise. A route added later is therefore guarded by default.
 * Cookie-authenticated writes must also echo the session's CSRF token in `X-CSRF-Token`.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.js';
import { ROLE_RANK, type Role } from '../db/users.js';
import { errorJson } from './errors.js';

type Need = Role | 'anyone' | 'signed-in';

/** Exceptions to "reads: anyone; writes: editor", first match wins. Paths are relative to the site root. */
export const ACCESS_RULES: { methods: string[] | '*'; path: RegExp; need: Need; why: string }[] = [
  { methods: ['POST'], path: /^\/api\/compare$/, need: 'anyone', why: 'computes an answer without changing the record' },
  { methods: ['POST'], path: /^\/api\/session$/, need: 'anyone', why: 'signing in' },
  { methods: ['DELETE'], path: /^\/api\/session$/, need: 'signed-in', why: 'signing out' },
  { methods: '*', path: /^\/api\/tokens(\/[^/]+)?$/, need: 'signed-in', why: 'every account manages its own tokens' },
  { methods: ['POST'], path: /^\/api\/compare\/[^/]+\/share$/, need: 'signed-in', why: 'every account shares its own comparisons' },
  { methods: '*', path: /^\/api\/users(\/|$)/, need: 'admin', why: 'accounts and roles' },
  { methods: ['DELETE'], path: /^\/api\/bills\/[^/]+$/, need: 'admin', why: 'tombstoning a bill' },
  { methods: ['POST'], path: /^\/api\/bills\/[^/]+\/restore$/, need: 'admin', why: 'restoring a bill' },
];

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** What a request needs, from `ACCESS_RULES` and the instance's privacy. */
export function requirementOf(method: string, path: string, privateInstance: boolean): Need {
  const rule = ACCESS_RULES.find((r) => (r.methods === '*' || r.methods.includes(method)) && r.path.test(path));
  if (rule) return rule.need;
  if (READS.has(method)) return privateInstance ? 'viewer' : 'anyone';
  return 'editor';
}

export const guard: MiddlewareHandler<AppEnv> = async (c, next) => {
  const need = requirementOf(c.req.method, c.req.path, c.var.config.private);
  const { actor, authError } = c.var;
  if (authError) return errorJson(c, 401, 'unauthorized', authError, [{ field: 'Authorization', message: authError }]);
  if (need === 'anyone') return next();
  if (!actor) {
    const message = 'sign in, or send Authorization: Bearer <token>';
    return errorJson(c, 401, 'unauthorized', message, [{ field: 'Authorization', message: 'missing' }]);
  }
  if (need !== 'signed-in' && ROLE_RANK[actor.role] < ROLE_RANK[need]) {
    return errorJson(c, 403, 'forbidden', `this needs the ${need} role; you are ${actor.role}`, [{ field: 'Authorization', message: `needs ${need}` }]);
  }
  if (actor.via === 'session' && !READS.has(c.req.method) && c.req.header('X-CSRF-Token') !== actor.csrf) {
    return errorJson(c, 403, 'csrf', 'X-CSRF-Token: missing or wrong for this session', [{ field: 'X-CSRF-Token', message: 'missing or wrong' }]);
  }
  return next();
};
