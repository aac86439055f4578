/**
 * What the API suite needs from a backend, whatever runs it: the app, its store, the seed it was loaded with, a
 * `call` that sends a request as a client would, and `close`. Web APIs only, so it loads in Node and in workerd.
 */
import type { ArmonizaApp } from '../../src/app.js';
import type { Store } from '../../src/db/client.js';
import mxSeed from '../../data/mx/seed.json' with { type: 'json' };

export const TEST_TOKEN = 'test-admin-token-0123456789';

export interface CallResult {
  status: number;
  headers: Headers;
  body: any;
}

export interface TestApp {
  /** Which backend this is, for test titles: 'node + better-sqlite3', 'workerd + D1'. */
  backend: string;
  app: ArmonizaApp;
  store: Store;
  seed: typeof mxSeed;
  /** The largest request body this backend's app accepts (the runtime entry point decides it). */
  maxBodyBytes: number;
  /** A request as a client would send it; JSON bodies are serialized, the token is sent unless `auth` is null. */
  call(method: string, url: string, body?: unknown, auth?: string | null): Promise<CallResult>;
  close(): void | Promise<void>;
}

/** The `call` of a `TestApp`, over `app.request`. */
export function caller(app: ArmonizaApp) {
  return async (method: string, url: string, body?: unknown, auth: string | null = TEST_TOKEN): Promise<CallResult> => {
    const headers: Record<string, string> = {};
    if (auth) headers.Authorization = `Bearer ${auth}`;
    let payload: BodyInit | undefined;
    if (typeof body === 'string') (payload = body), (headers['Content-Type'] = 'application/json');
    else if (body !== undefined) (payload = JSON.stringify(body)), (headers['Content-Type'] = 'application/json');
    const res = await app.request(url, { method, headers, body: payload });
    const type = res.headers.get('content-type') ?? '';
    return { status: res.status, headers: res.headers, body: type.includes('json') ? await res.json() : await res.text() };
  };
}

export { mxSeed };
