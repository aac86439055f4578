/**
 * What each page needs, read through the same data functions the JSON API uses (`statusReport`, `statusAt`,
 * `getJurisdiction`, `billsOfJurisdiction`, `getBill`, `listActions`), so a page and its JSON never disagree. No SQL here: at
 * most a drizzle filter handed to `listActions`, which runs it.
 */
import { inArray } from 'drizzle-orm';
import { statusReport, type StatusReport } from '../src/api/status-routes.js';
import type { gapsOf } from '../src/api/gap-routes.js';
import { billHistory, jurisdictionHistory, type AuditRecord } from '../src/db/audit.js';
import { billsOfJurisdiction, getBill, listActions, type ActionView, type BillDetail } from '../src/db/bills.js';
import type { Db } from '../src/db/client.js';
import { getJurisdiction, listJurisdictions, type Jurisdiction } from '../src/db/jurisdictions.js';
import { federationProfile, type FederationProfile } from '../src/db/federation-profiles.js';
import { mapGeometry, type MapGeometry } from './map-geometry.js';
import { actions } from '../src/db/schema.js';
import { statusAt } from '../src/db/status-query.js';
import { today } from '../src/domain/status.js';
import type { JurisdictionStatus } from '../src/domain/status.js';
import type { Lang, Status } from '../src/domain/vocabulary.js';

export type GapsReport = ReturnType<typeof gapsOf>;
export type StatusRow = StatusReport['jurisdictions'][number] & { mapId: string | null };

export interface StatusData {
  asOf: string;
  federation: StatusRow | undefined;
  entities: StatusRow[];
}

/** The federation every page shows (the first loaded), with its map ready to draw (null: the pages show the table alone). */
export type SiteData = Omit<FederationProfile, 'map'> & { map: MapGeometry | null };

/** The federation the pages show, its heading and its map ready to draw; undefined in an empty database. */
export async function loadSite(db: Db): Promise<SiteData | undefined> {
  const profile = await federationProfile(db);
  return profile && { ...profile, map: profile.map && mapGeometry(profile.map) };
}

/** The status of the federation and of each of its entities at `asOf`, with the id of each entity's shape on the map. */
export async function loadStatus(db: Db, asOf: string, lang: Lang, federation: string): Promise<StatusData> {
  const [report, places] = await Promise.all([statusReport(db, asOf, lang, federation), listJurisdictions(db, federation)]);
  const mapIds = new Map(places.map((p) => [p.id, p.mapId]));
  const rows = report.jurisdictions.map((j) => ({ ...j, mapId: mapIds.get(j.id) ?? null }));
  return { asOf: report.asOf, federation: rows.find((r) => r.id === federation), entities: rows.filter((r) => r.id !== federation) };
}

export interface HistoryStep {
  /** First day of the status (ISO). */
  from: string;
  status: Status;
  evidence: JurisdictionStatus['evidence'];
}

export interface StateData {
  place: Jurisdiction;
  parent: Jurisdiction | undefined;
  now: JurisdictionStatus;
  history: HistoryStep[];
  bills: BillDetail[];
  /** The audit trail of the state's bills, newest first. */
  changes: AuditRecord[];
}

/** One jurisdiction: status today, how it got there, and every bill with its versions, amendments and actions. */
export async function loadState(db: Db, id: string): Promise<StateData | undefined> {
  const place = await getJurisdiction(db, id);
  if (!place) return undefined;
  const root = place.parentId ?? place.id;
  const [[now], bills, parent, changes] = await Promise.all([
    statusAt(db, root, today(), place.id),
    billsOfJurisdiction(db, id),
    place.parentId ? getJurisdiction(db, place.parentId) : Promise.resolve(undefined),
    jurisdictionHistory(db, id),
  ]);
  const days = [...new Set(bills.flatMap((b) => b.actions.filter((a) => a.reaches && a.dateEffective).map((a) => a.dateEffective!)))].sort();
  const steps = await Promise.all(days.map((d) => statusAt(db, root, d, place.id).then(([s]) => ({ from: d, status: s!.status, evidence: s!.evidence, since: s!.since }))));
  const history: HistoryStep[] = [];
  for (const s of steps) {
    if (history.at(-1)?.status === s.status) continue;
    history.push({ from: s.since ?? s.from, status: s.status, evidence: s.evidence });
  }
  return { place, parent, now: now!, history, bills, changes };
}

export interface BillData {
  bill: BillDetail;
  place: Jurisdiction | undefined;
  /** The audit trail of the bill and its children, oldest first. */
  changes: AuditRecord[];
}

export async function loadBill(db: Db, id: string): Promise<BillData | undefined> {
  const bill = await getBill(db, id);
  if (!bill) return undefined;
  const [place, changes] = await Promise.all([getJurisdiction(db, bill.jurisdictionId), billHistory(db, id)]);
  return { bill, place, changes };
}

export interface TimelineData {
  federation: string;
  places: Jurisdiction[];
  actions: ActionView[];
}

/** Every action of the federation and its entities, in date order (undated last). */
export async function loadTimeline(db: Db, federation: string): Promise<TimelineData> {
  const places = await listJurisdictions(db, federation);
  const rows = await listActions(db, inArray(actions.jurisdictionId, places.map((p) => p.id)));
  return { federation, places, actions: rows };
}

export { today };
