/**
 * A real app on a real SQLite file in a temporary folder, seeded with the Mexican dataset, for tests.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/app.js';
import { openSqliteFile } from '../../src/db/sqlite-file.js';
import { seedDataset } from '../../src/db/seed.js';
import mxSeed from '../../data/mx/seed.json' with { type: 'json' };

export const TEST_TOKEN = 'test-admin-token-0123456789';

export async function startNodeApp(options: { seed?: boolean } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'armoniza-test-'));
  const path = join(dir, 'test.db');
  const store = openSqliteFile(path);
  if (options.seed !== false) await seedDataset(store, mxSeed);
  const app = createApp({ store, config: { adminToken: TEST_TOKEN } });
  return {
    app,
    store,
    path,
    seed: mxSeed,
    /** A request as a client would send it; JSON bodies are serialized, the token is sent when `auth` is set. */
    async call(method: string, url: string, body?: unknown, auth: string | null = TEST_TOKEN) {
      const headers: Record<string, string> = {};
      if (auth) headers.Authorization = `Bearer ${auth}`;
      let payload: BodyInit | undefined;
      if (typeof body === 'string') (payload = body), (headers['Content-Type'] = 'application/json');
      else if (body !== undefined) (payload = JSON.stringify(body)), (headers['Content-Type'] = 'application/json');
      const res = await app.request(url, { method, headers, body: payload });
      const type = res.headers.get('content-type') ?? '';
      return { status: res.status, headers: res.headers, body: type.includes('json') ? await res.json() : await res.text() } as { status: number; headers: Headers; body: any };
    },
    close() {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
export type NodeApp = Awaited<ReturnType<typeof startNodeApp>>;
