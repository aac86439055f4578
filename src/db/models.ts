/**
 * Model legislation: reference texts (the General Law, the Palermo Protocol, any model a user imports) stored whole,
 * with one row per comparable provision for the marks editors set on it: mandatory or optional, and the criterion
 * it is grouped under for report cards. The provisions themselves come from segmenting the stored text.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { notFound, UserError } from '../lib/errors.js';
import { randomId, sha256Hex } from '../lib/hash.js';
import type { Unit, UnitsDocument } from '../text/index.js';
import { auditEntry } from './audit.js';
import { dateColumns } from './date-columns.js';
import type { Db, Planned, Store } from './client.js';
import type { PlannedFile } from './files.js';
import { files, modelProvisions, models } from './schema.js';

export interface NewModel {
  title: string;
  text: string;
  language: string;
  source?: string | null;
  date?: string | null;
  fileId?: string | null;
}

const summaryColumns = {
  id: models.id, title: models.title, language: models.language, source: models.source, date: models.dateValue,
  datePrecision: models.datePrecision, sha256: models.sha256, fileId: models.fileId, createdAt: models.createdAt,
};

/**
 * Stores a model and one mark row per unit of `document` (the segmentation of `input.text`); `file`, when given, is
 * the original it was read from, stored in the same step.
 */
export async function createModel(store: Store, actor: string, input: NewModel, document: UnitsDocument, file?: PlannedFile): Promise<string> {
  if (input.fileId) {
    const [file] = await store.db.select({ id: files.id }).from(files).where(eq(files.id, input.fileId));
    if (!file) throw notFound('file', input.fileId, 'fileId');
  }
  const planned = await planModel(store, actor, input, document, file);
  await store.atomic(planned.statements);
  return planned.id;
}

/**
 * The writes that store a model, for a caller that stores more in the same step. `input.fileId` is taken as given:
 * the original may be one this step stores.
 */
export async function planModel(store: Store, actor: string, input: NewModel, document: UnitsDocument, file?: PlannedFile): Promise<Planned> {
  const date = dateColumns(input.date ?? 'unknown', 'date');
  if (document.units.length === 0) throw new UserError(422, 'text: no provisions were found in the text', 'text');
  const id = randomId('m');
  const marks = document.units.map((u, position) => ({ modelId: id, ref: u.ref, position, mandatory: startsMandatory(u), criterion: null }));
  const chunks = Array.from({ length: Math.ceil(marks.length / 15) }, (_, i) => marks.slice(i * 15, (i + 1) * 15));
  const sha256 = await sha256Hex(input.text);
  const statements = [
    ...(file ? [file.statement, auditEntry(store, actor, 'create', 'files', file.id, null, { sha256: file.sha256 })] : []),
    auditEntry(store, actor, 'create', 'models', id, null, { title: input.title, language: input.language, source: input.source ?? null, date: date.dateValue, sha256, provisions: marks.length }),
    store.db.insert(models).values({
      id, title: input.title, language: input.language, source: input.source ?? null, ...date, sha256, text: input.text,
      fileId: file?.id ?? input.fileId ?? null,
    }),
    ...chunks.map((rows) => store.db.insert(modelProvisions).values(rows)),
  ];
  return { id, statements };
}

/**
 * Whether a provision of a new model is mandatory until an editor says otherwise (`markProvisions`): articles are;
 * transitorios are not, as they govern the entry into force of the decree that holds them, and a state law harmonized
 * with the model does not reproduce them.
 *
 * @example
 * startsMandatory({ kind: 'transitory' }) // false
 */
export function startsMandatory(unit: Pick<Unit, 'kind'>): boolean {
  return unit.kind !== 'transitory';
}

export async function listModels(db: Db) {
  return db.select(summaryColumns).from(models).orderBy(asc(models.createdAt), asc(models.id));
}

/** The model with its text and the marks of its provisions, or undefined. */
export async function getModel(db: Db, id: string) {
  const [row] = await db.select({ ...summaryColumns, text: models.text }).from(models).where(eq(models.id, id));
  if (!row) return undefined;
  const marks = await db
    .select({ ref: modelProvisions.ref, position: modelProvisions.position, mandatory: modelProvisions.mandatory, criterion: modelProvisions.criterion })
    .from(modelProvisions)
    .where(eq(modelProvisions.modelId, id))
    .orderBy(asc(modelProvisions.position));
  return { ...row, marks };
}
export type ModelRecord = NonNullable<Awaited<ReturnType<typeof getModel>>>;

export interface ProvisionMark {
  ref: string;
  mandatory?: boolean;
  criterion?: string | null;
}

/** Sets marks on provisions of a model; every ref must exist, else nothing changes. */
export async function markProvisions(store: Store, actor: string, modelId: string, marks: ProvisionMark[]) {
  const [model] = await store.db.select({ id: models.id }).from(models).where(eq(models.id, modelId));
  if (!model) throw notFound('model', modelId);
  const refs = [...new Set(marks.map((m) => m.ref))];
  const known = new Set<string>();
  for (let i = 0; i < refs.length; i += 90) {
    const rows = await store.db
      .select({ ref: modelProvisions.ref })
      .from(modelProvisions)
      .where(and(eq(modelProvisions.modelId, modelId), inArray(modelProvisions.ref, refs.slice(i, i + 90))));
    for (const r of rows) known.add(r.ref);
  }
  const unknown = refs.filter((r) => !known.has(r));
  if (unknown.length) throw new UserError(422, `no provision ${unknown.map((r) => `"${r}"`).join(', ')} in model "${modelId}"`, 'marks.ref');
  await store.atomic([
    ...marks.map((m) =>
      store.db
        .update(modelProvisions)
        .set({ ...(m.mandatory === undefined ? {} : { mandatory: m.mandatory }), ...(m.criterion === undefined ? {} : { criterion: m.criterion }) })
        .where(and(eq(modelProvisions.modelId, modelId), eq(modelProvisions.ref, m.ref))),
    ),
    auditEntry(store, actor, 'update', 'model_provisions', modelId, null, { marks }),
  ]);
}
