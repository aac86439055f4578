/**
 * Resolves who is asking, once per request: a Bearer token (the bootstrap admin token or an account's API token) or a
 * browser session cookie. Refused credentials are remembered (`authError`) so the guard can answer 401 rather than
 * treat the request as anonymous.
 */
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppEnv } from '../app-env.js';
import { sessionUser, userForTokenHash } from '../db/users.js';
import { sha256Hex } from '../lib/hash.js';
import { isAdminTokenHash } from './admin-token.js';

export const SESSION_COOKIE = 'armoniza_session';
export const BOOTSTRAP_ADMIN = 'bootstrap-admin';

export const identify: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.set('actor', null);
  c.set('authError', null);
  const header = c.req.header('Authorization');
  if (header) {
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    if (!token) c.set('authError', 'Authorization must be "Bearer <token>"');
    else {
      const hash = await sha256Hex(token);
      if (await isAdminTokenHash(c.var.store, c.var.config.adminToken, hash)) {
        c.set('actor', { id: BOOTSTRAP_ADMIN, email: null, role: 'admin', via: 'admin-token' });
      } else {
        const user = await userForTokenHash(c.var.store, hash);
        if (user) c.set('actor', { ...user, via: 'token' });
        else c.set('authError', 'the token is not valid (unknown or revoked)');
      }
    }
  } else {
    const secret = getCookie(c, SESSION_COOKIE);
    const user = secret ? await sessionUser(c.var.store.db, secret) : undefined;
    if (user) c.set('actor', { id: user.id, email: user.email, role: user.role, via: 'session', csrf: user.csrf });
  }
  await next();
};
