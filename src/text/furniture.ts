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
  const minRepeats = withPages ? Math.max(3, Math.ceil(pageLines.length * 0.3)) : 4;
  // Most lines occur once. Every copy of a repeated line has the same length and the same first and last characters:
  // lines are counted by those first (three reads a line), and only lines whose count is high enough are interned.
  const slots = new Int32Array(tableSize(lines.length));
  const slotAt = new Int32Array(lines.length).fill(-1);
  for (let i = 0; i < lines.length; i++) if (counted(i)) slots[(slotAt[i] = quickKey(lines[i]!) & (slots.length - 1))]!++;
  const table = new LineTable();
  const at = new Map<number, number[]>();
  for (let i = 0; i < lines.length; i++) {
    if (slotAt[i]! < 0 || slots[slotAt[i]!]! < minRepeats) continue;
    const id = table.idOf(lines[i]!, 0, lines[i]!.length, false);
    const indexes = at.get(id);
    if (indexes) indexes.push(i);
    else at.set(id, [i]);
  }
  // Structure is asked about once per repeated line, not once per copy: a running header repeats on every page.
  for (const indexes of at.values()) {
    const line = lines[indexes[0]!]!;
    if (indexes.length < minRepeats || (!withPages && !/\p{L}{3}/u.test(line)) || isStructure(line)) continue;
    for (const i of indexes) drop[i] = 1;
  }
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

function quickKey(line: string): number {
  const h = Math.imul(line.length ^ (line.charCodeAt(0) << 8) ^ (line.charCodeAt(line.length - 1) << 20), 0x9e3779b1);
  return h ^ (h >>> 16);
}

// A power of two at least twice n, so that few slots hold more than one line.
function tableSize(n: number): number {
  let size = 16;
  while (size < 2 * n) size *= 2;
  return size;
}
