/**
 * Accounts, their API tokens and browser sessions. Secrets (tokens, session ids) are random, shown once, and stored
 * only as SHA-256; passwords only as PBKDF2 (auth/passwords.ts).
 */
import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import { hashPassword } from '../auth/passwords.js';
import { notFound, UserError } from '../lib/errors.js';
import { newSecret, randomId, sha256Hex } from '../lib/hash.js';
import { auditEntry } from './audit.js';
import type { Db, Store } from './client.js';
import { apiTokens, loginFailures, ROLES, sessions, users } from './schema.js';

export type Role = (typeof ROLES)[number];
export const ROLE_RANK: Record<Role, number> = { viewer: 0, editor: 1, admin: 2 };

const publicUser = { id: users.id, email: users.email, role: users.role, createdAt: users.createdAt };

export async function listUsers(db: Db) {
  return db.select(publicUser).from(users).orderBy(asc(users.createdAt), asc(users.email));
}

/** The account whose email is `email` up to the case of ASCII letters (as the unique index `users_email_nocase`). */
export async function findUserByEmail(db: Db, email: string) {
  const [row] = await db.select().from(users).where(sql`lower(${users.email}) = lower(${email})`);
  return row;
}

/**
 * Creates an account and its first API token, returned once.
 *
 * @example
 * const { id, token } = await createUser(store, 'admin', { email: 'ana@example.org', role: 'admin' });
 */
export async function createUser(store: Store, actor: string, input: { email: string; role: Role; password?: string | null }) {
  const email = input.email;
  const existing = await findUserByEmail(store.db, email);
  if (existing) throw new UserError(409, `email: an account for "${existing.email}" exists already`, 'email', 'conflict');
  const id = randomId('u');
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  const token = newSecret('arm');
  const tokenRow = { id: randomId('t'), userId: id, name: 'first token', tokenHash: await sha256Hex(token) };
  await store.atomic([
    store.db.insert(users).values({ id, email, role: input.role, passwordHash }),
    store.db.insert(apiTokens).values(tokenRow),
    auditEntry(store, actor, 'create', 'users', id, null, { email, role: input.role, password: passwordHash ? 'set' : 'none' }),
    auditEntry(store, actor, 'create', 'api_tokens', tokenRow.id, null, { userId: id, name: tokenRow.name }),
  ]);
  return { id, email, role: input.role, token, tokenId: tokenRow.id };
}

/** A new named token for `userId`, returned once. */
export async function createToken(store: Store, actor: string, userId: string, name: string) {
  const token = newSecret('arm');
  const row = { id: randomId('t'), userId, name, tokenHash: await sha256Hex(token) };
  await store.atomic([store.db.insert(apiTokens).values(row), auditEntry(store, actor, 'create', 'api_tokens', row.id, null, { userId, name })]);
  return { id: row.id, name, token };
}

export async function listTokens(db: Db, userId: string) {
  return db
    .select({ id: apiTokens.id, name: apiTokens.name, createdAt: apiTokens.createdAt, lastUsedAt: apiTokens.lastUsedAt, revokedAt: apiTokens.revokedAt })
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId))
    .orderBy(asc(apiTokens.createdAt));
}

/** Revokes a token of `ownerId` (or of anyone, for an admin); revoking twice is harmless. */
export async function revokeToken(store: Store, actor: { id: string; role: Role }, tokenId: string) {
  const [row] = await store.db.select().from(apiTokens).where(eq(apiTokens.id, tokenId));
  if (!row || (row.userId !== actor.id && actor.role !== 'admin')) throw notFound('token', tokenId);
  if (row.revokedAt) return;
  const revokedAt = new Date().toISOString();
  await store.atomic([
    store.db.update(apiTokens).set({ revokedAt }).where(eq(apiTokens.id, tokenId)),
    auditEntry(store, actor.id, 'update', 'api_tokens', tokenId, { revokedAt: null }, { revokedAt }),
  ]);
}

/** The account behind the live API token whose SHA-256 is `hash`, noting when it was last used (at most once a minute). */
export async function userForTokenHash(store: Store, hash: string) {
  const [row] = await store.db
    .select({ tokenId: apiTokens.id, lastUsedAt: apiTokens.lastUsedAt, id: users.id, email: users.email, role: users.role })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, hash), isNull(apiTokens.revokedAt)));
  if (!row) return undefined;
  const now = new Date();
  if (!row.lastUsedAt || now.getTime() - Date.parse(row.lastUsedAt) > 60_000) {
    await store.atomic([store.db.update(apiTokens).set({ lastUsedAt: now.toISOString() }).where(eq(apiTokens.id, row.tokenId))]);
  }
  return { id: row.id, email: row.email, role: row.role };
}

// ——— browser sessions ———

export const SESSION_HOURS = 12;

export async function createSession(store: Store, userId: string) {
  const secret = newSecret('s');
  const csrf = newSecret('c');
  const expiresAt = new Date(Date.now() + SESSION_HOURS * 3_600_000).toISOString();
  await store.atomic([store.db.insert(sessions).values({ idHash: await sha256Hex(secret), userId, csrf, expiresAt })]);
  return { secret, csrf, expiresAt };
}

export async function sessionUser(db: Db, secret: string) {
  const [row] = await db
    .select({ id: users.id, email: users.email, role: users.role, csrf: sessions.csrf })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.idHash, await sha256Hex(secret)), gt(sessions.expiresAt, new Date().toISOString())));
  return row;
}

export async function endSession(store: Store, secret: string) {
  await store.atomic([store.db.delete(sessions).where(eq(sessions.idHash, await sha256Hex(secret)))]);
}

// ——— failed logins ———

export const LOGIN_LIMIT = { failures: 5, windowMinutes: 15 };

/** True when `key` has failed too often within the window. */
export async function loginBlocked(db: Db, key: string): Promise<boolean> {
  const [row] = await db.select().from(loginFailures).where(eq(loginFailures.key, key));
  if (!row) return false;
  const fresh = Date.now() - Date.parse(row.windowStart) < LOGIN_LIMIT.windowMinutes * 60_000;
  return fresh && row.count >= LOGIN_LIMIT.failures;
}

export async function recordLoginFailure(store: Store, key: string) {
  const now = new Date().toISOString();
  const windowStart = new Date(Date.now() - LOGIN_LIMIT.windowMinutes * 60_000).toISOString();
  await store.atomic([
    store.db
      .insert(loginFailures)
      .values({ key, count: 1, windowStart: now })
      .onConflictDoUpdate({
        target: loginFailures.key,
        set: {
          count: sql`CASE WHEN ${loginFailures.windowStart} < ${windowStart} THEN 1 ELSE ${loginFailures.count} + 1 END`,
          windowStart: sql`CASE WHEN ${loginFailures.windowStart} < ${windowStart} THEN ${now} ELSE ${loginFailures.windowStart} END`,
        },
      }),
  ]);
}

export async function clearLoginFailures(store: Store, key: string) {
  await store.atomic([store.db.delete(loginFailures).where(eq(loginFailures.key, key))]);
}
