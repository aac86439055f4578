/**
 * The Workers figures in one run (npm run bench:worker):
 *
 * 1. The worker bundle: `wrangler deploy --dry-run --outdir` on wrangler.toml, then the gzipped size of the modules
 *    it would upload (target: under 1 MiB; mermaid and the other pages' files are assets, not in the bundle).
 * 2. A whole-law compare inside workerd next to the same compare on Node: the General Law (../shared/corpus, read at
 *    run time, never committed) against a copy with 20% of its words edited (bench/lib/edits.ts, seed 2: the same
 *    input as case b of bench:compare). workerd runs under `wrangler dev --local` (bench/lib/compare-worker.ts);
 *    its time is the median round trip of a compare minus the median round trip of a no-op, on a warm isolate.
 *    Also: the size of the comparison as JSON (what /api/compare caches in one D1 row, limit 2 MB).
 *
 * wrangler runs offline, from node_modules/.bin, each in its own process group, stopped when done.
 * Environment: BENCH_RUNS (default 15), BENCH_WARMUP (default 3). The last line is one JSON object.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { unstable_readConfig } from 'wrangler';
import { compare, segment, segmentUnits } from '../src/text/index.js';
import { generalLawOrExit } from './lib/corpus.js';
import { editWords } from './lib/edits.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WRANGLER = join(ROOT, 'node_modules/.bin/wrangler');
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
const BUNDLE_TARGET = 1024 * 1024;
const D1_MAX_ROW = 2_000_000;
const env = { ...process.env, WRANGLER_SEND_METRICS: 'false', NO_UPDATE_NOTIFIER: '1', CI: '1' };

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Starts wrangler in its own process group; `stop()` ends the whole group. */
function wrangler(args: string[], cwd: string) {
  const child: ChildProcess = spawn(WRANGLER, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return {
    exited,
    output: () => output,
    stop() {
      if (child.exitCode === null && child.pid) {
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          /* already gone */
        }
      }
      return exited;
    },
  };
}

