/**
 * The API suite (`tests/support/api-suite.ts`) against Node and a real SQLite file through better-sqlite3. The same
 * cases run inside workerd against D1 in `tests/workers/api.test.ts`.
 */
import { describeApiSuite } from '../support/api-suite.js';
import { startNodeApp } from '../support/node-app.js';

describeApiSuite(() => startNodeApp());
