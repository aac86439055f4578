/**
 * Load, measured (run: npm run bench:load). Mixed read traffic from 50 connections while an editor writes actions.
 *
 * The server is the app as `src/node.ts` builds it (a fresh SQLite file in a temp folder, migrated and seeded, the
 * admin token from the environment, Node assets, gzip), in a child process listening on 127.0.0.1 only; this process
 * is the load generator, so each has a core. The Mexican General Law from ../shared/corpus (or a stand-in) is loaded
 * as a model, and a comparison against a 2%-edited copy is computed once, before the clock starts.
 *
 * Readers, 50 connections in all, one autocannon instance per route so each has its own latency histogram:
 *
 *   map           GET /                        the status map page
 *   status        GET /api/status?asOf=…       a random day from 2005 to today each time
 *   bill          GET /bills/<id>              a random seeded bill each time
 *   state         GET /states/<id>             a random state each time
 *   compare-post  POST /api/compare            the same draft each time: answered from the cache
 *   compare-get   GET /api/compare/<id>        the permalink of the General Law comparison
 *
 * The editor (its own connection, an account made through POST /api/users) posts an action every 1/rate seconds to
 * a seeded bill, whatever the latency. Afterwards, with the server stopped, the database is opened and counted: every
 * 201 must be an action row and an audit entry of that editor, and nothing else written by it.
 *
 * Passes when no request failed (a non-2xx/3xx answer, a socket error or a timeout) and every write is present.
 * Prints a table; the last line is one JSON object with every figure.
 * Environment: BENCH_SECONDS (default 30), BENCH_CONNECTIONS (default 50), BENCH_WRITES_PER_SECOND (default 20),
 * BENCH_SERVER_NODE_ARGS (flags for the server's node, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"), BENCH_ROUTES (a
 * comma-separated subset of the routes above).
 */
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startChildServer } from './lib/child-server.js';
import { generalLawOrStandIn } from './lib/corpus.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const WRITES_PER_SECOND = Number(process.env.BENCH_WRITES_PER_SECOND ?? 20);
const ADMIN_TOKEN = `bench-load-admin-${Math.random().toString(36).slice(2)}`;
const WRITE_MARK = 'bench:load write';

/** Share of the reader connections per route (rounded; the rest goes to the first). */
const ALL_ROUTES: [name: string, share: number][] = [
  ['map', 0.2],
  ['status', 0.2],
  ['bill', 0.2],
  ['state', 0.16],
  ['compare-post', 0.12],
  ['compare-get', 0.12],
];
/** BENCH_ROUTES=map,status keeps some routes only (their shares scaled up), to see which one a problem comes from. */
const ONLY = process.env.BENCH_ROUTES?.split(',').map((r) => r.trim());
const KEPT = ALL_ROUTES.filter(([name]) => !ONLY || ONLY.includes(name));
const MIX: [name: string, share: number][] = KEPT.map(([name, share]) => [name, share / KEPT.reduce((a, [, s]) => a + s, 0)]);

if (process.argv[2] === '--serve') await serve(process.argv[3]!);
else await drive();

