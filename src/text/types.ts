/**
 * Public types of the text engine (src/text).
 *
 * The engine turns a legal text into a tree of provisions (`segment`), aligns the provisions of a bill with those of a
 * model, and reports coverage with a word-level redline per aligned pair (`compare`). Everything here is plain data,
 * safe to serialise as JSON and to cache by (text hash, text hash, ENGINE_VERSION).
 *
 * ## Reference scheme (`Provision.ref`)
 *
 * | provision                         | ref                                   |
 * | --------------------------------- | ------------------------------------- |
 * | article                           | `"10"`, `"5 Bis"`, `"Único"`          |
 * | transitorio of the original decree| `"Transitorio Primero"`               |
 * | transitorio of a reform decree    | `"Transitorio Primero (DOF 19-01-2018)"` |
 * | paragraph of an article           | `"10 párr. 2"`                        |
 * | fracción                          | `"10 fr. II"`                         |
 * | inciso of a fracción              | `"10 fr. II inc. a)"`                 |
 * | paragraph of a fracción           | `"62 fr. V párr. 3"`                  |
 * | numbered clause (`1.`, `2.`)      | `"3 núm. 1"`                          |
 * | paragraph unit (no articles found)| `"¶1"`, `"¶2"`                        |
 * | heading (outline)                 | `"Libro Primero / Título Segundo / Capítulo I"` |
 *
 * Paragraphs are counted the way Mexican decrees count them: the article's opening paragraph is párrafo 1, the
 * fracciones belong to the paragraph that introduces them, and paragraphs after the last fracción continue the count.
 * Paragraphs written between two fracciones belong to the preceding fracción.
 */

/** Kinds of provision, from the largest heading down to a paragraph. */
export type ProvisionKind =
  | 'book'
  | 'title'
  | 'chapter'
  | 'section'
  | 'article'
  | 'transitory'
  | 'fraction'
  | 'clause'
  | 'paragraph';

/** A reform note printed under a provision ("Fracción reformada DOF 19-01-2018"), kept as metadata. */
export interface ReformNote {
  action: 'reformed' | 'added' | 'repealed' | 'other';
  /** What the note is about, as written: "Artículo", "Fracción", "Párrafo", "Inciso", "Denominación del Título". */
  target: string;
  /** ISO dates (YYYY-MM-DD) of the decrees named in the note. */
  dates: string[];
  /** The note exactly as written. */
  raw: string;
}

/** One provision of a legal text, with its children. */
export interface Provision {
  /** Stable reference, see the scheme in this module's comment. */
  ref: string;
  kind: ProvisionKind;
  /** The label as written: "Artículo 5 Bis", "II.", "Décimo Cuarto.-", "CAPÍTULO I". */
  label: string;
  /** For headings: the heading's name ("Disposiciones Generales"). */
  heading?: string;
  /**
   * The provision's exact text after its label (accents, punctuation and line breaks as in the source), children
   * included, reform notes and page furniture removed.
   */
  text: string;
  notes: ReformNote[];
  children: Provision[];
  /** Enclosing headings, e.g. ["Libro Primero", "Título Primero", "Capítulo I"]. */
  path: string[];
  /** For transitorios: "original" or the reform decree they belong to ("DOF 19-01-2018"). */
  decree?: string;
}

/** A unit (article, transitorio, paragraph) as a comparison reads it: a provision without its tree of children. */
export type Unit = Omit<Provision, 'children'>;

/** A segmented legal text. */
export interface LegalDocument {
  /** Articles and transitorios (or paragraphs, when no article is recognised) in document order. */
  units: Provision[];
  /** Heading tree (books, titles, chapters, sections); children are sub-headings. */
  outline: Provision[];
  /** What the reader should know: text repaired, nothing recognised, numbering anomalies, truncation. */
  warnings: string[];
  /** Words in the normalised text (page furniture excluded). */
  wordCount: number;
  /** Text before the first unit (title, decree preamble, exposición de motivos), exactly as written. */
  preamble: string;
}

/** A segmented legal text whose units come without their children (`segmentUnits`): all a comparison reads. */
export interface UnitsDocument extends Omit<LegalDocument, 'units'> {
  units: Unit[];
}

/** One run of a redline. Joining equal+delete texts gives the left text; equal+insert gives the right text. */
export type RedlineOp = { op: 'equal' | 'insert' | 'delete'; text: string };

/** A named group of model provisions, for report cards. */
export interface Criterion {
  name: string;
  refs: string[];
}

/** Options of `compare`. */
export interface CompareOptions {
  /** Named groups of model refs; the summary then has one line per criterion. */
  criteria?: Criterion[];
  /** Model refs marked mandatory; the summary then counts how many of them are covered. */
  mandatory?: string[];
}

/** Status of one model unit in a bill. */
export type CoverageStatus = 'present' | 'modified' | 'missing';

/** Totals of a comparison, for one criterion or the whole model. */
export interface CriterionSummary {
  name: string;
  present: number;
  modified: number;
  missing: number;
  total: number;
}

/** One aligned group of units with its redline. */
export interface AlignedPair {
  /** First model ref of the group. */
  model: string;
  /** First bill ref of the group. */
  bill: string;
  /** All model refs of the group, in model order (several when the bill merged articles). */
  models: string[];
  /** All bill refs of the group, in bill order (several when the bill split an article). */
  bills: string[];
  /**
   * 0..1, how much of the text survived: 2 × characters kept / characters of both sides, from the redline (1 when the
   * words are the same; the alignment's similarity when the redline is coarse).
   */
  similarity: number;
  /** Redline from the model texts (joined by a blank line) to the bill texts (joined the same way). */
  ops: RedlineOp[];
  /** True when part of the redline fell back to whole-paragraph delete+insert to stay within budget. */
  coarse?: boolean;
}

/** Result of `compare`. */
export interface Comparison {
  /** ENGINE_VERSION that produced it. */
  engine: string;
  summary: {
    modelUnits: number;
    billUnits: number;
    present: number;
    modified: number;
    missing: number;
    /** Bill units matched to no model unit. */
    added: number;
    /** (present + modified) / modelUnits, 0..1. */
    coverage: number;
    byCriterion?: CriterionSummary[];
    mandatory?: CriterionSummary;
  };
  coverage: { model: string; status: CoverageStatus; similarity: number; matches: string[] }[];
  added: string[];
  pairs: AlignedPair[];
  warnings: string[];
}
