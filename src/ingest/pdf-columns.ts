/**
 * Reading order for pages set in two columns, as state gazettes often are. A page has two columns when a vertical
 * strip in the middle of its text is crossed by almost no fragment while both sides carry a good share of the text.
 * Then the page is cut into bands at the lines that do cross the strip (a title, a full-width paragraph), and each
 * band is read left column first, then right column. The right column's fragments are moved onto the left column's
 * x position, so that later steps see one column of one width (paragraph joining looks at where lines end).
 * Pages without a gutter are read as one column.
 */

import { assembleLines, type PdfLine, type PlacedText } from './pdf-lines.js';

/** Fewest fragments on a page before columns are looked for. */
const MIN_FRAGMENTS = 12;
/** A strip crossed by at most this share of the fragments (and at least a few: titles, full-width lines) counts as empty. */
const EMPTY_SHARE = 0.03;
const EMPTY_FEW = 3;
/** The gutter's middle must lie in this part of the text's width. */
const GUTTER_ZONE = [0.3, 0.7] as const;
/** Narrowest gutter, in font sizes. */
const MIN_GUTTER = 0.8;
/** Each column must carry at least this share of the page's characters. */
const MIN_COLUMN_SHARE = 0.25;

/**
 * Lines of a page in reading order, and whether the page was read as two columns.
 *
 * @example
 * ```ts
 * const { lines, columns } = columnLines(fragments); // columns: 2 for a gazette page, 1 otherwise
 * ```
 */
export function columnLines(fragments: PlacedText[]): { lines: PdfLine[]; columns: 1 | 2 } {
  const gutter = findGutter(fragments);
  if (gutter === null) return { lines: assembleLines(fragments), columns: 1 };

  const left: PlacedText[] = [];
  const right: PlacedText[] = [];
  const spanning: PlacedText[] = [];
  const middle = (gutter.start + gutter.end) / 2;
  for (const f of fragments) (f.x + f.width <= middle ? left : f.x >= middle ? right : spanning).push(f);
  const shift = Math.min(...right.map((f) => f.x)) - Math.min(...left.map((f) => f.x));

  const cuts = assembleLines(spanning);
  const lines: PdfLine[] = [];
  let above = Number.POSITIVE_INFINITY;
  for (const cut of [...cuts, undefined]) {
    const below = cut?.y ?? Number.NEGATIVE_INFINITY;
    const inBand = (f: PlacedText) => f.y < above && f.y > below;
    lines.push(...assembleLines(left.filter(inBand)));
    lines.push(...assembleLines(right.filter(inBand).map((f) => ({ ...f, x: f.x - shift }))));
    if (cut) lines.push(cut);
    above = below;
  }
  return { lines, columns: 2 };
}

/** The widest nearly empty vertical strip in the middle of the text, if both sides of it carry enough text. */
function findGutter(fragments: PlacedText[]): { start: number; end: number } | null {
  const inked = fragments.filter((f) => f.str.trim().length > 0 && f.width > 0);
  if (inked.length < MIN_FRAGMENTS) return null;
  const min = Math.floor(Math.min(...inked.map((f) => f.x)));
  const max = Math.ceil(Math.max(...inked.map((f) => f.x + f.width)));
  const coverage = new Int32Array(max - min + 2);
  for (const f of inked) {
    coverage[Math.floor(f.x) - min]!++;
    coverage[Math.ceil(f.x + f.width) - min]!--;
  }
  const limit = Math.max(EMPTY_FEW, Math.floor(inked.length * EMPTY_SHARE));
  const sizes = inked.map((f) => f.size).sort((a, b) => a - b);
  const minWidth = MIN_GUTTER * sizes[sizes.length >> 1]!;

  let best: { start: number; end: number } | null = null;
  let depth = 0;
  let runStart = -1;
  for (let i = 0; i <= max - min; i++) {
    depth += coverage[i]!;
    if (depth <= limit && runStart < 0) runStart = i;
    if ((depth > limit || i === max - min) && runStart >= 0) {
      const [start, end] = [min + runStart, min + i];
      const middle = (start + end) / 2;
      const inZone = middle >= min + GUTTER_ZONE[0] * (max - min) && middle <= min + GUTTER_ZONE[1] * (max - min);
      if (inZone && end - start >= minWidth && (!best || end - start > best.end - best.start)) best = { start, end };
      runStart = -1;
    }
  }
  if (!best) return null;

  const chars = (keep: (f: PlacedText) => boolean) => inked.filter(keep).reduce((n, f) => n + f.str.length, 0);
  const total = chars(() => true);
  const gutter = best;
  const enough = (n: number) => n >= MIN_COLUMN_SHARE * total;
  const middle = (gutter.start + gutter.end) / 2;
  return enough(chars((f) => f.x + f.width <= middle)) && enough(chars((f) => f.x >= middle)) ? gutter : null;
}
