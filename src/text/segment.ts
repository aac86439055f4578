/**
 * Segmentation: a legal text as a lawyer reads it — its articles in order with their fracciones, incisos and
 * paragraphs, its transitorios grouped by decree, its heading outline, its reform notes as metadata — without page
 * furniture, decree wrappers or signatures.
 *
 * One pass over the lines with a small state machine. A line starts a provision only when it looks like a label AND
 * continues the numbering (or follows a finished sentence), so a cross-reference such as "…en los términos del
 * Artículo 21 Constitucional" never starts an article. A text with no recognisable article is cut into paragraphs.
 */
import { findFurniture } from './furniture';
import { normalizeText } from './normalize';
import { noteLevel, parseReformNote } from './notes';
import {
  isClosingLine,
  isElision,
  isReformSection,
  isTransitoryHeader,
  parseArticleLine,
  parseHeadingLine,
  parseListLine,
  parseTransitoryLine,
  publishedDecree,
  startsText,
  type ArticleLine,
  type HeadingLine,
} from './patterns';
import { UnitBuilder } from './tree';
import type { LegalDocument, Provision, Unit, UnitsDocument } from './types';

type Mode = 'preamble' | 'body' | 'transitory' | 'decree' | 'closing';

/** How far the numbering may jump forward between two consecutive articles. */
const MAX_ARTICLE_GAP = 60;
/** Lines of a heading's name kept after its label. */
const MAX_HEADING_LINES = 3;

/**
 * Segment a legal text into provisions (normalizing it first).
 *
 * @example
 * const doc = segment('TÍTULO PRIMERO\nDisposiciones\nArtículo 1o. Objeto de la ley:\nI. Prevenir;\nII. Sancionar.');
 * doc.units[0].ref // '1'
 * doc.units[0].children.map((c) => c.ref) // ['1 párr. 1', '1 fr. I', '1 fr. II']
 * doc.units[0].path // ['Título Primero']
 */
export function segment(text: string): LegalDocument {
  // Built with trees, every unit is a Provision.
  return segmentText(text, true) as LegalDocument;
}

/**
 * Segment a legal text into its units without their children (paragraphs, fracciones, incisos): the same units as
 * `segment`, text and notes included, for what reads units only. A comparison does: building the trees of the two
 * documents it compares took 4–11% of its time on the General Law.
 *
 * @example
 * segmentUnits('Artículo 1o. Objeto:\nI. Prevenir;\nII. Sancionar.').units[0].text // 'Objeto:\nI. Prevenir;\nII. Sancionar.'
 */
export function segmentUnits(text: string): UnitsDocument {
  return segmentText(text, false);
}

function segmentText(text: string, trees: boolean): UnitsDocument {
  const normalized = normalizeText(text);
  const scan = new Scanner(linesOfText(normalized.text), trees);
  const doc = scan.run();
  doc.warnings.unshift(...normalized.warnings);
  // Counting words costs a pass over every character: done on first read only. The getter holds the text, not the
  // scanner and its lines, so they are garbage as soon as the document is built.
  let words = -1;
  const { drop, notesAt } = scan;
  Object.defineProperty(doc, 'wordCount', {
    enumerable: true,
    get: () => (words >= 0 ? words : (words = countWordsOf(normalized.text, drop, notesAt))),
  });
  return doc;
}

// The trimmed lines of a text. Most lines begin and end with a letter or a mark: only the others are trimmed.
function linesOfText(text: string): string[] {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line !== '' && (mayBeSpace(line.charCodeAt(0)) || mayBeSpace(line.charCodeAt(line.length - 1)))) lines[i] = line.trim();
  }
  return lines;
}

// Whether `trim` may remove this character: every character it removes passes (tab, line breaks, space, no-break
// space, U+1680 and the spaces, separators and BOM above it); letters and marks of Latin-1 do not.
function mayBeSpace(c: number): boolean {
  return c <= 32 || c === 0xa0 || c >= 0x1680;
}

// Words of a text, leaving out dropped lines (page furniture) and lines read as reform notes.
function countWordsOf(text: string, drop: Uint8Array, notes: Set<string>): number {
  const lines = linesOfText(text);
  let n = 0;
  for (let i = 0; i < lines.length; i++) if (!drop[i] && !notes.has(lines[i]!)) n += countWords(lines[i]!);
  return n;
}

