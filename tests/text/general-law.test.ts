// Segmentation of the General Law, checked against the text itself by independent line scans.
import { beforeAll, describe, expect, it } from 'vitest';
import { segment } from '../../src/text';
import type { LegalDocument, Provision } from '../../src/text';
import { corpus, GENERAL_LAW } from '../support/corpus';

const all = (ps: Provision[]): Provision[] => ps.flatMap((p) => [p, ...all(p.children)]);

let raw: string;
let lines: string[];
let doc: LegalDocument;
let articles: Provision[];
/** Index of the line that opens the original transitorios: the body ends there. */
let bodyEnd: number;

beforeAll(() => {
  raw = corpus(GENERAL_LAW);
  lines = raw.split('\n').map((l) => l.trim());
  doc = segment(raw);
  articles = doc.units.filter((u) => u.kind === 'article');
  bodyEnd = lines.findIndex((l) => /^TRANSITORIOS$/.test(l));
});

// Independent scan: body article lines are "Artículo <n>" + "o" + "." or ".-" at the start of a line.
function scannedArticles(): { number: number; line: number }[] {
  const out: { number: number; line: number }[] = [];
  for (let i = 0; i < bodyEnd; i++) {
    const m = /^Artículo (\d+)o?\.-? \S/.exec(lines[i]!);
    if (m) out.push({ number: Number(m[1]), line: i });
  }
  return out;
}

// Page furniture found independently: lines repeated on most pages, and "N de M" page numbers.
function furnitureLines(): Set<string> {
  const counts = new Map<string, number>();
  for (const l of lines) counts.set(l, (counts.get(l) ?? 0) + 1);
  const pages = lines.filter((l) => /^\d+ de \d+$/.test(l)).length;
  return new Set(lines.filter((l) => /^\d+ de \d+$/.test(l) || (counts.get(l)! >= pages * 0.8 && l.length > 10)));
}

describe('General Law: articles', () => {
  it('has every body article, in order, with the number the line scan finds', () => {
    const scanned = scannedArticles();
    expect(scanned.length).toBeGreaterThan(100);
    expect(articles.map((a) => a.ref)).toEqual(scanned.map((s) => String(s.number)));
    scanned.forEach((s, i) => expect(s.number).toBe(i + 1));
  });

  it('does not take the decree preamble ("Artículo Primero.- Se expide…") for an article', () => {
    const preambleArticle = lines.find((l) => /^Artículo Primero\.- Se expide/.test(l))!;
    expect(preambleArticle).toBeDefined();
    expect(doc.units.some((u) => u.label.startsWith('Artículo Primero'))).toBe(false);
    expect(doc.preamble).toContain(preambleArticle);
  });

  it('gives a sample of articles the fracciones a line scan finds in their text', () => {
    const scanned = scannedArticles();
    for (const n of [2, 3, 4, 10, 42, 54, 62, 85, 88, 113]) {
      const start = scanned[n - 1]!.line;
      const end = scanned[n]?.line ?? bodyEnd;
      const romans = lines
        .slice(start + 1, end)
        .map((l) => /^([IVXL]+)\. \S/.exec(l)?.[1])
        .filter((r): r is string => r !== undefined);
      const article = articles[n - 1]!;
      expect(article.children.filter((c) => c.kind === 'fraction').map((c) => c.label.replace('.', ''))).toEqual(romans);
      for (const r of romans) expect(article.children.some((c) => c.ref === `${n} fr. ${r}`)).toBe(true);
    }
  });

  it('attaches every reform note of the body to the article it follows (or to one of its parts)', () => {
    const scanned = scannedArticles();
    const noteLines = lines
      .map((l, i) => ({ l, i }))
      .filter(({ l, i }) => i < bodyEnd && /^(Artículo|Fracción|Párrafo|Inciso) (reformad|adicionad|derogad)[oa] DOF/.test(l));
    expect(noteLines.length).toBeGreaterThan(50);
    for (const { l, i } of noteLines) {
      const owner = [...scanned].reverse().find((s) => s.line < i)!;
      const article = articles[owner.number - 1]!;
      const notes = all([article]).flatMap((p) => p.notes.map((n) => n.raw));
      expect(notes, `note "${l}" (line ${i + 1}) under article ${owner.number}`).toContain(l);
    }
    const attached = articles.flatMap((a) => all([a])).reduce((sum, p) => sum + p.notes.length, 0);
    expect(attached).toBe(noteLines.length);
  });

  it('puts notes on the right level: fracción, paragraph, inciso, article', () => {
    const find = (ref: string) => all(doc.units).find((p) => p.ref === ref)!;
    for (const p of all(articles)) {
      for (const n of p.notes) {
        const expected = { Fracción: 'fraction', Inciso: 'clause', Párrafo: 'paragraph', Artículo: 'article' }[n.target];
        // A "Párrafo" note sits on a paragraph, or on a unit or fracción that has a single paragraph.
        if (n.target === 'Párrafo') expect(p.children.some((c) => c.kind === 'paragraph'), p.ref).toBe(false);
        else if (expected) expect(p.kind, `${n.raw} on ${p.ref}`).toBe(expected);
      }
    }
    // Spot checks read in the law: the 2018 decree reformed paragraphs 3 and 4 of article 5; the 2024 one added a
    // third paragraph to fracción V of article 62.
    expect(find('5 párr. 3').notes.map((n) => n.raw)).toEqual(['Párrafo reformado DOF 19-01-2018']);
    expect(find('5 párr. 4').notes.map((n) => n.raw)).toEqual(['Párrafo reformado DOF 19-01-2018']);
    expect(find('62 fr. V párr. 3').notes.map((n) => n.dates)).toEqual([['2024-06-07']]);
  });

  it('keeps page furniture out of every provision, also where it fell mid-sentence', () => {
    const furniture = furnitureLines();
    expect(furniture.size).toBeGreaterThan(3);
    for (const p of all(doc.units)) {
      for (const l of p.text.split('\n')) expect(furniture.has(l.trim()), `${p.ref}: "${l}"`).toBe(false);
    }
    // Article 24 straddles a page break: its text runs straight from one page to the next.
    const a24 = articles[23]!.text;
    expect(a24).toMatch(/actos de mendicidad\.\nSe entiende/);
  });
});

