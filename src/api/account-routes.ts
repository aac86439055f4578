/**
 * Accounts: signing in and out (`/api/session`, a session cookie: HttpOnly, SameSite=Strict, Secure outside
 * localhost), accounts and roles (`/api/users`, admins), and each account's API tokens (`/api/tokens`).
 * Failed sign-ins are limited per email and per client address (`LOGIN_LIMIT`).
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../app-env.js';
import { SESSION_COOKIE } from '../auth/identity.js';
import { verifyPassword } from '../auth/passwords.js';
import {
  clearLoginFailures,
  createSession,
  createToken,
  createUser,
  endSession,
  findUserByEmail,
  listTokens,
  listUsers,
  LOGIN_LIMIT,
  loginBlocked,
  recordLoginFailure,
  revokeToken,
} from '../db/users.js';
import { ROLES } from '../db/schema.js';
import { UserError } from '../lib/errors.js';
import { ErrorBody, IdParam, userText } from './schemas.js';
import { jsonResponse, jsonBody, bearer } from './openapi.js';


const Role = z.enum(ROLES);
const Me = z.object({ id: z.string(), email: z.string().nullable(), role: Role, via: z.string(), csrf: z.string().optional() }).openapi('Me');
const Login = z.object({ email: z.email().max(320), password: z.string().min(1).max(1000) }).strict().openapi('Login');
const NewUser = z
  .object({ email: z.email().max(320), role: Role, password: z.string().min(12, 'must be at least 12 characters').max(1000).optional() })
  .strict()
  .openapi('NewUser');
const User = z.object({ id: z.string(), email: z.string(), role: Role, createdAt: z.string() }).openapi('User');
const NewToken = z.object({ name: userText(100) }).strict().openapi('NewToken');
const Token = z
  .object({ id: z.string(), name: z.string(), createdAt: z.string(), lastUsedAt: z.string().nullable(), revokedAt: z.string().nullable() })
  .openapi('Token');
const Secret = z.object({ id: z.string(), token: z.string().openapi({ description: 'Shown once; only its SHA-256 is kept' }) }).passthrough().openapi('Secret');

/** The client's address as the runtime reports it, for rate limiting; never trusted for anything else. */
function clientAddress(c: Context) {
  return c.req.header('CF-Connecting-IP') ?? c.req.header('X-Forwarded-For')?.split(',')[0]?.trim() ?? 'local';
}

function isLocal(c: Context) {
  return ['localhost', '127.0.0.1', '[::1]'].includes(new URL(c.req.url).hostname);
}

export function registerAccountRoutes(api: OpenAPIHono<AppEnv>) {
  api.openapi(
    createRoute({ method: 'get', path: '/session', tags: ['Accounts'], summary: 'Who is asking (null when anonymous)', responses: { 200: jsonResponse(Me.nullable(), 'The current account') } }),
    (c) => c.json(c.var.actor, 200),
  );

  api.openapi(
    createRoute({
      method: 'post', path: '/session', tags: ['Accounts'], summary: 'Sign in: sets the session cookie and returns the CSRF token',
      request: jsonBody(Login),
      responses: { 200: jsonResponse(Me, 'Signed in'), 400: jsonResponse(ErrorBody, 'Invalid input'), 401: jsonResponse(ErrorBody, 'Wrong email or password'), 429: jsonResponse(ErrorBody, 'Too many failed attempts') },
    }),
    async (c) => {
      const { email, password } = c.req.valid('json');
      const keys = [`email:${email.toLowerCase()}`, `addr:${clientAddress(c)}`];
      for (const key of keys) {
        if (await loginBlocked(c.var.store.db, key)) {
          return c.json({ error: { code: 'rate_limited', message: `too many failed sign-ins; try again in ${LOGIN_LIMIT.windowMinutes} minutes` } }, 429);
        }
      }
      const user = await findUserByEmail(c.var.store.db, email);
      if (!user?.passwordHash || !(await verifyPassword(password, user.passwordHash))) {
        for (const key of keys) await recordLoginFailure(c.var.store, key);
        return c.json({ error: { code: 'unauthorized', message: 'wrong email or password', fields: [{ field: 'password', message: 'wrong email or password' }] } }, 401);
      }
      await clearLoginFailures(c.var.store, keys[0]!);
      const session = await createSession(c.var.store, user.id);
      setCookie(c, SESSION_COOKIE, session.secret, { httpOnly: true, sameSite: 'Strict', secure: !isLocal(c), path: '/', expires: new Date(session.expiresAt) });
      return c.json({ id: user.id, email: user.email, role: user.role, via: 'session', csrf: session.csrf }, 200);
    },
  );

  api.openapi(
    createRoute({ method: 'delete', path: '/session', tags: ['Accounts'], summary: 'Sign out', responses: { 200: jsonResponse(z.object({ ok: z.boolean() }), 'Signed out') } }),
    async (c) => {
      const secret = getCookie(c, SESSION_COOKIE);
      if (secret) await endSession(c.var.store, secret);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.json({ ok: true }, 200);
    },
  );

  api.openapi(
    createRoute({ method: 'get', path: '/users', tags: ['Accounts'], summary: 'Accounts and their roles (admins)', security: bearer, responses: { 200: jsonResponse(User.array(), 'Accounts'), 401: jsonResponse(ErrorBody, 'Not signed in'), 403: jsonResponse(ErrorBody, 'Not an admin') } }),
    async (c) => c.json(await listUsers(c.var.store.db), 200),
  );

  api.openapi(
    createRoute({
      method: 'post', path: '/users', tags: ['Accounts'], summary: 'Create an account (admins); answers its first API token once', security: bearer,
      request: jsonBody(NewUser),
      responses: { 201: jsonResponse(Secret, 'The account and its first token'), 400: jsonResponse(ErrorBody, 'Invalid input'), 409: jsonResponse(ErrorBody, 'Email taken') },
    }),
    async (c) => {
      const created = await createUser(c.var.store, c.var.actor!.id, c.req.valid('json'));
      return c.json({ id: created.id, email: created.email, role: created.role, token: created.token }, 201);
    },
  );

  api.openapi(
    createRoute({ method: 'get', path: '/tokens', tags: ['Accounts'], summary: 'Your API tokens', security: bearer, responses: { 200: jsonResponse(Token.array(), 'Tokens, revoked ones included') } }),
    async (c) => c.json(await listTokens(c.var.store.db, c.var.actor!.id), 200),
  );

  api.openapi(
    createRoute({
      method: 'post', path: '/tokens', tags: ['Accounts'], summary: 'Create a named API token for yourself; shown once', security: bearer,
      request: jsonBody(NewToken),
      responses: { 201: jsonResponse(Secret, 'The token'), 400: jsonResponse(ErrorBody, 'Invalid input'), 422: jsonResponse(ErrorBody, 'The bootstrap token has no account') },
    }),
    async (c) => {
      const actor = c.var.actor!;
      if (actor.via === 'admin-token') throw new UserError(422, 'the bootstrap admin token has no account: create one with POST /api/users', 'Authorization');
      return c.json(await createToken(c.var.store, actor.id, actor.id, c.req.valid('json').name), 201);
    },
  );

  api.openapi(
    createRoute({
      method: 'delete', path: '/tokens/{id}', tags: ['Accounts'], summary: 'Revoke one of your tokens (admins: any token)', security: bearer,
      request: { params: IdParam },
      responses: { 200: jsonResponse(z.object({ id: z.string() }), 'Revoked'), 404: jsonResponse(ErrorBody, 'No such token of yours') },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await revokeToken(c.var.store, c.var.actor!, id);
      return c.json({ id }, 200);
    },
  );
}
