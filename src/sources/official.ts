/**
 * Watching official documents: download each listed source with a conditional request, skip it when the server says
 * it has not changed (304) or its bytes hash as before, and otherwise read it (src/ingest) and store it as a new
 * version of its bill, with the original, in one step — and, for a source that is model legislation (the General Law),
 * as a model text too, so drafts can be compared with the law in force. Every fetch is recorded with its time and
 * outcome. Web-standard `fetch` only, so it runs on Node and on Workers (a cron trigger) alike.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { planVersion } from '../db/bill-writes.js';
import type { Store } from '../db/client.js';
import { planFile } from '../db/files.js';
import { planModel } from '../db/models.js';
import { officialSources } from '../db/schema.js';
import { VERSION_STAGE_VALUES } from '../domain/vocabulary.js';
import { extractDocument } from '../ingest/index.js';
import { sha256Hex } from '../lib/hash.js';
import { segmentUnits } from '../text/index.js';

/** How the audit trail names the versions and models this watcher adds. */
export const FETCH_ACTOR = 'fetch:official';

export const officialSourceList = z.object({
  description: z.string().optional(),
  sources: z.array(
    z.object({
      id: z.string().min(1),
      title: z.string(),
      publisher: z.string().optional(),
      url: z.url(),
      bill: z.string().min(1),
      stage: z.enum(VERSION_STAGE_VALUES),
      /** Model legislation: each new version is also stored as a model text, titled with its date. */
      model: z.object({ title: z.string().min(1), language: z.enum(['es', 'en']).default('es') }).strict().optional(),
    }),
  ),
});
export type OfficialSource = z.infer<typeof officialSourceList>['sources'][number];

export type FetchOutcome =
  | { id: string; outcome: 'new-version'; versionId: string; modelId?: string; date: string; sha256: string }
  | { id: string; outcome: 'not-modified' | 'unchanged'; sha256: string | null }
  | { id: string; outcome: 'error'; message: string };

/** "Última reforma publicada DOF 14-11-2025" on the compiled text gives the date of the version; else the fetch day. */
export function versionDateOf(text: string, fetchedOn: string): string {
  const m = /[ÚU]ltima reforma publicada DOF (\d{2})-(\d{2})-(\d{4})/i.exec(text);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : fetchedOn;
}

/**
 * Runs `request`, and once more if the network failed (not an HTTP error): a server that closed an idle kept-alive
 * connection just as it was reused is not a failed source.
 */
async function fetchOnceMore(request: () => Promise<Response>): Promise<Response> {
  try {
    return await request();
  } catch {
    return request();
  }
}

/**
 * Fetches one official source and records what happened.
 *
 * @example
 * await fetchOfficial(store, source) // { id, outcome: 'new-version', versionId: 'v-…', … } or 'not-modified'
 */
export async function fetchOfficial(store: Store, source: OfficialSource, fetchImpl: typeof fetch = fetch): Promise<FetchOutcome> {
  const [previous] = await store.db.select().from(officialSources).where(eq(officialSources.id, source.id));
  const headers: Record<string, string> = { 'User-Agent': 'Armoniza legislative tracker' };
  if (previous?.etag) headers['If-None-Match'] = previous.etag;
  if (previous?.lastModified) headers['If-Modified-Since'] = previous.lastModified;
  const fetchedAt = new Date().toISOString();
  const record = (values: Partial<typeof officialSources.$inferInsert>) =>
    store.db
      .insert(officialSources)
      .values({ id: source.id, url: source.url, billId: source.bill, fetchedAt, ...values })
      .onConflictDoUpdate({ target: officialSources.id, set: { url: source.url, billId: source.bill, fetchedAt, ...values } });

  try {
    const response = await fetchOnceMore(() => fetchImpl(source.url, { headers, redirect: 'follow' }));
    if (response.status === 304) {
      await store.atomic([record({ outcome: 'not-modified' })]);
      return { id: source.id, outcome: 'not-modified', sha256: previous?.sha256 ?? null };
    }
    if (!response.ok) throw new Error(`HTTP ${response.status} from ${source.url}`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    const sha256 = await sha256Hex(bytes);
    const cache = { etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified'), sha256 };
    if (previous?.sha256 === sha256) {
      await store.atomic([record({ ...cache, outcome: 'unchanged' })]);
      return { id: source.id, outcome: 'unchanged', sha256 };
    }
    const filename = new URL(source.url).pathname.split('/').pop() || `${source.id}.pdf`;
    const extracted = await extractDocument(bytes, { filename });
    const file = await planFile(store, bytes, extracted);
    const date = versionDateOf(extracted.text, fetchedAt.slice(0, 10));
    const version = await planVersion(store, FETCH_ACTOR, source.bill, { stage: source.stage, date, text: extracted.text, sourceUrl: source.url }, file);
    const model = source.model
      ? await planModel(
          store,
          FETCH_ACTOR,
          { title: `${source.model.title} (${date})`, language: source.model.language, source: source.url, date, text: extracted.text, fileId: file.id },
          segmentUnits(extracted.text),
        )
      : undefined;
    // The version, the model and the record of this fetch land together or not at all.
    await store.atomic([...version.statements, ...(model?.statements ?? []), record({ ...cache, versionId: version.id, outcome: 'new-version' })]);
    return { id: source.id, outcome: 'new-version', versionId: version.id, ...(model ? { modelId: model.id } : {}), date, sha256 };
  } catch (error) {
    const message = messageOf(error);
    await store.atomic([record({ outcome: `error: ${message}` })]);
    return { id: source.id, outcome: 'error', message };
  }
}

// An error's message, with its cause when it has one: `fetch` says only "fetch failed", its cause says why
// ("getaddrinfo ENOTFOUND www.diputados.gob.mx").
function messageOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? error.cause.message : null;
  return cause && !error.message.includes(cause) ? `${error.message} (${cause})` : error.message;
}
