/**
 * Types for `cloudflare:test` under the repository's one tsconfig (DOM + Node types, not the global Workers types that
 * `@cloudflare/vitest-pool-workers/types` expects): the part of that module these tests use, and the env the Workers
 * pool provides (wrangler.toml's bindings plus the migrations from vitest.workers.config.ts).
 */
declare module 'cloudflare:test' {
  import type { D1Database, R2Bucket } from '@cloudflare/workers-types/index';

  export interface D1Migration {
    name: string;
    queries: string[];
  }
  export const env: { DB: D1Database; ORIGINALS: R2Bucket; TEST_MIGRATIONS: D1Migration[]; ARMONIZA_ADMIN_TOKEN?: string };
  export function applyD1Migrations(db: D1Database, migrations: D1Migration[], migrationsTableName?: string): Promise<void>;
}

declare module 'cloudflare:workers' {
  /** The main worker's exports (`src/worker.ts`), running in the same isolate as the tests. */
  export const exports: { default: { fetch(input: string | Request, init?: RequestInit): Promise<Response> } };
}
