/**
 * Finds running headers, footers and page numbers of a PDF by repetition: a line is page furniture when the same
 * words (digits ignored, so "1 de 60" and "2 de 60" are one line) stand at the same height on many pages. Only the
 * lines of a page's edge blocks can go: those in the top or bottom margin band and not yet past the first wide
 * vertical gap from that edge (headers and footers are set apart from the body). Each edge is scanned inwards and the
 * scan stops at the first line that does not repeat, so a body line that happens to recur (a reform note, a heading
 * at the top of a page) is kept; and a line that opens a provision ("Artículo 3.", "II.") is never furniture.
 */

import { lineRole } from './legal-lines.js';
import type { PageLines, PdfLine } from './pdf-lines.js';
import type { FurnitureLine } from './types.js';

/** Share of pages a line must repeat on to be furniture (at least two pages). */
const MIN_SHARE = 0.4;
/** Share of the page's height, from the top and from the bottom, where headers and footers may stand. */
const MARGIN_BAND = 0.18;
/** A gap between baselines wider than this many font sizes separates a header or footer from the body. */
const BLOCK_GAP = 2.5;
/** Heights closer than this (in user-space units) count as the same place on the page. */
const SAME_HEIGHT = 3;

/** Pages without their furniture, and what was removed. */
export interface WithoutFurniture {
  pages: PdfLine[][];
  furniture: FurnitureLine[];
}

/**
 * Removes lines that repeat at the same height at the top or bottom of many pages.
 *
 * @example
 * ```ts
 * const page = (n: number) => ({ top: 792, bottom: 0, lines: [line('LEY GENERAL', 750), line(`Artículo ${n}. Texto.`, 700), line(`${n} de 3`, 40)] });
 * removeFurniture([page(1), page(2), page(3)]).pages.map((p) => p.map((l) => l.text));
 * // [['Artículo 1. Texto.'], ['Artículo 2. Texto.'], ['Artículo 3. Texto.']]
 * ```
 */
export function removeFurniture(pages: PageLines[]): WithoutFurniture {
  const threshold = Math.max(2, Math.ceil(pages.length * MIN_SHARE));
  const keys = new Map<PdfLine, string>();
  const places = new Map<string, { y: number; page: number }[]>();
  pages.forEach(({ lines }, page) => {
    for (const line of lines) {
      const k = key(line);
      keys.set(line, k);
      const list = places.get(k);
      if (list) list.push({ y: line.y, page });
      else places.set(k, [{ y: line.y, page }]);
    }
  });

  const repeating = new Set<string>();
  for (const [k, list] of places) if (list.length >= threshold && pagesAtCommonHeight(list) >= threshold) repeating.add(k);

  const removed = new Map<string, FurnitureLine>();
  const isFurniture = (line: PdfLine) => repeating.has(keys.get(line)!) && lineRole(line.text) !== 'start';
  const result = pages.map(({ lines, top: topEdge, bottom: bottomEdge }) => {
    const band = (topEdge - bottomEdge) * MARGIN_BAND;
    const [topBlock, bottomBlock] = edgeBlocks(lines);
    let top = 0;
    let bottom = lines.length;
    while (top < Math.min(bottom, topBlock) && lines[top]!.y >= topEdge - band && isFurniture(lines[top]!)) top++;
    while (bottom > Math.max(top, lines.length - bottomBlock) && lines[bottom - 1]!.y <= bottomEdge + band && isFurniture(lines[bottom - 1]!)) bottom--;
    for (const line of [...lines.slice(0, top), ...lines.slice(bottom)]) {
      const entry = removed.get(keys.get(line)!) ?? { line: line.text, pages: 0 };
      entry.pages++;
      removed.set(keys.get(line)!, entry);
    }
    return lines.slice(top, bottom);
  });
  return { pages: result, furniture: [...removed.values()] };
}

/** How many lines from the top, and from the bottom, come before the first wide gap. */
function edgeBlocks(lines: PdfLine[]): [number, number] {
  const wide = (i: number) => lines[i]!.y - lines[i + 1]!.y > BLOCK_GAP * Math.max(lines[i]!.size, lines[i + 1]!.size);
  let top = 1;
  while (top < lines.length && !wide(top - 1)) top++;
  let bottom = 1;
  while (bottom < lines.length && !wide(lines.length - bottom - 1)) bottom++;
  return [top, bottom];
}

/** The words of a line, case and spacing folded, every number replaced by "#". */
function key(line: PdfLine): string {
  return line.text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

/** The most pages on which the line stands within SAME_HEIGHT of one height (a sliding window over sorted heights). */
function pagesAtCommonHeight(list: { y: number; page: number }[]): number {
  const places = [...list].sort((a, b) => a.y - b.y);
  const inWindow = new Map<number, number>();
  let best = 0;
  let start = 0;
  for (const place of places) {
    inWindow.set(place.page, (inWindow.get(place.page) ?? 0) + 1);
    while (place.y - places[start]!.y > SAME_HEIGHT) {
      const page = places[start++]!.page;
      const left = inWindow.get(page)! - 1;
      if (left === 0) inWindow.delete(page);
      else inWindow.set(page, left);
    }
    best = Math.max(best, inWindow.size);
  }
  return best;
}
