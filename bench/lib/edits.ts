/**
 * Seeded generators of bench inputs from a consolidated Mexican law: word edits at a given rate, articles reordered
 * and renumbered, and an unrelated text of similar size. Every generator takes a seed, so runs are repeatable.
 *
 * Edits touch the law's wording only — never page headers and footers, reform notes, headings, nor the labels that
 * number provisions ("Artículo 10.-", "II.", "a)", "Primero.-") — as a drafter would edit a model.
 */

/** Deterministic PRNG (mulberry32) returning floats in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Shuffle an array in place (Fisher–Yates) with a PRNG; returns it.
 *
 * @example
 * shuffle([1, 2, 3], prng(1)) // the same order for the same seed, every run
 */
export function shuffle<T>(items: T[], rnd: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** An edited copy of a text and which body articles (by number as written) received at least one edit. */
export interface EditedText {
  text: string;
  editedArticles: Set<string>;
  words: number;
  edits: number;
}

const ARTICLE = /^(Art[íi]culo|ARTÍCULO)\s+(\d+)([o°º]?\.?\s*(?:Bis|Ter)?\s*[.-]*)/u;
const LABEL = /^(Art[íi]culo\s+\S+(?:\s+Bis)?\s*[.-]*|[IVXLC]+\.\s*-?|[a-z]\)|(?:D[ée]cimo\s+)?\p{L}+\.-?)\s*/u;
const SIGNATURE = /\ba \d{1,2} de \p{L}+ de \d{4}|^En cumplimiento de lo dispuesto|R[úu]brica/u;
const NOTE = /(reformad|adicionad|derogad)[oa]s?\s+DOF/iu;
const HEADING = /^(LIBRO|T[ÍI]TULO|CAP[ÍI]TULO|SECCI[ÓO]N|TRANSITORIO|ART[ÍI]CULOS TRANSITORIOS|DECRETO|Publicado en el Diario)/iu;

/**
 * Lines that must stay as they are: page furniture (repeated lines, "N de M"), reform notes, headings, the decree
 * apparatus (signatures, promulgation) and the reform decrees' section, which no drafter edits.
 */
export function protectedLines(lines: string[]): boolean[] {
  const counts = new Map<string, number>();
  for (const l of lines) counts.set(l, (counts.get(l) ?? 0) + 1);
  const reforms = lines.findIndex((l) => /^ART[ÍI]CULOS TRANSITORIOS DE DECRETOS DE REFORMA/.test(l));
  return lines.map(
    (l, i) =>
      (reforms >= 0 && i >= reforms) ||
      (counts.get(l) ?? 0) >= 10 ||
      /^\d+ de \d+$/.test(l) ||
      NOTE.test(l) ||
      HEADING.test(l) ||
      SIGNATURE.test(l) ||
      l.trim() === '',
  );
}

/**
 * Edit `rate` of the words of a text (substitute, delete or insert a word, in equal shares), seeded.
 *
 * @example
 * const e = editWords('Artículo 1. Uno dos tres cuatro.', 0.5, 1);
 * e.text !== 'Artículo 1. Uno dos tres cuatro.' // true
 */
export function editWords(text: string, rate: number, seed: number): EditedText {
  const rnd = prng(seed);
  const lines = text.split('\n');
  const keep = protectedLines(lines);
  const pool = [...new Set(text.match(/\p{L}{4,}/gu) ?? [])];
  const editedArticles = new Set<string>();
  let article = '';
  let words = 0;
  let edits = 0;
  const out = lines.map((line, i) => {
    const a = ARTICLE.exec(line);
    if (a) article = a[2]!;
    if (/^TRANSITORIOS?$/i.test(line.trim())) article = '';
    if (keep[i]) return line;
    const label = LABEL.exec(line)?.[0] ?? '';
    let first = label !== '';
    const body = line.slice(label.length).replace(/\p{L}+/gu, (w) => {
      words++;
      // The first word after a label stays, so the label still reads as one.
      if (first) {
        first = false;
        return w;
      }
      if (rnd() >= rate) return w;
      edits++;
      if (article) editedArticles.add(article);
      const r = rnd();
      const other = pool[Math.floor(rnd() * pool.length)]!;
      if (r < 1 / 3) return other;
      if (r < 2 / 3) return '';
      return `${w} ${other}`;
    });
    return label + body.replace(/ {2,}/g, ' ');
  });
  return { text: out.join('\n'), editedArticles, words, edits };
}

