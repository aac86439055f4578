/**
 * Numbering of Mexican legal provisions: Roman numerals (fracciones, capítulos), Spanish ordinal words (transitorios,
 * títulos, "Artículo Único"), Latin suffixes of inserted articles ("5 Bis", "10 Ter") and inciso letters.
 *
 * Every parser returns a number that orders the provisions as the law does, so the segmenter can check that a line
 * continues the numbering before it accepts it as a new provision.
 */
import { stripAccents } from './normalize';
import { remembered } from './remembered';

/** Latin suffixes of inserted provisions, in order ("5 Bis" comes after 5 and before "5 Ter"). */
const LATIN_SUFFIXES = [
  'bis',
  'ter',
  'quater',
  'quinquies',
  'sexies',
  'septies',
  'octies',
  'nonies',
  'decies',
  'undecies',
  'duodecies',
  'terdecies',
  'quaterdecies',
  'quindecies',
] as const;

const UNITS: Record<string, number> = {
  primero: 1, primera: 1, segundo: 2, segunda: 2, tercero: 3, tercera: 3, tercer: 3, cuarto: 4, cuarta: 4,
  quinto: 5, quinta: 5, sexto: 6, sexta: 6, septimo: 7, septima: 7, setimo: 7, octavo: 8, octava: 8,
  noveno: 9, novena: 9, unico: 1, unica: 1,
};
const TENS: Record<string, number> = {
  decimo: 10, decima: 10, vigesimo: 20, vigesima: 20, trigesimo: 30, trigesima: 30, cuadragesimo: 40,
  cuadragesima: 40, quincuagesimo: 50, quincuagesima: 50, sexagesimo: 60, sexagesima: 60, septuagesimo: 70,
  septuagesima: 70, octogesimo: 80, octogesima: 80, nonagesimo: 90, nonagesima: 90, centesimo: 100, centesima: 100,
};
const SPECIAL: Record<string, number> = { undecimo: 11, undecima: 11, duodecimo: 12, duodecima: 12 };

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };
const ROMAN_SHAPE = /^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/;

/**
 * Value of an upper-case Roman numeral, or 0 when it is not a well-formed one.
 *
 * @example
 * romanValue('XIV') // 14
 */
export const romanValue = remembered(romanOf);

function romanOf(numeral: string): number {
  if (!numeral || !ROMAN_SHAPE.test(numeral)) return 0;
  let total = 0;
  for (let i = 0; i < numeral.length; i++) {
    const v = ROMAN[numeral[i]!]!;
    const next = ROMAN[numeral[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

/**
 * Value of a Spanish ordinal written in words ("Décimo Cuarto" = 14, "Único" = 1, "Vigésimo" = 20), or 0.
 *
 * @example
 * ordinalValue('DÉCIMO CUARTO') // 14
 */
export const ordinalValue = remembered(ordinalOf);

function ordinalOf(words: string): number {
  const parts = stripAccents(words.toLowerCase()).split(/[\s-]+/).filter(Boolean);
  if (parts.length === 1) {
    const w = parts[0]!;
    return UNITS[w] ?? TENS[w] ?? SPECIAL[w] ?? splitCompound(w);
  }
  if (parts.length === 2) {
    const tens = TENS[parts[0]!];
    const unit = UNITS[parts[1]!];
    if (tens !== undefined && unit !== undefined && parts[1] !== 'unico' && parts[1] !== 'unica') return tens + unit;
  }
  return 0;
}

/**
 * Order of a Latin suffix ("Bis" = 1, "Ter" = 2 …), or 0 when the word is not one.
 *
 * @example
 * suffixValue('Quáter') // 3
 */
export function suffixValue(word: string): number {
  const i = (LATIN_SUFFIXES as readonly string[]).indexOf(stripAccents(word.toLowerCase()));
  return i + 1;
}

/**
 * Capitalise each word as refs write it: "DÉCIMO CUARTO" → "Décimo Cuarto", "bis" → "Bis".
 *
 * @example
 * titleCase('DÉCIMO CUARTO') // 'Décimo Cuarto'
 */
export const titleCase = remembered(titleCaseOf);

function titleCaseOf(words: string): string {
  if (!/\s/.test(words)) {
    const lower = words.toLowerCase();
    return lower.charAt(0).toUpperCase() + lower.slice(1);
  }
  return words
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

// "decimoprimero", "vigesimosegundo": tens and unit written as one word.
function splitCompound(w: string): number {
  for (const [t, tv] of Object.entries(TENS)) {
    if (w.startsWith(t) && w.length > t.length) {
      const u = UNITS[w.slice(t.length)];
      if (u !== undefined && !w.endsWith('unico')) return tv + u;
    }
  }
  return 0;
}
