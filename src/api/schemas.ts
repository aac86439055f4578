/**
 * The zod schemas of the JSON API: they validate every input, type every response, and generate `/api/openapi.json`.
 */
import { z } from '@hono/zod-openapi';
import { isCalendarDay, parsePartialDate } from '../domain/partial-date.js';
import {
  ACTION_CLASSIFICATION_VALUES,
  AMENDMENT_FATE_VALUES,
  BILL_KIND_VALUES,
  CONFIDENCE_VALUES,
  GAP_KIND_VALUES,
  STATUS_VALUES,
  VERSION_STAGE_VALUES,
} from '../domain/vocabulary.js';

/** A text users type: trimmed length checked, never altered. */
export const userText = (max: number) => z.string().refine((s) => s.trim().length > 0, 'must not be empty').refine((s) => s.length <= max, `must be at most ${max} characters`);

export const IsoDay = z
  .string()
  .refine(isCalendarDay, 'must be a calendar date written YYYY-MM-DD')
  .openapi({ example: '2012-06-14' });

export const PartialDateInput = z
  .string()
  .refine((v) => {
    try {
      parsePartialDate(v);
      return true;
    } catch {
      return false;
    }
  }, 'must be YYYY-MM-DD, YYYY-MM, YYYY, "before YYYY-MM-DD" or "unknown" (a real calendar date)')
  .openapi({ example: '2009-04-03', description: 'A date with the precision it is known to: 2009-04-03, 2011-01, 2008, before 2013-04-02, unknown' });

export const Status = z.enum(STATUS_VALUES).openapi('Status');
export const Confidence = z.enum(CONFIDENCE_VALUES).openapi('Confidence');
const DatePrecision = z.enum(['day', 'month', 'year', 'before', 'unknown']);

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      fields: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
    }),
  })
  .openapi('Error');

export const Jurisdiction = z
  .object({
    id: z.string().openapi({ example: 'MX-CHP' }),
    parentId: z.string().nullable(),
    kind: z.enum(['federation', 'state']),
    code: z.string(),
    nameEs: z.string(),
    nameEn: z.string(),
    officialName: z.string(),
    mapId: z.string().nullable(),
  })
  .openapi('Jurisdiction');

export const Evidence = z
  .object({
    actionId: z.string(),
    billId: z.string(),
    billTitle: z.string(),
    classification: z.enum(ACTION_CLASSIFICATION_VALUES),
    description: z.string(),
    date: z.string(),
    datePrecision: z.string(),
    source: z.string(),
    sourceUrl: z.string().nullable(),
    confidence: Confidence,
    notes: z.string().nullable(),
  })
  .openapi('Evidence');

export const JurisdictionStatus = z
  .object({
    id: z.string(),
    name: z.string(),
    status: Status,
    since: z.string().nullable(),
    evidence: z.array(Evidence),
    undated: z.object({ status: Status, evidence: z.array(Evidence) }).nullable(),
  })
  .openapi('JurisdictionStatus');

export const StatusResponse = z.object({ asOf: z.string(), jurisdictions: z.array(JurisdictionStatus) }).openapi('StatusAt');

export const EvidenceGap = z
  .object({
    kind: z.enum(GAP_KIND_VALUES),
    label: z.string().openapi({ description: 'The kind, in the language asked for' }),
    status: Status.optional().openapi({ description: 'undated-fact: the status its date would give' }),
    precision: z.string().optional().openapi({ description: 'imprecise-date: what the date is known to (month, year, before)' }),
    confidence: Confidence.optional().openapi({ description: 'weak-evidence: the best confidence of the evidence' }),
    evidence: z.array(Evidence),
  })
  .openapi('EvidenceGap');

export const GapsResponse = z
  .object({
    asOf: z.string(),
    federation: z.string(),
    totals: z.record(z.enum(GAP_KIND_VALUES), z.number().int()),
    jurisdictions: z.array(z.object({ id: z.string(), name: z.string(), status: Status, since: z.string().nullable(), gaps: z.array(EvidenceGap) })),
  })
  .openapi('EvidenceGaps');

export const FederationQuery = z.object({
  federation: z.string().min(2).max(20).optional().openapi({ param: { name: 'federation', in: 'query' }, example: 'MX', description: 'Federation id (default: the first federation loaded, MX with the Mexican dataset)' }),
});

export const StatusQuery = FederationQuery.extend({
  asOf: IsoDay.optional().openapi({ param: { name: 'asOf', in: 'query' }, description: 'Day to derive the status at (default: today, UTC)' }),
  lang: z.enum(['es', 'en']).optional().openapi({ param: { name: 'lang', in: 'query' } }),
});

const Dated = { date: z.string(), datePrecision: DatePrecision, dateEffective: z.string().nullable() };

export const Action = z
  .object({
    id: z.string(),
    billId: z.string(),
    billTitle: z.string(),
    jurisdictionId: z.string(),
    ...Dated,
    classification: z.enum(ACTION_CLASSIFICATION_VALUES),
    description: z.string(),
    reaches: Status.nullable(),
    source: z.string(),
    sourceUrl: z.string().nullable(),
    confidence: Confidence,
    notes: z.string().nullable(),
  })
  .openapi('Action');

