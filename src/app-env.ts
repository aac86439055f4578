/**
 * What every request handler can reach: the store, the configuration the runtime entry point resolved, and who is
 * asking (resolved once per request by `auth/identity.ts`).
 */
import type { Store } from './db/client.js';
import type { VersionedReads } from './lib/derived-cache.js';
import type { Role } from './db/users.js';

export interface AppConfig {
  /** The admin token given by the operator; when absent, the hash stored at first start is used. */
  adminToken?: string;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes: number;
  /** A private instance: reading needs a signed-in account too. */
  private: boolean;
}

/** Who is asking: an account (by token or browser session), or the instance's bootstrap admin token. */
export interface Actor {
  id: string;
  email: string | null;
  role: Role;
  via: 'admin-token' | 'token' | 'session';
  /** The session's CSRF token, which every cookie-authenticated write must echo. */
  csrf?: string;
}

export interface AppEnv {
  Variables: {
    store: Store;
    config: AppConfig;
    actor: Actor | null;
    /** Why the credentials presented were refused, when they were. */
    authError: string | null;
    /** The data version and values derived from the database, kept until the data changes (`lib/derived-cache.ts`). */
    reads: VersionedReads;
  };
}
