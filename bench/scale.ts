/**
 * `npm run bench:scale`: a synthetic federation at internet scale (50 states, 100,000 bills, 1,000,000 actions) in a
 * temporary SQLite file, then the median time of the API's heaviest reads through the real app:
 * the status of all states at a date, a filtered bill list, and a bill with its children.
 * Target: each under 20 ms median. Prints the seeding rate and peak memory; the last line is one JSON object.
 *
 *   BENCH_BILLS / BENCH_ACTIONS_PER_BILL / BENCH_STATES override the sizes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createApp } from '../src/app.js';
import { openSqliteFile } from '../src/db/sqlite-file.js';
import { parsePartialDate } from '../src/domain/partial-date.js';
import { actionRank } from '../src/domain/status.js';
import { ACTION_CLASSIFICATION_VALUES, BILL_KIND_VALUES, type ActionClassification, type BillKind } from '../src/domain/vocabulary.js';
import { median } from './lib/stats.js';

const STATES = Number(process.env.BENCH_STATES ?? 50);
const BILLS = Number(process.env.BENCH_BILLS ?? 100_000);
const ACTIONS_PER_BILL = Number(process.env.BENCH_ACTIONS_PER_BILL ?? 10);
const RUNS = 30;

/** Seeded PRNG (mulberry32) so that every run builds the same federation. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const dir = mkdtempSync(join(tmpdir(), 'armoniza-scale-'));
const store = openSqliteFile(join(dir, 'scale.db'));
const random = prng(2012);
const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;

// ——— build ———
const started = performance.now();
const sqlite = store.sqlite;
const insertJurisdiction = sqlite.prepare('INSERT INTO jurisdictions (id, parent_id, kind, code, name_es, name_en, official_name, map_id) VALUES (?, ?, ?, ?, ?, ?, ?, NULL)');
const insertSource = sqlite.prepare('INSERT INTO sources (id, citation, url) VALUES (?, ?, ?)');
const insertBill = sqlite.prepare('INSERT INTO bills (id, jurisdiction_id, identifier, title, kind, harmonizes, sponsors, notes, source_id, confidence, status_rank) VALUES (?, ?, ?, ?, ?, ?, \'[]\', NULL, ?, ?, ?)');
const insertAction = sqlite.prepare('INSERT INTO actions (id, bill_id, jurisdiction_id, date_value, date_precision, date_effective, classification, description, status_rank, source_id, confidence, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)');
const ORDER: ActionClassification[] = ['introduction', 'referral-committee', 'committee-passage', 'passage', 'publication', 'entry-into-force', 'reform'];
const states = Array.from({ length: STATES }, (_, i) => `ZZ-S${String(i + 1).padStart(2, '0')}`);

sqlite.transaction(() => {
  insertJurisdiction.run('ZZ', null, 'federation', '00', 'Federación', 'Federation', 'Synthetic Federation');
  states.forEach((id, i) => insertJurisdiction.run(id, 'ZZ', 'state', String(i + 1), `Estado ${i + 1}`, `State ${i + 1}`, `State ${i + 1}`));
  for (let s = 0; s < 1000; s++) insertSource.run(`src-${s}`, `https://gazette.example/${s}`, `https://gazette.example/${s}`);
})();

let actionCount = 0;
const BATCH = 5000;
for (let from = 0; from < BILLS; from += BATCH) {
  sqlite.transaction(() => {
    for (let b = from; b < Math.min(BILLS, from + BATCH); b++) {
      const id = `bill-${b}`;
      const jurisdiction = pick(states);
      const kind = pick(BILL_KIND_VALUES.filter((k) => k !== 'report')) as BillKind;
      const harmonizes = random() < 0.2;
      const year = 2000 + Math.floor(random() * 25);
      let maxRank: number | null = null;
      const rows: unknown[][] = [];
      for (let a = 0; a < ACTIONS_PER_BILL; a++) {
        const classification = a < ORDER.length ? ORDER[a]! : pick(ACTION_CLASSIFICATION_VALUES);
        const precision = random();
        const month = 1 + Math.floor(random() * 12);
        const raw = precision < 0.05 ? 'unknown' : precision < 0.15 ? String(year + Math.floor(a / 3)) : precision < 0.3 ? `${year + Math.floor(a / 3)}-${String(month).padStart(2, '0')}` : `${year + Math.floor(a / 3)}-${String(month).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
        const date = parsePartialDate(raw);
        const rank = actionRank(classification, { kind, harmonizes });
        if (rank != null) maxRank = Math.max(maxRank ?? -1, rank);
        rows.push([`${id}-a${a}`, id, jurisdiction, date.value, date.precision, date.effective, classification, `Action ${a} of bill ${b}`, rank, `src-${Math.floor(random() * 1000)}`, 'medium']);
      }
      insertBill.run(id, jurisdiction, `Decreto ${b}`, `Ley ${b} para prevenir la trata de personas, ${kind}`, kind, harmonizes ? 1 : 0, `src-${b % 1000}`, 'medium', maxRank);
      for (const row of rows) insertAction.run(...row);
      actionCount += rows.length;
    }
  })();
}
sqlite.pragma('optimize');
sqlite.exec('ANALYZE');
const buildSeconds = (performance.now() - started) / 1000;

// ——— measure through the real app ———
const app = createApp({ store });
async function time(label: string, url: string) {
  const samples: number[] = [];
  for (let i = 0; i < RUNS + 3; i++) {
    const t0 = performance.now();
    const res = await app.request(url);
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${label}: HTTP ${res.status}`);
    if (i >= 3) samples.push(performance.now() - t0);
  }
  const result = { label, url, medianMs: +median(samples).toFixed(2), maxMs: +Math.max(...samples).toFixed(2) };
  console.log(`${label.padEnd(28)} median ${result.medianMs.toFixed(2).padStart(7)} ms   max ${result.maxMs.toFixed(2).padStart(7)} ms   ${url}`);
  return result;
}

const status = await time('status of all states', '/api/status?federation=ZZ&asOf=2015-06-30');
const list = await time('filtered bill list', `/api/bills?jurisdiction=${states[7]}&status=published&kind=law&perPage=50`);
const text = await time('bill list, text in title', `/api/bills?q=${encodeURIComponent('Ley 4242')}&perPage=50`);
const one = await time('bill with its children', '/api/bills/bill-54321');

const peakRssMiB = +(process.resourceUsage().maxRSS / 1024).toFixed(1);
const figures = {
  bench: 'scale',
  states: STATES,
  bills: BILLS,
  actions: actionCount,
  buildSeconds: +buildSeconds.toFixed(1),
  seedRowsPerSecond: Math.round((BILLS + actionCount) / buildSeconds),
  statusMedianMs: status.medianMs,
  filteredListMedianMs: list.medianMs,
  textSearchMedianMs: text.medianMs,
  billWithChildrenMedianMs: one.medianMs,
  targetMs: 20,
  allUnderTarget: [status, list, one].every((r) => r.medianMs < 20),
  peakRssMiB,
};
console.log(`built ${BILLS} bills and ${actionCount} actions in ${figures.buildSeconds} s (${figures.seedRowsPerSecond} rows/s); peak RSS ${peakRssMiB} MiB`);
store.close();
rmSync(dir, { recursive: true, force: true });
console.log(JSON.stringify(figures));
