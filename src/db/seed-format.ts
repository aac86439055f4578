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

export const seedDatasetSchema = z.object({
  dataset: z.string().min(1),
  description: z.string(),
  factsSha256: z.string(),
  federation: jurisdiction,
  jurisdictions: z.array(jurisdiction),
  bills: z.array(bill),
});

export type SeedDataset = z.infer<typeof seedDatasetSchema>;
export type SeedBill = z.infer<typeof bill>;
export type SeedAction = z.infer<typeof action>;
