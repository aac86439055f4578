/**
 * Comparisons as the API and the pages use them: a text (pasted, uploaded, or a stored version) against a stored
 * model, with the model's marks as criteria. Results are cached in the database under a key made of the two texts'
 * SHA-256, the marks and the engine version, so a permalink always shows what was computed, and a repeated compare
 * costs one read. Segmented models are also kept in memory, since a model is compared many times.
 */
import { eq } from 'drizzle-orm';
import type { Actor } from '../app-env.js';
import { auditEntry } from '../db/audit.js';
import type { Db, Store } from '../db/client.js';
import { getModel, type ModelRecord } from '../db/models.js';
import { comparisons } from '../db/schema.js';
import { notFound, UserError } from '../lib/errors.js';
import { sha256Hex } from '../lib/hash.js';
import { compare, ENGINE_VERSION, segment, segmentUnits, type Comparison, type LegalDocument, type UnitsDocument } from '../text/index.js';

export interface StoredComparison {
  id: string;
  engine: string;
  createdAt: string;
  model: { id: string; title: string; sha256: string };
  bill: { label: string; sha256: string; words: number; versionId?: string };
  /** False when the result was too large to store: it then has no permalink. */
  kept?: boolean;
  /** The bill's units with their text, so a permalink can show added provisions without the original request. */
  billUnits: { ref: string; label: string; text: string }[];
  result: Comparison;
}

const segmented = new Map<string, LegalDocument>();
const SEGMENT_CACHE_SIZE = 8;

/**
 * The segmentation of `text`, from memory when the same text (by hash) was segmented recently.
 *
 * @example
 * const doc = await segmentCached(model.text, model.sha256);
 */
export async function segmentCached(text: string, sha256?: string): Promise<LegalDocument> {
  const key = sha256 ?? (await sha256Hex(text));
  const hit = segmented.get(key);
  if (hit) {
    segmented.delete(key);
    segmented.set(key, hit);
    return hit;
  }
  const doc = segment(text);
  segmented.set(key, doc);
  if (segmented.size > SEGMENT_CACHE_SIZE) segmented.delete(segmented.keys().next().value!);
  return doc;
}

function criteriaOf(model: ModelRecord) {
  const groups = new Map<string, string[]>();
  for (const m of model.marks) if (m.criterion) groups.set(m.criterion, [...(groups.get(m.criterion) ?? []), m.ref]);
  return {
    criteria: [...groups].map(([name, refs]) => ({ name, refs })),
    mandatory: model.marks.filter((m) => m.mandatory).map((m) => m.ref),
  };
}

const unitText = (doc: UnitsDocument) => doc.units.map((u) => ({ ref: u.ref, label: u.label, text: u.text }));

/**
 * Compares `text` with model `modelId`, from the cache when the same pair was compared by the same engine.
 *
 * @example
 * const stored = await compareWithModel(store, 'm-abc', draftText, { label: 'Iniciativa Sonora' });
 * stored.result.summary.coverage // 0.82
 */
export async function compareWithModel(
  store: Store,
  modelId: string,
  text: string,
  bill: { label: string; versionId?: string },
  ownerId: string | null = null,
): Promise<StoredComparison> {
  if (text.trim() === '') throw new UserError(400, 'text: must not be empty', 'text');
  const model = await getModel(store.db, modelId);
  if (!model) throw notFound('model', modelId, 'model');
  const options = criteriaOf(model);
  const billSha = await sha256Hex(text);
  // The model's id is part of the key: two models with the same text are still two models (id and title differ).
  const id = await sha256Hex(JSON.stringify([model.id, model.sha256, billSha, ENGINE_VERSION, options, bill.label, bill.versionId ?? null, ownerId]));
  const cached = await getComparison(store.db, id, ownerId);
  if (cached) return cached;

  const modelDoc = await segmentCached(model.text, model.sha256);
  // A comparison reads units only: the bill's provision trees are not built.
  const billDoc = segmentUnits(text);
  const stored: StoredComparison = {
    id,
    engine: ENGINE_VERSION,
    createdAt: new Date().toISOString(),
    model: { id: model.id, title: model.title, sha256: model.sha256 },
    bill: { label: bill.label, sha256: billSha, words: billDoc.wordCount, ...(bill.versionId ? { versionId: bill.versionId } : {}) },
    billUnits: unitText(billDoc),
    result: compare(modelDoc, billDoc, options),
  };
  try {
    await store.atomic([store.db.insert(comparisons).values({ key: id, result: JSON.stringify(stored), ownerId }).onConflictDoNothing()]);
  } catch (error) {
    // A result too large for one row of the database (D1 holds 2 MB) is still answered, just not kept.
    if (!(error instanceof UserError && error.status === 413)) throw error;
    stored.result.warnings.push('This comparison is too large to keep, so it has no permalink: save or print it now.');
    stored.kept = false;
  }
  return stored;
}

