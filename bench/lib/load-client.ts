/**
 * One load run against one URL, by wrk when it is installed (a C client: it leaves a core to the server on a 2-core
 * machine) or else by autocannon (in this Node process). Both report the same figures.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface LoadFigures {
  rps: number;
  /** Latency percentiles in ms. */
  p50: number;
  p90: number;
  p99: number;
  bytesPerResponse: number;
  statuses: Record<string, number>;
  errors: number;
}

export interface LoadRun {
  url: string;
  connections: number;
  durationS: number;
  headers: Record<string, string>;
}

export const loadClient: 'wrk' | 'autocannon' = spawnSync('wrk', ['--version']).error ? 'autocannon' : 'wrk';

export function runLoad(run: LoadRun): Promise<LoadFigures> {
  return loadClient === 'wrk' ? runWrk(run) : runAutocannon(run);
}

// Counts every status code per thread and prints the figures as one JSON line when wrk is done.
const WRK_SCRIPT = `
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) statuses = {} end
function response(status, headers, body) statuses[status] = (statuses[status] or 0) + 1 end
function done(summary, latency, requests)
  local parts = {}
  for _, t in ipairs(threads) do
    for code, n in pairs(t:get("statuses")) do table.insert(parts, string.format('"%d":%d', code, n)) end
  end
  local e = summary.errors
  io.write(string.format('WRK {"requests":%d,"durationUs":%d,"bytes":%d,"p50":%d,"p90":%d,"p99":%d,"errors":%d,"statuses":[{%s}]}\\n',
    summary.requests, summary.duration, summary.bytes, latency:percentile(50), latency:percentile(90), latency:percentile(99),
    e.connect + e.read + e.write + e.timeout, table.concat(parts, "},{")))
end
`;
let scriptPath: string | undefined;

async function runWrk({ url, connections, durationS, headers }: LoadRun): Promise<LoadFigures> {
  if (!scriptPath) writeFileSync((scriptPath = join(mkdtempSync(join(tmpdir(), 'armoniza-wrk-')), 'count.lua')), WRK_SCRIPT);
  const args = ['-t1', `-c${connections}`, `-d${durationS}s`, '--timeout', '10s', '-s', scriptPath];
  for (const [k, v] of Object.entries(headers)) args.push('-H', `${k}: ${v}`);
  const out = await new Promise<string>((resolve, reject) => {
    const child = spawn('wrk', [...args, url], { stdio: ['ignore', 'pipe', 'inherit'] });
    let text = '';
    child.stdout.on('data', (d) => (text += d));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`wrk exited with ${code}`))));
  });
  const line = out.split('\n').find((l) => l.startsWith('WRK '));
  if (!line) throw new Error(`wrk printed no figures:\n${out}`);
  const r = JSON.parse(line.slice(4)) as { requests: number; durationUs: number; bytes: number; p50: number; p90: number; p99: number; errors: number; statuses: Record<string, number>[] };
  const statuses: Record<string, number> = {};
  for (const part of r.statuses) for (const [code, n] of Object.entries(part)) statuses[code] = (statuses[code] ?? 0) + n;
  return {
    rps: r.requests / (r.durationUs / 1e6),
    p50: r.p50 / 1000,
    p90: r.p90 / 1000,
    p99: r.p99 / 1000,
    bytesPerResponse: r.requests ? r.bytes / r.requests : 0,
    statuses,
    errors: r.errors,
  };
}

async function runAutocannon({ url, connections, durationS, headers }: LoadRun): Promise<LoadFigures> {
  const { default: autocannon } = await import('autocannon');
  const result = await autocannon({ url, connections, duration: durationS, headers });
  const statuses: Record<string, number> = {};
  for (const [code, stat] of Object.entries(result.statusCodeStats ?? {})) statuses[code] = (stat as { count: number }).count;
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    bytesPerResponse: result.requests.total ? result.throughput.total / result.requests.total : 0,
    statuses,
    errors: result.errors + result.timeouts,
  };
}
