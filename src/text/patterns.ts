/**
 * Line recognizers for Mexican legal text: article, heading, transitorio, fracción, inciso and numbered-clause labels,
 * and the non-law lines of a decree (signatures, promulgation, publication date, elisions).
 *
 * Each recognizer looks at one trimmed line and says what it could be; whether it really is that (numbering
 * continues, the line above ended a sentence) is decided by the segmenter, which has the context.
 *
 * A line holds no line break, so the patterns match a label only and the text after it is sliced off: a final
 * `(.*)$` would cost a second pass over the whole line.
 */
import { stripAccents } from './normalize';
import { ordinalValue, romanValue, suffixValue, titleCase } from './numbering';

/** An article label at the start of a line. */
export interface ArticleLine {
  /** "5 Bis", "10", "Único" */
  ref: string;
  /** The label as written, separator included: "Artículo 10.-". */
  label: string;
  /** Text after the label. */
  rest: string;
  /** Ordering value: number × 100 + suffix (Bis = 1 …); ordinal words count as their number. */
  order: number;
  /** True for "Artículo Primero", "Artículo Único" (decree style), false for "Artículo 1o.". */
  worded: boolean;
}

/** A heading line ("TÍTULO PRIMERO", "CAPÍTULO II. De los delitos"). */
export interface HeadingLine {
  kind: 'book' | 'title' | 'chapter' | 'section';
  level: number;
  /** Canonical label for paths and refs: "Título Primero", "Capítulo II". */
  canonical: string;
  label: string;
  /** Heading name written on the same line, if any. */
  name: string;
}

/** A list label: fracción ("II."), inciso ("a)") or numbered clause ("1."). */
export interface ListLine {
  type: 'fraction' | 'inciso' | 'clause';
  /** "II", "II Bis", "a", "1" */
  key: string;
  value: number;
  label: string;
  rest: string;
}

/** A transitorio label ("Primero.-", "Décimo Cuarto.", "ÚNICO.-"). */
export interface TransitoryLine {
  /** Canonical words: "Décimo Cuarto". */
  words: string;
  value: number;
  label: string;
  rest: string;
}

