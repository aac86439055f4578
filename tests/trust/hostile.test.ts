/**
 * Hostile input, measured. Every write route of the app's own route table (so a route added later is covered) gets at
 * least HOSTILE_RUNS (default 1,000) generated payloads, from fast-check arbitraries derived from the route's zod
 * schema as the OpenAPI registry holds it: each field plausible (Unicode edges, SQL and XSS text, boundary lengths,
 * real and impossible dates, real ids of seeded and created records) or mutated (wrong type, missing, numbers as
 * strings, NaN/Infinity as raw JSON text, huge strings, deep nesting), extra keys (`__proto__`, `constructor`…),
 * duplicate keys, malformed JSON, invalid UTF-8 bytes, wrong content types; path ids real and junk.
 *
 * After every request: no 5xx; on a 4xx nothing was written (the row count of every table and SQLite's
 * `total_changes()` unchanged); input the schema refuses is a 400/413/415; on a 2xx the audit trail and the tables
 * grew exactly as that write should, and what was stored is returned exactly (string equality) by the API.
 * Object.prototype is never polluted. The last test prints the counts per route (and writes
 * test-artifacts/hostile-counts.json). Reproduce a failure with HOSTILE_SEED=<seed printed by fast-check>.
 */
import { defineHostileSuite } from '../support/hostile-fuzz.js';

// Two shards, two test files, two processes: the machine has two cores. This one also checks the route table.
defineHostileSuite({ shard: 0, shards: 2 });