/** The units of a stored model with their text, for showing missing provisions. */
export async function modelUnits(db: Db, modelId: string) {
  const model = await getModel(db, modelId);
  return model ? unitText(await segmentCached(model.text, model.sha256)) : undefined;
}

/**
 * Compares a stored version with model `modelId`, as `compareWithModel` does its text; the draft is named `label`, or
 * after the version ("mx-son-2011 (introduced, 2011-02)").
 *
 * @example
 * const stored = await compareVersion(store, 'm-abc', await getVersion(db, 'v-xyz'));
 */
export function compareVersion(
  store: Store,
  modelId: string,
  version: { id: string; billId: string; stage: string; dateValue: string; text: string },
  ownerId: string | null = null,
  label = `${version.billId} (${version.stage}, ${version.dateValue})`,
): Promise<StoredComparison> {
  return compareWithModel(store, modelId, version.text, { label, versionId: version.id }, ownerId);
}

/** Whose private comparisons a request may read: its account's, or all of them for an admin. */
export function viewerOf(actor: Actor | null): string | null {
  if (!actor) return null;
  return actor.role === 'admin' ? 'admin' : actor.id;
}

/**
 * The stored JSON of a comparison as `viewerId` may see it: anonymous and shared ones by anyone with the link, a
 * signed-in user's private one only by them (`viewerId` 'admin' sees all). Served as stored, without re-encoding.
 */
export async function getComparisonJson(db: Db, id: string, viewerId: string | null): Promise<string | undefined> {
  const [row] = await db.select().from(comparisons).where(eq(comparisons.key, id));
  if (!row || (row.ownerId && !row.shared && viewerId !== row.ownerId && viewerId !== 'admin')) return undefined;
  return row.result;
}

/** The same, parsed. */
export async function getComparison(db: Db, id: string, viewerId: string | null): Promise<StoredComparison | undefined> {
  const json = await getComparisonJson(db, id, viewerId);
  return json === undefined ? undefined : (JSON.parse(json) as StoredComparison);
}

/**
 * A comparison's coverage as rows for a spreadsheet: each model provision in model order with its status, similarity
 * and the draft's provisions that match it, then each provision the draft adds.
 *
 * @example
 * coverageRows(stored)[0] // { provision: '1', status: 'present', similarity: 1, draft_provisions: '1' }
 */
export function coverageRows(stored: StoredComparison) {
  const { coverage, added } = stored.result;
  return [
    ...coverage.map((e) => ({ provision: e.model, status: e.status, similarity: e.status === 'missing' ? '' : e.similarity, draft_provisions: e.matches.join('; ') })),
    ...added.map((ref) => ({ provision: '', status: 'added', similarity: '', draft_provisions: ref })),
  ];
}

/** Who owns a stored comparison (null: anonymous, readable by anyone) and whether its owner shared it. */
export async function comparisonAccess(db: Db, id: string): Promise<{ ownerId: string | null; shared: boolean } | undefined> {
  const [row] = await db.select({ ownerId: comparisons.ownerId, shared: comparisons.shared }).from(comparisons).where(eq(comparisons.key, id));
  return row;
}

/** Makes a private comparison readable by anyone with its link; only its owner can. */
export async function shareComparison(store: Store, id: string, ownerId: string) {
  const [row] = await store.db.select({ ownerId: comparisons.ownerId }).from(comparisons).where(eq(comparisons.key, id));
  if (!row || row.ownerId !== ownerId) throw notFound('comparison', id);
  await store.atomic([
    store.db.update(comparisons).set({ shared: true }).where(eq(comparisons.key, id)),
    auditEntry(store, ownerId, 'update', 'comparisons', id, { shared: false }, { shared: true }),
  ]);
}

/**
 * The redline between two texts of one bill (e.g. as introduced and as approved): the earlier text plays the model.
 *
 * @example
 * diffTexts(v1.text, v2.text).pairs[0].ops // [{ op: 'equal', text: 'Artículo 1. ' }, { op: 'delete', … }, …]
 */
export function diffTexts(left: string, right: string) {
  const leftDoc = segmentUnits(left);
  const rightDoc = segmentUnits(right);
  return { left: unitText(leftDoc), right: unitText(rightDoc), result: compare(leftDoc, rightDoc) };
}