/** Child process: the app as src/node.ts makes it, on 127.0.0.1 and a free port; prints `READY {json}` when it listens. */
async function serve(dbPath: string) {
  const [{ serve: listen }, { createApp }, { ensureAdminToken }, { openSeededFile }, { nodeAssets }] = await Promise.all([
    import('@hono/node-server'),
    import('../src/app.js'),
    import('../src/auth/admin-token.js'),
    import('../src/db/node-store.js'),
    import('../views/node-assets.js'),
  ]);
  const adminToken = process.env.ARMONIZA_ADMIN_TOKEN || undefined;
  const { store } = await openSeededFile(dbPath);
  await ensureAdminToken(store, adminToken);
  const app = createApp({ store, config: { adminToken, private: false }, assets: nodeAssets(), compressPages: true });
  const server = listen({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => console.log(`READY ${JSON.stringify({ port: info.port })}`));
  const stop = () => server.close(() => (store.close(), process.exit(0)));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

interface RouteFigures {
  connections: number;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  max: number;
  bytesPerResponse: number;
  statuses: Record<string, number>;
  non2xx3xx: number;
  errors: number;
}

/** Parent: the load generator and the editor; then the count in the database. */
async function drive() {
  const { default: autocannon } = await import('autocannon');
  const { default: Database } = await import('better-sqlite3');
  const { editWords } = await import('./lib/edits.js');

  const dir = mkdtempSync(join(tmpdir(), 'armoniza-bench-load-'));
  const dbPath = join(dir, 'load.db');
  // BENCH_SERVER_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the server.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const { child, ready, exited } = await startChildServer<{ port: number }>(fileURLToPath(import.meta.url), ['--serve', dbPath], {
    env: { ...process.env, ARMONIZA_ADMIN_TOKEN: ADMIN_TOKEN, ARMONIZA_DB: dbPath },
    nodeArgs,
  });
  const { port } = ready;
  const base = `http://127.0.0.1:${port}`;

  try {
    // ——— setup, through the API as a client would ———
    const api = async (method: string, path: string, body?: unknown, token: string | null = ADMIN_TOKEN) => {
      const res = await fetch(base + path, {
        method,
        headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
      return res.json() as Promise<any>;
    };
    const bills: string[] = [];
    for (let page = 1; ; page++) {
      const list = await api('GET', `/api/bills?perPage=200&page=${page}`);
      bills.push(...list.items.map((b: { id: string }) => b.id));
      if (bills.length >= list.total || list.items.length === 0) break;
    }
    const states = (await api('GET', '/api/jurisdictions')).filter((j: { kind: string }) => j.kind === 'state').map((j: { id: string }) => j.id);
    const editor = await api('POST', '/api/users', { email: 'bench-editor@example.org', role: 'editor' });
    const { text: law, fromCorpus: lawFromCorpus } = generalLawOrStandIn();
    const model = await api('POST', '/api/models', { title: 'Ley General (bench:load)', text: law, date: '2025-11-14' });
    const full = await api('POST', '/api/compare', { model: model.id, text: editWords(law, 0.02, 7).text, label: 'Borrador (bench:load, 2%)' }, null);
    // The draft posted again and again: a state-sized piece of an edited copy (about 20 KB), answered from the cache.
    const draft = editWords(law, 0.02, 11).text.slice(0, 20_000).replace(/\n[^\n]*$/, '');
    const compareBody = JSON.stringify({ model: model.id, text: draft, label: 'Iniciativa (bench:load)' });
    await api('POST', '/api/compare', JSON.parse(compareBody), null);

    // ——— readers ———
    const pick = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)]!;
    const start = Date.UTC(2005, 0, 1);
    const randomDay = () => new Date(start + Math.random() * (Date.now() - start)).toISOString().slice(0, 10);
    const requestsOf: Record<string, () => object[]> = {
      map: () => [{ method: 'GET', path: '/' }],
      status: () => [{ method: 'GET', path: '/api/status', setupRequest: (req: { path: string }) => ({ ...req, path: `/api/status?asOf=${randomDay()}` }) }],
      bill: () => [{ method: 'GET', path: '/bills/x', setupRequest: (req: { path: string }) => ({ ...req, path: `/bills/${pick(bills)}` }) }],
      state: () => [{ method: 'GET', path: '/states/x', setupRequest: (req: { path: string }) => ({ ...req, path: `/states/${pick(states)}` }) }],
      'compare-post': () => [{ method: 'POST', path: '/api/compare', headers: { 'Content-Type': 'application/json' }, body: compareBody }],
      'compare-get': () => [{ method: 'GET', path: `/api/compare/${full.id}` }],
    };
    const connections = Object.fromEntries(MIX.map(([name, share]) => [name, Math.max(1, Math.round(CONNECTIONS * share))]));
    connections[MIX[0]![0]]! += CONNECTIONS - Object.values(connections).reduce((a, b) => a + b, 0);
    const runMix = (seconds: number) =>
      Promise.all(
        MIX.map(([name]) =>
          autocannon({ url: base, connections: connections[name]!, duration: seconds, requests: requestsOf[name]!(), timeout: 10 }).then((r: any) => [name, r] as const),
        ),
      );

    const warmup = Math.max(1, Math.min(3, Math.round(SECONDS / 10)));
    console.log(`warm-up ${warmup} s, then ${SECONDS} s: ${CONNECTIONS} reader connections ${JSON.stringify(connections)}, one editor writing ${WRITES_PER_SECOND} actions/s, server on ${base}`);
    await runMix(warmup);

    // ——— the editor: one write every 1/rate s, open loop ———
    const writes: { status: number; ms: number; id?: string; error?: string }[] = [];
    const inFlight: Promise<void>[] = [];
    let n = 0;
    // node:http with its own keep-alive agent, so a write never waits for a free socket behind another write.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
    const post = (path: string, body: string, token: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = http.request(`${base}${path}`, { method: 'POST', agent, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', reject);
        });
        req.on('error', reject);
        req.end(body);
      });
    const write = async () => {
      const i = n++; // counted when sent
      const t0 = performance.now();
      try {
        const body = JSON.stringify({ date: randomDay(), classification: 'referral-committee', description: `${WRITE_MARK} #${i}`, source: 'https://example.org/bench-load', confidence: 'low' });
        const res = await post(`/api/bills/${encodeURIComponent(bills[i % bills.length]!)}/actions`, body, editor.token);
        writes.push({ status: res.status, ms: performance.now() - t0, id: (JSON.parse(res.body) as { id?: string }).id });
      } catch (e) {
        writes.push({ status: 0, ms: performance.now() - t0, error: (e as Error).message });
      }
    };
    // Paced by the clock, not by timer ticks (which come late when this process is busy): every tick sends the writes due.
    const readers = runMix(SECONDS);
    const t0 = performance.now();
    const writer = setInterval(() => {
      const due = Math.min(SECONDS, (performance.now() - t0) / 1000) * WRITES_PER_SECOND;
      while (n < Math.floor(due)) inFlight.push(write());
    }, Math.max(5, 1000 / Math.max(1, WRITES_PER_SECOND) / 2));
    const results = await readers;
    clearInterval(writer);
    await Promise.all(inFlight);
    agent.destroy();

    // ——— figures ———
    const routes: Record<string, RouteFigures> = {};
    for (const [name, r] of results) {
      const statuses: Record<string, number> = {};
      for (const [code, stat] of Object.entries(r.statusCodeStats ?? {})) statuses[code] = (stat as { count: number }).count;
      const bad = Object.entries(statuses).filter(([code]) => !/^[23]/.test(code)).reduce((a, [, c]) => a + c, 0);
      routes[name] = {
        connections: connections[name]!, requests: r.requests.total, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max,
        bytesPerResponse: r.requests.total ? r.throughput.total / r.requests.total : 0, statuses, non2xx3xx: bad, errors: r.errors + r.timeouts,
      };
    }
    const sorted = writes.map((w) => w.ms).sort((a, b) => a - b);
    const pct = (p: number) => (sorted.length ? Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 10) / 10 : 0);
    const created = writes.filter((w) => w.status === 201);

    // ——— the count, in the database, with the server stopped ———
    child.kill('SIGTERM');
    await exited;
    const db = new Database(dbPath, { readonly: true });
    const rows = db.prepare('SELECT id FROM actions WHERE description LIKE ?').all(`${WRITE_MARK} #%`) as { id: string }[];
    const audit = db.prepare("SELECT entity_id AS id FROM audit_log WHERE actor = ? AND entity = 'actions' AND action = 'create'").all(editor.id) as { id: string }[];
    const byEditor = (db.prepare('SELECT count(*) AS n FROM audit_log WHERE actor = ?').get(editor.id) as { n: number }).n;
    const integrity = db.pragma('integrity_check', { simple: true });
    db.close();
    const inDb = new Set(rows.map((r) => r.id));
    const audited = new Set(audit.map((r) => r.id));
    const missing = created.filter((w) => !inDb.has(w.id!) || !audited.has(w.id!)).length;

    const readErrors = Object.values(routes).reduce((a, r) => a + r.non2xx3xx + r.errors, 0);
    const writeErrors = writes.length - created.length;
    const checks = {
      noReadErrors: readErrors === 0,
      noWriteErrors: writeErrors === 0,
      everyWritePresent: missing === 0 && rows.length === created.length && audit.length === created.length && byEditor === created.length,
      steadyWrites: writes.length >= Math.floor(SECONDS * WRITES_PER_SECOND * 0.95),
      integrityOk: integrity === 'ok',
    };

    console.log(`\n${'route'.padEnd(13)} ${'conns'.padStart(5)} ${'requests'.padStart(9)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'max ms'.padStart(7)} ${'KiB/resp'.padStart(9)}  errors  statuses`);
    for (const [name, r] of Object.entries(routes)) {
      console.log(`${name.padEnd(13)} ${String(r.connections).padStart(5)} ${String(r.requests).padStart(9)} ${r.rps.toFixed(0).padStart(8)} ${String(r.p50).padStart(7)} ${String(r.p99).padStart(7)} ${String(r.max).padStart(7)} ${(r.bytesPerResponse / 1024).toFixed(1).padStart(9)}  ${String(r.non2xx3xx + r.errors).padStart(6)}  ${JSON.stringify(r.statuses)}`);
    }
    console.log(`${'write'.padEnd(13)} ${'1'.padStart(5)} ${String(writes.length).padStart(9)} ${(writes.length / SECONDS).toFixed(0).padStart(8)} ${String(pct(50)).padStart(7)} ${String(pct(99)).padStart(7)} ${String(Math.round((sorted.at(-1) ?? 0) * 10) / 10).padStart(7)} ${''.padStart(9)}  ${String(writeErrors).padStart(6)}  201: ${created.length}`);
    console.log(`writes: ${created.length} answered 201; in the database ${rows.length} actions and ${audit.length} audit entries of the editor (${byEditor} entries by it in all); missing ${missing}; integrity ${integrity}`);
    const pass = Object.values(checks).every(Boolean);
    console.log(`${Object.entries(checks).map(([k, v]) => `${k} ${v ? 'ok' : 'FAIL'}`).join(' · ')} — ${pass ? 'PASS' : 'FAIL'}`);
    console.log(
      JSON.stringify({
        bench: 'load',
        durationS: SECONDS,
        readerConnections: CONNECTIONS,
        compareModelFromCorpus: lawFromCorpus,
        routes: Object.fromEntries(Object.entries(routes).map(([k, r]) => [k, { connections: r.connections, requests: r.requests, rps: Math.round(r.rps), p50Ms: r.p50, p99Ms: r.p99, maxMs: r.max, bytesPerResponse: Math.round(r.bytesPerResponse), statuses: r.statuses, errors: r.non2xx3xx + r.errors }])),
        reads: { requests: Object.values(routes).reduce((a, r) => a + r.requests, 0), rps: Math.round(Object.values(routes).reduce((a, r) => a + r.rps, 0)), errors: readErrors },
        writes: { ratePerSecond: WRITES_PER_SECOND, sent: writes.length, created: created.length, errors: writeErrors, p50Ms: pct(50), p99Ms: pct(99), inDatabase: rows.length, auditEntries: audit.length, missing },
        integrity,
        checks,
        pass,
      }),
    );
    if (!pass) process.exitCode = 1;
  } finally {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  }
}
