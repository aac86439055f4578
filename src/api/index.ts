/**
 * The JSON API under `/api`: who may do what (`guard.ts`), validation that names the field at fault, text refused
 * rather than altered when it cannot be stored exactly (`unicode.ts`), OpenAPI and its docs page.
 * CORS for reads only: any origin may GET/HEAD (and preflight those), without credentials; writes get no CORS headers.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from '../app-env.js';
import { registerAccountRoutes } from './account-routes.js';
import { JSON_TYPE } from '../lib/http-cache.js';
import { registerBillRoutes } from './bill-routes.js';
import { renderApiDocs } from './docs.js';
import { errorJson, validationError } from './errors.js';
import { guard } from './guard.js';
import { registerModelRoutes } from './model-routes.js';
import { registerStatusRoutes } from './status-routes.js';
import { registerGapRoutes } from './gap-routes.js';
import { illFormedAt, utf8JsonBody } from './unicode.js';
import { MAX_UPLOAD_BYTES, registerUploadRoutes } from './upload-routes.js';

const READS = ['GET', 'HEAD'];
const readCors = cors({ origin: '*', allowMethods: [...READS, 'OPTIONS'], credentials: false, maxAge: 86_400 });
/** A read, or the preflight of one: the only requests that get CORS headers. */
const isRead = (c: Context) => READS.includes(c.req.method) || (c.req.method === 'OPTIONS' && READS.includes(c.req.header('Access-Control-Request-Method') ?? ''));

export const OPENAPI_INFO = {
  openapi: '3.1.0',
  info: {
    title: 'Armoniza API',
    version: '0.1.0',
    description:
      "Federal and state anti-trafficking legislation: bills, versions, amendments, dated actions, and the reform status derived from them. Reads are public unless the instance is private; writes need an editor's `Authorization: Bearer <token>` (or a signed-in session with its CSRF token).",
  },
};

/**
 * Builds the `/api` sub-application.
 *
 * @example
 * app.route('/api', createApi());
 */
export function createApi() {
  const api = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      const target = result.target === 'json' ? 'body' : result.target;
      if (!result.success) return validationError(c, result.error, target);
      const at = illFormedAt(result.data);
      if (at !== null) return errorJson(c, 400, 'invalid_input', `invalid ${target}: ${at || target}: a lone surrogate is not text`, [{ field: at || target, message: 'a lone surrogate is not text' }]);
    },
  });
  // JSON loads nothing; the docs page only needs its inline style.
  api.use('*', secureHeaders({ contentSecurityPolicy: { defaultSrc: ["'none'"], styleSrc: ["'unsafe-inline'"], frameAncestors: ["'none'"] }, crossOriginResourcePolicy: 'cross-origin' }));
  api.use('*', (c, next) => (isRead(c) ? readCors(c, next) : next())); // before the guard: preflights carry no token
  api.use('*', guard);
  api.use('*', async (c, next) => {
    // Uploads carry files up to MAX_UPLOAD_BYTES plus the multipart envelope; everything else the configured limit.
    const maxSize = c.req.path === '/api/uploads' ? MAX_UPLOAD_BYTES + 64 * 1024 : c.var.config.maxBodyBytes;
    return bodyLimit({
      maxSize,
      onError: (c) => errorJson(c, 413, 'too_large', `body: larger than the limit of ${maxSize} bytes`, [{ field: 'body', message: 'too large' }]),
    })(c, next);
  });
  api.use('*', utf8JsonBody);
  api.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });

  registerStatusRoutes(api);
  registerGapRoutes(api);
  registerBillRoutes(api);
  registerModelRoutes(api);
  registerUploadRoutes(api);
  registerAccountRoutes(api);

  // The routes are fixed once built: the document (≈ 20 ms to generate) is made once, at first request, and its page
  // once for each address the server is reached at (its curl lines name it), a few at most.
  let document: ReturnType<typeof api.getOpenAPI31Document> | undefined;
  const openApi = () => (document ??= api.getOpenAPI31Document(OPENAPI_INFO));
  let openApiJson: string | undefined;
  const docsHtml = new Map<string, string>();
  api.get('/openapi.json', (c) => c.body((openApiJson ??= JSON.stringify(openApi())), 200, { 'Content-Type': JSON_TYPE }));
  api.get('/docs', (c) => {
    const origin = new URL(c.req.url).origin;
    let html = docsHtml.get(origin);
    if (html === undefined) {
      if (docsHtml.size >= 8) docsHtml.clear(); // any Host header reaches here: keep the cache small
      docsHtml.set(origin, (html = renderApiDocs(openApi(), origin)));
    }
    return c.html(html);
  });
  api.notFound((c) => errorJson(c, 404, 'not_found', `no route ${c.req.method} ${c.req.path}`));
  return api;
}
