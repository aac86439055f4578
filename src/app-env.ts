/**
 * What every request handler can reach: the store, and the configuration the runtime entry point resolved.
 */
import type { Store } from './db/client.js';

export interface AppConfig {
  /** The admin token given by the operator; when absent, the hash stored at first start is used. */
  adminToken?: string;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes: number;
}

export interface AppEnv {
  Variables: { store: Store; config: AppConfig };
}