const BillFields = {
  id: z.string(),
  jurisdictionId: z.string(),
  identifier: z.string().nullable(),
  title: z.string(),
  kind: z.enum(BILL_KIND_VALUES),
  harmonizes: z.boolean(),
  sponsors: z.array(z.string()),
  notes: z.string().nullable(),
  confidence: Confidence,
  status: Status,
  source: z.string().nullable(),
  sourceUrl: z.string().nullable(),
  createdAt: z.string(),
};
export const BillSummary = z.object(BillFields).openapi('BillSummary');

export const Version = z
  .object({ id: z.string(), stage: z.enum(VERSION_STAGE_VALUES), ...Dated, sourceUrl: z.string().nullable(), sha256: z.string(), wordCount: z.number().int(), fileId: z.string().nullable(), createdAt: z.string() })
  .openapi('Version');

export const VersionWithText = Version.extend({ billId: z.string(), text: z.string().openapi({ description: 'The text, exactly as stored' }) }).openapi('VersionWithText');

export const Amendment = z
  .object({
    id: z.string(), versionId: z.string(), proposer: z.string(), ...Dated, text: z.string(), fate: z.enum(AMENDMENT_FATE_VALUES),
    resultVersionId: z.string().nullable(), source: z.string().nullable(), sourceUrl: z.string().nullable(), createdAt: z.string(),
  })
  .openapi('Amendment');

export const BillDetail = z
  .object({ ...BillFields, versions: z.array(Version), amendments: z.array(Amendment), actions: z.array(Action) })
  .openapi('BillDetail');

export const JurisdictionDetail = Jurisdiction.extend({
  status: JurisdictionStatus,
  bills: z.array(BillSummary),
}).openapi('JurisdictionDetail');

export const BillListQuery = z.object({
  jurisdiction: z.string().optional().openapi({ param: { name: 'jurisdiction', in: 'query' }, example: 'MX-CHP' }),
  status: Status.optional().openapi({ param: { name: 'status', in: 'query' }, description: "The furthest status the bill's actions reach" }),
  kind: z.enum(BILL_KIND_VALUES).optional().openapi({ param: { name: 'kind', in: 'query' } }),
  q: z.string().max(200).optional().openapi({ param: { name: 'q', in: 'query' }, description: 'Text in the title' }),
  page: z.coerce.number().int().min(1).max(100_000).default(1).openapi({ param: { name: 'page', in: 'query' } }),
  perPage: z.coerce.number().int().min(1).max(200).default(50).openapi({ param: { name: 'perPage', in: 'query' } }),
});

export const BillList = z
  .object({ items: z.array(BillSummary), total: z.number().int(), page: z.number().int(), perPage: z.number().int() })
  .openapi('BillList');

export const NewBill = z
  .object({
    jurisdiction: z.string().min(2).max(20).openapi({ example: 'MX-CHP' }),
    identifier: z.string().max(200).nullable().optional().openapi({ example: 'Decreto 207' }),
    title: userText(2000),
    kind: z.enum(BILL_KIND_VALUES),
    harmonizes: z.boolean().optional().openapi({ description: 'The bill aligns the law with the model (General Law)' }),
    sponsors: z.array(userText(300)).max(200).optional(),
    notes: z.string().max(20_000).nullable().optional(),
    source: userText(2000).openapi({ description: 'Where this fact comes from: a URL or a citation' }),
    confidence: Confidence,
  })
  .strict()
  .openapi('NewBill');

export const NewAction = z
  .object({
    date: PartialDateInput,
    classification: z.enum(ACTION_CLASSIFICATION_VALUES),
    description: userText(5000),
    source: userText(2000),
    confidence: Confidence,
    notes: z.string().max(20_000).nullable().optional(),
  })
  .strict()
  .openapi('NewAction');

export const NewVersion = z
  .object({
    stage: z.enum(VERSION_STAGE_VALUES),
    date: PartialDateInput,
    text: userText(5_000_000).optional().openapi({ description: 'The text; or give fileId of an upload' }),
    fileId: z.string().max(100).optional().openapi({ description: 'An upload (POST /api/uploads) whose extracted text is this version' }),
    // http(s) only: the pages make it a link, and a javascript: or data: URL is a script waiting for a click.
    sourceUrl: z.url({ protocol: /^https?$/, error: 'must be an http or https URL' }).max(2000).nullable().optional(),
  })
  .strict()
  .refine((b) => (b.text === undefined) !== (b.fileId === undefined), { message: 'give exactly one of text or fileId', path: ['text'] })
  .openapi('NewVersion');

export const NewAmendment = z
  .object({
    versionId: z.string().min(1).max(100),
    proposer: userText(500),
    date: PartialDateInput,
    text: userText(1_000_000),
    source: userText(2000).nullable().optional(),
  })
  .strict()
  .openapi('NewAmendment');

export const AmendmentDecision = z
  .object({
    fate: z.enum(AMENDMENT_FATE_VALUES).exclude(['pending']),
    resultVersionId: z.string().min(1).max(100).nullable().optional(),
  })
  .strict()
  .openapi('AmendmentDecision');

