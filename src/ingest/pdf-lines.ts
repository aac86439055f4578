/**
 * Rebuilds the lines of a PDF page from positioned text fragments (what pdf.js reports: a string, its baseline origin,
 * width and font size). Fragments are grouped into lines by baseline, top to bottom; a raised or lowered fragment
 * (superscript, small capitals of another size) joins the line whose baseline is within half a font size. Inside a
 * line fragments are ordered left to right and a space is put where the gap between them is wider than a sliver of
 * the font size, so words split into pieces ("C" + "ÁMARA") come out whole. Single-column reading order only.
 */

/** A text fragment placed on the page, in PDF user space (y grows upwards). */
export interface PlacedText {
  str: string;
  x: number;
  y: number;
  width: number;
  /** Font size in user-space units. */
  size: number;
}

/** A line of text on a page, with the box that later steps use to find paragraphs and page furniture. */
export interface PdfLine {
  text: string;
  /** Baseline of the line's largest text, in user space (larger is higher on the page). */
  y: number;
  /** Left and right ends. */
  x0: number;
  x1: number;
  /** Largest font size on the line. */
  size: number;
}

/** A page's lines, top to bottom, and the heights of the page's top and bottom edges in the same frame. */
export interface PageLines {
  lines: PdfLine[];
  top: number;
  bottom: number;
}

/** A gap wider than this share of the font size between two fragments is a space. */
const SPACE_GAP = 0.15;
/** Baselines closer than this share of the font size belong to the same line. */
const SAME_LINE = 0.5;

/**
 * Groups a page's fragments into lines, top to bottom.
 *
 * @example
 * ```ts
 * assembleLines([
 *   { str: 'ÁMARA', x: 14, y: 700, width: 30, size: 8 },
 *   { str: 'C', x: 8, y: 700, width: 6, size: 10 },
 *   { str: 'Texto', x: 8, y: 686, width: 25, size: 10 },
 * ]).map((l) => l.text); // ['CÁMARA', 'Texto']
 * ```
 */
export function assembleLines(fragments: PlacedText[]): PdfLine[] {
  const sorted = fragments.filter((f) => f.str.length > 0).sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: PlacedText[][] = [];
  let anchor: PlacedText | undefined;
  for (const fragment of sorted) {
    if (anchor && anchor.y - fragment.y <= SAME_LINE * Math.max(anchor.size, fragment.size)) {
      groups[groups.length - 1]!.push(fragment);
    } else {
      groups.push([fragment]);
      anchor = fragment;
    }
  }
  return groups.map(toLine).filter((line) => line.text.length > 0);
}

function toLine(group: PlacedText[]): PdfLine {
  group.sort((a, b) => a.x - b.x);
  const inked = group.filter((f) => f.str.trim().length > 0);
  const main = inked.reduce<PlacedText | undefined>((best, f) => (best && best.size >= f.size ? best : f), undefined) ?? group[0]!;
  let text = '';
  let end = Number.NEGATIVE_INFINITY;
  for (const fragment of group) {
    const gap = fragment.x - end;
    if (text && gap > SPACE_GAP * Math.max(fragment.size, 1) && !/\s$/.test(text) && !/^\s/.test(fragment.str)) text += ' ';
    text += fragment.str;
    end = Math.max(end, fragment.x + fragment.width);
  }
  const first = inked[0] ?? group[0]!;
  const last = inked[inked.length - 1] ?? group[group.length - 1]!;
  return {
    text: text.replace(/\s+/g, ' ').trim(),
    y: main.y,
    x0: first.x,
    x1: last.x + last.width,
    size: main.size,
  };
}
