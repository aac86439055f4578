/**
 * PDF extraction on PDFs built here with pdf-lib: accents, a multi-page legal text with running headers and "N de M"
 * footers, hyphenated line ends, structure that must not be merged, scans without text, encryption, damage.
 */
import { createHash } from 'node:crypto';
import { degrees, PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { extractDocument, IngestError } from '../../src/ingest/index.js';
import { buildPdf, buildPng, encryptPdf, layoutPages } from './build.js';

/** Paragraphs as laid out on the page (one string per printed line) and as they must come back. */
const LAW: { lines: string[]; expected: string }[] = [
  { lines: ['TÍTULO PRIMERO'], expected: 'TÍTULO PRIMERO' },
  { lines: ['DISPOSICIONES GENERALES'], expected: 'DISPOSICIONES GENERALES' },
  { lines: ['CAPÍTULO I'], expected: 'CAPÍTULO I' },
  {
    lines: ['Artículo 1o. La presente Ley es de orden público e interés social y tiene por objeto la protec-', 'ción de las víctimas y la sanción de los delitos.'],
    expected: 'Artículo 1o. La presente Ley es de orden público e interés social y tiene por objeto la protección de las víctimas y la sanción de los delitos.',
  },
  { lines: ['Artículo 2.- Esta Ley tiene por objeto:'], expected: 'Artículo 2.- Esta Ley tiene por objeto:' },
  {
    lines: ['I. Establecer competencias y formas de coordinación para la prevención, investigación y', 'persecución de los delitos en materia de trata de personas;'],
    expected: 'I. Establecer competencias y formas de coordinación para la prevención, investigación y persecución de los delitos en materia de trata de personas;',
  },
  { lines: ['Fracción reformada DOF 19-01-2018'], expected: 'Fracción reformada DOF 19-01-2018' },
  { lines: ['II. Establecer los tipos penales y sus sanciones, así como la reparación del daño:'], expected: 'II. Establecer los tipos penales y sus sanciones, así como la reparación del daño:' },
  { lines: ['a) Su origen, edad, sexo o condición socioeconómica;'], expected: 'a) Su origen, edad, sexo o condición socioeconómica;' },
  { lines: ['b) Nivel educativo o falta de oportunidades.'], expected: 'b) Nivel educativo o falta de oportunidades.' },
  { lines: ['Inciso reformado DOF 07-06-2024'], expected: 'Inciso reformado DOF 07-06-2024' },
  {
    lines: ['Las autoridades adoptarán, en todo momento, medidas para garantizar la seguridad, la protección', 'y el bienestar físico y psicológico de las víctimas, su intimidad y el resguardo de su identidad', 'y de sus datos personales, conforme a la ley de la materia y a los tratados internacionales.'],
    expected:
      'Las autoridades adoptarán, en todo momento, medidas para garantizar la seguridad, la protección y el bienestar físico y psicológico de las víctimas, su intimidad y el resguardo de su identidad y de sus datos personales, conforme a la ley de la materia y a los tratados internacionales.',
  },
  { lines: ['Artículo 5 Bis.- Se impondrá pena de 5 a 15 años de prisión a quien, con fines de explo-', 'tación, capte o traslade a una persona.'], expected: 'Artículo 5 Bis.- Se impondrá pena de 5 a 15 años de prisión a quien, con fines de explotación, capte o traslade a una persona.' },
  { lines: ['TRANSITORIOS'], expected: 'TRANSITORIOS' },
  { lines: ['Primero.- El presente Decreto entrará en vigor al día siguiente de su publicación en el Diario', 'Oficial de la Federación.'], expected: 'Primero.- El presente Decreto entrará en vigor al día siguiente de su publicación en el Diario Oficial de la Federación.' },
  { lines: ['Segundo.- Se derogan las disposiciones que se opongan al presente Decreto.'], expected: 'Segundo.- Se derogan las disposiciones que se opongan al presente Decreto.' },
];
const HEADER = ['LEY GENERAL DE PRUEBA PARA PREVENIR LOS DELITOS', 'CÁMARA DE DIPUTADOS DEL H. CONGRESO DE LA UNIÓN'];

describe('PDF extraction', () => {
  it('reads accented Spanish text exactly, with provenance', async () => {
    const text = 'Artículo 1. Acción, niñez, pingüino, ¿qué? ¡Sí! «Víctimas» ÁÉÍÓÚÑÜ áéíóúñü';
    const bytes = await buildPdf([{ lines: [{ text, y: 700 }] }]);
    const result = await extractDocument(bytes, { filename: 'ley.pdf' });
    expect(result.text).toBe(text);
    expect(result.provenance).toEqual({
      sha256: createHash('sha256').update(bytes).digest('hex'),
      size: bytes.byteLength,
      type: 'pdf',
      mediaType: 'application/pdf',
      pages: 1,
      warnings: [],
      filename: 'ley.pdf',
      furniture: [],
    });
    expect(bytes.byteLength).toBeGreaterThan(0); // the caller's buffer was not transferred away
  });

  it('removes repeated headers and "N de M" footers, re-joins paragraphs across pages and undoes hyphenation', async () => {
    const law = [...LAW, ...LAW, ...LAW];
    const specs = layoutPages(law.map((p) => p.lines), HEADER, 17);
    expect(specs.length).toBeGreaterThanOrEqual(3);
    const continuations = new Set(law.flatMap((p) => p.lines.slice(1)));
    const runOn = specs.slice(1).filter((page) => continuations.has(page.lines![HEADER.length]!.text));
    expect(runOn.length, 'pages that start inside a paragraph').toBeGreaterThanOrEqual(1);
    const progress: [number, number][] = [];
    const result = await extractDocument(await buildPdf(specs), { onProgress: (done, total) => progress.push([done, total]) });

    expect(result.text).toBe(law.map((p) => p.expected).join('\n\n'));
    expect(result.provenance.pages).toBe(specs.length);
    expect(result.provenance.furniture).toEqual([
      { line: HEADER[0], pages: specs.length },
      { line: HEADER[1], pages: specs.length },
      { line: `1 de ${specs.length}`, pages: specs.length },
    ]);
    expect(progress).toEqual(specs.map((_, i) => [i + 1, specs.length]));
  });

  it('keeps a body line that repeats on every page when it is not at the page edge', async () => {
    const pages = [1, 2, 3].map((n) => ({
      lines: [
        { text: 'ENCABEZADO', y: 750, size: 8 },
        { text: `Artículo ${n}0. Primer párrafo número ${n}.`, y: 690 },
        { text: 'Párrafo reformado DOF 19-01-2018', y: 664, size: 8 },
        { text: `Otro párrafo distinto en la página ${n} de este documento.`, y: 640 },
        { text: `${n}`, y: 40 },
      ],
    }));
    const result = await extractDocument(await buildPdf(pages));
    expect(result.text.match(/Párrafo reformado DOF 19-01-2018/g)).toHaveLength(3);
    expect(result.text).not.toMatch(/ENCABEZADO/);
    expect(result.text.split('\n\n')).toHaveLength(9);
  });

  it('refuses a scanned PDF without a text layer', async () => {
    const bytes = await buildPdf([{ image: buildPng(60, 80) }, { image: buildPng(60, 80) }]);
    const error = await extractDocument(bytes).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IngestError);
    expect(error).toMatchObject({ code: 'no-text-layer', status: 422 });
    expect((error as Error).message).toContain('no text layer; OCR is not supported');
  });

  it('refuses a PDF whose only text is page furniture', async () => {
    const pages = [1, 2, 3].map((n) => ({ image: buildPng(20, 20), lines: [{ text: 'GACETA OFICIAL', y: 750 }, { text: `Página ${n} de 3`, y: 40 }] }));
    await expect(extractDocument(await buildPdf(pages))).rejects.toMatchObject({ code: 'no-text-layer' });
  });

  it('reads the text pages of a partly scanned PDF and names the pages without text', async () => {
    const bytes = await buildPdf([{ lines: [{ text: 'Artículo 1. Texto.', y: 700 }] }, { image: buildPng(60, 80) }]);
    const result = await extractDocument(bytes);
    expect(result.text).toBe('Artículo 1. Texto.');
    expect(result.provenance.warnings).toEqual(['No text on page 2 (blank, or a scanned image: OCR is not supported).']);
  });

  it('refuses a PDF that needs a password, and reads one encrypted only to restrict permissions', async () => {
    const plain = await buildPdf([{ lines: [{ text: 'Artículo 1. Texto cifrado con RC4.', y: 700 }] }]);
    await expect(extractDocument(await encryptPdf(plain, 'secreto'))).rejects.toMatchObject({ code: 'encrypted', status: 422 });
    const result = await extractDocument(await encryptPdf(plain, ''));
    expect(result.text).toBe('Artículo 1. Texto cifrado con RC4.');
    expect(result.provenance.warnings).toEqual([expect.stringContaining('encrypted without an opening password')]);
  });

  it('refuses truncated and damaged PDFs', async () => {
    const bytes = await buildPdf([1, 2, 3].map((n) => ({ lines: [{ text: `Artículo ${n}. Texto de la página.`, y: 700 }] })));
    const truncated = bytes.slice(0, Math.floor(bytes.length * 0.6));
    await expect(extractDocument(truncated)).rejects.toMatchObject({ code: 'corrupt', status: 422, message: expect.stringMatching(/Truncated PDF/) });
    const holed = new Uint8Array([...bytes.subarray(0, 500), ...bytes.subarray(800)]);
    await expect(extractDocument(holed)).rejects.toMatchObject({ code: 'corrupt' });
    const garbage = new TextEncoder().encode('%PDF-1.7\nthis is not a PDF body\n%%EOF\n');
    await expect(extractDocument(garbage)).rejects.toMatchObject({ code: 'corrupt', message: expect.stringMatching(/Damaged PDF/) });
  });

  it('leaves out text stamped at an angle, with a warning', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage([612, 792]);
    page.drawText('Artículo 1. Texto horizontal.', { x: 72, y: 700, size: 11, font });
    page.drawText('COPIA SIN VALOR', { x: 300, y: 300, size: 30, font, rotate: degrees(45) });
    const result = await extractDocument(await doc.save());
    expect(result.text).toBe('Artículo 1. Texto horizontal.');
    expect(result.provenance.warnings).toEqual(['Left out 1 piece of text set at an angle to the page (stamps or margin notes).']);
  });

  it('reads a page set in two columns column by column, with a warning', async () => {
    const paragraphs = [
      'Artículo 1. La presente Ley es de orden público e interés social en el Estado y tiene por objeto:',
      'I. Prevenir la trata de personas en todo el territorio del Estado, con la participación de los municipios;',
      'II. Sancionar a quienes cometan los delitos previstos en esta Ley, conforme al Código Penal del Estado, y',
      'III. Proteger y asistir a las víctimas, ofendidos y testigos de estos delitos con perspectiva de género.',
      'Artículo 2. Para los efectos de esta Ley se entenderá por víctima a la persona que haya sufrido un daño.',
      'Artículo 3. Las autoridades estatales y municipales coordinarán sus acciones en la materia de esta Ley.',
    ];
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage([612, 792]);
    const title = 'PERIÓDICO OFICIAL DEL GOBIERNO DEL ESTADO LIBRE Y SOBERANO';
    page.drawText(title, { x: 90, y: 740, size: 12, font });
    // Greedy wrapping at 200 pt, as a typesetter would: the next word never fits on the line before.
    const lines = paragraphs.map((p) =>
      p.split(' ').reduce<string[]>((acc, word) => {
        const last = acc[acc.length - 1];
        if (last !== undefined && font.widthOfTextAtSize(`${last} ${word}`, 10) <= 200) acc[acc.length - 1] = `${last} ${word}`;
        else acc.push(word);
        return acc;
      }, []),
    );
    const flat = lines.flatMap((ls, i) => ls.map((text, j) => ({ text, gapBefore: j === 0 && i > 0 })));
    const half = Math.ceil(flat.length / 2) + 1; // the column break falls inside a paragraph
    let y = 700;
    flat.forEach((line, i) => {
      if (i === half) y = 700;
      else if (line.gapBefore) y -= 12;
      page.drawText(line.text, { x: i < half ? 60 : 330, y, size: 10, font });
      y -= 12;
    });
    const result = await extractDocument(await doc.save());
    expect(result.text).toBe([title, ...paragraphs].join('\n\n'));
    expect(result.provenance.warnings).toEqual(['Page 1 is set in two columns and was read left column first; check the reading order.']);
  });

  it('reads a page set sideways in its own frame', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage([612, 792]);
    page.drawText('Artículo 1. Primera línea', { x: 100, y: 100, size: 11, font, rotate: degrees(90) });
    page.drawText('Artículo 2. Segunda línea', { x: 115, y: 100, size: 11, font, rotate: degrees(90) });
    const result = await extractDocument(await doc.save());
    expect(result.text).toBe('Artículo 1. Primera línea\n\nArtículo 2. Segunda línea');
  });
});
