/**
 * The API suite (`tests/support/api-suite.ts`) inside workerd against D1, the app built as `src/worker.ts` builds it.
 * The same cases run on Node with a SQLite file in `tests/foundation/api.test.ts`.
 */
import { env } from 'cloudflare:test';
import { describeApiSuite } from '../support/api-suite.js';
import { startD1App } from '../support/d1-app.js';

describeApiSuite(() => startD1App(env.DB));
