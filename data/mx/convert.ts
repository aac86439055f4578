/**
 * Turns the research facts in `../shared/facts` into Armoniza's own seed file `data/mx/seed.json`.
 * Run it when the facts change: `npm run seed:convert`. Facts only: every source and confidence is kept, dates are
 * kept as found (`dateRaw`), and each mapping decision (which action a fact is) is made by the tables below.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import mexico from '@svg-maps/mexico';
import type { FederationMap, SeedAction, SeedBill, SeedDataset } from '../../src/db/seed-format.js';
import type { ActionClassification, BillKind, Confidence } from '../../src/domain/vocabulary.js';

const here = dirname(fileURLToPath(import.meta.url));
const FACTS = resolve(here, '../../../shared/facts');

/** Minimal RFC 4180 reader: quoted fields, doubled quotes, commas and newlines inside quotes. */
export function parseCsv(text: string, separator = ','): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) row.push(field), (field = '');
    else if (c === '\n') row.push(field), rows.push(row), (row = []), (field = '');
    else if (c !== '\r') field += c;
  }
  if (field !== '' || row.length) row.push(field), rows.push(row);
  const [header, ...body] = rows;
  return body.map((cells) => Object.fromEntries(header!.map((h, i) => [h, cells[i] ?? ''])));
}

export function readFacts(name: string): Record<string, string>[] {
  return parseCsv(readFileSync(resolve(FACTS, name), 'utf8'), name.endsWith('.tsv') ? '\t' : ',');
}

const ENGLISH_NAMES: Record<string, string> = { 'MX-CMX': 'Mexico City', 'MX-MEX': 'State of Mexico' };
const SPANISH_NAMES: Record<string, string> = { 'MX-MEX': 'Estado de México' };

const KIND_BY_EVENT: Record<string, { kind: BillKind; harmonizes: boolean }> = {
  first_law: { kind: 'law', harmonizes: false },
  law: { kind: 'law', harmonizes: false },
  later_law: { kind: 'law', harmonizes: false },
  harmonized_law: { kind: 'law', harmonizes: true },
  harmonization_reform: { kind: 'reform', harmonizes: true },
  penal_reform: { kind: 'penal-code-reform', harmonizes: false },
  reform: { kind: 'reform', harmonizes: false },
  judicial_review: { kind: 'challenge', harmonizes: false },
  status: { kind: 'report', harmonizes: false },
  none: { kind: 'report', harmonizes: false },
  other: { kind: 'other', harmonizes: false },
};

/** What the fact's date records, by `date_kind`; `unknown` and reports depend on the event. */
const CLASSIFICATION_BY_DATE_KIND: Record<string, ActionClassification> = {
  published: 'publication',
  'published(year only)': 'publication',
  'published(day-month only)': 'publication',
  terminus_ante_quem: 'publication',
  'adopted(year only)': 'passage',
  approved_by_congress: 'passage',
  committee_approval_reported: 'committee-passage',
  'in_force(year only)': 'entry-into-force',
  in_force_reported: 'entry-into-force',
  'in_force(ambiguous)': 'entry-into-force',
  resolved: 'court-ruling',
  DOF_publication_of_sentence: 'court-ruling',
};

function classify(row: Record<string, string>): ActionClassification {
  const { event, date_kind: dateKind, instrument } = row as Record<string, string>;
  if (event === 'none') return 'reported-none';
  if (event === 'status') return 'reported-status';
  if (event === 'other') return 'other';
  // A decree that repeals the penal-code chapter is a repeal, not a new typification.
  if (event === 'penal_reform' && /^Derogaci[oó]n/i.test(instrument!)) return 'abrogation';
  if (event === 'judicial_review') return CLASSIFICATION_BY_DATE_KIND[dateKind!] ?? 'constitutional-challenge';
  return CLASSIFICATION_BY_DATE_KIND[dateKind!] ?? 'publication';
}

