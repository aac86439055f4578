/**
 * Original documents (uploaded or fetched) with the text extracted from them and the extraction's provenance.
 * On the SQLite file they are blobs; D1 caps a row at 2 MB, so on Workers large originals belong in R2
 * (see docs/cloudflare.md).
 */
import { eq } from 'drizzle-orm';
import { notFound } from '../lib/errors.js';
import { randomId } from '../lib/hash.js';
import type { ExtractedDocument } from '../ingest/index.js';
import type { Db, Store } from './client.js';
import { files } from './schema.js';

/**
 * Stores an original and what was read from it; returns its id.
 *
 * @example
 * const id = await storeFile(store, bytes, await extractDocument(bytes, { filename }));
 */
export async function storeFile(store: Store, bytes: Uint8Array, extracted: ExtractedDocument): Promise<string> {
  const id = randomId('f');
  const { provenance } = extracted;
  await store.atomic([
    store.db.insert(files).values({
      id, sha256: provenance.sha256, filename: provenance.filename ?? null, mediaType: provenance.mediaType, size: provenance.size,
      bytes, provenance: provenance as unknown as Record<string, unknown>, text: extracted.text,
    }),
  ]);
  return id;
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
