/**
 * Databases for the backup and crash tests: the seeded Mexican dataset plus a model, an uploaded original whose bytes
 * are not text, a version and an amendment carrying Unicode edge cases, and values whose SQLite storage class a
 * careless copy would change. `tableSnapshot` reads a database back with plain SQL, independently of the backup code.
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { amendments, files, modelProvisions, models, versions } from '../../src/db/schema.js';
import { openSeededFile } from '../../src/db/node-store.js';

/** RTL marks and overrides, zero-width characters, decomposed accents (must not be normalized), emoji, NUL, separators. */
export const ODD_TEXT = [
  'Artículo 1.\u200F مرحبا \u202Eأهلا\u202C fin',
  'cero\u200Bancho\u200C\u200D\uFEFF',
  'Me\u0301xico vs Méxi\u0301co\u0327\u0308',
  'emoji 👩🏽‍⚖️ 🇲🇽 🏳️‍🌈',
  'nul\u0000inside\u0000\u0000',
  'separators\u2028\u2029\r\n\t"\\</script>',
  'noncharacters \uFFFE \uFFFF \u{10FFFF}',
].join('\n');

/** Bytes that are not UTF-8: every byte value, invalid sequences, newlines and a run of NULs. */
export function binaryBytes(size = 70_000): Buffer {
  const out = Buffer.alloc(size);
  let x = 0x9e3779b9;
  for (let i = 0; i < size; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = i < 256 ? i : x & 0xff;
  }
  Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x28, 0x8c, 0xbc, 0xff, 0xfe, 0x0a, 0x0d, 0, 0, 0]).copy(out, 256);
  return out;
}

/**
 * Builds the rich test database at `path` and closes it.
 *
 * @example
 * await buildRichDatabase(join(dir, 'a.db'));
 */
export async function buildRichDatabase(path: string): Promise<void> {
  const { store } = await openSeededFile(path);
  try {
    const bytes = binaryBytes();
    const sha = createHash('sha256').update(bytes).digest('hex');
    const bill = (store.sqlite.prepare('SELECT id FROM bills ORDER BY id LIMIT 1').get() as { id: string }).id;
    await store.atomic([
      store.db.insert(files).values({
        id: 'f-backup', sha256: sha, filename: `orig\u200F${'\u0301'}.pdf`, mediaType: 'application/pdf', size: bytes.length, bytes,
        provenance: { type: 'pdf', note: ODD_TEXT }, text: ODD_TEXT,
      }),
      store.db.insert(models).values({
        id: 'm-backup', title: `Modelo ${ODD_TEXT.slice(0, 40)}`, language: 'es', source: null, dateValue: '2012-06',
        datePrecision: 'month', dateEffective: null, sha256: sha, text: ODD_TEXT, fileId: 'f-backup',
      }),
      store.db.insert(modelProvisions).values([
        { modelId: 'm-backup', ref: 'art-1', position: 0, mandatory: true, criterion: 'núcleo\u200B' },
        { modelId: 'm-backup', ref: 'art-2', position: 1, mandatory: false, criterion: null },
      ]),
      store.db.insert(versions).values({
        id: 'v-backup', billId: bill, stage: 'published', dateValue: '2009-04-03', datePrecision: 'day', dateEffective: '2009-04-03',
        sourceUrl: 'https://example.org/ñ?q=\u200F', sha256: sha, text: ODD_TEXT, wordCount: 42, fileId: 'f-backup',
      }),
      store.db.insert(amendments).values({
        id: 'a-backup', billId: bill, versionId: 'v-backup', proposer: 'Dip. Ñandú 🦤', dateValue: '2011', datePrecision: 'year',
        dateEffective: null, text: ODD_TEXT, fate: 'adopted', resultVersionId: 'v-backup',
      }),
    ]);
    // A rowid out of step with the primary key order (queries order actions and bills by rowid).
    store.sqlite.prepare("INSERT INTO sources (rowid, id, citation) VALUES (5000, '0-first-by-id', 'fuente ✓')").run();
    // Storage classes a careless copy would change: an integer beyond 2^53 and a real in INTEGER columns.
    store.sqlite.prepare("INSERT INTO model_provisions (model_id, ref, position, mandatory) VALUES ('m-backup', 'art-3', ?, ?)").run(2.5, 9007199254740993n);
  } finally {
    store.close();
  }
}

/** Every user table's rows with their rowid and storage classes, by plain SQL (no backup code involved). */
export function tableSnapshot(path: string): Record<string, unknown[]> {
  const sqlite = new Database(path, { readonly: true });
  try {
    const names = userTables(sqlite);
    return Object.fromEntries(
      names.map((name) => {
        const cols = (sqlite.pragma(`table_info("${name}")`) as { name: string }[]).map((c) => `"${c.name}"`);
        const types = cols.map((c) => `typeof(${c})`).join(', ');
        const rows = sqlite.prepare(`SELECT rowid, ${cols.join(', ')}, ${types} FROM "${name}" ORDER BY rowid`).raw().safeIntegers().all();
        return [name, rows];
      }),
    );
  } finally {
    sqlite.close();
  }
}

/** The tables a backup must carry, listed independently of src/backup: user tables minus FTS shadows and drizzle's log. */
export function userTables(sqlite: Database.Database): string[] {
  const rows = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name <> '__drizzle_migrations' AND name NOT LIKE 'bills\\_fts%' ESCAPE '\\' ORDER BY name")
    .all() as { name: string }[];
  return rows.map((r) => r.name);
}

/**
 * A large database for the crash tests: the rich one plus `copies` generated copies of every seeded action, and
 * `files` originals of 64 KiB of random bytes. Written by SQL in one go, so it takes a second, not minutes.
 *
 * @example
 * await buildBigDatabase(join(dir, 'big.db'), { copies: 500, files: 100 }); // ~45,000 actions, ~6 MB of blobs
 */
export async function buildBigDatabase(path: string, size: { copies: number; files: number }): Promise<void> {
  await buildRichDatabase(path);
  const sqlite = new Database(path);
  try {
    sqlite.transaction(() => {
      sqlite.prepare(
        `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
         INSERT INTO actions (id, bill_id, jurisdiction_id, date_value, date_precision, date_effective, classification, description, status_rank, source_id, confidence, notes)
         SELECT 'gen-' || n.i || '-' || a.id, a.bill_id, a.jurisdiction_id, a.date_value, a.date_precision, a.date_effective, a.classification,
                a.description || ' · copia ' || n.i || ' 👩🏽‍⚖️', a.status_rank, a.source_id, a.confidence, hex(randomblob(24))
         FROM n CROSS JOIN actions a WHERE a.id NOT LIKE 'gen-%' ORDER BY n.i, a.rowid`,
      ).run(size.copies);
      sqlite.prepare(
        `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
         INSERT INTO files (id, sha256, filename, media_type, size, bytes, provenance, text)
         SELECT 'f-gen-' || i, hex(randomblob(32)), 'gen-' || i || '.pdf', 'application/pdf', 65536, randomblob(65536), '{"type":"pdf"}', 'texto ' || i FROM n`,
      ).run(size.files);
    })();
  } finally {
    sqlite.close();
  }
}
