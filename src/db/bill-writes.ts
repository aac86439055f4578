/**
 * Writes to bills and their children. Each one checks what it refers to, then applies its rows together with their
 * audit entries in one atomic step (see `client.ts`), so a refused or interrupted write leaves nothing behind and
 * nothing changes unseen. Versions are immutable (database triggers); a bill is never erased, only tombstoned.
 */
import { eq, sql } from 'drizzle-orm';
import { actionRank } from '../domain/status.js';
import type { ActionClassification, AmendmentFate, BillKind, Confidence, VersionStage } from '../domain/vocabulary.js';
import { notFound, UserError } from '../lib/errors.js';
import { randomId, sha256Hex } from '../lib/hash.js';
import { auditEntry } from './audit.js';
import { dateColumns } from './date-columns.js';
import { getVersion } from './bills.js';
import type { Db, Planned, Statement, Store } from './client.js';
import type { PlannedFile } from './files.js';
import { actions, amendments, bills, jurisdictions, sources, versions } from './schema.js';
import { sourceRow } from './sources.js';

/** Who writes: a user id, or `bootstrap-admin` for the instance's admin token. */
export type ActorId = string;

/** The bill, which must exist and not be deleted. */
async function liveBill(db: Db, id: string) {
  const [bill] = await db.select().from(bills).where(eq(bills.id, id));
  if (!bill) throw notFound('bill', id);
  if (bill.deletedAt) throw new UserError(409, `bill "${id}" was deleted; an admin can restore it`, 'id', 'deleted');
  return bill;
}

function insertSource(store: Store, citation: string): { id: string; statement: Statement } {
  const row = sourceRow(citation);
  return { id: row.id, statement: store.db.insert(sources).values(row).onConflictDoNothing() };
}

export interface NewBill {
  jurisdiction: string;
  identifier?: string | null;
  title: string;
  kind: BillKind;
  harmonizes?: boolean;
  sponsors?: string[];
  notes?: string | null;
  source: string;
  confidence: Confidence;
}

export async function createBill(store: Store, actor: ActorId, input: NewBill): Promise<string> {
  const [jurisdiction] = await store.db.select({ id: jurisdictions.id }).from(jurisdictions).where(eq(jurisdictions.id, input.jurisdiction));
  if (!jurisdiction) throw notFound('jurisdiction', input.jurisdiction, 'jurisdiction');
  const source = insertSource(store, input.source);
  const row = {
    id: randomId('b'), jurisdictionId: input.jurisdiction, identifier: input.identifier ?? null, title: input.title, kind: input.kind,
    harmonizes: input.harmonizes ?? false, sponsors: input.sponsors ?? [], notes: input.notes ?? null, sourceId: source.id, confidence: input.confidence,
  };
  await store.atomic([
    source.statement,
    store.db.insert(bills).values(row),
    auditEntry(store, actor, 'create', 'bills', row.id, null, { ...row, source: input.source }, row.id),
  ]);
  return row.id;
}

export interface NewAction {
  date: string;
  classification: ActionClassification;
  description: string;
  source: string;
  confidence: Confidence;
  notes?: string | null;
}

export async function addAction(store: Store, actor: ActorId, billId: string, input: NewAction): Promise<string> {
  const dates = dateColumns(input.date, 'date');
  const bill = await liveBill(store.db, billId);
  const source = insertSource(store, input.source);
  const rank = actionRank(input.classification, bill);
  const row = {
    id: randomId('a'), billId, jurisdictionId: bill.jurisdictionId, ...dates, classification: input.classification,
    description: input.description, statusRank: rank, sourceId: source.id, confidence: input.confidence, notes: input.notes ?? null,
  };
  await store.atomic([
    source.statement,
    store.db.insert(actions).values(row),
    ...(rank == null ? [] : [store.db.update(bills).set({ statusRank: sql`MAX(COALESCE(${bills.statusRank}, -1), ${rank})` }).where(eq(bills.id, billId))]),
    auditEntry(store, actor, 'create', 'actions', row.id, null, { ...row, source: input.source }, billId),
  ]);
  return row.id;
}

export interface NewVersion {
  stage: VersionStage;
  date: string;
  text: string;
  sourceUrl?: string | null;
  /** The stored original the text was read from. */
  fileId?: string | null;
}

/** Adds a version; `file`, when given, is the original it was read from, stored in the same step. */
export async function addVersion(store: Store, actor: ActorId, billId: string, input: NewVersion, file?: PlannedFile): Promise<string> {
  const planned = await planVersion(store, actor, billId, input, file);
  await store.atomic(planned.statements);
  return planned.id;
}

