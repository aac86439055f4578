/**
 * Re-joins the lines of a PDF (pages in order, page furniture already removed) into paragraphs. A line continues the
 * paragraph above unless something says a new one starts: the line opens a provision or is a heading or reform note
 * (`lineRole`), the line above was a heading or note, the font size changes, the vertical gap is wider than the
 * document's usual line spacing, or — across a page break, where gaps say nothing — the line above ended short with
 * final punctuation and this one does not start in lower case. End-of-line hyphenation is undone when a word was
 * split ("protec-" + "ción"); other hyphens at a line end are kept.
 */

import { lineRole, type LineRole } from './legal-lines.js';
import type { PdfLine } from './pdf-lines.js';

/** A gap wider than this many usual line spacings separates paragraphs. */
const PARAGRAPH_GAP = 1.45;
/** Font sizes differing by more than this share are different kinds of text (body, note, heading). */
const SIZE_CHANGE = 0.12;
/** A line that ends this many font sizes before the right margin did not run to the margin. */
const SHORT_LINE = 2;

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
  const spacing = usualSpacing(pages);
  const right = percentile(pages.flat().map((l) => l.x1), 0.9);
  const paragraphs: string[] = [];
  let previous: { line: PdfLine; role: LineRole | null; page: number } | undefined;

  pages.forEach((lines, page) => {
    for (const line of lines) {
      const role = lineRole(line.text);
      const continues =
        previous !== undefined &&
        role === null &&
        previous.role !== 'alone' &&
        Math.abs(line.size - previous.line.size) <= SIZE_CHANGE * Math.max(line.size, previous.line.size) &&
        (previous.page === page
          ? previous.line.y - line.y <= PARAGRAPH_GAP * spacing * line.size
          : !endsParagraph(previous.line, line, right));
      if (continues) paragraphs.push(join(paragraphs.pop()!, line.text));
      else paragraphs.push(line.text);
      previous = { line, role, page };
    }
  });
  return paragraphs;
}

/** Across a page break: the line above stopped short of the margin after final punctuation, and this line is not lower case. */
function endsParagraph(above: PdfLine, line: PdfLine, right: number): boolean {
  return above.x1 < right - SHORT_LINE * above.size && /[.:;!?"”»)]$/.test(above.text) && !/^\p{Ll}/u.test(line.text);
}

function join(paragraph: string, line: string): string {
  if (/\p{L}[-\u00ad]$/u.test(paragraph) && /^\p{Ll}/u.test(line)) return paragraph.slice(0, -1) + line;
  if (/\u00ad$/.test(paragraph)) return paragraph.slice(0, -1) + line;
  if (/\p{L}-$/u.test(paragraph) || /\d-$/.test(paragraph)) return paragraph + line;
  return `${paragraph} ${line}`;
}

/**
 * The usual distance between baselines, in font sizes: the lower quartile of the gaps between consecutive lines of one
 * size on one page (most gaps are within paragraphs). 1.2 when there are too few lines to tell.
 */
function usualSpacing(pages: PdfLine[][]): number {
  const ratios: number[] = [];
  for (const lines of pages) {
    for (let i = 1; i < lines.length; i++) {
      const [a, b] = [lines[i - 1]!, lines[i]!];
      if (Math.abs(a.size - b.size) <= SIZE_CHANGE * a.size && a.y > b.y && b.size > 0) ratios.push((a.y - b.y) / b.size);
    }
  }
  return ratios.length < 3 ? 1.2 : Math.max(1, percentile(ratios, 0.25));
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}