function confidence(value: string): Confidence {
  if (value === 'high' || value === 'medium' || value === 'low') return value;
  throw new Error(`unknown confidence "${value}"`);
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

function uniqueId(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

function stateBills(isoByCve: Map<string, string>, taken: Set<string>): SeedBill[] {
  return readFacts('state_trata_facts.csv').map((row) => {
    const jurisdiction = isoByCve.get(row.cve_ent!);
    if (!jurisdiction) throw new Error(`unknown cve_ent ${row.cve_ent}`);
    const shape = KIND_BY_EVENT[row.event!];
    if (!shape) throw new Error(`unknown event ${row.event}`);
    const dateTag = row.date === 'unknown' ? 'undated' : slug(row.date!.split(' (')[0]!);
    const id = uniqueId(`${jurisdiction.toLowerCase()}-${slug(row.event!)}-${dateTag}`, taken);
    const action: SeedAction = {
      date: row.date!,
      dateRaw: row.date!,
      dateKind: row.date_kind!,
      classification: classify(row),
      description: row.instrument!,
      source: row.source!,
      confidence: confidence(row.confidence!),
      notes: row.notes || null,
    };
    return {
      id,
      jurisdiction,
      identifier: row.decree || null,
      title: row.instrument!,
      kind: shape.kind,
      harmonizes: shape.harmonizes,
      event: row.event!,
      notes: row.notes || null,
      source: row.source!,
      confidence: action.confidence,
      actions: [action],
    };
  });
}

/** Which federal instrument each federal-timeline row belongs to, and what the row records. */
const FEDERAL_ROWS: { match: RegExp; bill: string; classification: ActionClassification }[] = [
  { match: /signs Palermo Protocol/, bill: 'mx-palermo-protocol', classification: 'executive-signature' },
  { match: /Senate approves the Protocol/, bill: 'mx-palermo-protocol', classification: 'passage' },
  { match: /Instrument of ratification/, bill: 'mx-palermo-protocol', classification: 'other' },
  { match: /decreto promulgatorio/, bill: 'mx-palermo-protocol', classification: 'publication' },
  { match: /Senate initiative/, bill: 'mx-lpstp-2007', classification: 'introduction' },
  { match: /Senate plenary session/, bill: 'mx-lpstp-2007', classification: 'other' },
  { match: /DOF: Ley para Prevenir y Sancionar/, bill: 'mx-lpstp-2007', classification: 'publication' },
  { match: /constitutional reform/, bill: 'mx-cpeum-reform-2011', classification: 'publication' },
  { match: /initiative presented/, bill: 'mx-lgpsedmtp', classification: 'introduction' },
  { match: /Declaratoria de publicidad/, bill: 'mx-lgpsedmtp', classification: 'committee-passage' },
  { match: /Dictamen a discusi/, bill: 'mx-lgpsedmtp', classification: 'other' },
  { match: /signed by the presidents of both chambers/, bill: 'mx-lgpsedmtp', classification: 'passage' },
  { match: /LGPSEDMTP published/, bill: 'mx-lgpsedmtp', classification: 'publication' },
  { match: /DOF reform of LGPSEDMTP/, bill: 'mx-lgpsedmtp', classification: 'reform' },
];

function federalBills(): SeedBill[] {
  const reforms = JSON.parse(readFileSync(resolve(FACTS, 'LGPSEDMTP_reforms.json'), 'utf8'));
  const bill = (id: string, title: string, kind: BillKind, source: string): SeedBill => ({
    id, jurisdiction: 'MX', identifier: null, title, kind, harmonizes: false, event: 'federal', notes: null, source,
    confidence: 'high', actions: [],
  });
  const bills = new Map<string, SeedBill>([
    ['mx-palermo-protocol', bill('mx-palermo-protocol', 'Protocolo para Prevenir, Reprimir y Sancionar la Trata de Personas, Especialmente Mujeres y Niños (Protocolo de Palermo)', 'treaty', 'DOF 2003-04-10 decreto promulgatorio')],
    ['mx-lpstp-2007', bill('mx-lpstp-2007', 'Ley para Prevenir y Sancionar la Trata de Personas', 'law', 'LGPSEDMTP Transitorio Segundo')],
    ['mx-cpeum-reform-2011', bill('mx-cpeum-reform-2011', 'Reforma a los artículos 19, 20 y 73 fracción XXI de la Constitución Política de los Estados Unidos Mexicanos (trata de personas)', 'constitutional-reform', 'CPEUM compiled text (Diputados) reform notes')],
    ['mx-lgpsedmtp', bill('mx-lgpsedmtp', reforms.law, 'law', reforms.source)],
  ]);
  for (const row of readFacts('federal_timeline.csv')) {
    const rule = FEDERAL_ROWS.find((r) => r.match.test(row.event!));
    if (!rule) throw new Error(`no federal bill for timeline row "${row.event}"`);
    const target = bills.get(rule.bill)!;
    const source = row.source === 'same' ? target.actions.at(-1)?.source ?? target.source : row.source!;
    target.actions.push({
      date: row.date!, dateRaw: row.date!, dateKind: 'reported', classification: rule.classification,
      description: row.instrument ? `${row.event} — ${row.instrument}` : row.event!, source, confidence: confidence(row.confidence!), notes: null,
    });
  }
  const lgpsedmtp = bills.get('mx-lgpsedmtp')!;
  const origin = reforms.original_publication;
  lgpsedmtp.identifier = 'DOF 14-06-2012';
  lgpsedmtp.actions.push(
    { date: origin.promulgated, dateRaw: origin.promulgated, dateKind: 'promulgated', classification: 'executive-signature', description: 'Promulgada por el Ejecutivo Federal', source: reforms.source, confidence: 'high', notes: null },
    { date: '2012-06-15', dateRaw: origin.in_force, dateKind: 'in_force', classification: 'entry-into-force', description: `Entrada en vigor: ${origin.in_force}`, source: reforms.source, confidence: 'high', notes: 'Derived: Transitorio Primero puts it in force the day after publication (DOF 2012-06-14).' },
  );
  lgpsedmtp.notes = `${reforms.state_harmonization_clause}. Abrogates ${reforms.abrogates.law} (DOF ${reforms.abrogates.dof}; ${reforms.abrogates.basis}).`;
  return [...bills.values()];
}

function nationalReports(taken: Set<string>): SeedBill[] {
  return readFacts('national_status_reports.csv').map((row) => {
    const id = uniqueId(`mx-report-${row.date === 'unknown' ? 'undated' : slug(row.date!)}`, taken);
    return {
      id, jurisdiction: 'MX', identifier: null, title: row.instrument!, kind: 'report', harmonizes: false, event: 'national_report',
      notes: row.notes || null, source: row.source!, confidence: confidence(row.confidence!),
      actions: [{ date: row.date!, dateRaw: row.date!, dateKind: row.date_kind!, classification: 'reported-status', description: `${row.instrument}: ${row.notes}`, source: row.source!, confidence: confidence(row.confidence!), notes: null }],
    };
  });
}

/** The outlines of the 32 entities, from `@svg-maps/mexico` (© Victor Cazanave, CC BY 4.0, credited wherever it is drawn). */
function mexicoMap(): FederationMap {
  const svg = mexico as unknown as { viewBox: string; locations: { id: string; name: string; path: string }[] };
  return {
    viewBox: svg.viewBox,
    credit: {
      text: '@svg-maps/mexico, © Victor Cazanave',
      url: 'https://github.com/VictorCazanave/svg-maps/tree/master/packages/mexico',
      license: 'CC BY 4.0',
      licenseUrl: 'https://creativecommons.org/licenses/by/4.0/',
    },
    shapes: svg.locations.map(({ id, name, path }) => ({ id, name, path })),
  };
}

function build(): SeedDataset {
  const entities = readFacts('entities_mx.csv');
  const isoByCve = new Map(entities.map((e) => [e.cve_ent!, e.iso_3166_2!]));
  const taken = new Set<string>();
  const sha = createHash('sha256');
  for (const f of ['entities_mx.csv', 'state_trata_facts.csv', 'federal_timeline.csv', 'national_status_reports.csv', 'LGPSEDMTP_reforms.json']) sha.update(readFileSync(resolve(FACTS, f)));
  return {
    dataset: 'mx-trata',
    description: 'Mexico: federal and state anti-trafficking (trata de personas) legislation, converted from the project research facts.',
    factsSha256: sha.digest('hex'),
    heading: {
      es: 'Las 32 entidades y la Ley General contra la trata de personas',
      en: "Mexico's 32 states and the General Law against human trafficking",
    },
    lede: {
      es: 'Estado de las leyes estatales en materia de trata de personas frente a la Ley General de 2012, derivado de hechos fechados y con fuente. Mueva la fecha para ver cualquier momento del pasado.',
      en: "Where each state's anti-trafficking law stands against the 2012 General Law, derived from dated, sourced facts. Move the date to see any moment in the past.",
    },
    map: mexicoMap(),
    federation: { id: 'MX', code: '00', nameEs: 'México', nameEn: 'Mexico', officialName: 'Estados Unidos Mexicanos', mapId: null },
    jurisdictions: entities.map((e) => ({
      id: e.iso_3166_2!,
      code: e.cve_ent!,
      nameEs: SPANISH_NAMES[e.iso_3166_2!] ?? e.short_name!,
      nameEn: ENGLISH_NAMES[e.iso_3166_2!] ?? e.short_name!,
      officialName: e.iso_name_debian_iso_codes!,
      mapId: e.svg_maps_id!,
    })),
    bills: [...federalBills(), ...nationalReports(taken), ...stateBills(isoByCve, taken)],
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = resolve(here, 'seed.json');
  writeFileSync(out, `${JSON.stringify(build(), null, 2)}\n`);
  console.log(`wrote ${out}`);
}
