/**
 * Original documents (uploaded or fetched) with the text extracted from them and the extraction's provenance.
 * On the SQLite file the bytes are a blob in their row. D1 caps a row at 2 MB, so on Workers with an R2 bucket bound
 * the bytes go to object storage (`originals.ts`) and the row keeps the rest: metadata, SHA-256 and extracted text.
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
 * Plans the row of an original and what was read from it. With object storage, the bytes are written there first
 * (keyed by their SHA-256, so a write whose row then fails leaves a harmless duplicate at most), once the row is known
 * to fit; the row is written by the caller, in one step with what is made from it.
 *
 * @example
 * const file = await planFile(store, bytes, await extractDocument(bytes, { filename }));
 * await addVersion(store, actor, billId, version, file);
 */
export async function planFile(store: Store, bytes: Uint8Array, extracted: ExtractedDocument): Promise<PlannedFile> {
  const id = randomId('f');
  const { provenance } = extracted;
  const row = {
    id, sha256: provenance.sha256, filename: provenance.filename ?? null, mediaType: provenance.mediaType, size: provenance.size,
    provenance: provenance as unknown as Record<string, unknown>, text: extracted.text,
  };
  if (!store.originals) return { id, sha256: row.sha256, statement: store.db.insert(files).values({ ...row, bytes }) };
  const statement = store.db.insert(files).values({ ...row, bytes: new Uint8Array(0), storedIn: 'r2' });
  store.checkWrite?.([statement]);
  await store.originals.put(row.sha256, bytes, row.mediaType);
  return { id, sha256: row.sha256, statement };
}

/** Stores an original on its own (an upload not yet made into anything); returns its id. */
export async function storeFile(store: Store, actor: string, bytes: Uint8Array, extracted: ExtractedDocument): Promise<string> {
  const file = await planFile(store, bytes, extracted);
  await store.atomic([file.statement, auditEntry(store, actor, 'create', 'files', file.id, null, { sha256: file.sha256, size: bytes.byteLength })]);
  return file.id;
}

/** The original bytes and their metadata, for download; undefined when there is no such file. */
export async function getFile(store: Store, id: string) {
  const [row] = await store.db.select().from(files).where(eq(files.id, id));
  if (!row || row.storedIn === 'row') return row;
  // Not a user's error: the row says where its bytes are, and they must be there.
  const bytes = await store.originals?.get(row.sha256);
  if (!bytes) throw new Error(`file ${row.id}: its original (sha256 ${row.sha256}) is not in the object storage of this server`);
  return { ...row, bytes };
}

/** The text extracted from a stored file; a 422 naming `fileId` when there is none. */
export async function getFileText(db: Db, id: string): Promise<string> {
  const [row] = await db.select({ text: files.text }).from(files).where(eq(files.id, id));
  if (!row) throw notFound('file', id, 'fileId');
  return row.text;
}
