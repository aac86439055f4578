/**
 * Seeding on a fresh SQLite file, counted against the research facts themselves, and the status rule on real facts.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowCounts } from '../../src/db/bills.js';
import { seedDataset } from '../../src/db/seed.js';
import { statusAt } from '../../src/db/status-query.js';
import { parseCsv } from '../../data/mx/convert.js';
import { startNodeApp, type NodeApp } from '../support/node-app.js';

const FACTS = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/facts');
function facts(name: string) {
  const path = resolve(FACTS, name);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new Error(`The research facts are missing at ${path}: these tests need ../shared/facts beside the repository.`);
  }
  return parseCsv(text);
}

let t: NodeApp;
beforeAll(async () => (t = await startNodeApp()));
afterAll(() => t.close());

const at = async (id: string, asOf: string) => (await statusAt(t.store.db, 'MX', asOf, id))[0]!;

describe('migrations and seed', () => {
  it('creates every table on a fresh file', () => {
    const tables = t.store.sqlite.prepare("SELECT name FROM sqlite_master WHERE type='table'").all().map((r: any) => r.name);
    for (const name of ['jurisdictions', 'bills', 'versions', 'amendments', 'actions', 'sources', 'models']) expect(tables).toContain(name);
    expect(t.store.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(t.store.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('holds every entity and every fact row of the research files', async () => {
    const entities = facts('entities_mx.csv');
    const stateFacts = facts('state_trata_facts.csv');
    const reports = facts('national_status_reports.csv');
    const timeline = facts('federal_timeline.csv');
    const states = t.store.sqlite.prepare("SELECT id, code FROM jurisdictions WHERE parent_id = 'MX'").all() as { id: string; code: string }[];
    expect(states.map((s) => s.id).sort()).toEqual(entities.map((e) => e.iso_3166_2).sort());
    // Each state fact and each national report is one bill; each federal timeline row is one action of a federal bill.
    const stateBills = t.store.sqlite.prepare("SELECT COUNT(*) n FROM bills WHERE jurisdiction_id <> 'MX'").get() as { n: number };
    expect(stateBills.n).toBe(stateFacts.length);
    const reportBills = t.store.sqlite.prepare("SELECT COUNT(*) n FROM bills WHERE jurisdiction_id = 'MX' AND kind = 'report'").get() as { n: number };
    expect(reportBills.n).toBe(reports.length);
    for (const row of timeline) {
      const found = t.store.sqlite
        .prepare("SELECT COUNT(*) n FROM actions WHERE jurisdiction_id = 'MX' AND date_value = ? AND substr(description, 1, length(?)) = ?")
        .get(row.date, row.event, row.event) as { n: number };
      expect(found.n, `federal timeline row ${row.date} ${row.event}`).toBe(1);
    }
    // Every source and confidence kept, row by row.
    for (const row of stateFacts) {
      const found = t.store.sqlite
        .prepare('SELECT a.confidence, s.citation FROM actions a JOIN bills b ON b.id = a.bill_id JOIN sources s ON s.id = a.source_id WHERE b.title = ? AND s.citation = ?')
        .all(row.instrument, row.source) as { confidence: string }[];
      expect(found.map((f) => f.confidence), `${row.entity}: ${row.instrument}`).toContain(row.confidence);
    }
  });

  it('a second seed adds nothing', async () => {
    const before = await rowCounts(t.store.db);
    const again = await seedDataset(t.store, t.seed);
    expect(again.applied).toBe(false);
    expect(await rowCounts(t.store.db)).toEqual(before);
  });

  it('rejects a malformed dataset before writing anything', async () => {
    const before = await rowCounts(t.store.db);
    const broken = { ...t.seed, factsSha256: 'other', bills: [{ ...t.seed.bills[0], actions: [{ ...t.seed.bills[0]!.actions[0], date: '2012-02-30' }] }] };
    await expect(seedDataset(t.store, broken)).rejects.toThrow(/not a date/);
    expect(await rowCounts(t.store.db)).toEqual(before);
  });
});

describe('status derived from actions', () => {
  it('Chiapas: law published 2009-04-03', async () => {
    expect((await at('MX-CHP', '2009-03-01')).status).toBe('unknown');
    const may = await at('MX-CHP', '2009-05-01');
    expect(may).toMatchObject({ status: 'published', since: '2009-04-03' });
    expect(may.evidence[0]).toMatchObject({ confidence: 'high', classification: 'publication' });
    expect(may.evidence[0]!.source).toContain('studylib.es/doc/4440696');
    expect((await at('MX-CHP', '2009-04-03')).status).toBe('published');
  });

  it('a year-only fact counts from the day after its year ends', async () => {
    // Baja California: first law adopted in "2008".
    expect((await at('MX-BCN', '2008-12-31')).status).toBe('unknown');
    expect(await at('MX-BCN', '2009-01-01')).toMatchObject({ status: 'approved', since: '2009-01-01' });
    expect((await at('MX-BCN', '2009-01-01')).evidence[0]!.date).toBe('2008');
  });

  it('a "no law as of" fact gives none, distinct from unknown', async () => {
    expect((await at('MX-ZAC', '2013-11-13')).status).toBe('unknown');
    expect(await at('MX-ZAC', '2013-11-14')).toMatchObject({ status: 'none', since: '2013-11-14' });
  });

  it('a harmonizing law published makes the state harmonized', async () => {
    expect((await at('MX-PUE', '2012-12-30')).status).toBe('published');
    expect(await at('MX-PUE', '2013-01-01')).toMatchObject({ status: 'harmonized', since: '2012-12-31' });
  });

  it('a state with nothing dated is unknown, and its undated facts are shown beside it', async () => {
    const bcs = await at('MX-BCS', '2026-01-01');
    expect(bcs.status).toBe('unknown');
    expect(bcs.evidence).toEqual([]);
    const campeche = await at('MX-CAM', '2026-01-01');
    expect(campeche.status).toBe('unknown');
    expect(campeche.undated?.status).toBe('harmonized');
  });

  it('treaties and court challenges do not move a status', async () => {
    expect((await at('MX', '2005-01-01')).status).toBe('introduced');
    expect(await at('MX', '2008-01-01')).toMatchObject({ status: 'published', since: '2007-11-27' });
  });
});
