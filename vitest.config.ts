import { defineConfig } from 'vitest/config';

// Two cores on the reference machine: keep the pool small so suites do not starve each other.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
