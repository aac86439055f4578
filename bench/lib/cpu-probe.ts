/**
 * How fast this machine's cores compute right now: nanoseconds per step of a fixed integer loop over 16 KB, which
 * stays in the L1 cache, so the time is the core's own speed and not the memory's.
 *
 * On this virtual machine the same loop runs up to ~1.6 × slower for minutes at a time (a neighbour sharing the physical
 * core, most likely). Our engine is compiled JavaScript doing the same kind of work and slows by the same factor;
 * git's word diff, whose time is partly process start and memory waits, slows less. Benches print it beside their
 * ratios, as context, never as a target.
 */

import { median, round } from './stats';

const SLOTS = 4096; // 16 KB of Int32
const ROUNDS = 256;

let data: Int32Array | null = null;

/**
 * Median of `rounds` timed passes of 2^20 steps after an untimed one, in ns per step.
 *
 * @example
 * const ns = cpuStepNs(); // e.g. 0.9
 */
export function cpuStepNs(rounds = 5): number {
  data ??= Int32Array.from({ length: SLOTS }, (_, i) => Math.imul(i, 0x9e3779b1));
  const times: number[] = [];
  let sum = pass(data); // untimed: the first pass runs before V8 has compiled the loop
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    sum += pass(data);
    times.push(((performance.now() - t0) * 1e6) / (ROUNDS * SLOTS));
  }
  if (sum === 0.5) throw new Error('unreachable'); // keeps the loop from being optimised away
  return round(median(times));
}

// Each step's multiply is independent of the others, so the loop is bound by how many instructions the core retires,
// as the engine's loops are, rather than by the latency of one chain.
function pass(data: Int32Array): number {
  let sum = 0;
  for (let k = 0; k < ROUNDS; k++) for (let i = 0; i < SLOTS; i++) sum = (sum + Math.imul(data[i]!, k)) | 0;
  return sum;
}
