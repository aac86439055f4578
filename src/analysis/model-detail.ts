/**
 * A model as `GET /api/models/:id` and the model page show it: its summary, each provision with its text, reform
 * history and marks (mandatory or optional, criterion), the criteria, the segmenter's warnings, and the heading outline
 * with each heading's name, for the page's table of contents.
 */
import type { Db } from '../db/client.js';
import { getModel, startsMandatory } from '../db/models.js';
import type { Provision } from '../text/index.js';
import { segmentCached } from './comparisons.js';

/** A heading of the outline: its key (the path of the provisions under it, joined by " / "), label, name and depth. */
export interface OutlineHeading {
  key: string;
  label: string;
  name: string;
  depth: number;
}

/**
 * The model with id `id`, or undefined.
 *
 * @example
 * const m = await loadModelDetail(db, 'm-abc'); m?.detail.provisions[0].ref // '1'
 */
export async function loadModelDetail(db: Db, id: string) {
  const model = await getModel(db, id);
  if (!model) return undefined;
  const doc = await segmentCached(model.text, model.sha256);
  const marks = new Map(model.marks.map((m) => [m.ref, m]));
  const criteria = new Map<string, string[]>();
  for (const m of model.marks) if (m.criterion) criteria.set(m.criterion, [...(criteria.get(m.criterion) ?? []), m.ref]);
  const { text: _text, marks: _marks, ...summary } = model;
  const detail = {
    ...summary,
    provisions: doc.units.map((u) => ({
      ref: u.ref, kind: u.kind, label: u.label, text: u.text, path: u.path, ...(u.decree ? { decree: u.decree } : {}), notes: u.notes,
      mandatory: marks.get(u.ref)?.mandatory ?? startsMandatory(u), criterion: marks.get(u.ref)?.criterion ?? null,
      children: u.children.map((ch) => ({ ref: ch.ref, label: ch.label, notes: ch.notes })),
    })),
    criteria: [...criteria].map(([name, refs]) => ({ name, refs })),
    warnings: doc.warnings,
  };
  return { detail, outline: headingsOf(doc.outline) };
}
export type ModelDetail = NonNullable<Awaited<ReturnType<typeof loadModelDetail>>>['detail'];

// The outline's headings in document order; a heading's key is the path its provisions carry, joined.
function headingsOf(outline: Provision[], depth = 0, out: OutlineHeading[] = []): OutlineHeading[] {
  for (const h of outline) {
    // A heading's ref is its path and its own label joined, as its provisions' paths are (a repeated heading's ref
    // has a "(2)", and its provisions are shown under the first one's name).
    out.push({ key: h.ref, label: h.label, name: h.heading ?? '', depth });
    headingsOf(h.children, depth + 1, out);
  }
  return out;
}
