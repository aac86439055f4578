/**
 * The bootstrap admin token. Writes need `Authorization: Bearer <token>`. The token is either given by the operator
 * (`ARMONIZA_ADMIN_TOKEN`, or a Workers secret) or generated at first start, when only its SHA-256 is stored and the
 * token itself is printed once.
 */
import { eq } from 'drizzle-orm';
import type { Store } from '../db/client.js';
import { settings } from '../db/schema.js';
import { newSecret, sha256Hex } from '../lib/hash.js';

const SETTING = 'admin_token_sha256';

/**
 * Makes sure an admin token exists. Returns the new token when one was generated (print it once), else null.
 *
 * @example
 * const fresh = await ensureAdminToken(store, process.env.ARMONIZA_ADMIN_TOKEN);
 * if (fresh) console.log(`admin token: ${fresh}`);
 */
export async function ensureAdminToken(store: Store, configured?: string): Promise<string | null> {
  if (configured) return null;
  const [row] = await store.db.select().from(settings).where(eq(settings.key, SETTING));
  if (row) return null;
  const token = newSecret('arm');
  await store.atomic([store.db.insert(settings).values({ key: SETTING, value: await sha256Hex(token) }).onConflictDoNothing()]);
  return token;
}

// The configured token never changes while the process runs: hash it once.
const configuredHashes = new Map<string, Promise<string>>();

/** True when the token whose SHA-256 is `presentedHash` is the admin token (configured, or the one stored at start). */
export async function isAdminTokenHash(store: Store, configured: string | undefined, presentedHash: string): Promise<boolean> {
  if (configured) {
    if (!configuredHashes.has(configured)) configuredHashes.set(configured, sha256Hex(configured));
    return constantTimeEqual(presentedHash, await configuredHashes.get(configured)!);
  }
  const [row] = await store.db.select().from(settings).where(eq(settings.key, SETTING));
  return row ? constantTimeEqual(presentedHash, row.value) : false;
}

function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