class Scanner {
  private readonly units: Unit[] = [];
  private readonly outline: Provision[] = [];
  private readonly warnings: string[] = [];
  private readonly preamble: string[] = [];
  private readonly usedRefs = new Map<string, number>();
  private readonly headings: { level: number; prov: Provision; canonical: string }[] = [];
  /** Lines found to be page furniture, by index. */
  readonly drop: Uint8Array;
  private readonly hasNumbered: boolean;
  private readonly width: number;
  private readonly wrapped: boolean;
  private mode: Mode = 'preamble';
  private unit: UnitBuilder | null = null;
  private decree = 'original';
  private inReformSection = false;
  private lastArticle = -1;
  private lastTransitory = 0;
  private pendingHeading: { prov: Provision; lines: string[] } | null = null;
  /** Last line kept, and whether a new paragraph must start after it (blank line, note, label, heading). */
  private prevLine = '';
  private breakAfter = true;
  private orphans: string[] = [];
  private looseNotes = 0;
  /** Lines read as reform notes (not counted as words). */
  readonly notesAt = new Set<string>();

  constructor(
    private readonly lines: string[],
    /** Whether units are built with their children. */
    private readonly trees: boolean,
  ) {
    const furniture = findFurniture(lines, isStructural);
    this.drop = furniture.drop;
    if (furniture.count > 0) this.warnings.push(`Removed ${furniture.count} lines of page headers, footers and page numbers.`);
    this.hasNumbered = this.findNumberedArticles();
    [this.width, this.wrapped] = this.measureLines();
  }

  run(): UnitsDocument {
    for (let i = 0; i < this.lines.length; i++) {
      if (this.drop[i]) continue;
      const line = this.lines[i]!;
      if (line === '') {
        this.breakAfter = true;
        if (this.pendingHeading && this.pendingHeading.lines.length > 0) this.pendingHeading = null;
        continue;
      }
      this.step(line);
    }
    this.finishUnit();
    if (this.orphans.length > 0) {
      this.warnings.push(
        `${this.orphans.length} line(s) between provisions belong to no article and were left out (first: "${this.orphans[0]!.slice(0, 80)}").`,
      );
    }
    if (this.looseNotes > 0) this.warnings.push(`${this.looseNotes} reform note(s) precede any provision and were left out.`);
    let units = this.units;
    let preamble = this.preamble.join('\n');
    if (units.length === 0) {
      units = this.paragraphUnits();
      preamble = '';
      if (units.length > 0) this.warnings.push('No articles recognised: the text is compared paragraph by paragraph.');
      else this.warnings.push('The text is empty: nothing to compare.');
    }
    return { units, outline: this.outline, warnings: this.warnings, wordCount: 0, preamble };
  }

  private step(line: string): void {
    // Every label, header and note starts with a capital letter or "#"; other lines can only be text or list items.
    if (!startsUpper(line)) return this.onText(line);
    const note = parseReformNote(line);
    if (note) {
      this.notesAt.add(line);
      return this.onNote(note);
    }
    if (isReformSection(line)) {
      this.finishUnit();
      this.inReformSection = true;
      return this.setMode('decree');
    }
    if (this.inReformSection) {
      if (line.startsWith('DECRETO')) {
        this.finishUnit();
        return this.setMode('decree');
      }
      const decree = publishedDecree(line);
      if (decree) {
        this.decree = decree;
        return this.setMode('decree');
      }
    }
    if (isClosingLine(line)) {
      this.finishUnit();
      return this.setMode('closing');
    }
    if (isTransitoryHeader(line)) {
      this.finishUnit();
      if (!this.inReformSection) this.decree = 'original';
      this.lastTransitory = 0;
      this.headings.length = 0; // transitorios stand outside the body's books, titles and chapters
      return this.setMode('transitory');
    }
    const heading = parseHeadingLine(line);
    if (heading && !this.inReformSection) return this.onHeading(heading);
    if (this.mode === 'transitory' && this.onTransitory(line)) return;
    const article = parseArticleLine(line);
    if (article && this.onArticle(article, line)) return;
    this.onText(line);
  }

  private onNote(note: NonNullable<ReturnType<typeof parseReformNote>>): void {
    this.breakAfter = true;
    if (noteLevel(note) === 'heading' && this.headings.length > 0) {
      const kind = /t[íi]tulo/i.test(note.target) ? 'title' : /cap[íi]tulo/i.test(note.target) ? 'chapter' : /libro/i.test(note.target) ? 'book' : /secci/i.test(note.target) ? 'section' : null;
      const target = [...this.headings].reverse().find((h) => kind === null || h.prov.kind === kind) ?? this.headings[this.headings.length - 1]!;
      target.prov.notes.push(note);
      return;
    }
    if (this.unit && (this.mode === 'body' || this.mode === 'transitory')) this.unit.addNote(note);
    else this.looseNotes++;
  }

