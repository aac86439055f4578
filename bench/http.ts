/**
 * HTTP benchmark of the pages (run: npm run bench:http).
 *
 * Starts the real Node server (better-sqlite3 file in a temp dir, seeded, the General Law from ../shared/corpus loaded
 * as a model when it is there) in a child process, then drives it — 50 connections, 10 s per target, after a short
 * warm-up — with wrk when it is installed (`apt-get install wrk`: a C client that leaves the other core to the server),
 * else with autocannon from this process:
 *
 *   floor      GET / on a bare node:http  the same bytes as the limit, without Hono: what Node itself does here
 *   limit      GET /__bench/limit        a precomputed body of the same size as the map page (the ceiling here):
 *                                        the map page's own bytes as served (gzip, since every request here says
 *                                        `Accept-Encoding: gzip, deflate, br, zstd` as a browser does)
 *   map        GET /                     the map page
 *   api        GET /api/status           the status JSON
 *   state      GET /states/MX-CHP        a state page
 *   compare    GET /compare/:id          a cached comparison (General Law vs a 2%-edited copy)
 *   map304     GET / with If-None-Match  conditional request: must be answered 304
 *
 * Targets: map ≥ 80% of the limit's requests per second, map p99 < 25 ms, every conditional request a 304.
 * Each target runs in ROUNDS rounds (the targets interleaved) and is reported by its median round. The last line is
 * one JSON object with every figure. Environment: BENCH_DURATION (s, default 10), BENCH_CONNECTIONS (default 50),
 * BENCH_ROUNDS (default 3).
 */
import { createServer } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startChildServer } from './lib/child-server.js';
import { generalLawOrStandIn } from './lib/corpus.js';
import { loadClient, runLoad, type LoadFigures } from './lib/load-client.js';

const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** What a browser sends; every request of the bench sends it too. */
const ACCEPT_ENCODING = 'gzip, deflate, br, zstd';

if (process.argv.includes('--serve')) await serveForBench();
else await drive();

