/**
 * What to research next: the gaps in the evidence of a status, as a rule on one status (`evidenceGaps`) and as the API
 * serves them for the seeded Mexican dataset, in agreement with /api/status.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evidenceGaps } from '../../src/domain/gaps.js';
import type { Evidence, JurisdictionStatus } from '../../src/domain/status.js';
import { GAP_KIND_VALUES } from '../../src/domain/vocabulary.js';
import { startNodeApp, type NodeApp } from '../support/node-app.js';

const ev = (over: Partial<Evidence> = {}): Evidence => ({
  actionId: 'a1',
  billId: 'b1',
  billTitle: 'Ley de prueba',
  classification: 'publication',
  description: 'Publicada',
  date: '2010-05-04',
  datePrecision: 'day',
  source: 'Periódico Oficial',
  sourceUrl: null,
  confidence: 'high',
  notes: null,
  ...over,
});
const status = (over: Partial<JurisdictionStatus>): JurisdictionStatus => ({ id: 'XX-A', status: 'published', since: '2010-05-04', evidence: [ev()], undated: null, ...over });
const kinds = (s: JurisdictionStatus) => evidenceGaps(s).map((g) => g.kind);

describe('evidenceGaps', () => {
  it('finds none in a status dated to the day on high-confidence evidence', () => {
    expect(evidenceGaps(status({}))).toEqual([]);
  });

  it('asks for a date where no dated fact gives a status, and for the date of an undated fact that would raise it', () => {
    const undated = { status: 'harmonized' as const, evidence: [ev({ date: 'unknown', datePrecision: 'unknown', confidence: 'medium' })] };
    expect(evidenceGaps(status({ status: 'unknown', since: null, evidence: [], undated }))).toEqual([
      { kind: 'unknown-status' },
      { kind: 'undated-fact', status: 'harmonized', evidence: undated.evidence },
    ]);
    // An undated fact beside a dated status is a gap too: its date could move the status on.
    expect(kinds(status({ undated }))).toEqual(['undated-fact']);
  });

  it.each(['month', 'year', 'before'])('asks for the day when the status is dated only to its %s', (precision) => {
    const evidence = [ev({ date: '2010', datePrecision: precision })];
    expect(evidenceGaps(status({ evidence }))).toEqual([{ kind: 'imprecise-date', precision, evidence }]);
  });

  it('takes one item known to the day as enough', () => {
    expect(kinds(status({ evidence: [ev({ datePrecision: 'year', date: '2009' }), ev({ actionId: 'a2' })] }))).toEqual([]);
  });

  it('reads the best confidence of the evidence: weak when nothing is high', () => {
    expect(evidenceGaps(status({ evidence: [ev({ confidence: 'low' }), ev({ confidence: 'medium' })] }))).toMatchObject([{ kind: 'weak-evidence', confidence: 'medium' }]);
    expect(evidenceGaps(status({ evidence: [ev({ confidence: 'low' })] }))).toMatchObject([{ kind: 'weak-evidence', confidence: 'low' }]);
    expect(kinds(status({ evidence: [ev({ confidence: 'low' }), ev({ confidence: 'high' })] }))).toEqual([]);
  });
});

describe('GET /api/gaps and /api/gaps.csv on the Mexican dataset', () => {
  let t: NodeApp;
  beforeAll(async () => {
    t = await startNodeApp();
  });
  afterAll(() => t.close());

  it('lists exactly the jurisdictions whose /api/status shows a gap, with totals that add up', async () => {
    for (const asOf of ['2009-01-01', '2016-06-30', '2026-01-01']) {
      const [gaps, st] = await Promise.all([t.call('GET', `/api/gaps?asOf=${asOf}&lang=en`), t.call('GET', `/api/status?asOf=${asOf}&lang=en`)]);
      expect(gaps.status).toBe(200);
      expect(gaps.body).toMatchObject({ asOf, federation: 'MX' });
      const byId = new Map(gaps.body.jurisdictions.map((j: any) => [j.id, j]));
      for (const s of st.body.jurisdictions) {
        const listed: any = byId.get(s.id);
        const expected = [
          s.status === 'unknown' && 'unknown-status',
          s.undated && 'undated-fact',
          s.evidence.length > 0 && s.evidence.every((e: Evidence) => e.datePrecision !== 'day') && 'imprecise-date',
          s.evidence.length > 0 && s.evidence.every((e: Evidence) => e.confidence !== 'high') && 'weak-evidence',
        ].filter(Boolean);
        expect(listed?.gaps.map((g: any) => g.kind) ?? [], `${s.id} at ${asOf}`).toEqual(expected);
        if (listed) expect(listed).toMatchObject({ name: s.name, status: s.status, since: s.since });
      }
      const counted = Object.fromEntries(GAP_KIND_VALUES.map((k) => [k, gaps.body.jurisdictions.flatMap((j: any) => j.gaps).filter((g: any) => g.kind === k).length]));
      expect(gaps.body.totals).toEqual(counted);
      expect(gaps.body.totals['unknown-status']).toBe(st.body.jurisdictions.filter((s: any) => s.status === 'unknown').length);
    }
  });

  it('names each gap in the language asked for', async () => {
    const es = await t.call('GET', '/api/gaps?asOf=2026-01-01&lang=es');
    const en = await t.call('GET', '/api/gaps?asOf=2026-01-01&lang=en');
    expect(es.body.jurisdictions.find((j: any) => j.id === 'MX-AGU').gaps[0].label).toBe('Estado desconocido');
    expect(en.body.jurisdictions.find((j: any) => j.id === 'MX-AGU').gaps[0].label).toBe('Status unknown');
  });

  it('gives one CSV row per gap, with its evidence and sources', async () => {
    const [csv, json] = await Promise.all([t.call('GET', '/api/gaps.csv?asOf=2026-01-01&lang=en'), t.call('GET', '/api/gaps?asOf=2026-01-01&lang=en')]);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe('id,name,as_of,status,since,gap,gap_label,detail,evidence,sources,confidence');
    const total = Object.values(json.body.totals as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(lines).toHaveLength(total + 1);
    const weak = json.body.jurisdictions.find((j: any) => j.gaps.some((g: any) => g.kind === 'weak-evidence'));
    const gap = weak.gaps.find((g: any) => g.kind === 'weak-evidence');
    expect(lines.find((l: string) => l.startsWith(`${weak.id},`) && l.includes(',weak-evidence,'))).toContain(`,${gap.confidence},`);
  });

  it('answers an unknown federation or date with a 4xx naming the field', async () => {
    const fed = await t.call('GET', '/api/gaps?federation=ZZ');
    expect(fed.status).toBe(422);
    expect(fed.body.error.fields[0].field).toBe('federation');
    const day = await t.call('GET', '/api/gaps.csv?asOf=2012-02-30');
    expect(day.status).toBe(400);
    expect(JSON.stringify(day.body)).toContain('asOf');
  });
});
