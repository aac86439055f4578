/**
 * Finds running headers, footers and page numbers of a PDF by repetition: a line is page furniture when the same
 * words (digits ignored, so "1 de 60" and "2 de 60" are one line) stand at the same height on many pages. Only lines
 * at the top or bottom of a page are removed: the scan from each edge stops at the first line that does not repeat,
 * so a body line that happens to recur (a reform note, a heading) is kept.
 */

import type { PdfLine } from './pdf-lines.js';
import type { FurnitureLine } from './types.js';

/** Share of pages a line must repeat on to be furniture (at least two pages). */
const MIN_SHARE = 0.4;
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
 * const page = (n: number) => [line('LEY GENERAL', 750), line(`Artículo ${n}. Texto.`, 700), line(`${n} de 3`, 40)];
 * removeFurniture([page(1), page(2), page(3)]).pages.map((p) => p.map((l) => l.text));
 * // [['Artículo 1. Texto.'], ['Artículo 2. Texto.'], ['Artículo 3. Texto.']]
 * ```
 */
export function removeFurniture(pages: PdfLine[][]): WithoutFurniture {
  const threshold = Math.max(2, Math.ceil(pages.length * MIN_SHARE));
  const heights = new Map<string, number[][]>();
  pages.forEach((lines, page) => {
    for (const line of lines) {
      const perPage = heights.get(key(line)) ?? [];
      (perPage[page] ??= []).push(line.y);
      heights.set(key(line), perPage);
    }
  });

  const repeating = new Set<string>();
  for (const [k, perPage] of heights) {
    if (pagesAtCommonHeight(perPage) >= threshold) repeating.add(k);
  }

  const removed = new Map<string, FurnitureLine>();
  const isFurniture = (line: PdfLine) => repeating.has(key(line));
  const result = pages.map((lines) => {
    let top = 0;
    let bottom = lines.length;
    while (top < bottom && isFurniture(lines[top]!)) top++;
    while (bottom > top && isFurniture(lines[bottom - 1]!)) bottom--;
    for (const line of [...lines.slice(0, top), ...lines.slice(bottom)]) {
      const entry = removed.get(key(line)) ?? { line: line.text, pages: 0 };
      entry.pages++;
      removed.set(key(line), entry);
    }
    return lines.slice(top, bottom);
  });
  return { pages: result, furniture: [...removed.values()] };
}

/** The words of a line, case and spacing folded, every number replaced by "#". */
function key(line: PdfLine): string {
  return line.text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

/** The most pages on which the line stands within SAME_HEIGHT of one height (a sliding window over sorted heights). */
function pagesAtCommonHeight(perPage: number[][]): number {
  const places = perPage.flatMap((ys, page) => (ys ?? []).map((y) => ({ y, page }))).sort((a, b) => a.y - b.y);
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
