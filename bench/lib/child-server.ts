/**
 * A bench's server in a child process (so the load generator and the server each have a core): the bench script run
 * again with `--serve …` under tsx, which prints `READY {json}` once it listens.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface ChildServer<T> {
  child: ChildProcess;
  /** What the child printed after `READY `. */
  ready: T;
  /** Resolves with the exit code when the child ends. */
  exited: Promise<number | null>;
}

/**
 * @example
 * const { ready, child } = await startChildServer<{ port: number }>(fileURLToPath(import.meta.url), ['--serve']);
 */
export async function startChildServer<T>(script: string, args: string[], options: { env?: NodeJS.ProcessEnv; nodeArgs?: string[] } = {}): Promise<ChildServer<T>> {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', script, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: options.env ?? process.env,
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const ready = await new Promise<T>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => (line.startsWith('READY ') ? resolve(JSON.parse(line.slice(6))) : console.log(`[server] ${line}`)));
    void exited.then((code) => reject(new Error(`the bench server exited (${code}) before it was ready`)));
  });
  return { child, ready, exited };
}