/** A copy with the body's articles shuffled and renumbered 1, 2, 3 … in their new order. */
export interface ReorderedText {
  text: string;
  /** Original article number → new number. */
  renumbered: Map<string, string>;
}

/**
 * Shuffle the body articles (seeded) and renumber them by their new position; headings stay where they were.
 *
 * @example
 * const r = reorderArticles('Artículo 1. A.\nArtículo 2. B.\nArtículo 3. C.', 7);
 * r.renumbered.size // 3
 */
export function reorderArticles(text: string, seed: number): ReorderedText {
  const rnd = prng(seed);
  const lines = text.split('\n');
  const keep = protectedLines(lines);
  // Article blocks run from an article line to the next article, heading or TRANSITORIOS line.
  const blocks: { start: number; end: number; number: string }[] = [];
  let end = lines.findIndex((l) => /^TRANSITORIOS?$/i.test(l.trim()));
  if (end < 0) end = lines.length;
  for (let i = 0; i < end; i++) {
    const a = ARTICLE.exec(lines[i]!);
    if (!a) continue;
    if (blocks.length > 0 && blocks[blocks.length - 1]!.end < 0) blocks[blocks.length - 1]!.end = i;
    blocks.push({ start: i, end: -1, number: a[2]! });
  }
  if (blocks.length > 0 && blocks[blocks.length - 1]!.end < 0) blocks[blocks.length - 1]!.end = end;
  for (const b of blocks) {
    for (let i = b.start + 1; i < b.end; i++) {
      if (HEADING.test(lines[i]!) && !keep[i - 1]) {
        b.end = i;
        break;
      }
    }
  }
  const order = shuffle(blocks.map((_, i) => i), rnd);
  const renumbered = new Map<string, string>();
  const pieces: string[][] = [];
  order.forEach((from, to) => {
    const b = blocks[from]!;
    const copy = lines.slice(b.start, b.end);
    copy[0] = copy[0]!.replace(ARTICLE, (_m, word: string) => `${word} ${to + 1}.-`);
    renumbered.set(b.number, String(to + 1));
    pieces.push(copy);
  });
  const out: string[] = [];
  let cursor = 0;
  blocks.forEach((b, slot) => {
    out.push(...lines.slice(cursor, b.start), ...pieces[slot]!);
    cursor = b.end;
  });
  out.push(...lines.slice(cursor));
  return { text: out.join('\n'), renumbered };
}

/**
 * An unrelated law-shaped text of about `words` words: numbered articles of made-up words, seeded.
 *
 * @example
 * unrelatedText(500, 3).startsWith('Artículo 1.-') // true
 */
export function unrelatedText(words: number, seed: number): string {
  const rnd = prng(seed);
  const syllables = ['ka', 'zu', 'ri', 'mo', 'plen', 'dra', 'vok', 'xi', 'tul', 'bre', 'gan', 'sho', 'qua', 'fel', 'nor'];
  const vocabulary = Array.from({ length: 2500 }, () => {
    let w = '';
    const n = 2 + Math.floor(rnd() * 3);
    for (let i = 0; i < n; i++) w += syllables[Math.floor(rnd() * syllables.length)];
    return w;
  });
  const glue = ['de', 'la', 'el', 'los', 'las', 'y', 'en', 'que', 'por', 'para', 'con', 'se'];
  const out: string[] = [];
  let count = 0;
  for (let n = 1; count < words; n++) {
    const length = 60 + Math.floor(rnd() * 300);
    const sentence: string[] = [];
    for (let i = 0; i < length; i++) sentence.push(rnd() < 0.3 ? glue[Math.floor(rnd() * glue.length)]! : vocabulary[Math.floor(rnd() * vocabulary.length)]!);
    count += length;
    const body = sentence.join(' ');
    const wrapped = body.replace(/(.{1,95})(\s|$)/g, '$1\n').trimEnd();
    out.push(`Artículo ${n}.- ${wrapped.charAt(0).toUpperCase()}${wrapped.slice(1)}.`);
  }
  return out.join('\n');
}
