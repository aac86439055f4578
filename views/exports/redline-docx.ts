/**
 * A redline as a Word document with tracked changes, the form in which legislative drafts travel: a comparison of a
 * draft with a model, or two versions of a bill (the earlier one in the model's place). Each model provision in order, its redline as Word revisions (a deletion where the draft drops words, an insertion where it adds
 * them), a missing provision as one deletion, the draft's new provisions as insertions at the end. Accepting every
 * change gives each provision the draft's words; rejecting every change, the model's. Text is reflowed as the result
 * page shows it (a hard-wrapped line joined to the next), line breaks that end a paragraph or open a fracción kept.
 */
import { DeletedTextRun, Document, HeadingLevel, InsertedTextRun, Packer, Paragraph, TextRun, type ParagraphChild } from 'docx';
import { nameOf, provisionRows, reflowOps, type Op, type ResultView, type Unit } from '../components/redline.js';
import { warningText } from '../i18n/engine-warnings.js';
import { dayText, type Dict, type Lang } from '../i18n/index.js';

/** A redline to write: a draft against a model, or a later version of a bill against an earlier one. */
export interface RedlineDocument {
  /** The document's heading: the draft's name, or the two versions. */
  title: string;
  /** The line under it: what the text is compared with, and when. */
  subtitle: string;
  /** Which text accepting every change gives, and which rejecting every change. */
  how: string;
  /** When the redline was computed (ISO): the date of its revisions. */
  computedAt: string;
  /** Where the same redline is on the web. */
  permalink: string;
  result: ResultView;
  /** The units of the text compared with (the model, the earlier version), and of the draft. */
  modelUnits: Unit[];
  billUnits: Unit[];
}

/** Author of the revisions, as Word shows it beside each change. */
const AUTHOR = 'Armoniza';

/**
 * The redline as a .docx file.
 *
 * @example
 * const bytes = await redlineDocx(view, dict('es'), 'es');
 * new Response(bytes, { headers: { 'Content-Type': DOCX_TYPE } });
 */
export async function redlineDocx(doc: RedlineDocument, t: Dict, lang: Lang): Promise<Uint8Array<ArrayBuffer>> {
  const revisions = new Revisions(doc.computedAt);
  const models = new Map(doc.modelUnits.map((u) => [u.ref, u]));
  const bills = new Map(doc.billUnits.map((u) => [u.ref, u]));
  const s = doc.result.summary;

  const body: Paragraph[] = [
    heading(HeadingLevel.TITLE, doc.title),
    plain(`${doc.subtitle} · ${t.compare.computed(dayText(doc.computedAt.slice(0, 10), lang))}`),
    plain(
      `${t.compare.present}: ${s.present} · ${t.compare.modified}: ${s.modified} · ${t.compare.missing}: ${s.missing} · ${t.compare.added}: ${s.added}`,
    ),
    plain(doc.how),
    // What the engine warned about (a text without articles, parts too long for a word-level redline), as the page says it.
    ...doc.result.warnings.map((w) => plain(`⚠ ${warningText(w, lang)}`)),
    plain(`${t.compare.permalink}: ${doc.permalink}`),
    heading(HeadingLevel.HEADING_1, t.compare.redlineHeading),
  ];
  for (const { c, pair, drawnAt } of provisionRows(doc.result)) {
    body.push(heading(HeadingLevel.HEADING_2, `${nameOf(models, c.model)} — ${t.compare.one[c.status]}`));
    if (c.status === 'missing') {
      const unit = models.get(c.model);
      if (unit) body.push(new Paragraph({ children: revisions.runs([{ op: 'delete', text: unit.text }]) }));
    } else if (drawnAt) {
      body.push(plain(`→ ${nameOf(models, drawnAt)}`));
    } else if (pair) {
      const matches = c.matches.map((r) => nameOf(bills, r)).join(', ');
      body.push(plain(`${t.compare.billSide}: ${matches}`, true));
      body.push(new Paragraph({ children: revisions.runs(reflowOps(pair.ops)) }));
    }
  }
  if (doc.result.added.length) {
    body.push(heading(HeadingLevel.HEADING_1, t.compare.addedHeading));
    for (const ref of doc.result.added) {
      body.push(heading(HeadingLevel.HEADING_2, `${nameOf(bills, ref)} — ${t.compare.one.added}`));
      const unit = bills.get(ref);
      if (unit) body.push(new Paragraph({ children: revisions.runs(reflowOps([{ op: 'insert', text: unit.text }])) }));
    }
  }
  const file = new Document({
    creator: AUTHOR,
    title: doc.title,
    description: doc.subtitle,
    sections: [{ children: body }],
  });
  return new Uint8Array(await Packer.toArrayBuffer(file));
}

/** Media type of a .docx file. */
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

// A paragraph of our own words (not the law's): a line of the header, the draft's provisions a pair matched.
function plain(text: string, muted = false): Paragraph {
  return new Paragraph({ children: [new TextRun({ text: xmlText(text), italics: muted })] });
}

function heading(level: (typeof HeadingLevel)[keyof typeof HeadingLevel], text: string): Paragraph {
  return new Paragraph({ heading: level, children: [new TextRun(xmlText(text))] });
}

/**
 * Text as a Word file can hold it. XML has no place for U+FFFE and U+FFFF, which a text may contain and `docx` writes
 * as they are (Word then refuses the whole file): they are shown as U+FFFD here, as nowhere else. (Control characters
 * never reach this far: normalization removes them, and `docx` drops any left.)
 */
function xmlText(text: string): string {
  return text.replace(/[\uFFFE\uFFFF]/g, '\uFFFD');
}

/** Word revisions of one document: each needs an id of its own, and carries the author and the date. */
class Revisions {
  private next = 1;

  constructor(private readonly date: string) {}

  /** The runs of a redline; a line break inside an op's text is a line break inside its run. */
  runs(ops: Op[]): ParagraphChild[] {
    const out: ParagraphChild[] = [];
    for (const { op, text } of ops) {
      text.split('\n').forEach((line, i) => {
        const options = { text: xmlText(line), break: i > 0 ? 1 : undefined };
        if (op === 'equal') out.push(new TextRun(options));
        else if (op === 'insert') out.push(new InsertedTextRun({ ...options, id: this.next++, author: AUTHOR, date: this.date }));
        else out.push(new DeletedTextRun({ ...options, id: this.next++, author: AUTHOR, date: this.date }));
      });
    }
    return out;
  }
}