  private onHeading(h: HeadingLine): void {
    this.finishUnit();
    while (this.headings.length > 0 && this.headings[this.headings.length - 1]!.level >= h.level) this.headings.pop();
    const path = this.headings.map((x) => x.canonical);
    const prov: Provision = {
      ref: this.uniqueRef([...path, h.canonical].join(' / ')),
      kind: h.kind,
      label: h.label,
      text: h.name,
      notes: [],
      children: [],
      path,
    };
    if (h.name) prov.heading = h.name;
    const parent = this.headings[this.headings.length - 1];
    (parent ? parent.prov.children : this.outline).push(prov);
    this.headings.push({ level: h.level, prov, canonical: h.canonical });
    this.pendingHeading = h.name ? null : { prov, lines: [] };
    if (this.mode !== 'preamble') this.setMode('body');
    this.breakAfter = true;
  }

  /** Returns false when the line is not an article after all (it is then read as text). */
  private onArticle(a: ArticleLine, line: string): boolean {
    if (this.inReformSection || (a.worded && this.hasNumbered)) {
      if (!this.prevEnded()) return false;
      // A decree's own article ("Artículo Primero.- Se expide la Ley…"): not an article of the law.
      this.finishUnit();
      if (this.units.length === 0 && !this.inReformSection) this.preamble.push(line);
      else this.setMode('decree');
      return true;
    }
    const num = Math.floor(a.order / 100);
    const first = this.lastArticle < 0;
    const step = num - Math.floor(this.lastArticle / 100);
    const ended = this.prevEnded();
    const lower = a.rest !== '' && !startsText(a.rest);
    let ok: boolean;
    if (lower) ok = ended && (first ? num === 1 : a.order > this.lastArticle && step <= 1);
    else if (first) ok = ended || num === 1;
    else if (a.order <= this.lastArticle || step > MAX_ARTICLE_GAP) ok = false;
    else ok = ended || step === 1;
    if (!ok) {
      if (lower || first || !ended || this.mode !== 'body' || a.rest === '') return false;
      this.warnings.push(`Article numbering jumps: "${a.label}" follows article ${this.lastRef()}.`);
    }
    this.finishUnit();
    this.lastArticle = a.order;
    this.setMode('body');
    this.startUnit('article', a.ref, a.label, a.rest, line);
    return true;
  }

  private onTransitory(line: string): boolean {
    const t = parseTransitoryLine(line);
    if (!t || t.value <= this.lastTransitory || !this.prevEnded()) return false;
    if (t.rest !== '' && !startsText(t.rest) && t.value !== this.lastTransitory + 1) return false;
    this.finishUnit();
    this.lastTransitory = t.value;
    const ref = `Transitorio ${t.words}${this.decree === 'original' ? '' : ` (${this.decree})`}`;
    this.startUnit('transitory', ref, t.label, t.rest, line);
    return true;
  }

  private onText(line: string): void {
    if (this.mode === 'transitory' && this.unit && isElision(line)) {
      this.finishUnit();
      return this.setMode('decree');
    }
    if (this.mode === 'decree' || this.mode === 'closing') return this.keep(line, true);
    if (this.pendingHeading && this.pendingHeading.lines.length < MAX_HEADING_LINES && !this.unit) {
      const h = this.pendingHeading;
      h.lines.push(line);
      h.prov.text = h.lines.join('\n');
      h.prov.heading = h.lines.join(' ');
      return this.keep(line, true);
    }
    this.pendingHeading = null;
    const unit = this.unit;
    if (!unit) {
      if (this.units.length === 0) this.preamble.push(line);
      else this.orphans.push(line);
      return this.keep(line, false);
    }
    const item = parseListLine(line);
    if (item && this.continuesList(unit, item)) {
      unit.addItem(item, line);
      return this.keep(item.rest ? line : '', false);
    }
    unit.addText(line, this.breakAfter || this.paragraphBreak(line));
    this.keep(line, false);
  }

  private continuesList(unit: UnitBuilder, item: NonNullable<ReturnType<typeof parseListLine>>): boolean {
    const last = unit.lastValue(item.type);
    const lower = item.rest !== '' && !startsText(item.rest);
    // A list starts after a finished sentence or a short line (a title such as "Purpose").
    if (last < 0) return item.value === 100 && !lower && (this.prevEnded() || unit.empty || this.prevLine.length < this.width * 0.6);
    const step = Math.floor(item.value / 100) - Math.floor(last / 100);
    return item.value > last && step <= 1 && ((step === 1 && !lower) || this.prevEnded());
  }

  private startUnit(kind: 'article' | 'transitory', ref: string, label: string, rest: string, line: string): void {
    const path = this.headings.map((h) => h.canonical);
    const head: ConstructorParameters<typeof UnitBuilder>[0] = { kind, ref: this.uniqueRef(ref), label, path };
    if (kind === 'transitory') head.decree = this.decree;
    this.unit = new UnitBuilder(head);
    this.pendingHeading = null;
    if (rest) this.unit.addText(rest, false);
    this.keep(rest ? line : '', false);
  }