async function bundleSize() {
  const out = mkdtempSync(join(tmpdir(), 'armoniza-bundle-'));
  try {
    const run = wrangler(['deploy', '--dry-run', '--outdir', out], ROOT);
    const code = await run.exited;
    if (code !== 0) throw new Error(`wrangler deploy --dry-run failed:\n${run.output()}`);
    const modules = readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(m?js|wasm)$/.test(f) && statSync(join(out, f)).isFile());
    let raw = 0;
    let gzip = 0;
    for (const f of modules) {
      const bytes = readFileSync(join(out, f));
      raw += bytes.length;
      gzip += gzipSync(bytes).length;
    }
    const reported = /gzip:\s*([\d.]+)\s*KiB/.exec(run.output())?.[1];
    return { modules: modules.length, rawBytes: raw, gzipBytes: gzip, wranglerGzipKiB: reported ? Number(reported) : null };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

async function workerdCompare(model: string, bill: string) {
  const { compatibility_date } = unstable_readConfig({ config: join(ROOT, 'wrangler.toml') });
  // A config of its own (the app's wrangler.toml would bring its build step, assets and D1): only the bench worker.
  const cwd = mkdtempSync(join(tmpdir(), 'armoniza-bench-worker-'));
  const config = join(cwd, 'wrangler.json');
  writeFileSync(config, JSON.stringify({ name: 'armoniza-bench', main: join(ROOT, 'bench/lib/compare-worker.ts'), compatibility_date }));
  const [port, inspector] = [await freePort(), await freePort()];
  const dev = wrangler(
    ['dev', '--config', config, '--local', '--ip', '127.0.0.1', '--port', String(port), '--inspector-port', String(inspector),
      '--show-interactive-dev-session=false', '--log-level', 'warn'],
    cwd,
  );
  const base = `http://127.0.0.1:${port}`;
  try {
    const deadline = Date.now() + 90_000;
    for (;;) {
      if (dev.output().includes('ERROR') || (await Promise.race([dev.exited, Promise.resolve('running')])) !== 'running') {
        throw new Error(`wrangler dev did not start:\n${dev.output()}`);
      }
      try {
        if ((await fetch(`${base}/noop`)).ok) break;
      } catch {
        /* not listening yet */
      }
      if (Date.now() > deadline) throw new Error(`wrangler dev not ready after 90 s:\n${dev.output()}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    const loaded = await fetch(`${base}/load`, { method: 'POST', body: JSON.stringify({ model, bill }) });
    if (!loaded.ok) throw new Error(`load failed: ${loaded.status}`);
    const time = async (path: string) => {
      const t0 = performance.now();
      const res = await fetch(`${base}${path}`);
      const body = (await res.json()) as { insideMs?: number; pairs?: number };
      if (!res.ok) throw new Error(`${path}: ${res.status}`);
      return { ms: performance.now() - t0, body };
    };
    for (let i = 0; i < WARMUP; i++) await time('/compare');
    const noop: number[] = [];
    const trip: number[] = [];
    const inside: number[] = [];
    let pairs = 0;
    for (let i = 0; i < RUNS; i++) {
      noop.push((await time('/noop')).ms);
      const r = await time('/compare');
      trip.push(r.ms);
      inside.push(r.body.insideMs ?? 0);
      pairs = r.body.pairs ?? 0;
    }
    return { ms: median(trip) - median(noop), insideMs: median(inside), roundTripMs: median(trip), noopMs: median(noop), pairs };
  } finally {
    await dev.stop();
    rmSync(cwd, { recursive: true, force: true });
  }
}

function nodeCompare(model: string, bill: string) {
  const run = () => {
    const t0 = performance.now();
    const result = compare(segment(model), segmentUnits(bill));
    return { ms: performance.now() - t0, result };
  };
  for (let i = 0; i < WARMUP; i++) run();
  const times: number[] = [];
  let last = run();
  for (let i = 0; i < RUNS; i++) times.push((last = run()).ms);
  return { ms: median(times), result: last.result };
}

async function main() {
  const law = generalLawOrExit();
  const edited = editWords(law, 0.2, 2);

  const bundle = await bundleSize();
  console.log(`Worker bundle: ${bundle.modules} module(s), ${(bundle.rawBytes / 1024).toFixed(0)} KiB, gzip ${(bundle.gzipBytes / 1024).toFixed(0)} KiB (target < 1024 KiB; wrangler reports ${bundle.wranglerGzipKiB} KiB)`);

  const node = nodeCompare(law, edited.text);
  const stored = JSON.stringify({ billUnits: segmentUnits(edited.text).units.map((u) => ({ ref: u.ref, label: u.label, text: u.text })), result: node.result });
  const comparisonBytes = new TextEncoder().encode(stored).length;
  console.log(`Compare on Node: ${round(node.ms)} ms (median of ${RUNS}); ${node.result.pairs.length} pairs; as stored JSON ${(comparisonBytes / 1e6).toFixed(2)} MB (D1 row limit 2 MB)`);

  const workerd = await workerdCompare(law, edited.text);
  console.log(`Compare in workerd: ${round(workerd.ms)} ms (round trip ${round(workerd.roundTripMs)} ms − no-op ${round(workerd.noopMs)} ms; clock inside the isolate: ${round(workerd.insideMs)} ms)`);

  console.log(
    JSON.stringify({
      bundle: { gzipBytes: bundle.gzipBytes, rawBytes: bundle.rawBytes, wranglerGzipKiB: bundle.wranglerGzipKiB, targetBytes: BUNDLE_TARGET, underTarget: bundle.gzipBytes < BUNDLE_TARGET },
      compare: {
        input: 'General Law vs 20%-edited copy (editWords rate 0.2 seed 2)',
        modelWords: law.split(/\s+/).filter(Boolean).length,
        edits: edited.edits,
        runs: RUNS,
        nodeMs: round(node.ms),
        workerdMs: round(workerd.ms),
        workerdInsideMs: round(workerd.insideMs),
        pairsNode: node.result.pairs.length,
        pairsWorkerd: workerd.pairs,
      },
      comparisonJsonBytes: comparisonBytes,
      d1MaxRowBytes: D1_MAX_ROW,
    }),
  );
}

await main();
