/**
 * The one place routes are joined. `createApp` receives a store built by the runtime's entry point (`node.ts` with a
 * SQLite file, `worker.ts` with D1) and never asks which runtime it runs on.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { createApi } from './api/index.js';
import { errorJson, onError } from './api/errors.js';
import type { AppConfig, AppEnv } from './app-env.js';
import { identify } from './auth/identity.js';
import type { Store } from './db/client.js';
import { responseCache } from './http/response-cache.js';
import { DerivedCache, VersionedReads } from './lib/derived-cache.js';
import { createPages, type AssetLoader } from '../views/index.js';

export interface AppOptions {
  store: Store;
  config?: Partial<AppConfig>;
  /** Reads `/assets/*` files (Node: `nodeAssets()` from `views/node-assets.ts`); omit on Workers, whose assets serve them. */
  assets?: AssetLoader;
  /** gzip pages and assets in the app (Node). Leave off on Workers, which compresses at the edge. */
  compressPages?: boolean;
}

export const DEFAULT_CONFIG: AppConfig = { maxBodyBytes: 8 * 1024 * 1024, private: false };

/**
 * @example
 * const app = createApp({ store: openSqliteFile('data/armoniza.db') });
 * const res = await app.request('/api/status?asOf=2012-06-14');
 */
export function createApp({ store, config, assets, compressPages }: AppOptions) {
  const resolved: AppConfig = { ...DEFAULT_CONFIG, ...config };
  const app = new OpenAPIHono<AppEnv>();
  const derived = new DerivedCache();
  app.use('*', async (c, next) => {
    c.set('store', store);
    c.set('config', resolved);
    c.set('reads', new VersionedReads(store, derived));
    await next();
  });
  app.use('*', responseCache());
  app.use('*', identify);
  app.route('/api', createApi());
  app.route('/', createPages({ assets, compress: compressPages }));
  app.notFound((c) => errorJson(c, 404, 'not_found', `no route ${c.req.method} ${c.req.path}`));
  app.onError(onError);
  return app;
}

export type ArmonizaApp = ReturnType<typeof createApp>;
