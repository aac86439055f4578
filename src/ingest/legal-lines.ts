/**
 * Recognises, from a single line, where Mexican legal text starts something that must not be glued to the line
 * before it: an article ("Artículo 5.-", "ARTÍCULO 10 Bis.", "Artículo Primero.-"), a fracción ("II."), an inciso
 * ("a)"), a numbered clause ("1."), a transitorio ("Décimo Primero.-"), a heading (LIBRO / TÍTULO / CAPÍTULO /
 * SECCIÓN / TRANSITORIOS) or a reform note ("Fracción reformada DOF 19-01-2018"); and lines in capitals, which may be
 * headings' names.
 * Used to re-join PDF lines into paragraphs; the segmenter in src/text does the real parsing.
 */

/**
 * `start`: the line begins a provision, and the lines after it may continue it.
 * `alone`: the line is a heading label ("CAPÍTULO II", "TRANSITORIOS") or a reform note, a paragraph of its own.
 * `caps`: a line in capitals (a heading's name, a title, a decree written in capitals), which `joinParagraphs`
 * joins only to capitals or to an unfinished sentence.
 */
export type LineRole = 'start' | 'alone' | 'caps';

const ORDINAL =
  '(?:Primer[oa]?|Segund[oa]|Tercer[oa]?|Cuart[oa]|Quint[oa]|Sext[oa]|S[ée]ptim[oa]|Octav[oa]|Noven[oa]|D[ée]cim[oa]|Und[ée]cim[oa]|Duod[ée]cim[oa]|Vig[ée]sim[oa]|Trig[ée]sim[oa]|[ÚU]nic[oa])';
const SUFFIX = '(?:\\s+(?:Bis|Ter|Qu[áa]ter|Quinquies|Quintus|Sexies|Septies|Octies|Nonies|Decies)(?:\\s*\\d+)?)?';
const END = '\\s*(?:\\.-|\\.—|\\.|-|—|:)(?:\\s|$)';

/** Starts written with a capital: a lower-case "artículo 5." at the start of a line is a cross-reference running on. */
const CAPITALISED_STARTS: RegExp[] = [
  // Artículo 5.- / ARTÍCULO 1o. / Artículo 10 Bis. / Art. 3.- / Artículo Primero.-
  new RegExp(`^(?:Art[íi]culo|Art\\.)\\s+(?:\\d+\\s*(?:o|º|°|\\.o)?|${ORDINAL}(?:\\s+${ORDINAL})?)${SUFFIX}${END}`, 'i'),
  // Transitorio: Primero.- / DÉCIMO PRIMERO. / Único.-
  new RegExp(`^${ORDINAL}(?:\\s+${ORDINAL})?${END}`, 'i'),
];

const STARTS: RegExp[] = [
  // Fracción: II. / IV.- / XIV)
  /^(?=[IVXLC])C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})\s*(?:\.-|\.|-|\))(?:\s|$)/,
  // Inciso: a) / bb) / A)
  /^[a-zñA-ZÑ]{1,2}\)\s/,
  // Numbered clause: 1. / 2.- / 3)
  /^\d{1,3}\s*(?:\.-|\.|\))\s/,
];

const HEADING = /^(?:LIBRO|T[ÍI]TULO|CAP[ÍI]TULO|SECCI[ÓO]N|Libro|T[íi]tulo|Cap[íi]tulo|Secci[óo]n)\s+\S+(?:\s+\S+){0,2}$/;
const TRANSITORIOS = /^(?:ART[ÍI]CULOS?\s+)?TRANSITORIOS?\b|^(?:Art[íi]culos?\s+)?Transitorios?$/;
const DATE = '\\d{1,2}-\\d{1,2}-\\d{4}';
const REFORM_NOTE = new RegExp(
  `^[^.]{0,80}?(?:reformad|adicionad|derogad|recorrid|modificad)[oa]s?\\b.{0,80}\\bDOF\\s+${DATE}(?:\\s*(?:,|y)\\s*${DATE})*\\.?$`,
  'i',
);

/**
 * Tells whether a line starts a provision (`'start'`), stands alone (`'alone'`), is a line of capitals (`'caps'`), or
 * may continue the line before (`null`).
 *
 * @example
 * ```ts
 * lineRole('Artículo 5.- Comete el delito…'); // 'start'
 * lineRole('CAPÍTULO II'); // 'alone'
 * lineRole('DISPOSICIONES GENERALES'); // 'caps'
 * lineRole('Fracción reformada DOF 19-01-2018'); // 'alone'
 * lineRole('de la Constitución Política de los Estados Unidos Mexicanos'); // null
 * ```
 */
export function lineRole(line: string): LineRole | null {
  const text = line.trim();
  if (HEADING.test(text) || TRANSITORIOS.test(text) || REFORM_NOTE.test(text)) return 'alone';
  if (STARTS.some((start) => start.test(text))) return 'start';
  if (/^\p{Lu}/u.test(text) && CAPITALISED_STARTS.some((start) => start.test(text))) return 'start';
  if (/\p{Lu}{3}/u.test(text) && !/\p{Ll}/u.test(text)) return 'caps';
  return null;
}