/** Child process: the real app plus one bench-only route, on a free port; prints `READY {json}` when it listens. */
async function serveForBench() {
  const [{ serve }, { Hono }, { createApp }, { openSqliteFile }, { seedDataset }, { nodeAssets }, seed, { editWords }] = await Promise.all([
    import('@hono/node-server'),
    import('hono'),
    import('../src/app.js'),
    import('../src/db/sqlite-file.js'),
    import('../src/db/seed.js'),
    import('../views/node-assets.js'),
    import('../data/mx/seed.json', { with: { type: 'json' } }),
    import('./lib/edits.js'),
  ]);
  const dir = mkdtempSync(join(tmpdir(), 'armoniza-bench-http-'));
  const store = openSqliteFile(join(dir, 'bench.db'));
  await seedDataset(store, seed.default);
  const token = 'bench-token-0123456789';
  // As src/node.ts builds it: pages gzipped once, for clients that accept it.
  const app = createApp({ store, config: { adminToken: token }, assets: nodeAssets(), compressPages: true });
  const post = async (path: string, body: unknown, auth: boolean) => {
    const res = await app.request(path, { method: 'POST', headers: { 'Content-Type': 'application/json', ...(auth ? { Authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as { id: string };
  };

  // A comparison to serve from its permalink, made through the API as a reader would: the General Law against a
  // lightly edited copy (or a small stand-in when ../shared/corpus is absent).
  const { text: law, fromCorpus } = generalLawOrStandIn();
  const model = await post('/api/models', { title: 'Ley General (bench)', text: law, date: '2025-11-14' }, true);
  const compared = await post('/api/compare', { model: model.id, text: editWords(law, 0.02, 7).text, label: 'Borrador (bench, 2%)' }, false);

  // The ceiling: the map page's own bytes as a browser receives them (gzip), precomputed, sent with no work at all.
  const mapPage = new Uint8Array(await (await app.request('/?lang=es', { headers: { 'Accept-Encoding': ACCEPT_ENCODING } })).arrayBuffer());
  const mapPlain = (await (await app.request('/?lang=es')).arrayBuffer()).byteLength;
  const outer = new Hono();
  outer.get('/__bench/limit', (c) => {
    c.header('Content-Type', 'text/html; charset=UTF-8');
    c.header('Content-Encoding', 'gzip');
    return c.body(mapPage);
  });
  outer.route('/', app);
  // The floor: Node's own HTTP server writing the same bytes, with no framework at all.
  const floor = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=UTF-8', 'Content-Encoding': 'gzip', 'Content-Length': mapPage.byteLength });
    res.end(mapPage);
  });
  await new Promise<void>((resolve) => floor.listen(0, '127.0.0.1', resolve));
  const floorPort = (floor.address() as { port: number }).port;
  const server = serve({ fetch: outer.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
    console.log(`READY ${JSON.stringify({ port: info.port, floorPort, compareId: compared.id, mapBytes: mapPage.byteLength, mapPlainBytes: mapPlain, lawFromCorpus: fromCorpus })}`);
  });
  const stop = () => {
    floor.close();
    server.close();
    store.close();
    rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

type Figures = LoadFigures & { path: string };

/** Parent: start the server, run the load client against each target, print a table and the JSON line. */
async function drive() {
  const { child, ready } = await startChildServer<{ port: number; floorPort: number; compareId: string; mapBytes: number; mapPlainBytes: number; lawFromCorpus: boolean }>(
    fileURLToPath(import.meta.url),
    ['--serve'],
  );
  const base = `http://127.0.0.1:${ready.port}`;
  const loadBefore = loadavg()[0]!;
  try {
    const etag = (await fetch(`${base}/?lang=es`, { headers: { 'Accept-Encoding': ACCEPT_ENCODING } })).headers.get('etag') ?? '';
    const targets: [string, string, Record<string, string>?][] = [
      ['floor', `http://127.0.0.1:${ready.floorPort}/`],
      ['limit', '/__bench/limit'],
      ['map', '/'],
      ['api', '/api/status'],
      ['state', '/states/MX-CHP'],
      ['compare', `/compare/${ready.compareId}`],
      ['map304', '/', { 'If-None-Match': etag }],
    ];
    // Rounds interleave the targets, so a passing disturbance of the machine (another process, the hypervisor) hits
    // one round of each rather than all of one target; each target's figures are the median round by requests/s.
    const rounds: Record<string, Figures[]> = {};
    for (let round = 1; round <= ROUNDS; round++) {
      for (const [name, path, headers] of targets) {
        const url = path.startsWith('http') ? path : base + path;
        const run = (durationS: number) => runLoad({ url, connections: CONNECTIONS, durationS, headers: { 'Accept-Encoding': ACCEPT_ENCODING, ...headers } });
        if (round === 1) await run(Math.min(2, DURATION)); // warm-up
        const r = { path, ...(await run(DURATION)) };
        (rounds[name] ??= []).push(r);
        console.log(`${`${name} #${round}`.padEnd(11)} ${row(r)}`);
      }
    }
    const results: Record<string, Figures> = Object.fromEntries(Object.entries(rounds).map(([name, runs]) => [name, medianRun(runs)]));
    console.log(`medians of ${ROUNDS} round(s) of ${DURATION} s at ${CONNECTIONS} connections, by ${loadClient}:`);
    for (const [name, r] of Object.entries(results)) console.log(`${name.padEnd(11)} ${row(r)}`);
    const limit = results.limit!;
    const map = results.map!;
    const ratio = map.rps / limit.rps;
    const total304 = Object.values(results.map304!.statuses).reduce((a, b) => a + b, 0);
    const share304 = total304 ? (results.map304!.statuses['304'] ?? 0) / total304 : 0;
    const checks = { mapAtLeast80PctOfLimit: ratio >= 0.8, mapP99Under25ms: map.p99 < 25, conditionalAll304: share304 === 1 && !!etag };
    console.log(`map/limit ${(ratio * 100).toFixed(1)}% (target ≥ 80%) · map p99 ${map.p99} ms (target < 25) · 304 share ${(share304 * 100).toFixed(1)}% — ${Object.values(checks).every(Boolean) ? 'PASS' : 'FAIL'}`);
    console.log(
      JSON.stringify({
        bench: 'http',
        client: loadClient,
        connections: CONNECTIONS,
        durationS: DURATION,
        rounds: ROUNDS,
        acceptEncoding: ACCEPT_ENCODING,
        mapPageBytes: ready.mapBytes,
        mapPageBytesUncompressed: ready.mapPlainBytes,
        compareModelFromCorpus: ready.lawFromCorpus,
        ...Object.fromEntries(Object.entries(results).map(([k, v]) => [k, { rps: Math.round(v.rps), p50Ms: v.p50, p90Ms: v.p90, p99Ms: v.p99, bytesPerResponse: Math.round(v.bytesPerResponse), statuses: v.statuses, errors: v.errors }])),
        mapToLimit: Math.round(ratio * 1000) / 1000,
        share304: Math.round(share304 * 1000) / 1000,
        checks,
        pass: Object.values(checks).every(Boolean),
        // Other work on the machine skews every figure; the 1-minute load average before and after, and the cores.
        machine: { cores: cpus().length, loadAverageBefore: Math.round(loadBefore * 100) / 100, loadAverageAfter: Math.round(loadavg()[0]! * 100) / 100 },
      }),
    );
  } finally {
    child.kill('SIGTERM');
  }
}

function row(r: Figures): string {
  const where = r.path.replace(/^http:\/\/[^/]+/, '(bare node:http)').slice(0, 28).padEnd(28);
  return `${where} ${r.rps.toFixed(0).padStart(7)} req/s  p50 ${ms(r.p50)}  p90 ${ms(r.p90)}  p99 ${ms(r.p99)}  ${(r.bytesPerResponse / 1024).toFixed(1).padStart(6)} KiB/resp  ${JSON.stringify(r.statuses)}${r.errors ? `  errors ${r.errors}` : ''}`;
}

function ms(x: number): string {
  return `${x.toFixed(1).padStart(5)} ms`;
}

/** The round with the median requests per second (its own latencies with it, so the figures stay one run's). */
function medianRun(runs: Figures[]): Figures {
  return [...runs].sort((a, b) => a.rps - b.rps)[(runs.length - 1) >> 1]!;
}
