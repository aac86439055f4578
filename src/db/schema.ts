/**
 * The database schema (drizzle `sqlite-core`), shared by better-sqlite3 on Node and D1 on Workers. Migrations in
 * `drizzle/` are generated from this file by `npm run db:generate`; never edit them by hand.
 *
 * Ids are text: deterministic for seeded facts (so a re-seed finds them), random for what users add. Every fact row
 * (bill, action, amendment) points at a source and carries a confidence. Dates are partial: the value as found, its
 * precision, and the first day on which the fact certainly holds (`dateEffective`, null when unknown).
 */
import { sql } from 'drizzle-orm';
import { customType, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import {
  ACTION_CLASSIFICATION_VALUES,
  AMENDMENT_FATE_VALUES,
  BILL_KIND_VALUES,
  CONFIDENCE_VALUES,
  VERSION_STAGE_VALUES,
} from '../domain/vocabulary.js';

const DATE_PRECISIONS = ['day', 'month', 'year', 'before', 'unknown'] as const;
/** Bytes as `Uint8Array` on both drivers (better-sqlite3 returns a Buffer, D1 an array or ArrayBuffer). */
const bytes = customType<{ data: Uint8Array; driverData: Uint8Array | ArrayBuffer | number[] }>({
  dataType: () => 'blob',
  toDriver: (value) => value,
  fromDriver: (value) => (value instanceof Uint8Array ? new Uint8Array(value.buffer, value.byteOffset, value.byteLength) : new Uint8Array(value as ArrayBuffer)),
});
const createdAt = () => text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`);

/** The three columns of a partial date. */
const partialDate = () => ({
  dateValue: text('date_value').notNull(),
  datePrecision: text('date_precision', { enum: DATE_PRECISIONS }).notNull(),
  dateEffective: text('date_effective'),
});

export const jurisdictions = sqliteTable('jurisdictions', {
  id: text('id').primaryKey(), // ISO 3166 / 3166-2: 'MX', 'MX-CHP'
  parentId: text('parent_id'),
  kind: text('kind', { enum: ['federation', 'state'] }).notNull(),
  code: text('code').notNull(), // INEGI cve_ent for Mexican entities
  nameEs: text('name_es').notNull(),
  nameEn: text('name_en').notNull(),
  officialName: text('official_name').notNull(),
  mapId: text('map_id'), // id of the entity's path in the SVG map
});

/**
 * How a federation is presented, from its seed dataset: the home page's heading and lede in each language and the map of its
 * entities (view box, credit, one outline per entity as JSON, see `db/federation-profiles.ts`). Another federation is
 * another row, loaded as data.
 */
export const federationProfiles = sqliteTable('federation_profiles', {
  federationId: text('federation_id').primaryKey().references(() => jurisdictions.id),
  headingEs: text('heading_es'),
  headingEn: text('heading_en'),
  ledeEs: text('lede_es'),
  ledeEn: text('lede_en'),
  map: text('map'),
});

export const sources = sqliteTable('sources', {
  id: text('id').primaryKey(),
  citation: text('citation').notNull(),
  url: text('url'),
});

export const bills = sqliteTable(
  'bills',
  {
    id: text('id').primaryKey(),
    jurisdictionId: text('jurisdiction_id').notNull().references(() => jurisdictions.id),
    identifier: text('identifier'), // decree or initiative number as written ("Decreto 207")
    title: text('title').notNull(),
    kind: text('kind', { enum: BILL_KIND_VALUES }).notNull(),
    harmonizes: integer('harmonizes', { mode: 'boolean' }).notNull().default(false),
    sponsors: text('sponsors', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    notes: text('notes'),
    sourceId: text('source_id').references(() => sources.id),
    confidence: text('confidence', { enum: CONFIDENCE_VALUES }).notNull(),
    // The furthest status any of its actions reaches, whatever the date; kept up to date when actions are added.
    statusRank: integer('status_rank'),
    /** Tombstone: a deleted bill is hidden, never erased; an admin can restore it. */
    deletedAt: text('deleted_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('bills_jurisdiction').on(t.jurisdictionId, t.statusRank, t.kind),
    index('bills_kind').on(t.kind, t.statusRank),
    index('bills_status').on(t.statusRank),
  ],
);

/** An original document as uploaded or fetched (PDF, DOCX, text), kept so a user can download exactly what was read. */
export const files = sqliteTable('files', {
  id: text('id').primaryKey(),
  sha256: text('sha256').notNull(),
  filename: text('filename'),
  mediaType: text('media_type').notNull(),
  size: integer('size').notNull(),
  /** The original's bytes when kept in this row; empty when kept in object storage (see `storedIn`). */
  bytes: bytes('bytes').notNull(),
  /**
   * Where the bytes are: `row` (this row, always on the SQLite file), or `r2` (an R2 bucket on Workers, under
   * `originals/<sha256>`, because D1 holds at most 2 MB in one row).
   */
  storedIn: text('stored_in', { enum: ['row', 'r2'] }).notNull().default('row'),
  /** What extraction found: type, pages, warnings (see src/ingest). */
  provenance: text('provenance', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  /** The text extracted from it. */
  text: text('text').notNull(),
  createdAt: createdAt(),
});

export const versions = sqliteTable(
  'versions',
  {
    id: text('id').primaryKey(),
    billId: text('bill_id').notNull().references(() => bills.id),
    stage: text('stage', { enum: VERSION_STAGE_VALUES }).notNull(),
    ...partialDate(),
    sourceUrl: text('source_url'),
    sha256: text('sha256').notNull(),
    text: text('text').notNull(),
    wordCount: integer('word_count').notNull(),
    fileId: text('file_id').references(() => files.id),
    createdAt: createdAt(),
  },
  (t) => [index('versions_bill').on(t.billId)],
);

export const amendments = sqliteTable(
  'amendments',
  {
    id: text('id').primaryKey(),
    billId: text('bill_id').notNull().references(() => bills.id),
    versionId: text('version_id').notNull().references(() => versions.id),
    proposer: text('proposer').notNull(),
    ...partialDate(),
    text: text('text').notNull(),
    fate: text('fate', { enum: AMENDMENT_FATE_VALUES }).notNull().default('pending'),
    resultVersionId: text('result_version_id').references(() => versions.id),
    sourceId: text('source_id').references(() => sources.id),
    createdAt: createdAt(),
  },
  (t) => [index('amendments_bill').on(t.billId), index('amendments_version').on(t.versionId)],
);

export const actions = sqliteTable(
  'actions',
  {
    id: text('id').primaryKey(),
    billId: text('bill_id').notNull().references(() => bills.id),
    // Copied from the bill so the status of every jurisdiction is one index range per status.
    jurisdictionId: text('jurisdiction_id').notNull().references(() => jurisdictions.id),
    ...partialDate(),
    classification: text('classification', { enum: ACTION_CLASSIFICATION_VALUES }).notNull(),
    description: text('description').notNull(),
    // Derived from classification and the bill's `harmonizes` when written (see domain/status.ts); never typed in.
    statusRank: integer('status_rank'),
    sourceId: text('source_id').notNull().references(() => sources.id),
    confidence: text('confidence', { enum: CONFIDENCE_VALUES }).notNull(),
    notes: text('notes'),
    createdAt: createdAt(),
  },
  (t) => [
    index('actions_bill').on(t.billId, t.dateEffective),
    index('actions_status').on(t.jurisdictionId, t.statusRank, t.dateEffective),
    index('actions_undated').on(t.jurisdictionId, t.statusRank).where(sql`date_effective IS NULL`),
  ],
);

/** Model legislation: a reference text segmented into provisions. */
export const models = sqliteTable('models', {
  id: text('id').primaryKey(),
  title: text('title').notNull(),
  language: text('language').notNull(),
  source: text('source'),
  ...partialDate(),
  sha256: text('sha256').notNull(),
  text: text('text').notNull(),
  fileId: text('file_id').references(() => files.id),
  createdAt: createdAt(),
});

/** The editable marks on a model's provisions: mandatory or optional, and the criterion they are grouped under. */
export const modelProvisions = sqliteTable(
  'model_provisions',
  {
    modelId: text('model_id').notNull().references(() => models.id),
    ref: text('ref').notNull(),
    position: integer('position').notNull(),
    mandatory: integer('mandatory', { mode: 'boolean' }).notNull().default(true),
    criterion: text('criterion'),
  },
  (t) => [primaryKey({ columns: [t.modelId, t.ref] })],
);

/** Compare results keyed by the two texts' hashes and the engine version. */
export const comparisons = sqliteTable('comparisons', {
  key: text('key').primaryKey(),
  result: text('result').notNull(),
  /** Who compared: a signed-in user's comparison is private to them unless shared; null for anonymous ones. */
  ownerId: text('owner_id'),
  shared: integer('shared', { mode: 'boolean' }).notNull().default(false),
  createdAt: createdAt(),
});

/** Official documents watched by `npm run fetch:official`: what was last fetched, so an unchanged one is skipped. */
export const officialSources = sqliteTable('official_sources', {
  id: text('id').primaryKey(),
  url: text('url').notNull(),
  billId: text('bill_id').notNull().references(() => bills.id),
  etag: text('etag'),
  lastModified: text('last_modified'),
  sha256: text('sha256'),
  versionId: text('version_id').references(() => versions.id),
  /** When it was last fetched, and what happened: 'new-version', 'unchanged', 'not-modified' or an error message. */
  fetchedAt: text('fetched_at'),
  outcome: text('outcome'),
});

export const ROLES = ['viewer', 'editor', 'admin'] as const;

export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    /** As typed; two accounts may not differ only by the case of ASCII letters (the index below). */
    email: text('email').notNull().unique(),
    role: text('role', { enum: ROLES }).notNull(),
    /** PBKDF2-SHA256 (see auth/passwords.ts); null for accounts that only use API tokens. */
    passwordHash: text('password_hash'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('users_email_nocase').on(sql`lower(${t.email})`)],
);

export const apiTokens = sqliteTable(
  'api_tokens',
  {
    id: text('id').primaryKey(),
    userId: text('user_id').notNull().references(() => users.id),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: createdAt(),
    lastUsedAt: text('last_used_at'),
    revokedAt: text('revoked_at'),
  },
  (t) => [index('api_tokens_user').on(t.userId)],
);

export const sessions = sqliteTable('sessions', {
  /** SHA-256 of the session cookie's value. */
  idHash: text('id_hash').primaryKey(),
  userId: text('user_id').notNull().references(() => users.id),
  csrf: text('csrf').notNull(),
  expiresAt: text('expires_at').notNull(),
  createdAt: createdAt(),
});

/** Failed logins per key (email and client address), for rate limiting across processes and isolates. */
export const loginFailures = sqliteTable('login_failures', {
  key: text('key').primaryKey(),
  count: integer('count').notNull(),
  windowStart: text('window_start').notNull(),
});

/**
 * The audit trail: who wrote what, when, with the values before and after. Append-only: triggers in the migration
 * refuse any update or delete.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    at: text('at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
    actor: text('actor').notNull(),
    action: text('action', { enum: ['create', 'update', 'delete', 'restore'] }).notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    /** The bill an entry belongs to (the bill itself, or its action, version or amendment), for its history. */
    billId: text('bill_id'),
    before: text('before', { mode: 'json' }).$type<Record<string, unknown> | null>(),
    after: text('after', { mode: 'json' }).$type<Record<string, unknown> | null>(),
  },
  (t) => [index('audit_entity').on(t.entity, t.entityId), index('audit_bill').on(t.billId), index('audit_actor').on(t.actor)],
);

/** Instance settings such as the hash of the bootstrap admin token. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

export const seedRuns = sqliteTable(
  'seed_runs',
  {
    dataset: text('dataset').notNull(),
    sha256: text('sha256').notNull(),
    appliedAt: createdAt(),
  },
  (t) => [uniqueIndex('seed_runs_dataset').on(t.dataset, t.sha256)],
);
