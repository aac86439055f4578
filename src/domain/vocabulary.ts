/**
 * The closed vocabularies of Armoniza, each value with its Spanish and English label, in one place (as Open Civic
 * Data keeps its classifications). Schemas, the status rule, the API and the pages all read these tables.
 */

export type Lang = 'es' | 'en';
export type Labels = Record<Lang, string>;

function keysOf<T extends Record<string, unknown>>(table: T): [keyof T & string, ...(keyof T & string)[]] {
  return Object.keys(table) as [keyof T & string, ...(keyof T & string)[]];
}

/** Reform status of a jurisdiction, in rising order. `unknown` (no information) differs from `none` (evidence of nothing). */
export const STATUSES = {
  unknown: { es: 'Sin información', en: 'Unknown' },
  none: { es: 'Sin ley', en: 'No law' },
  introduced: { es: 'Iniciativa presentada', en: 'Introduced' },
  'in-committee': { es: 'En comisión', en: 'In committee' },
  approved: { es: 'Aprobada', en: 'Approved' },
  published: { es: 'Publicada', en: 'Published' },
  harmonized: { es: 'Armonizada', en: 'Harmonized' },
} as const satisfies Record<string, Labels>;
export type Status = keyof typeof STATUSES;
export const STATUS_VALUES = keysOf(STATUSES);
/** Rank of each status: a higher rank is further along. */
export const STATUS_RANK: Record<Status, number> = Object.fromEntries(STATUS_VALUES.map((s, i) => [s, i])) as Record<Status, number>;

/**
 * Action classifications: Open Civic Data's where they fit, plus what Mexican procedure needs. `reaches` is the status
 * a jurisdiction has at least once the action has happened (`null`: the action is context and moves no status).
 */
export const ACTION_CLASSIFICATIONS = {
  introduction: { es: 'Iniciativa presentada', en: 'Introduced', reaches: 'introduced' },
  'referral-committee': { es: 'Turnada a comisión', en: 'Referred to committee', reaches: 'in-committee' },
  'committee-passage': { es: 'Dictamen aprobado en comisión', en: 'Committee report approved', reaches: 'in-committee' },
  passage: { es: 'Aprobada por el pleno', en: 'Passed by the chamber', reaches: 'approved' },
  'executive-signature': { es: 'Promulgada', en: 'Signed by the executive', reaches: 'approved' },
  'executive-veto': { es: 'Vetada', en: 'Vetoed', reaches: null },
  publication: { es: 'Publicada en el periódico oficial', en: 'Published in the official gazette', reaches: 'published' },
  'entry-into-force': { es: 'Entrada en vigor', en: 'Entered into force', reaches: 'published' },
  reform: { es: 'Reformada', en: 'Amended', reaches: null },
  abrogation: { es: 'Abrogada', en: 'Repealed', reaches: null },
  withdrawal: { es: 'Retirada', en: 'Withdrawn', reaches: null },
  'constitutional-challenge': { es: 'Impugnada ante la SCJN', en: 'Challenged before the Supreme Court', reaches: null },
  'court-ruling': { es: 'Resolución de la SCJN', en: 'Supreme Court ruling', reaches: null },
  'reported-none': { es: 'Reportado: sin ley', en: 'Reported: no law', reaches: 'none' },
  'reported-status': { es: 'Situación reportada', en: 'Status reported', reaches: null },
  other: { es: 'Otro', en: 'Other', reaches: null },
} as const satisfies Record<string, Labels & { reaches: Status | null }>;
export type ActionClassification = keyof typeof ACTION_CLASSIFICATIONS;
export const ACTION_CLASSIFICATION_VALUES = keysOf(ACTION_CLASSIFICATIONS);

