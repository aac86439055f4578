/**
 * CPU time, for benches on a loaded machine where wall time mostly measures the wait for a core: this process's own
 * (process.cpuUsage) and that of a process's finished children (Linux only, from /proc/<pid>/stat).
 */
import { readFileSync } from 'node:fs';

/** CPU milliseconds (user + system) used by this process so far. */
export function ownCpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Clock ticks per second of /proc's CPU times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/**
 * CPU milliseconds (user + system) used by the child processes that process `pid` has waited for, or null where /proc
 * is not available. Resolution 10 ms: take the difference over many children.
 */
export function childrenCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may contain spaces: cutime and cstime are 16 and 17.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}
