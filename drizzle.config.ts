import { defineConfig } from 'drizzle-kit';

// `npm run db:generate` writes SQL migrations from the schema; Node applies them at start, D1 via wrangler.
export default defineConfig({
  dialect: 'sqlite',
  schema: './src/db/schema.ts',
  out: './drizzle',
});
