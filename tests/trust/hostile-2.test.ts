/**
 * Hostile input, measured — the second half of the write routes (see tests/trust/hostile.test.ts for what is sent and
 * checked). A separate file so that vitest runs the two halves in parallel processes.
 */
import { defineHostileSuite } from '../support/hostile-fuzz.js';

defineHostileSuite({ shard: 1, shards: 2 });
