/**
 * Re-joins the lines of a PDF (pages in order, page furniture already removed) into paragraphs. A line continues the
 * paragraph above unless something says a new one starts: the line opens a provision or is a heading or reform note
 * (`lineRole`), the line above was a heading or note, the font size changes, the vertical gap is wider than the
 * document's usual line spacing, or the line above was broken on purpose: it ends with final punctuation and this
 * line's first word would have fitted after it before the right margin (the test that also works across page breaks,
 * where gaps say nothing, and in ragged text, where a sentence may end at a line's end by chance). End-of-line
 * hyphenation is undone when a word was split ("protec-" + "ción"), unless the document writes the same compound with
 * its hyphen inside a line somewhere ("político-electoral"); other hyphens at a line end are kept.
 */

import { lineRole, type LineRole } from './legal-lines.js';
import type { PdfLine } from './pdf-lines.js';

/** A gap wider than this many usual line spacings separates paragraphs. */
const PARAGRAPH_GAP = 1.45;
/** Font sizes differing by more than this share are different kinds of text (body, note, heading). */
const SIZE_CHANGE = 0.05;
/** Slack, in font sizes, allowed at the right margin when asking whether a word would have fitted on the line above. */
const MARGIN_SLACK = 0.5;

/**
 * Joins lines into paragraphs.
 *
 * @example
 * ```ts
 * joinParagraphs([[line('Artículo 1. La protec-', 700), line('ción de las víctimas.', 688), line('II. Otra', 676)]]);
 * // ['Artículo 1. La protección de las víctimas.', 'II. Otra']
 * ```
 */
export function joinParagraphs(pages: PdfLine[][]): string[] {
  // Each line's role, read once: the margin and the spacing ask it of the lines broken inside a sentence, the joining
  // below of every line.
  const roles = new Map(pages.flat().map((l) => [l, lineRole(l.text)] as const));
  const broken = (l: PdfLine) => brokenInsideSentence(l, roles.get(l) ?? null);
  const spacing = usualSpacing(pages, broken);
  const right = rightMargin(pages, broken);
  const compounds = hyphenatedCompounds(pages);
  const paragraphs: string[] = [];
  let previous: { line: PdfLine; role: LineRole | null; page: number } | undefined;

  pages.forEach((lines, page) => {
    for (const line of lines) {
      const role = roles.get(line) ?? null;
      const continues =
        previous !== undefined &&
        mayFollow(role, line.text, previous.role, previous.line.text) &&
        Math.abs(line.size - previous.line.size) <= SIZE_CHANGE * Math.max(line.size, previous.line.size) &&
        (previous.page !== page || previous.line.y - line.y <= PARAGRAPH_GAP * spacing * line.size) &&
        !brokenOnPurpose(previous.line, line, right);
      if (continues) paragraphs.push(join(paragraphs.pop()!, line.text, compounds));
      else paragraphs.push(line.text);
      previous = { line, role, page };
    }
  });
  return paragraphs;
}

/**
 * Whether a line may continue the line above, by their roles: text continues text, and continues capitals only when it
 * starts in lower case; capitals continue capitals (a heading's name that wraps) or an unfinished sentence ("Se expide
 * la" + "LEY DE VÍCTIMAS DEL ESTADO"); nothing continues a heading label or a note, and a provision never continues.
 */
function mayFollow(role: LineRole | null, line: string, above: LineRole | null, aboveText: string): boolean {
  const text = above === null || above === 'start';
  if (role === null) return text || (above === 'caps' && /^\p{Ll}/u.test(line));
  return role === 'caps' && (above === 'caps' || (text && !/[.:;!?]$/.test(aboveText)));
}

/**
 * The line above ends a sentence, and this line's first word would have fitted after it before the right margin (with
 * no margin known, nothing wraps): the break was deliberate.
 */
function brokenOnPurpose(above: PdfLine, line: PdfLine, right: number | null): boolean {
  if (!/[.:;!?"”»)]$/.test(above.text) || /^\p{Ll}/u.test(line.text)) return false;
  if (right === null) return true;
  const charWidth = (line.x1 - line.x0) / Math.max(1, line.text.length);
  const firstWord = line.text.split(' ', 1)[0]!.length + 1;
  return above.x1 + firstWord * charWidth < right - MARGIN_SLACK * above.size;
}

/**
 * Where full lines end: the 90th percentile of the ends of lines broken inside a sentence, which wrapped because they
 * were full. (The ends of all lines would not do: where few lines wrap, most end short of the margin, and a sentence
 * ending a page looked as if it reached the margin.) Null when no line was broken inside a sentence: then no line
 * wraps, and one that ends a sentence ends its paragraph.
 */
function rightMargin(pages: PdfLine[][], broken: (line: PdfLine) => boolean): number | null {
  const ends = pages.flat().filter(broken).map((l) => l.x1);
  return ends.length === 0 ? null : percentile(ends, 0.9);
}

/** Hyphenated compounds written inside a line ("político-electoral"), in lower case: words whose hyphen is their own. */
function hyphenatedCompounds(pages: PdfLine[][]): Set<string> {
  const found = new Set<string>();
  for (const line of pages.flat()) for (const m of line.text.matchAll(/\p{L}+-\p{L}+/gu)) found.add(m[0].toLowerCase());
  return found;
}

function join(paragraph: string, line: string, compounds: ReadonlySet<string>): string {
  if (/\p{L}-$/u.test(paragraph) && /^\p{Ll}/u.test(line)) {
    const compound = `${paragraph.match(/\p{L}+-$/u)![0]}${line.match(/^\p{L}+/u)![0]}`.toLowerCase();
    return compounds.has(compound) ? paragraph + line : paragraph.slice(0, -1) + line;
  }
  if (/\u00ad$/.test(paragraph)) return paragraph.slice(0, -1) + line;
  if (/\p{L}-$/u.test(paragraph) || /\d-$/.test(paragraph)) return paragraph + line;
  return `${paragraph} ${line}`;
}

/**
 * The usual distance between baselines, in font sizes: a low percentile of the gaps below lines broken inside a
 * sentence (ending in a lower-case letter, a comma or a hyphen), which are gaps within a paragraph. Gaps below other
 * lines may all be paragraph gaps: in a text of one-line paragraphs they would pass for the line spacing and join
 * the paragraphs. 1.2 when there are too few such lines to tell.
 */
function usualSpacing(pages: PdfLine[][], broken: (line: PdfLine) => boolean): number {
  const ratios: number[] = [];
  for (const lines of pages) {
    for (let i = 1; i < lines.length; i++) {
      const [a, b] = [lines[i - 1]!, lines[i]!];
      if (!broken(a)) continue;
      if (Math.abs(a.size - b.size) <= SIZE_CHANGE * a.size && a.y > b.y && b.size > 0) ratios.push((a.y - b.y) / b.size);
    }
  }
  return ratios.length < 3 ? 1.2 : Math.max(1, percentile(ratios, 0.1));
}

const MID_SENTENCE = /[\p{Ll},\-\u00ad]$/u;

/**
 * A line that ends inside a sentence (in a lower-case letter, a comma or a hyphen) and is not a heading label or a
 * note, which end in lower case ("Sección Primera") but stand on their own: where no body line wraps, a heading's end
 * read as the right margin made a short sentence ending a page seem to reach it.
 */
function brokenInsideSentence(line: PdfLine, role: LineRole | null): boolean {
  return MID_SENTENCE.test(line.text) && role !== 'alone';
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}
