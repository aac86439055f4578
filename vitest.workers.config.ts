/**
 * The tests that run inside workerd against a local D1 database (tests/workers/), through the Workers pool. They use
 * wrangler.toml's bindings and compatibility date; the drizzle migrations are handed to the runner as a binding and
 * applied by tests/workers/apply-migrations.ts, as `wrangler d1 migrations apply` would apply them.
 */
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { mkdirSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import { TEST_TOKEN } from './tests/support/harness.js';

// Offline and quiet: wrangler's config reader must not try to report usage.
process.env.WRANGLER_SEND_METRICS ??= 'false';
// wrangler.toml's assets folder must exist for the config to load; the API tests do not need what `build:assets` puts
// there, so an empty folder is enough.
mkdirSync('dist/public', { recursive: true });

export default defineConfig(async () => ({
  plugins: [
    cloudflareTest({
      main: './src/worker.ts',
      wrangler: { configPath: './wrangler.toml' },
      miniflare: {
        // The secret as `wrangler secret put` would set it (the same value the API suite uses).
        bindings: { TEST_MIGRATIONS: await readD1Migrations('./drizzle'), ARMONIZA_ADMIN_TOKEN: TEST_TOKEN },
      },
    }),
  ],
  test: {
    include: ['tests/workers/**/*.test.ts'],
    // CommonJS dependencies are pre-bundled to ESM: loaded as they are, mammoth's require graph overflows workerd's
    // stack (a segfault) in the pool's module loader. wrangler's own bundle (esbuild) is not affected.
    deps: { optimizer: { ssr: { enabled: true, include: ['mammoth'] } } },
    setupFiles: ['./tests/workers/apply-migrations.ts'],
    // Two cores on the reference machine: one workerd runner at a time.
    maxWorkers: 1,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
}));
