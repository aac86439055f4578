/**
 * Reform notes: the lines the Cámara de Diputados prints under a provision to record its history
 * ("Fracción reformada DOF 19-01-2018", "Párrafo reformado DOF 19-01-2018, 07-06-2024", "Artículo derogado DOF …").
 *
 * They are metadata of the provision above them, not text of the law. This module only recognises a line as a note;
 * the segmenter decides which provision it belongs to from its target ("Fracción" → the last fracción).
 */
import { isAsciiLetter, isAsciiSpace } from './patterns';
import { remembered } from './remembered';
import type { ReformNote } from './types';

/** What a note is about, resolved to the level of the provision it annotates. */
export type NoteLevel = 'unit' | 'fraction' | 'inciso' | 'clause' | 'paragraph' | 'heading';

const TARGET =
  '(Art[íi]culo|ART[ÍI]CULO|Transitorio|Fracci[óo]n|FRACCI[ÓO]N|P[áa]rrafo|P[ÁA]RRAFO|Sub-?inciso|Inciso|INCISO|Numeral|Apartado|Base|' +
  'Denominaci[óo]n\\s+del?\\s+\\S+|Nombre\\s+del?\\s+\\S+|Libro|T[íi]tulo|Cap[íi]tulo|Secci[óo]n|Ley|Decreto)';
const ACTION = '(reformad|adicionad|derogad|recorrid|modificad|aclarad|corregid|abrogad)[oa]s?';
// Target, up to three words of detail ("con fracciones", "primero"), an action; then only decree references (REST,
// tested on the text sliced off after the match).
const NOTE = new RegExp(`^${TARGET}((?:\\s+[\\p{L}]+){0,3}?)\\s+${ACTION}\\b`, 'iu');
const REST = /^[\s.,;:()y]*(?:(?:D\.?\s?O\.?\s?F\.?|DOF|en|el|del|por|Fe de erratas(?: al [\p{L} ]+)?)[\s.,;:()y]*|\d{1,2}[-/]\d{1,2}[-/]\d{4}[\s.,;:()y]*)*$/iu;
const HISTORY = /^(Reforma|Fe de erratas)\s+(DOF|al)\b.*\d{1,2}-\d{1,2}-\d{4}/iu;
// Cheap filters before the full patterns: a note starts with its target and names an action or a DOF date.
// The first three letters of a note's target (or of "Reforma", "Fe de erratas"), in lower case and packed in a number,
// as the case-insensitive patterns below read them: a set lookup instead of a regex call on every line.
const QUICK_STARTS = new Set(
  ['art', 'tra', 'fra', 'pár', 'par', 'sub', 'inc', 'num', 'apa', 'bas', 'den', 'nom', 'lib', 'tít', 'tit', 'cap', 'sec', 'ley', 'dec', 'ref', 'fe ']
    .map((s) => lowerPacked3(s)),
);
const QUICK = /ad[oa]s?\b|DOF|D\.O\.F/;
const DATE = /(\d{1,2})[-/](\d{1,2})[-/](\d{4})/g;

/**
 * Parse a line as a reform note, or return null when it is text.
 *
 * @example
 * parseReformNote('Párrafo reformado DOF 19-01-2018, 07-06-2024')
 * // { action: 'reformed', target: 'Párrafo', dates: ['2018-01-19', '2024-06-07'], raw: 'Párrafo reformado DOF 19-01-2018, 07-06-2024' }
 */
export function parseReformNote(line: string): ReformNote | null {
  const raw = line.trim();
  if (raw.length > 240 || raw.length < 8 || !QUICK_STARTS.has(lowerPacked3(raw)) || !letterAfterFirstSpace(raw) || !QUICK.test(raw)) return null;
  // A consolidated law repeats its notes (the General Law: 82 notes, 20 distinct): each is parsed once, and every
  // caller gets a note of its own.
  const note = noteOf(raw);
  return note && { ...note, dates: [...note.dates] };
}

const noteOf = remembered(parseNote);

// A line that passed the quick filters, read as a note.
function parseNote(raw: string): ReformNote | null {
  const m = NOTE.exec(raw);
  if (m) {
    const rest = raw.slice(m[0].length);
    if (!REST.test(rest)) return null;
    return { action: actionOf(m[3]!), target: m[1]!.replace(/\s+/g, ' '), dates: datesIn(rest), raw };
  }
  if (HISTORY.test(raw)) return { action: 'other', target: raw.split(/\s+/)[0]!, dates: datesIn(raw), raw };
  return null;
}

/**
 * The level of provision a note annotates, from its target.
 *
 * @example
 * noteLevel({ action: 'reformed', target: 'Fracción', dates: [], raw: '' }) // 'fraction'
 */
export function noteLevel(note: ReformNote): NoteLevel {
  return levelOf(note.target);
}

// A law's notes name a handful of targets, asked about several times each (by the segmenter and the tree).
const levelOf = remembered((target: string): NoteLevel => {
  for (const [re, level] of LEVELS) if (re.test(target)) return level;
  return 'unit';
});

const LEVELS: [RegExp, NoteLevel][] = [
  [/^fracci/i, 'fraction'],
  [/^(inciso|sub)/i, 'inciso'],
  [/^numeral/i, 'clause'],
  [/^p[áa]rrafo/i, 'paragraph'],
  [/^(denominaci|nombre|libro|t[íi]tulo|cap[íi]tulo|secci)/i, 'heading'],
];

function actionOf(word: string): ReformNote['action'] {
  const w = word.toLowerCase();
  if (w.startsWith('reformad') || w.startsWith('modificad')) return 'reformed';
  if (w.startsWith('adicionad')) return 'added';
  if (w.startsWith('derogad') || w.startsWith('abrogad')) return 'repealed';
  return 'other';
}

function datesIn(s: string): string[] {
  const out: string[] = [];
  DATE.lastIndex = 0;
  for (let m = DATE.exec(s); m; m = DATE.exec(s)) out.push(`${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`);
  return out;
}

// Whether the first run of whitespace in a line is followed by a letter, as in every note: its target is one word
// (or "Denominación del …") followed by words, never by a number. Turns away "Artículo 12.- …", whose text often
// passes QUICK ("Estado", "DOF"), before QUICK reads the whole line. Characters beyond ASCII count as letters.
function letterAfterFirstSpace(line: string): boolean {
  let i = 0;
  let c = line.charCodeAt(0);
  while (i < line.length && (isAsciiLetter(c) || c === 45 || c >= 128)) c = line.charCodeAt(++i); // letters and "-" of the target
  if (!isAsciiSpace(c)) return false; // (other spaces are beyond ASCII, and count as letters above)
  while (isAsciiSpace(c)) c = line.charCodeAt(++i);
  return isAsciiLetter(c) || c >= 128;
}


// The first three characters of a text in lower case (ASCII and Latin-1 letters) as one number, -1 when one of them is
// beyond Latin-1.
function lowerPacked3(text: string): number {
  const a = text.charCodeAt(0);
  const b = text.charCodeAt(1);
  const c = text.charCodeAt(2);
  return (a | b | c) < 0x100 ? lower(a) | (lower(b) << 8) | (lower(c) << 16) : -1;
}

function lower(c: number): number {
  return (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7) ? c + 32 : c;
}
