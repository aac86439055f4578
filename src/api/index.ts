/**
 * The JSON API under `/api`: validation that names the field at fault, the write guard, OpenAPI and its docs page.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import type { MiddlewareHandler } from 'hono';
import { isAdminToken } from '../auth/admin-token.js';
import type { AppEnv } from '../app-env.js';
import { registerBillRoutes } from './bill-routes.js';
import { renderApiDocs } from './docs.js';
import { errorJson, validationError } from './errors.js';
import { registerStatusRoutes } from './status-routes.js';

/** Every request that is not a read needs the admin token. Reads are public. */
export const requireWriter: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.req.method === 'GET' || c.req.method === 'HEAD' || c.req.method === 'OPTIONS') return next();
  const header = c.req.header('Authorization') ?? '';
  const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
  if (!token) return errorJson(c, 401, 'unauthorized', 'Authorization: Bearer <token> is required for writes', [{ field: 'Authorization', message: 'missing' }]);
  if (!(await isAdminToken(c.var.store, c.var.config.adminToken, token))) {
    return errorJson(c, 401, 'unauthorized', 'the token is not valid', [{ field: 'Authorization', message: 'wrong token' }]);
  }
  return next();
};

export const OPENAPI_INFO = {
  openapi: '3.1.0',
  info: {
    title: 'Armoniza API',
    version: '0.1.0',
    description: 'Federal and state anti-trafficking legislation: bills, versions, amendments, dated actions, and the reform status derived from them. Reads are public; writes need `Authorization: Bearer <token>`.',
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
  api.use('*', requireWriter);
  api.use('*', async (c, next) =>
    bodyLimit({
      maxSize: c.var.config.maxBodyBytes,
      onError: (c) => errorJson(c, 413, 'too_large', `body: larger than the limit of ${c.var.config.maxBodyBytes} bytes`, [{ field: 'body', message: 'too large' }]),
    })(c, next),
  );
  api.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });

  registerStatusRoutes(api);
  registerBillRoutes(api);

  api.doc31('/openapi.json', OPENAPI_INFO);
  api.get('/docs', (c) => c.html(renderApiDocs(api.getOpenAPI31Document(OPENAPI_INFO))));
  api.notFound((c) => errorJson(c, 404, 'not_found', `no route ${c.req.method} ${c.req.path}`));
  return api;
}