const SUFFIX_WORDS = ['bis', 'ter', 'qu[áa]ter', 'quinquies', 'sexies', 'septies', 'octies', 'nonies', 'decies'];
/** A Latin suffix, one of `words`, as a whole word. */
const suffixPattern = (words: string[]) => `(${words.join('|')})(?![\\p{L}])`;
const SUFFIX = suffixPattern(SUFFIX_WORDS);
const SEP = '(\\.\\s*[-–—]+|\\.|[-–—]+|:)';
const ARTICLE_HEAD = /^(?:#{1,6}\s*)?(ART[ÍI]CULO|Art[íi]culo|ARTICULO|Art\.|ARTICLE|Article|ARTIGO|Artigo)\s+/u;
const ARTICLE_NUMBER = /^(\d{1,5})|^(\p{L}+)(?:\s+(\p{L}+))?/u;
const ARTICLE_TAIL = new RegExp(`^(?:\\s*(?:o|º|°|ª)(?![\\p{L}]))?(?:\\s*[-–]?\\s*${SUFFIX})?\\s*${SEP}?\\s*`, 'iu');
const HEADING =
  /^(?:#{1,6}\s*)?(LIBRO|Libro|T[ÍI]TULO|T[íi]tulo|CAP[ÍI]TULO|Cap[íi]tulo|SECCI[ÓO]N|Secci[óo]n)\s+(\d{1,3}|[\p{L}]+)(?:\s+([\p{L}]+))?/u;
// By the word's first letter, which tells the four words of HEADING apart.
const HEADING_KINDS: Record<string, [HeadingLine['kind'], number]> = {
  L: ['book', 1],
  T: ['title', 2],
  C: ['chapter', 3],
  S: ['section', 4],
};
const TRANSITORY = new RegExp(
  `^(?:#{1,6}\\s*)?(?:(?:ART[ÍI]CULO|Art[íi]culo)\\s+)?(\\p{L}+(?:[\\s-]+\\p{L}+)?)(?:\\s+transitorio)?\\s*${SEP}\\s*`,
  'iu',
);
const TRANSITORY_HEADER = /^(?:#{1,6}\s*)?(?:ART[ÍI]CULOS?\s+)?TRANSITORI[OA]S?\s*[.:]?$/iu;
const REFORM_SECTION = /^ART[ÍI]CULOS\s+TRANSITORIOS\s+DE\s+DECRETOS?\s+DE\s+REFORMA/iu;
// Without the i flag (a numeral is written in capitals), so the suffix is spelt out as "bis", "Bis" and "BIS".
const SUFFIX_ANY_CASE = suffixPattern(SUFFIX_WORDS.flatMap((w) => [w, w[0]!.toUpperCase() + w.slice(1), w.toUpperCase()]));
const FRACTION = new RegExp(`^([IVXLCDM]{1,7})(?:\\s*[-–]?\\s*${SUFFIX_ANY_CASE})?\\s*(\\.\\s*[-–—]+|\\.|\\)|[-–—]+)\\s*`, 'u');
const INCISO = /^([a-zñ])\s*\)\s*/u;
const CLAUSE = /^(\d{1,3})\s*(\.\s*[-–—]+|\.|\))\s+/u;
const MONTHS = 'enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre';
const SIGNATURE = new RegExp(`\\sa\\s+\\d{1,2}\\s+de\\s+(?:${MONTHS})\\s+de\\s+\\d{4}\\s*\\.?\\s*[-–]`, 'i');
const PROMULGATION = /^(En cumplimiento de lo dispuesto por la fracci[óo]n I del Art[íi]culo 89|Dado en (el|la) (Palacio|Sal[óo]n|Sala|Recinto))/iu;
const PUBLISHED = new RegExp(`^Publicad[oa] en el Diario Oficial de la Federaci[óo]n(?: el)? (\\d{1,2}) de (${MONTHS}) de (\\d{4})`, 'iu');
const ELISION = /^[.…\s]{3,}$/u;
// First characters each label can start with (the patterns' own first alternatives, with their flags): a line starting
// otherwise is turned away before its regex runs, which costs more than the lookup.
const MAY_BE_ARTICLE = firstCharTest(/^[#A]/);
const MAY_BE_HEADING = firstCharTest(/^[#LTCS]/);
const MAY_BE_TRANSITORY_HEADER = firstCharTest(/^[#AT]/iu);
const MAY_BE_REFORM_SECTION = firstCharTest(/^A/iu);
const MAY_BE_ELISION = firstCharTest(/^[.…\s]/u);
// What may follow a label: text, possibly (in a sloppy draft) starting in lower case; not a comma or a stray mark.
const opensAfterLabel = firstCharTest(/^[\p{L}\p{N}"“'‘«¿¡(\[…._-]/u);

/**
 * Recognise an article label at the start of a line ("Artículo 1o.", "ARTÍCULO 2.-", "Artículo 5 Bis", "Artículo
 * Único.-", "Article 3"); null when the line cannot start an article (e.g. "Artículo 21 de la Ley …", no separator).
 * Text after the label in lower case ("Artículo 4o. de la Constitución") is returned: the segmenter asks for more
 * context before it believes it.
 *
 * @example
 * parseArticleLine('Artículo 5 Bis.- Se entiende…') // { ref: '5 Bis', label: 'Artículo 5 Bis.-', rest: 'Se entiende…', order: 501, worded: false }
 */
export function parseArticleLine(line: string): ArticleLine | null {
  if (!MAY_BE_ARTICLE(line)) return null;
  const plain = plainArticleLabel(line);
  if (plain) {
    const base = Number(plain.digits);
    return { ref: String(base), label: line.slice(0, plain.length - 1), rest: line.slice(plain.length), order: base * 100, worded: false };
  }
  const head = ARTICLE_HEAD.exec(line);
  if (!head) return null;
  let pos = head[0].length;
  const num = ARTICLE_NUMBER.exec(line.slice(pos));
  if (!num) return null;
  let base: number;
  let refBase: string;
  let worded = false;
  if (num[1]) {
    base = Number(num[1]);
    refBase = String(base);
    pos += num[1].length;
  } else {
    const two = num[3] ? ordinalValue(`${num[2]} ${num[3]}`) : 0;
    const one = ordinalValue(num[2]!);
    if (two) {
      base = two;
      refBase = titleCase(`${num[2]} ${num[3]}`);
      pos += num[0].length;
    } else if (one) {
      base = one;
      refBase = titleCase(num[2]!);
      pos += num[2]!.length;
    } else return null;
    worded = true;
  }
  const tail = ARTICLE_TAIL.exec(line.slice(pos))!;
  const rest = line.slice(pos + tail[0].length);
  if (!tail[2] && rest.length > 0) return null;
  if (rest.length > 0 && !opensAfterLabel(rest)) return null;
  const suffix = tail[1] ? suffixValue(tail[1]) : 0;
  return {
    ref: suffix ? `${refBase} ${titleCase(stripAccents(tail[1]!))}` : refBase,
    label: line.slice(0, pos + tail[0].length).trim(),
    rest,
    order: base * 100 + suffix,
    worded,
  };
}

// The commonest article labels, "Artículo 12. ", "Artículo 12.- " and "Artículo 1o. " before a word (127 of the General
// Law's 139), read without the three patterns: the digits and the label's length with its one space. Any other form is
// left to them.
function plainArticleLabel(line: string): { digits: string; length: number } | null {
  if (!line.startsWith('Artículo ') && !line.startsWith('ARTÍCULO ')) return null;
  const first = 'Artículo '.length; // the same for 'ARTÍCULO '
  let k = first;
  while (k <= first + MAX_ARTICLE_DIGITS && isDigit(line.charCodeAt(k))) k++;
  if (k === first || k > first + MAX_ARTICLE_DIGITS) return null;
  const digitsEnd = k;
  if (line.charCodeAt(k) === 111) k++; // o
  if (line.charCodeAt(k++) !== 46) return null; // .
  if (line.charCodeAt(k) === 45) k++; // -
  if (line.charCodeAt(k) !== 32 || !isLetterOrDigit(line.charCodeAt(k + 1))) return null;
  return { digits: line.slice(first, digitsEnd), length: k + 1 };
}

/** Digits of an article number, as many as ARTICLE_NUMBER reads. */
const MAX_ARTICLE_DIGITS = 5;

/**
 * Recognise a heading label (Libro / Título / Capítulo / Sección with a numeral), with its name if on the same line.
 *
 * @example
 * parseHeadingLine('CAPÍTULO II. De los delitos') // { kind: 'chapter', level: 3, canonical: 'Capítulo II', label: 'CAPÍTULO II.', name: 'De los delitos' }
 */
export function parseHeadingLine(line: string): HeadingLine | null {
  if (!MAY_BE_HEADING(line)) return null;
  const m = HEADING.exec(line);
  if (!m) return null;
  const [kind, level] = HEADING_KINDS[m[1]![0]!]!;
  let numeral = m[2]!;
  let tail = line.slice(m[0].length);
  if (m[3]) {
    if (ordinalValue(`${numeral} ${m[3]}`)) numeral = `${numeral} ${m[3]}`;
    else tail = ` ${m[3]}${tail}`;
  }
  const value = /^\d+$/.test(numeral) ? Number(numeral) : romanValue(numeral) || ordinalValue(numeral);
  if (!value) return null;
  const sep = /^\s*([.:\-–—]+)\s*/.exec(tail);
  let name = '';
  if (sep) name = tail.slice(sep[0].length).trim();
  else if (tail.trim()) {
    // "CAPÍTULO I DISPOSICIONES GENERALES" is a heading; "Capítulo III de esta Ley, …" is a sentence.
    if (/\p{Ll}/u.test(tail)) return null;
    name = tail.trim();
  }
  const numeralLabel = romanValue(numeral) ? numeral : titleCase(numeral);
  return {
    kind,
    level,
    canonical: `${titleCase(m[1]!)} ${numeralLabel}`,
    label: (sep ? line.slice(0, line.length - tail.length + sep[0].length) : line.slice(0, line.length - tail.length)).trim(),
    name,
  };
}

/**
 * Recognise a transitorio label ("Primero.-", "Décimo Cuarto.", "ÚNICO.-", "Artículo Segundo Transitorio.-").
 *
 * @example
 * parseTransitoryLine('Décimo Cuarto. Las procuradurías…') // { words: 'Décimo Cuarto', value: 14, label: 'Décimo Cuarto.', rest: 'Las procuradurías…' }
 */
export function parseTransitoryLine(line: string): TransitoryLine | null {
  if (!mayBeTransitoryLabel(line)) return null;
  const m = TRANSITORY.exec(line);
  if (!m) return null;
  const words = m[1]!.replace(/[\s-]+transitorio$/iu, '').replace(/-/g, ' ');
  const value = ordinalValue(words);
  const rest = line.slice(m[0].length);
  if (!value || (rest.length > 0 && !opensAfterLabel(rest))) return null;
  return { words: titleCase(words), value, label: line.slice(0, line.length - rest.length).trim(), rest };
}

// Whether TRANSITORY may match: its separator (. : - – —) comes after at most four words of letters ("Artículo
// Vigésimo Primero Transitorio.-"), after any "#". Every line of a transitorios section is asked, and the pattern (case
// and Unicode aware) costs about 600 ns a line, this loop a fraction of it. Characters beyond ASCII count as letters.
function mayBeTransitoryLabel(line: string): boolean {
  let i = 0;
  while (line.charCodeAt(i) === 35) i++; // #
  let gaps = 0; // runs of whitespace after a word
  let inSpace = true;
  for (; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 46 || c === 58 || c === 45 || c === 0x2013 || c === 0x2014) return true; // . : - – —
    if (isAsciiSpace(c)) {
      if (!inSpace && ++gaps > 4) return false;
      inSpace = true;
    } else if (isAsciiLetter(c) || c >= 128) inSpace = false;
    else return false;
  }
  return false;
}

/**
 * Recognise a fracción ("XII.", "IV Bis.-"), inciso ("a)") or numbered clause ("1.") label.
 *
 * @example
 * parseListLine('II. Establecer los tipos penales…') // { type: 'fraction', key: 'II', value: 200, label: 'II.', rest: 'Establecer los tipos penales…' }
 */
export function parseListLine(line: string): ListLine | null {
  const c0 = line.charCodeAt(0);
  if (c0 >= 65 && c0 <= 90) {
    const m = fractionLabel(line);
    if (!m) return null;
    const v = romanValue(m.numeral);
    const rest = line.slice(m.length);
    if (!v || (rest.length > 0 && !opensAfterLabel(rest))) return null;
    const suffix = m.suffix ? suffixValue(m.suffix) : 0;
    const key = suffix ? `${m.numeral} ${titleCase(stripAccents(m.suffix!))}` : m.numeral;
    return { type: 'fraction', key, value: v * 100 + suffix, label: line.slice(0, m.length).trim(), rest };
  }
  if (c0 >= 48 && c0 <= 57) {
    const m = CLAUSE.exec(line);
    if (!m) return null;
    const rest = line.slice(m[0].length);
    if (!opensAfterLabel(rest)) return null;
    return { type: 'clause', key: m[1]!, value: Number(m[1]) * 100, label: line.slice(0, m[0].length).trim(), rest };
  }
  if (line.charCodeAt(1) !== 41 && line.charCodeAt(2) !== 41) return null; // ')'
  const m = INCISO.exec(line);
  if (!m) return null;
  const letter = m[1]!;
  const value = letter === 'ñ' ? 1450 : (letter.charCodeAt(0) - 96) * 100;
  return { type: 'inciso', key: letter, value, label: line.slice(0, m[0].length).trim(), rest: line.slice(m[0].length) };
}

// The fracción label FRACTION finds at the start of a line: its numeral, its Latin suffix, and its length with the
// spaces after it. A numeral (1 to 7 of I V X L C D M) is followed by a word boundary, so "La", "Con" or "De" cost a
// few reads; the commonest label, "XII. " before a word, is read without the pattern (350 of them in the General Law).
function fractionLabel(line: string): { numeral: string; suffix: string | undefined; length: number } | null {
  let k = 0;
  while (k < 8 && isRomanLetter(line.charCodeAt(k))) k++;
  if (k === 0 || k > 7 || isAsciiWordChar(line.charCodeAt(k))) return null;
  if (line.charCodeAt(k) === 46 && line.charCodeAt(k + 1) === 32 && isLetterOrDigit(line.charCodeAt(k + 2))) {
    return { numeral: line.slice(0, k), suffix: undefined, length: k + 2 };
  }
  const m = FRACTION.exec(line);
  return m && { numeral: m[1]!, suffix: m[2], length: m[0].length };
}

// I V X L C D M (char codes, not one-character strings: this runs on every line that starts with a capital).
function isRomanLetter(c: number): boolean {
  return c === 73 || c === 86 || c === 88 || c === 76 || c === 67 || c === 68 || c === 77;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** A-Z, a-z (char codes: the recognizers read lines code by code). */
export function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** ASCII whitespace as \s reads it: space, tab, line breaks (the other spaces are beyond ASCII). */
export function isAsciiSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

// \w of a pattern without the u flag.
function isAsciiWordChar(c: number): boolean {
  return isDigit(c) || isAsciiLetter(c) || c === 95;
}

// An ASCII or Latin-1 letter or digit: after a label's one space ("XII. ", "Artículo 12. "), it shows that no more spaces
// or dash belong to the label, so the fast paths may stop there.
function isLetterOrDigit(c: number): boolean {
  return isDigit(c) || isAsciiLetter(c) || (c >= 0xc0 && c <= 0xff && c !== 0xd7 && c !== 0xf7);
}

/**
 * True for a "TRANSITORIOS" header line (also "Transitorio", "ARTÍCULOS TRANSITORIOS").
 *
 * @example
 * isTransitoryHeader('ARTÍCULOS TRANSITORIOS') // true
 */
export function isTransitoryHeader(line: string): boolean {
  return MAY_BE_TRANSITORY_HEADER(line) && endsLikeTransitorios(line) && TRANSITORY_HEADER.test(line);
}

// Whether a line may end as TRANSITORY_HEADER does: "…TRANSITORIO", "…TRANSITORIAS." (any case). Read from the end:
// a "." or ":", spaces, an "S", and then an "O" or an "A" (characters beyond ASCII may be anything: the pattern
// decides). Turns away most lines that start with "A" or "T" before the pattern runs.
function endsLikeTransitorios(line: string): boolean {
  let e = line.length - 1;
  let c = line.charCodeAt(e);
  if (c === 46 || c === 58) c = line.charCodeAt(--e);
  while (isAsciiSpace(c)) c = line.charCodeAt(--e);
  if ((c | 0x20) === 115) c = line.charCodeAt(--e); // s
  const folded = c | 0x20;
  return folded === 111 || folded === 97 || c >= 128; // o, a
}

/**
 * True for the header of the reform decrees' transitorios in a consolidated law.
 *
 * @example
 * isReformSection('ARTÍCULOS TRANSITORIOS DE DECRETOS DE REFORMA') // true
 */
export function isReformSection(line: string): boolean {
  // "ARTICULOS TRANSITORIOS DE DECRETOS DE REFORMA" is 44 characters at least, and its ninth is the "S" of "ARTÍCULOS"
  // ("Artículo 12.-" has a space there; beyond ASCII, "ſ" reads as "s").
  const ninth = line.charCodeAt(8);
  return line.length >= 44 && ((ninth | 0x20) === 115 || ninth >= 128) && MAY_BE_REFORM_SECTION(line) && REFORM_SECTION.test(line);
}

/**
 * True for a line that closes a decree: the chambers' signatures or the President's promulgation.
 *
 * @example
 * isClosingLine('Ciudad de México, a 25 de abril de 2024.- Dip. Marcela Guerra Castillo, Presidenta.-') // true
 */
export function isClosingLine(line: string): boolean {
  const c = line.charCodeAt(0);
  if (c === 69 || c === 68) return mayBePromulgation(line) && PROMULGATION.test(line); // "En cumplimiento…", "Dado en…"
  if (!line.includes('.-') || !startsText(line)) return false;
  const m = SIGNATURE.exec(line);
  return m !== null && m.index <= 90;
}

// Whether a line starting with "E" or "D" may open PROMULGATION: its second and fourth letters are the "n" and "c" of
// "En cumplimiento" or the "a" and "o" of "Dado" (in either case, as the pattern reads them). Turns away "El", "En los
// casos", "Durante" before the pattern runs.
function mayBePromulgation(line: string): boolean {
  const second = line.charCodeAt(1) | 0x20;
  const fourth = line.charCodeAt(3) | 0x20;
  return line.charCodeAt(0) === 69 ? second === 110 && fourth === 99 : second === 97 && fourth === 111;
}

/**
 * Decree reference ("DOF 19-01-2018") from a "Publicado en el Diario Oficial de la Federación el …" line, or null.
 *
 * @example
 * publishedDecree('Publicado en el Diario Oficial de la Federación el 19 de enero de 2018') // 'DOF 19-01-2018'
 */
export function publishedDecree(line: string): string | null {
  if (!line.startsWith('Publicad')) return null;
  const m = PUBLISHED.exec(line);
  if (!m) return null;
  const month = MONTHS.split('|').indexOf(m[2]!.toLowerCase());
  const mm = month >= 9 ? month : month + 1; // "setiembre" sits after "septiembre"
  return `DOF ${m[1]!.padStart(2, '0')}-${String(mm).padStart(2, '0')}-${m[3]}`;
}

/**
 * True for a line made only of dots or ellipses (text left out of a decree).
 *
 * @example
 * isElision('……….') // true
 */
export function isElision(line: string): boolean {
  return MAY_BE_ELISION(line) && ELISION.test(line);
}

/**
 * True when a line can begin a provision's text (capital letter, digit, quote, ellipsis).
 *
 * @example
 * startsText('de la Constitución') // false
 */
export const startsText = firstCharTest(/^[\p{Lu}\p{N}"“'‘«¿¡(\[…._-]/u);

/**
 * A test of a line's first character against a one-character pattern, read from a table for ASCII (nearly every line)
 * because these tests run several times per line and a regex call costs more than the lookup.
 *
 * @example
 * firstCharTest(/^[#A]/)('Artículo 1') // true
 */
export function firstCharTest(pattern: RegExp): (line: string) => boolean {
  const ascii = new Uint8Array(128);
  for (let c = 0; c < 128; c++) ascii[c] = pattern.test(String.fromCharCode(c)) ? 1 : 0;
  return (line) => {
    const c = line.charCodeAt(0);
    return c < 128 ? ascii[c] === 1 : line.length > 0 && pattern.test(line);
  };
}