/** What a bill is. `harmonizes` on the bill (not a kind) says it aligns the law with the model. */
export const BILL_KINDS = {
  law: { es: 'Ley nueva', en: 'New law' },
  reform: { es: 'Reforma de ley', en: 'Reform of a law' },
  'penal-code-reform': { es: 'Reforma al Código Penal', en: 'Penal-code reform' },
  treaty: { es: 'Tratado', en: 'Treaty' },
  'constitutional-reform': { es: 'Reforma constitucional', en: 'Constitutional reform' },
  challenge: { es: 'Impugnación', en: 'Court challenge' },
  report: { es: 'Reporte de situación', en: 'Status report' },
  other: { es: 'Otro instrumento', en: 'Other instrument' },
} as const satisfies Record<string, Labels>;
export type BillKind = keyof typeof BILL_KINDS;
export const BILL_KIND_VALUES = keysOf(BILL_KINDS);

/** Stage of a version of a bill's text. */
export const VERSION_STAGES = {
  introduced: { es: 'Iniciativa', en: 'As introduced' },
  'committee-report': { es: 'Dictamen', en: 'Committee report' },
  approved: { es: 'Aprobada', en: 'As approved' },
  published: { es: 'Publicada', en: 'As published' },
  'in-force': { es: 'Vigente', en: 'In force' },
  draft: { es: 'Borrador', en: 'Draft' },
} as const satisfies Record<string, Labels>;
export type VersionStage = keyof typeof VERSION_STAGES;
export const VERSION_STAGE_VALUES = keysOf(VERSION_STAGES);

export const AMENDMENT_FATES = {
  pending: { es: 'Pendiente', en: 'Pending' },
  adopted: { es: 'Aprobada', en: 'Adopted' },
  rejected: { es: 'Rechazada', en: 'Rejected' },
  withdrawn: { es: 'Retirada', en: 'Withdrawn' },
} as const satisfies Record<string, Labels>;
export type AmendmentFate = keyof typeof AMENDMENT_FATES;
export const AMENDMENT_FATE_VALUES = keysOf(AMENDMENT_FATES);

export const CONFIDENCES = {
  high: { es: 'Alta', en: 'High' },
  medium: { es: 'Media', en: 'Medium' },
  low: { es: 'Baja', en: 'Low' },
} as const satisfies Record<string, Labels>;
export type Confidence = keyof typeof CONFIDENCES;
export const CONFIDENCE_VALUES = keysOf(CONFIDENCES);

/** What can be missing from the evidence of a status (`domain/gaps.ts`), in the order a researcher takes them up. */
export const GAP_KINDS = {
  'unknown-status': { es: 'Estado desconocido', en: 'Status unknown' },
  'undated-fact': { es: 'Hecho sin fecha', en: 'Undated fact' },
  'imprecise-date': { es: 'Fecha imprecisa', en: 'Imprecise date' },
  'weak-evidence': { es: 'Evidencia débil', en: 'Weak evidence' },
} as const satisfies Record<string, Labels>;
export type GapKind = keyof typeof GAP_KINDS;
export const GAP_KIND_VALUES = keysOf(GAP_KINDS);

/** The kinds of instrument whose actions move a jurisdiction's status; the others (treaties, challenges…) are context. */
export const STATUS_BEARING_KINDS: ReadonlySet<BillKind> = new Set(['law', 'reform', 'penal-code-reform', 'report']);

/**
 * The status an action moves its jurisdiction to. Publication or entry into force of a bill that harmonizes with the
 * model makes the jurisdiction `harmonized`.
 *
 * @example
 * statusReachedBy('publication', { kind: 'law', harmonizes: true })    // 'harmonized'
 * statusReachedBy('publication', { kind: 'treaty', harmonizes: false }) // null
 */
export function statusReachedBy(classification: ActionClassification, bill: { kind: BillKind; harmonizes: boolean }): Status | null {
  if (!STATUS_BEARING_KINDS.has(bill.kind)) return null;
  const reaches = ACTION_CLASSIFICATIONS[classification].reaches;
  return reaches === 'published' && bill.harmonizes ? 'harmonized' : reaches;
}
