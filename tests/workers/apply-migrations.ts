/**
 * Runs before each test file inside workerd: applies the drizzle migrations to the local D1 database, recorded in
 * `d1_migrations` as `wrangler d1 migrations apply` records them. Applying twice is a no-op.
 */
import { applyD1Migrations, env } from 'cloudflare:test';

await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
