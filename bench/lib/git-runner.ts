/**
 * Runs git for a bench from a small child process, timing each run there.
 *
 * Why not `spawnSync` from the bench itself: Node (libuv 1.46) starts a child with fork(), which marks every page of
 * the parent copy-on-write. The bench process holds the engine's heap (150+ MB), so after each git run the engine's
 * next comparison took a page fault on every page it wrote: 1.75 µs per 4 KiB page on this machine (touching 200 MB
 * after one spawnSync: 51,457 faults, 90 ms). That cost belongs to the bench, not to the engine or to git. A lean
 * child forks git instead, as a shell would; git is timed the same way as before (spawnSync wall time, process start
 * included) and its CPU time is read from that child's finished children.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { childrenCpuMs } from './cpu';

/** One git run: wall time, CPU time (null where /proc is missing; 10 ms resolution), exit status, stderr. */
export interface GitRun {
  ms: number;
  cpuMs: number | null;
  status: number | null;
  stderr: string;
}

export interface GitRunner {
  run(cwd: string, args: string[]): Promise<GitRun>;
  close(): void;
}

/**
 * @example
 * const git = await startGitRunner();
 * const { ms, status } = await git.run(dir, ['diff', '--no-index', 'a.txt', 'b.txt']);
 * git.close();
 */
export async function startGitRunner(): Promise<GitRunner> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const waiting: ((run: GitRun) => void)[] = [];
  createInterface({ input: child.stdout! }).on('line', (line) => waiting.shift()?.(JSON.parse(line) as GitRun));
  const failed = new Promise<never>((_, reject) => child.on('exit', (code) => reject(new Error(`the git runner exited (${code})`))));
  failed.catch(() => {});
  return {
    run: (cwd, args) =>
      Promise.race([
        new Promise<GitRun>((resolve) => {
          waiting.push(resolve);
          child.stdin!.write(`${JSON.stringify({ cwd, args })}\n`);
        }),
        failed,
      ]),
    close: () => child.stdin!.end(),
  };
}

// The child: one JSON request per line on stdin, one JSON GitRun per line on stdout.
function serve(): void {
  createInterface({ input: process.stdin }).on('line', (line) => {
    const { cwd, args } = JSON.parse(line) as { cwd: string; args: string[] };
    const cpu0 = childrenCpuMs();
    const t0 = performance.now();
    const g = spawnSync('git', args, { cwd, maxBuffer: 1 << 30 });
    const ms = performance.now() - t0;
    const cpu1 = childrenCpuMs();
    const run: GitRun = { ms, cpuMs: cpu0 === null || cpu1 === null ? null : cpu1 - cpu0, status: g.status, stderr: String(g.stderr) };
    process.stdout.write(`${JSON.stringify(run)}\n`);
  });
}

if (process.argv.includes('--child') && process.argv[1] === fileURLToPath(import.meta.url)) serve();
