/**
 * Runs git for a bench as a shell does, and times it there: `git … > /dev/null` in a bash child, between two reads of
 * $EPOCHREALTIME (what `time git …` in a terminal measures: process start, the work, the output written).
 *
 * Why a shell, not Node's spawnSync: timed from Node, with git's output read through a pipe, the same word diff took
 * 3.6 ms longer than from bash (17.8 against 14.1 ms, 20.4 against 16.8, 19.6 against 15.8: medians of 30 runs
 * alternated in one process, 2026-11-29). Node starts a child by forking its own, much larger process, and reads the
 * output chunk by chunk while git waits on a full pipe. That time is the harness's; counted as git's, it made the
 * engine look about 20% faster against git than it is.
 *
 * Why a child process at all: the bench process holds the engine's heap (150+ MB). Node (libuv 1.46) starts a child
 * with fork(), which marks every page of the parent copy-on-write, so after each git run the engine's next comparison
 * took a page fault on every page it wrote (1.75 µs per 4 KiB page on this machine; 90 ms after one spawnSync). The
 * bash child is started once, before the warm-up.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { childrenCpuMs } from './cpu';

/** One git run: wall time, CPU time (null where /proc is missing; 10 ms resolution), exit status, stderr. */
export interface GitRun {
  ms: number;
  cpuMs: number | null;
  status: number;
  stderr: string;
}

export interface GitRunner {
  run(cwd: string, args: string[]): Promise<GitRun>;
  close(): void;
}

// One request per line on stdin (the directory, then git's arguments, separated by tabs); one line back per run: the
// clock before, the clock after, git's exit status.
const SHELL = `
while IFS=$'\\t' read -r -a request; do
  cd -- "\${request[0]}" || exit 2
  before=$EPOCHREALTIME
  git "\${request[@]:1}" > /dev/null 2> "$GIT_STDERR"
  status=$?
  after=$EPOCHREALTIME
  echo "$before $after $status"
done`;

/**
 * @example
 * const git = startGitRunner();
 * const { ms, status } = await git.run(dir, ['diff', '--no-index', 'a.txt', 'b.txt']);
 * git.close();
 */
export function startGitRunner(): GitRunner {
  const scratch = mkdtempSync(join(tmpdir(), 'armoniza-git-'));
  const stderrFile = join(scratch, 'stderr');
  const child = spawn('bash', ['-c', SHELL], { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, LC_ALL: 'C', GIT_STDERR: stderrFile } });
  const waiting: ((line: string) => void)[] = [];
  createInterface({ input: child.stdout! }).on('line', (line) => waiting.shift()?.(line));
  const failed = new Promise<never>((_, reject) => child.on('exit', (code) => reject(new Error(`the git runner exited (${code})`))));
  failed.catch(() => {});
  const run = async (cwd: string, args: string[]): Promise<GitRun> => {
    if ([cwd, ...args].some((a) => /[\t\n]/.test(a))) throw new Error('git runner: no tabs or line breaks in a directory or an argument');
    const cpu0 = childrenCpuMs(child.pid!);
    const line = await Promise.race([
      new Promise<string>((resolve) => {
        waiting.push(resolve);
        child.stdin!.write(`${[cwd, ...args].join('\t')}\n`);
      }),
      failed,
    ]);
    const cpu1 = childrenCpuMs(child.pid!);
    const [before, after, status] = line.split(' ');
    const ms = (microseconds(after!) - microseconds(before!)) / 1000;
    if (!Number.isFinite(ms)) throw new Error(`git runner: bash gave no clock ($EPOCHREALTIME needs bash 5): "${line}"`);
    // Read after the clock: git exits 1 both for "the files differ" and for some errors (a file it cannot read), so
    // a caller needs the message as well as the status.
    return { ms, cpuMs: cpu0 === null || cpu1 === null ? null : cpu1 - cpu0, status: Number(status), stderr: readFileSync(stderrFile, 'utf8') };
  };
  return {
    run,
    close: () => {
      child.stdin!.end();
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}

// "1764430000.123456" as an integer count of microseconds, exactly (a double holds it: below 2^53).
function microseconds(epoch: string): number {
  const [seconds, fraction = ''] = epoch.split('.');
  return Number(seconds) * 1e6 + Number(fraction.padEnd(6, '0').slice(0, 6));
}
