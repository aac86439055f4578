/**
 * Original documents (uploaded or fetched) with the text extracted from them and the extraction's provenance.
 * On the SQLite file they are blobs; D1 caps a row at 2 MB, so on Workers large originals belong in R2
 * (see docs/cloudflare.md).
 */
import { eq } from 'drizzle-orm';
import { notFound } from '../lib/errors.js';
import { randomId } from '../lib/hash.js';
import type { ExtractedDocument } from '../ingest/index.js';
import { auditEntry } from './audit.js';
import type { Db, Statement, Store } from './client.js';
import { files } from './schema.js';

/** A file row ready to be written, with its id, so it can be stored in the same step as what is made from it. */
export interface PlannedFile {
  id: string;
  sha256: string;
  statement: Statement;
}

/**
 * Plans the row of an original and what was read from it.
 *
 * @example
 * const file = planFile(store, bytes, await extractDocument(bytes, { filename }));
 * await addVersion(store, actor, billId, version, file);
 */
export function planFile(store: Store, bytes: Uint8Array, extracted: ExtractedDocument): PlannedFile {
  const id = randomId('f');
  const { provenance } = extracted;
  return {
    id,
    sha256: provenance.sha256,
    statement: store.db.insert(files).values({
      id, sha256: provenance.sha256, filename: provenance.filename ?? null, mediaType: provenance.mediaType, size: provenance.size,
      bytes, provenance: provenance as unknown as Record<string, unknown>, text: extracted.text,
    }),
  };
}

/** Stores an original on its own (an upload not yet made into anything); returns its id. */
export async function storeFile(store: Store, actor: string, bytes: Uint8Array, extracted: ExtractedDocument): Promise<string> {
  const file = planFile(store, bytes, extracted);
  await store.atomic([file.statement, auditEntry(store, actor, 'create', 'files', file.id, null, { sha256: file.sha256, size: bytes.byteLength })]);
  return file.id;
}

/** The original bytes and their metadata, for download. */
export async function getFile(db: Db, id: string) {
  const [row] = await db.select().from(files).where(eq(files.id, id));
  return row;
}

/** The text extracted from a stored file; a 422 naming `fileId` when there is none. */
export async function getFileText(db: Db, id: string): Promise<string> {
  const [row] = await db.select({ text: files.text }).from(files).where(eq(files.id, id));
  if (!row) throw notFound('file', id, 'fileId');
  return row.text;
}