/** The writes that add a version (and its original, when given), for a caller that stores more in the same step. */
export async function planVersion(store: Store, actor: ActorId, billId: string, input: NewVersion, file?: PlannedFile): Promise<Planned> {
  const dates = dateColumns(input.date, 'date');
  await liveBill(store.db, billId);
  const row = {
    id: randomId('v'), billId, stage: input.stage, ...dates, sourceUrl: input.sourceUrl ?? null, sha256: await sha256Hex(input.text),
    text: input.text, wordCount: input.text.split(/\s+/).filter(Boolean).length, fileId: file?.id ?? input.fileId ?? null,
  };
  const { text: _text, ...described } = row;
  const statements = [
    ...(file ? [file.statement, auditEntry(store, actor, 'create', 'files', file.id, null, { sha256: file.sha256 }, billId)] : []),
    store.db.insert(versions).values(row),
    auditEntry(store, actor, 'create', 'versions', row.id, null, described, billId),
  ];
  return { id: row.id, statements };
}

export interface NewAmendment {
  versionId: string;
  proposer: string;
  date: string;
  text: string;
  source?: string | null;
}

export async function addAmendment(store: Store, actor: ActorId, billId: string, input: NewAmendment): Promise<string> {
  const dates = dateColumns(input.date, 'date');
  await liveBill(store.db, billId);
  const version = await getVersion(store.db, input.versionId);
  if (!version) throw notFound('version', input.versionId, 'versionId');
  if (version.billId !== billId) throw new UserError(422, `version "${input.versionId}" belongs to bill "${version.billId}", not to "${billId}"`, 'versionId');
  const source = input.source ? insertSource(store, input.source) : null;
  const row = { id: randomId('am'), billId, versionId: input.versionId, proposer: input.proposer, ...dates, text: input.text, sourceId: source?.id ?? null };
  await store.atomic([
    ...(source ? [source.statement] : []),
    store.db.insert(amendments).values(row),
    auditEntry(store, actor, 'create', 'amendments', row.id, null, row, billId),
  ]);
  return row.id;
}

/** Decides a pending amendment. A decided fate is final; an adopted one may name the version it produced. */
/** The bill an amendment belongs to, or undefined. */
export async function amendmentBill(db: Db, id: string): Promise<string | undefined> {
  const [row] = await db.select({ billId: amendments.billId }).from(amendments).where(eq(amendments.id, id));
  return row?.billId;
}

export async function decideAmendment(store: Store, actor: ActorId, id: string, fate: Exclude<AmendmentFate, 'pending'>, resultVersionId?: string | null) {
  const [amendment] = await store.db.select().from(amendments).where(eq(amendments.id, id));
  if (!amendment) throw notFound('amendment', id);
  await liveBill(store.db, amendment.billId);
  if (amendment.fate !== 'pending') throw new UserError(409, `amendment "${id}" was already ${amendment.fate}; a decided fate is final`, 'fate', 'conflict');
  if (resultVersionId) {
    if (fate !== 'adopted') throw new UserError(422, 'only an adopted amendment produces a version', 'resultVersionId');
    const version = await getVersion(store.db, resultVersionId);
    if (!version) throw notFound('version', resultVersionId, 'resultVersionId');
    if (version.billId !== amendment.billId) throw new UserError(422, `version "${resultVersionId}" belongs to another bill`, 'resultVersionId');
  }
  const change = { fate, resultVersionId: resultVersionId ?? null };
  await store.atomic([
    store.db.update(amendments).set(change).where(eq(amendments.id, id)),
    auditEntry(store, actor, 'update', 'amendments', id, { fate: amendment.fate, resultVersionId: amendment.resultVersionId }, change, amendment.billId),
  ]);
}

/**
 * Tombstones a bill: hidden from lists and status, kept whole. Its actions stop counting toward any status.
 *
 * @example
 * await deleteBill(store, 'u-admin', 'b-123'); await restoreBill(store, 'u-admin', 'b-123');
 */
export async function deleteBill(store: Store, actor: ActorId, id: string) {
  const bill = await liveBill(store.db, id);
  const deletedAt = new Date().toISOString();
  await store.atomic([
    store.db.update(bills).set({ deletedAt }).where(eq(bills.id, id)),
    store.db.update(actions).set({ statusRank: null }).where(eq(actions.billId, id)),
    auditEntry(store, actor, 'delete', 'bills', id, { deletedAt: bill.deletedAt }, { deletedAt }, id),
  ]);
}

/** Brings a tombstoned bill back, its actions counting again. */
export async function restoreBill(store: Store, actor: ActorId, id: string) {
  const [bill] = await store.db.select().from(bills).where(eq(bills.id, id));
  if (!bill) throw notFound('bill', id);
  if (!bill.deletedAt) throw new UserError(409, `bill "${id}" is not deleted`, 'id', 'conflict');
  const rows = await store.db.select({ id: actions.id, classification: actions.classification }).from(actions).where(eq(actions.billId, id));
  await store.atomic([
    store.db.update(bills).set({ deletedAt: null }).where(eq(bills.id, id)),
    ...rows.map((a) => store.db.update(actions).set({ statusRank: actionRank(a.classification, bill) }).where(eq(actions.id, a.id))),
    auditEntry(store, actor, 'restore', 'bills', id, { deletedAt: bill.deletedAt }, { deletedAt: null }, id),
  ]);
}
