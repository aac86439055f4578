/**
 * The format of a seed dataset (`data/<federation>/seed.json`): a federation, its jurisdictions, and bills with their
 * dated actions, every one with its source and confidence. Another federation or topic is another file in this
 * format, not a code change. The loader validates a dataset against this schema before writing anything.
 */
import { z } from 'zod';
import { ACTION_CLASSIFICATION_VALUES, BILL_KIND_VALUES, CONFIDENCE_VALUES } from '../domain/vocabulary.js';
import { parsePartialDate } from '../domain/partial-date.js';

const partialDate = z.string().refine((value) => {
  try {
    parsePartialDate(value);
    return true;
  } catch {
    return false;
  }
}, 'not a date: use YYYY-MM-DD, YYYY-MM, YYYY, "before YYYY-MM-DD" or "unknown"');

const jurisdiction = z.object({
  id: z.string().min(2),
  code: z.string(),
  nameEs: z.string().min(1),
  nameEn: z.string().min(1),
  officialName: z.string().min(1),
  mapId: z.string().nullable(),
});

const action = z.object({
  date: partialDate,
  /** The date exactly as the source gave it, when it says more than `date` (e.g. "day after publication"). */
  dateRaw: z.string(),
  dateKind: z.string(),
  classification: z.enum(ACTION_CLASSIFICATION_VALUES),
  description: z.string().min(1),
  source: z.string().min(1),
  confidence: z.enum(CONFIDENCE_VALUES),
  notes: z.string().nullable(),
});

const bill = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  jurisdiction: z.string(),
  identifier: z.string().nullable(),
  title: z.string().min(1),
  kind: z.enum(BILL_KIND_VALUES),
  harmonizes: z.boolean(),
  /** The research fact's own event name, kept for traceability. */
  event: z.string(),
  notes: z.string().nullable(),
  source: z.string().min(1),
  confidence: z.enum(CONFIDENCE_VALUES),
  actions: z.array(action),
});

/**
 * The map of a federation's entities: an SVG view box, the credit its licence asks for, and one outline per entity,
 * drawn with straight lines only (M, L, H, V and Z, absolute or relative), as the packages of `@svg-maps` are: the
 * pages draw these paths as they are and put each entity's marker at its outline's centroid.
 */
export const federationMapSchema = z.object({
  viewBox: z
    .string()
    .refine((box) => {
      const n = box.trim().split(/[\s,]+/).map(Number);
      return n.length === 4 && n.every(Number.isFinite) && n[2]! > 0 && n[3]! > 0;
    }, 'four numbers, min-x min-y width height, with a width and a height above 0'),
  credit: z.object({
    text: z.string().min(1),
    url: z.url(),
    license: z.string().min(1),
    licenseUrl: z.url(),
  }),
  shapes: z
    .array(
      z.object({
        id: z.string().min(1),
        name: z.string().min(1),
        path: z.string().regex(/^\s*[Mm][MmLlHhVvZz\d\s,.eE+-]*$/, 'an outline starts with M and uses M, L, H, V and Z only'),
      }),
    )
    .min(1),
});

const bilingual = z.object({ es: z.string().min(1), en: z.string().min(1) });

export const seedDatasetSchema = z
  .object({
    dataset: z.string().min(1),
    description: z.string(),
    factsSha256: z.string(),
    /** The home page's heading and the sentence under it: the federation and the model its entities harmonize with. */
    heading: bilingual.optional(),
    lede: bilingual.optional(),
    /** Without a map, the pages show the status table alone. */
    map: federationMapSchema.optional(),
    federation: jurisdiction,
    jurisdictions: z.array(jurisdiction),
    bills: z.array(bill),
  })
  .superRefine((data, ctx) => {
    if (!data.map) return;
    const shapes = new Set(data.map.shapes.map((s) => s.id));
    data.jurisdictions.forEach((j, i) => {
      if (j.mapId !== null && !shapes.has(j.mapId)) {
        ctx.addIssue({ code: 'custom', path: ['jurisdictions', i, 'mapId'], message: `no shape "${j.mapId}" in the dataset's map` });
      }
    });
  });

export type FederationMap = z.infer<typeof federationMapSchema>;

export type SeedDataset = z.infer<typeof seedDatasetSchema>;
export type SeedBill = z.infer<typeof bill>;
export type SeedAction = z.infer<typeof action>;
