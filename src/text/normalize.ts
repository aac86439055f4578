/**
 * Normalization: make any input a clean, comparable text without changing what a reader sees.
 *
 * `normalizeText` repairs the transport (Unicode NFC, line endings, invisible and control characters, trailing spaces)
 * and says what it repaired; `fold` is for matching only (case, accents, punctuation and spacing removed) and is never
 * shown. Page furniture and reform notes are handled by the segmenter, which knows the structure around them.
 */

/** Result of `normalizeText`. */
export interface NormalizedText {
  text: string;
  warnings: string[];
  /** True when the input does not look like text at all (binary data); `text` is then empty. */
  binary: boolean;
}

/** Longest text the engine reads, in UTF-16 code units (~8 MB); the rest is cut off with a warning. */
export const MAX_TEXT_CHARS = 8_000_000;

/** Share of control / replacement characters above which an input is treated as binary data (with at least 16). */
const BINARY_RATIO = 0.02;
const BINARY_MIN = 16;

// Characters that carry nothing visible: zero-width spaces and joiners, word joiner, BOM, soft hyphen.
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
// Exotic spaces shown as a plain space.
const SPACES = /[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g;
// C0 controls except tab and line feed, DEL, C1 controls.
const CONTROLS = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F]/g;
// Everything the repairs below touch, to skip them at once on clean text.
const ANY_REPAIR = /[\u0000-\u0008\u000B-\u001F\u007F-\u00A0\u00AD\u2000-\u200D\u2028\u2029\u202F\u205F\u2060\u3000\uFEFF\uFFFD]/;

// Every character below U+0300 and in U+2002-U+206F (general punctuation: “ ” – …) is left unchanged by NFC and
// starts no composition: a text made only of them is already NFC, and the NFC pass over a whole law is skipped.
const MAY_CHANGE_IN_NFC = /[\u0300-\u2001\u2070-\uFFFF]/;
// Either of the two above, so a clean text (the usual case) costs one scan, not two.
const ANY_WORK = /[\u0000-\u0008\u000B-\u001F\u007F-\u00A0\u00AD\u0300-\u200D\u2028\u2029\u202F\u205F\u2060\u2070-\uFFFF]/;

/**
 * Repair a text for segmentation: NFC, `\n` line endings, page breaks as line breaks, no invisible or control
 * characters. Binary data gives an empty text and a warning.
 *
 * @example
 * normalizeText('Art\u00edculo 1o.\r\nTexto\u200B.').text // 'Artículo 1o.\nTexto.'
 */
export function normalizeText(input: string): NormalizedText {
  const warnings: string[] = [];
  let text = typeof input === 'string' ? input : '';
  if (text.length > MAX_TEXT_CHARS) {
    warnings.push(`Text too long (${text.length} characters): only the first ${MAX_TEXT_CHARS} were read.`);
    text = text.slice(0, MAX_TEXT_CHARS);
  }
  if (!ANY_WORK.test(text)) return { text, warnings, binary: false };
  if (!ANY_REPAIR.test(text)) return { text: MAY_CHANGE_IN_NFC.test(text) ? text.normalize('NFC') : text, warnings, binary: false };
  const suspicious = countMatches(text, /[\u0000-\u0008\u000E-\u001F\u007F\uFFFD]/g);
  if (suspicious >= BINARY_MIN && suspicious / text.length > BINARY_RATIO) {
    warnings.push(
      `Input looks like binary data, not text (${Math.round((100 * suspicious) / text.length)}% control or undecodable characters): nothing was read.`,
    );
    return { text: '', warnings, binary: true };
  }
  text = text.replace(/\r\n?|[\f\v\u2028\u2029\u0085]/g, '\n');
  const controls = countMatches(text, CONTROLS);
  if (controls > 0) {
    warnings.push(`Removed ${controls} control character${controls === 1 ? '' : 's'}.`);
    text = text.replace(CONTROLS, '');
  }
  text = text.replace(INVISIBLE, '').replace(SPACES, ' ').normalize('NFC');
  return { text, warnings, binary: false };
}

/**
 * Fold a text for matching only: lower case, no accents, punctuation and spacing reduced to single spaces.
 *
 * @example
 * fold('Artículo 5 Bis.- La  LEY, reformada;') // 'articulo 5 bis la ley reformada'
 */
export function fold(text: string): string {
  return stripAccents(text.toLowerCase())
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Remove accents and other combining marks ("Décimo" → "Decimo"); ñ becomes n. For matching only.
 *
 * @example
 * stripAccents('Quáter NIÑAS') // 'Quater NINAS'
 */
export function stripAccents(text: string): string {
  if (!NON_ASCII.test(text)) return text;
  return text.normalize('NFD').replace(/\p{M}+/gu, '');
}

const NON_ASCII = /[^\x00-\x7f]/;

function countMatches(text: string, re: RegExp): number {
  let n = 0;
  for (const _ of text.matchAll(re)) n++;
  return n;
}