export const Created = z.object({ id: z.string() }).openapi('Created');
export const IdParam = z.object({ id: z.string().min(1).max(200).openapi({ param: { name: 'id', in: 'path' } }) });

// ——— models and comparisons ———

/** What describes a model text, however the text arrives (pasted, uploaded, or from the compare page's form). */
export const ModelFields = z.object({
  title: userText(500),
  language: z.enum(['es', 'en']).default('es'),
  source: userText(2000).nullable().optional(),
  date: PartialDateInput.optional(),
});

/** A model text given as text. */
export const ModelText = userText(5_000_000);

export const NewModelBody = ModelFields.extend({
  text: ModelText.optional().openapi({ description: 'The model text; or give fileId of an upload' }),
  fileId: z.string().max(100).optional().openapi({ description: 'An upload (POST /api/uploads) whose extracted text becomes the model' }),
})
  .strict()
  .refine((b) => (b.text === undefined) !== (b.fileId === undefined), { message: 'give exactly one of text or fileId', path: ['text'] })
  .openapi('NewModel');

export const ModelSummary = z
  .object({
    id: z.string(), title: z.string(), language: z.string(), source: z.string().nullable(), date: z.string(),
    datePrecision: z.string(), sha256: z.string(), fileId: z.string().nullable(), createdAt: z.string(),
  })
  .openapi('ModelSummary');

const ReformNote = z.object({ action: z.string(), target: z.string(), dates: z.array(z.string()), raw: z.string() });
export const ModelProvision = z
  .object({
    ref: z.string(), kind: z.string(), label: z.string(), text: z.string(), path: z.array(z.string()),
    decree: z.string().optional(), notes: z.array(ReformNote), mandatory: z.boolean(), criterion: z.string().nullable(),
    children: z.array(z.object({ ref: z.string(), label: z.string(), notes: z.array(ReformNote) })),
  })
  .openapi('ModelProvision');

export const ModelDetail = ModelSummary.extend({
  provisions: z.array(ModelProvision),
  criteria: z.array(z.object({ name: z.string(), refs: z.array(z.string()) })),
  warnings: z.array(z.string()),
}).openapi('ModelDetail');

export const ProvisionMarks = z
  .object({
    marks: z
      .array(
        z
          .object({ ref: z.string().min(1).max(200), mandatory: z.boolean().optional(), criterion: z.string().min(1).max(200).nullable().optional() })
          .strict()
          .refine((m) => m.mandatory !== undefined || m.criterion !== undefined, { message: 'set mandatory or criterion', path: ['mandatory'] }),
      )
      .min(1)
      .max(2000),
  })
  .strict()
  .openapi('ProvisionMarks');

export const CompareBody = z
  .object({
    model: z.string().min(1).max(100).openapi({ description: 'Model id' }),
    text: userText(5_000_000).optional().openapi({ description: 'The draft to compare' }),
    version: z.string().min(1).max(100).optional().openapi({ description: 'Or the id of a stored version' }),
    label: z.string().max(300).optional().openapi({ description: 'A name for the draft, shown on the result' }),
  })
  .strict()
  .refine((b) => (b.text === undefined) !== (b.version === undefined), { message: 'give exactly one of text or version', path: ['text'] })
  .openapi('CompareRequest');

const RedlineOp = z.object({ op: z.enum(['equal', 'insert', 'delete']), text: z.string() });
const CriterionSummary = z.object({ name: z.string(), present: z.number(), modified: z.number(), missing: z.number(), total: z.number() }).passthrough();
export const ComparisonResult = z
  .object({
    engine: z.string(),
    summary: z
      .object({
        modelUnits: z.number(), billUnits: z.number(), present: z.number(), modified: z.number(), missing: z.number(), added: z.number(),
        coverage: z.number(), byCriterion: z.array(CriterionSummary).optional(), mandatory: CriterionSummary.optional(),
      })
      .passthrough(),
    coverage: z.array(z.object({ model: z.string(), status: z.enum(['present', 'modified', 'missing']), similarity: z.number(), matches: z.array(z.string()) })),
    added: z.array(z.string()),
    pairs: z.array(z.object({ model: z.string(), bill: z.string(), similarity: z.number(), ops: z.array(RedlineOp), coarse: z.boolean().optional() }).passthrough()),
    warnings: z.array(z.string()),
  })
  .openapi('ComparisonResult');

const Unit = z.object({ ref: z.string(), label: z.string(), text: z.string() });
export const StoredComparison = z
  .object({
    id: z.string(), engine: z.string(), createdAt: z.string(),
    model: z.object({ id: z.string(), title: z.string(), sha256: z.string() }),
    bill: z.object({ label: z.string(), sha256: z.string(), words: z.number(), versionId: z.string().optional() }),
    billUnits: z.array(Unit),
    result: ComparisonResult,
  })
  .openapi('Comparison');

export const VersionDiff = z
  .object({ from: z.string(), to: z.string(), left: z.array(Unit), right: z.array(Unit), result: ComparisonResult })
  .openapi('VersionDiff');
