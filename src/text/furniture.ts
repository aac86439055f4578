/**
 * Page furniture: running headers, footers and page numbers left in a text extracted from a PDF
 * ("1 de 60", the law's title repeated on every page, "CÁMARA DE DIPUTADOS … Última Reforma DOF …",
 * "Secretaría General"). They often fall in the middle of a sentence, so they are found line by line and dropped.
 *
 * A line is furniture when it is a page number, or when it repeats on many pages next to the page numbers (or, in a
 * text without page numbers, repeats often and reads like a header: no final punctuation). Lines the caller marks as
 * structure (articles, headings, reform notes, fracciones) are never furniture, however often they repeat.
 */
import { LineTable } from './lines';
import { firstCharTest } from './patterns';

/** Lines found to be page furniture, by index. */
export interface Furniture {
  drop: Uint8Array;
  count: number;
}

const PAGE_NUMBER = [
  /^(?:p[áa]g(?:ina|\.)?\s*)?\d{1,4}\s*(?:de|\/|of)\s*\d{1,4}$/i,
  /^[-–—]?\s*\d{1,4}\s*[-–—]?$/,
  /^p[áa]g(?:ina|\.)\s*\d{1,4}$/i,
];
// A page number starts with a digit, a dash or "pág" (the patterns' first characters).
const MAY_BE_PAGE_NUMBER = firstCharTest(/^[\d\-–—p]/i);
/** How far (in lines) a running header may sit from a page number. */
const NEAR = 8;

/**
 * Find the page furniture of a text given as trimmed lines; `isStructure` protects lines that carry structure.
 *
 * @example
 * const lines = ['Artículo 1. Texto', '1 de 2', 'MI LEY', 'sigue.', '2 de 2', 'MI LEY'];
 * findFurniture(lines, (l) => l.startsWith('Artículo')).count // 4
 */
export function findFurniture(lines: string[], isStructure: (line: string) => boolean): Furniture {
  const drop = new Uint8Array(lines.length);
  const pageLines: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.length > 0 && l.length <= 24 && isPageNumber(l)) {
      drop[i] = 1;
      pageLines.push(i);
    }
  }
  // With page numbers, running headers sit next to them (or open the first page): only those lines are candidates.
  const withPages = pageLines.length >= 2;
  const candidate = new Uint8Array(lines.length).fill(withPages ? 0 : 1);
  if (withPages) {
    candidate.fill(1, 0, Math.min(lines.length, NEAR));
    for (const p of pageLines) candidate.fill(1, Math.max(0, p - NEAR), Math.min(lines.length, p + NEAR + 1));
  }
  // Without page numbers a header reads like one (no final punctuation): other lines are not even counted.
  const counted = (i: number) => candidate[i] === 1 && lines[i]!.length >= 4 && drop[i] === 0 && (withPages || !endsInPunctuation(lines[i]!));
  // Lines are interned and counted first (most occur once); index lists are made only for lines repeated often enough.
  const table = new LineTable();
  const idAt = new Int32Array(lines.length).fill(-1);
  const counts: number[] = [];
  const firstAt: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!counted(i)) continue;
    const id = (idAt[i] = table.idOf(lines[i]!, 0, lines[i]!.length, false));
    if (id === counts.length) {
      counts.push(0);
      firstAt.push(i);
    }
    counts[id]!++;
  }
  const minRepeats = withPages ? Math.max(3, Math.ceil(pageLines.length * 0.3)) : 4;
  const at: number[][] = [];
  for (let id = 0; id < counts.length; id++) {
    const line = lines[firstAt[id]!]!;
    if (counts[id]! < minRepeats) continue;
    if (!withPages && !/\p{L}{3}/u.test(line)) continue;
    at[id] = [];
  }
  if (at.length > 0) for (let i = 0; i < lines.length; i++) if (idAt[i]! >= 0) at[idAt[i]!]?.push(i);
  // Asked once per repeated line, not once per copy: a running header repeats on every page.
  at.forEach((indexes, id) => {
    if (isStructure(lines[firstAt[id]!]!)) return;
    for (const i of indexes) drop[i] = 1;
  });
  let count = 0;
  for (let i = 0; i < drop.length; i++) count += drop[i]!;
  return { drop, count };
}

function endsInPunctuation(line: string): boolean {
  const c = line.charCodeAt(line.length - 1);
  return c === 46 || c === 59 || c === 58 || c === 44; // . ; : ,
}

function isPageNumber(line: string): boolean {
  return MAY_BE_PAGE_NUMBER(line) && PAGE_NUMBER.some((re) => re.test(line));
}
