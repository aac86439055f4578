/**
 * How slow this machine's memory is right now: nanoseconds per read of a chain of dependent reads spread at random
 * over 8 MB (each read waits for the one before, so the time is the latency of the shared cache or of memory).
 *
 * On a virtual machine whose last-level cache is shared with neighbours this moves a lot within minutes (41 to 189 ns
 * was seen in one process), and an engine that allocates and reads more memory than git slows down more than git
 * does. Benches print it beside their ratios so a run can be read for what it is: context, never a target.
 */

import { median, round } from './stats';

const SLOTS = 1 << 21; // 2 Mi Int32 = 8 MB
const READS = 1 << 20;

let chain: Int32Array | null = null;

/**
 * Median of `rounds` timed walks of 2^20 reads, in ns per read.
 *
 * @example
 * const ns = memoryLatencyNs(); // e.g. 62.5
 */
export function memoryLatencyNs(rounds = 5): number {
  chain ??= randomCycle(SLOTS);
  const times: number[] = [];
  let at = 0;
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (let i = 0; i < READS; i++) at = chain[at]!;
    times.push(((performance.now() - t0) * 1e6) / READS);
  }
  if (at < 0) throw new Error('unreachable'); // keeps the walk from being optimised away
  return round(median(times), 1);
}

// A single cycle through all n slots in random order (Sattolo's algorithm, seeded, so every run walks the same way).
function randomCycle(n: number): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let seed = 0x9e3779b9;
  for (let i = n - 1; i > 0; i--) {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    const j = seed % i;
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const next = new Int32Array(n);
  for (let i = 0; i < n; i++) next[order[i]!] = order[(i + 1) % n]!;
  return next;
}