describe('General Law: transitorios and outline', () => {
  it('keeps the transitorios of the original decree apart from those of each reform decree', () => {
    const decrees = new Set(
      lines
        .map((l) => /^Publicado en el Diario Oficial de la Federación el (\d+) de (\p{L}+) de (\d{4})/u.exec(l))
        .filter((m) => m !== null)
        .map((m) => `${m[3]}-${m[2]}-${m[1]!.padStart(2, '0')}`),
    );
    const months = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];
    const expected = [...decrees].map((d) => {
      const [y, m, day] = d.split('-');
      return `DOF ${day}-${String(months.indexOf(m!) + 1).padStart(2, '0')}-${y}`;
    });
    const transitory = doc.units.filter((u) => u.kind === 'transitory');
    expect(new Set(transitory.map((u) => u.decree).filter((d) => d !== 'original'))).toEqual(new Set(expected));
    const original = transitory.filter((u) => u.decree === 'original');
    // The original decree: the law's transitorios (Primero … Décimo Cuarto, counted by a line scan) and the decree's Único.
    const scannedOriginal = lines.slice(bodyEnd, lines.findIndex((l, i) => i > bodyEnd && l === 'TRANSITORIO')).filter((l) => /^(Primero|Segundo|Tercero|Cuarto|Quinto|Sexto|Séptimo|Octavo|Noveno|Décimo)[ \p{L}]*\.-? /u.test(l));
    expect(original.length).toBe(scannedOriginal.length + 1);
    expect(original[0]!.ref).toBe('Transitorio Primero');
    for (const t of transitory) expect(t.text).not.toMatch(/Rúbrica|En cumplimiento de lo dispuesto/);
    expect(new Set(doc.units.map((u) => u.ref)).size).toBe(doc.units.length);
  });

  it('builds the heading outline: books, titles, chapters', () => {
    const books = lines.filter((l) => /^LIBRO (PRIMERO|SEGUNDO)$/.test(l)).length;
    expect(doc.outline.filter((h) => h.kind === 'book').length).toBe(books);
    const chapters = lines.slice(0, bodyEnd).filter((l) => /^CAPÍTULO [IVX]+$/.test(l)).length;
    expect(all(doc.outline).filter((h) => h.kind === 'chapter').length).toBe(chapters);
    expect(articles[0]!.path).toEqual(['Libro Primero', 'Título Primero', 'Capítulo I']);
    expect(all(doc.outline).find((h) => h.notes.length > 0)?.notes[0]?.raw).toMatch(/^Denominación del (Título|Capítulo) reformada DOF/);
  });
});
