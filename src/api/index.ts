/**
 * The JSON API under `/api`: who may do what (`guard.ts`), validation that names the field at fault, OpenAPI and its
 * docs page.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from '../app-env.js';
import { registerAccountRoutes } from './account-routes.js';
import { registerBillRoutes } from './bill-routes.js';
import { renderApiDocs } from './docs.js';
import { errorJson, validationError } from './errors.js';
import { guard } from './guard.js';
import { registerModelRoutes } from './model-routes.js';
import { registerStatusRoutes } from './status-routes.js';
import { MAX_UPLOAD_BYTES, registerUploadRoutes } from './upload-routes.js';

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
      if (!result.success) return validationError(c, result.error, result.target === 'json' ? 'body' : result.target);
    },
  });
  // JSON loads nothing; the docs page only needs its inline style.
  api.use('*', secureHeaders({ contentSecurityPolicy: { defaultSrc: ["'none'"], styleSrc: ["'unsafe-inline'"], frameAncestors: ["'none'"] }, crossOriginResourcePolicy: 'cross-origin' }));
  api.use('*', guard);
  api.use('*', async (c, next) => {
    // Uploads carry files up to MAX_UPLOAD_BYTES plus the multipart envelope; everything else the configured limit.
    const maxSize = c.req.path === '/api/uploads' ? MAX_UPLOAD_BYTES + 64 * 1024 : c.var.config.maxBodyBytes;
    return bodyLimit({
      maxSize,
      onError: (c) => errorJson(c, 413, 'too_large', `body: larger than the limit of ${maxSize} bytes`, [{ field: 'body', message: 'too large' }]),
    })(c, next);
  });
  api.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });

  registerStatusRoutes(api);
  registerBillRoutes(api);
  registerModelRoutes(api);
  registerUploadRoutes(api);
  registerAccountRoutes(api);

  api.doc31('/openapi.json', OPENAPI_INFO);
  api.get('/docs', (c) => c.html(renderApiDocs(api.getOpenAPI31Document(OPENAPI_INFO))));
  api.notFound((c) => errorJson(c, 404, 'not_found', `no route ${c.req.method} ${c.req.path}`));
  return api;
}
