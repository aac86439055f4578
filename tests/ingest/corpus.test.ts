/**
 * The official PDF of the General Law (../shared/corpus, beside the repository; CI has it): the text extracted here,
 * segmented by src/text, has the same articles, numbering, fracciones and incisos as the segmentation of the
 * mechanical extraction beside it; no page furniture is left in any provision; and the words agree with Debian's
 * `pdftotext` (poppler-utils), which must be installed. Figures are printed.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { diffArrays } from 'diff';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractDocument, type ExtractedDocument } from '../../src/ingest/index.js';
import { segment, type LegalDocument, type Provision } from '../../src/text/index.js';
import { corpus, corpusBytes, corpusPath, GENERAL_LAW, GENERAL_LAW_PDF } from '../support/corpus.js';

/** Running headers and footers of this PDF, as they must not appear in any provision. */
const FURNITURE = [/\b\d{1,2} de 60\b/, /CÁMARA DE DIPUTADOS/, /Secretaría de Servicios Parlamentarios/, /Secretaría General/];

let bytes: Uint8Array;
let extracted: ExtractedDocument;
let ours: LegalDocument;
let reference: LegalDocument;

beforeAll(async () => {
  bytes = corpusBytes(GENERAL_LAW_PDF);
  extracted = await extractDocument(bytes, { filename: 'LGPSEDMTP.pdf' });
  ours = segment(extracted.text);
  reference = segment(corpus(GENERAL_LAW));
});

const flatten = (provisions: Provision[]): Provision[] => provisions.flatMap((p) => [p, ...flatten(p.children)]);
const outline = (doc: LegalDocument, kinds: string[]) => flatten(doc.units).filter((p) => kinds.includes(p.kind)).map((p) => `${p.ref} | ${p.label}`);
const words = (text: string) => text.normalize('NFC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

describe('the official PDF of the General Law', () => {
  it('is read whole, with its provenance', () => {
    expect(extracted.provenance).toMatchObject({
      sha256: createHash('sha256').update(bytes).digest('hex'),
      size: bytes.byteLength,
      type: 'pdf',
      pages: 60,
      warnings: [],
    });
    expect(extracted.provenance.furniture).toContainEqual({ line: '1 de 60', pages: 60 });
    for (const pattern of FURNITURE) expect(extracted.text).not.toMatch(pattern);
  });

  it('segments into the same articles, transitorios, fracciones and incisos as the mechanical extraction', () => {
    const articles = outline(ours, ['article', 'transitory']);
    expect(articles.length).toBeGreaterThan(150);
    expect(articles).toEqual(outline(reference, ['article', 'transitory']));
    const fracciones = outline(ours, ['fraction']);
    expect(fracciones.length).toBeGreaterThan(300);
    expect(fracciones).toEqual(outline(reference, ['fraction']));
    expect(outline(ours, ['clause'])).toEqual(outline(reference, ['clause']));
    expect(ours.outline.map((h) => h.ref)).toEqual(reference.outline.map((h) => h.ref));
    expect(ours.warnings.filter((w) => /left out|belong to no/.test(w))).toEqual([]);
  });

  it('leaves no page furniture inside any provision', () => {
    const provisions = [...flatten(ours.units), ...flatten(ours.outline)];
    expect(provisions.length).toBeGreaterThan(500);
    for (const p of provisions) for (const pattern of FURNITURE) expect(`${p.ref}: ${p.heading ?? ''} ${p.text}`).not.toMatch(pattern);
  });

  it("agrees with pdftotext on the words: ours are theirs, in order, and theirs left over are only page furniture", () => {
    let poppler: string;
    try {
      poppler = execFileSync('pdftotext', ['-enc', 'UTF-8', corpusPath(GENERAL_LAW_PDF), '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
    } catch (err) {
      throw new Error(`pdftotext (Debian package poppler-utils) is needed for this test: ${(err as Error).message}`);
    }
    const a = words(extracted.text);
    const b = words(poppler);
    const count = (list: string[]) => list.reduce((m, w) => m.set(w, (m.get(w) ?? 0) + 1), new Map<string, number>());
    const [bagA, bagB] = [count(a), count(b)];
    let shared = 0;
    for (const [w, n] of bagA) shared += Math.min(n, bagB.get(w) ?? 0);
    const ids = new Map<string, number>();
    const id = (w: string) => ids.get(w) ?? (ids.set(w, ids.size), ids.size - 1);
    const lcs = diffArrays(a.map(id), b.map(id)).reduce((n, part) => n + (part.added || part.removed ? 0 : part.count ?? 0), 0);

    const figures = {
      ourWords: a.length,
      pdftotextWords: b.length,
      wordBagDice: +((2 * shared) / (a.length + b.length)).toFixed(4),
      ourWordsFoundInPdftotext: +(shared / a.length).toFixed(4),
      lcsRatio: +((2 * lcs) / (a.length + b.length)).toFixed(4),
      ourWordsInPdftotextOrder: +(lcs / a.length).toFixed(4),
    };
    console.log(`pdftotext agreement on ${GENERAL_LAW_PDF.split('/').pop()}: ${JSON.stringify(figures)}`);
    expect(figures.ourWordsFoundInPdftotext).toBeGreaterThanOrEqual(0.995);
    expect(figures.ourWordsInPdftotextOrder).toBeGreaterThanOrEqual(0.995);
    expect(figures.wordBagDice).toBeGreaterThanOrEqual(0.9);

    // What pdftotext has and we do not must be the running headers and footers we reported, and nothing else.
    const furnitureWords = new Set((extracted.provenance.furniture ?? []).flatMap((f) => words(f.line.replace(/\d+/g, ' '))));
    const leftOver = [...bagB].filter(([w, n]) => n > (bagA.get(w) ?? 0) && !/^\d+$/.test(w) && !furnitureWords.has(w)).map(([w]) => w);
    expect(leftOver).toEqual([]);
  });
});
