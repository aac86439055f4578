/**
 * Resolves who is asking, once per request: a Bearer token (the bootstrap admin token or an account's API token) or a
 * browser session cookie. Refused credentials are remembered (`authError`) so the guard can answer 401 rather than
 * treat the request as anonymous.
 */
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppEnv } from '../app-env.js';
import { sessionUser, userForToken } from '../db/users.js';
import { isAdminToken } from './admin-token.js';

export const SESSION_COOKIE = 'armoniza_session';
export const BOOTSTRAP_ADMIN = 'bootstrap-admin';

export const identify: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.set('actor', null);
  c.set('authError', null);
  const header = c.req.header('Authorization');
  if (header) {
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    if (!token) c.set('authError', 'Authorization must be "Bearer <token>"');
    else if (await isAdminToken(c.var.store, c.var.config.adminToken, token)) {
      c.set('actor', { id: BOOTSTRAP_ADMIN, email: null, role: 'admin', via: 'admin-token' });
    } else {
      const user = await userForToken(c.var.store, token);
      if (user) c.set('actor', { ...user, via: 'token' });
      else c.set('authError', 'the token is not valid (unknown or revoked)');
    }
  } else {
    const secret = getCookie(c, SESSION_COOKIE);
    const user = secret ? await sessionUser(c.var.store.db, secret) : undefined;
    if (user) c.set('actor', { id: user.id, email: user.email, role: user.role, via: 'session', csrf: user.csrf });
  }
  await next();
};
