import { configDefaults, defineConfig } from 'vitest/config';

// Two cores on the reference machine: keep the pool small so suites do not starve each other.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    // tests/workers/ runs inside workerd: vitest.workers.config.ts (`npm test` runs both).
    exclude: [...configDefaults.exclude, 'tests/workers/**'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
