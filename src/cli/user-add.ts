/**
 * `npm run user:add -- --email ana@example.org --role admin [--password-stdin]`: creates an account and prints its
 * first API token once. With `--password-stdin` the password (12 characters or more) is read from standard input,
 * so it never appears in the shell history. The database is ARMONIZA_DB (default data/armoniza.db).
 */
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { DEFAULT_DB_PATH, openSeededFile } from '../db/node-store.js';
import { ROLES } from '../db/schema.js';
import { createUser } from '../db/users.js';
import { UserError } from '../lib/errors.js';

const USAGE = `usage: npm run user:add -- --email <email> --role <${ROLES.join('|')}> [--password-stdin]`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

async function main() {
  let values;
  try {
    ({ values } = parseArgs({ options: { email: { type: 'string' }, role: { type: 'string' }, 'password-stdin': { type: 'boolean' } } }));
  } catch (e) {
    console.error(`user:add: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const input = z.object({ email: z.email(), role: z.enum(ROLES) }).safeParse(values);
  if (!input.success) {
    console.error(`user:add: ${input.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; ')}\n${USAGE}`);
    return 2;
  }
  const password = values['password-stdin'] ? await readStdin() : null;
  if (password !== null && password.length < 12) {
    console.error('user:add: the password must be at least 12 characters');
    return 1;
  }
  const { store } = await openSeededFile(process.env.ARMONIZA_DB ?? DEFAULT_DB_PATH);
  try {
    const user = await createUser(store, `cli:${userInfo().username}`, { ...input.data, password });
    console.log(`Created ${user.role} ${user.email} (${user.id}).`);
    console.log(`API token (shown once; only its hash is stored): ${user.token}`);
    return 0;
  } catch (e) {
    if (e instanceof UserError) {
      console.error(`user:add: ${e.message}`);
      return 1;
    }
    throw e;
  } finally {
    store.close();
  }
}

process.exit(await main());