  private finishUnit(): void {
    if (this.unit) this.units.push(this.trees ? this.unit.build() : this.unit.buildUnit());
    this.unit = null;
  }

  private setMode(mode: Mode): void {
    this.mode = mode;
    this.breakAfter = true;
  }

  private keep(line: string, breakAfter: boolean): void {
    this.prevLine = line;
    this.breakAfter = breakAfter;
  }

  private prevEnded(): boolean {
    return this.breakAfter || this.prevLine === '' || endsSentence(this.prevLine);
  }

  private paragraphBreak(line: string): boolean {
    if (!endsSentence(this.prevLine) || !startsText(line)) return false;
    return !this.wrapped || this.prevLine.length < this.width * 0.85;
  }

  private uniqueRef(ref: string): string {
    const n = (this.usedRefs.get(ref) ?? 0) + 1;
    this.usedRefs.set(ref, n);
    if (n === 1) return ref;
    this.warnings.push(`"${ref}" appears ${n} times; this one is "${ref} (${n})".`);
    return `${ref} (${n})`;
  }

  private lastRef(): string {
    for (let i = this.units.length - 1; i >= 0; i--) if (this.units[i]!.kind === 'article') return this.units[i]!.ref;
    return this.unit?.head.ref ?? '?';
  }

  // Numbered articles ("Artículo 1o.") make worded ones ("Artículo Primero.- Se expide…") decree wrappers.
  private findNumberedArticles(): boolean {
    for (let i = 0; i < this.lines.length; i++) {
      const l = this.lines[i]!;
      if (this.drop[i] || l.length < 10) continue;
      if (isReformSection(l)) return false;
      const a = parseArticleLine(l);
      if (a && !a.worded && !parseReformNote(l)) return true;
    }
    return false;
  }

  // Typical width of a full line, and whether the text is hard-wrapped (most lines end mid-sentence).
  private measureLines(): [number, boolean] {
    const histogram = new Int32Array(1001);
    let count = 0;
    let open = 0;
    for (let i = 0; i < this.lines.length; i++) {
      const l = this.lines[i]!;
      if (this.drop[i] || l === '') continue;
      histogram[Math.min(l.length, 1000)]!++;
      count++;
      if (!endsSentence(l)) open++;
    }
    if (count === 0) return [0, false];
    let width = 0;
    for (let seen = 0; width < 1000 && seen + histogram[width]! <= count * 0.8; width++) seen += histogram[width]!;
    return [width, open > count * 0.5 && width < 200];
  }

  // Fallback for texts without articles: paragraphs ¶1, ¶2 … of the kept lines.
  private paragraphUnits(): Provision[] {
    const units: Provision[] = [];
    let current: string[] = [];
    let prev = '';
    const flush = () => {
      if (current.length === 0) return;
      const ref = `¶${units.length + 1}`;
      units.push({ ref, kind: 'paragraph', label: '', text: current.join('\n'), notes: [], children: [], path: [] });
      current = [];
    };
    for (let i = 0; i < this.lines.length; i++) {
      const line = this.lines[i]!;
      if (this.drop[i] || line === '') {
        if (line === '') flush();
        continue;
      }
      this.prevLine = prev;
      if (current.length > 0 && this.paragraphBreak(line)) flush();
      current.push(line);
      prev = line;
    }
    flush();
    return units;
  }
}

/** Lines that carry structure and must never be taken for page furniture. */
function isStructural(line: string): boolean {
  return (
    parseReformNote(line) !== null ||
    parseArticleLine(line) !== null ||
    parseHeadingLine(line) !== null ||
    isTransitoryHeader(line) ||
    parseListLine(line) !== null
  );
}

/** True when a line starts with a capital letter (accented ones included) or a markdown "#". */
function startsUpper(line: string): boolean {
  const c = line.charCodeAt(0);
  return (c >= 65 && c <= 90) || c === 35 || (c >= 0xc0 && c <= 0xde && c !== 0xd7);
}

/** True when a line ends a sentence or a clause: . ; : ! ? (possibly followed by closing quotes or brackets). */
function endsSentence(line: string): boolean {
  let i = line.length - 1;
  // Char codes, not one-character strings: this runs several times on every line.
  for (let c = line.charCodeAt(i); c === 34 || c === 0x201d || c === 0xbb || c === 39 || c === 41 || c === 93; c = line.charCodeAt(--i));
  const c = line.charCodeAt(i);
  return c === 46 || c === 59 || c === 58 || c === 33 || c === 63; // . ; : ! ?
}

function countWords(line: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    const w = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && (c < 0x2000 || c > 0x206f));
    if (w && !inWord) n++;
    inWord = w;
  }
  return n;
}
