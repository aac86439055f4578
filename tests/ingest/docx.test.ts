/**
 * DOCX extraction on files built here with the `docx` package, and the zip checks on archives built by hand: bombs
 * that declare a huge ratio or total, one that lies about its size, damaged and look-alike archives.
 */
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/ingest/index.js';
import { readZipDirectory } from '../../src/ingest/zip-directory.js';
import { buildDocx, buildPdf, buildZip } from './build.js';

const PARAGRAPHS = [
  'INICIATIVA CON PROYECTO DE DECRETO',
  'Artículo 1.- La presente Ley es de orden público, interés social y observancia general en el Estado de Oaxaca.',
  'I. Establecer competencias para la prevención, investigación y sanción de la trata de personas;',
  'a) Niñas, niños y adolescentes; «víctimas» ¿cómo? ¡ya! pingüino',
  'Primero.- El presente Decreto entrará en vigor al día siguiente de su publicación.',
];
const CONTENT_TYPES = new TextEncoder().encode('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
const xml = (text: string) => new TextEncoder().encode(text);

describe('DOCX extraction', () => {
  it('reads the paragraphs back exactly, one per paragraph, with provenance', async () => {
    const bytes = await buildDocx(PARAGRAPHS);
    const result = await extractDocument(bytes, { filename: 'iniciativa.docx' });
    expect(result.text).toBe(PARAGRAPHS.join('\n\n'));
    expect(result.provenance).toMatchObject({
      type: 'docx',
      mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      pages: null,
      size: bytes.byteLength,
      warnings: [],
      filename: 'iniciativa.docx',
    });
  });

  it('says when Word numbering is lost from the text', async () => {
    const result = await extractDocument(await buildDocx(['Artículo 2. Son fines:'], { numbered: ['Prevenir;', 'Sancionar.'] }));
    expect(result.text).toBe('Artículo 2. Son fines:\n\nPrevenir;\n\nSancionar.');
    expect(result.provenance.warnings).toEqual([expect.stringMatching(/^2 paragraphs use Word's automatic numbering/)]);
  });

  it('refuses a zip bomb that declares a huge compression ratio, before inflating it', async () => {
    const zeros = new Uint8Array(8 * 1024 * 1024);
    const bomb = buildZip([{ name: '[Content_Types].xml', data: CONTENT_TYPES }, { name: 'word/document.xml', data: zeros }]);
    expect(bomb.byteLength).toBeLessThan(64 * 1024);
    await expect(extractDocument(bomb, { filename: 'bomba.docx' })).rejects.toMatchObject({
      code: 'zip-bomb',
      status: 422,
      message: expect.stringMatching(/compression ratio of \d+:1/),
    });
  });

  it('refuses a zip whose entries declare too much in total', async () => {
    const entries = Array.from({ length: 200 }, (_, i) => ({ name: `word/media/image${i}.bin`, data: new Uint8Array(1024), declaredSize: 1024 * 1024 }));
    const bomb = buildZip([{ name: 'word/document.xml', data: xml('<w:document/>') }, ...entries]);
    await expect(extractDocument(bomb)).rejects.toMatchObject({ code: 'zip-bomb', message: expect.stringMatching(/200 MiB uncompressed/) });
  });

  it('refuses a zip bomb that lies about its size, at the first byte past the declared size', async () => {
    const bomb = buildZip([{ name: 'word/document.xml', data: new Uint8Array(4 * 1024 * 1024), declaredSize: 1000 }]);
    await expect(extractDocument(bomb, { filename: 'x.docx' })).rejects.toMatchObject({
      code: 'zip-bomb',
      message: expect.stringMatching(/inflates past the 1000 bytes it declares/),
    });
  });

  it('reads a ZIP64 size from the extra field', () => {
    const zip = buildZip([{ name: 'word/document.xml', data: xml('<w:document/>') }]);
    // Rewrite the central entry to say "see ZIP64" and add an extra field declaring 2^40 bytes.
    const view = new DataView(zip.buffer);
    const central = view.getUint32(zip.length - 6, true);
    const extra = new Uint8Array(12);
    new DataView(extra.buffer).setUint16(0, 0x0001, true);
    new DataView(extra.buffer).setUint16(2, 8, true);
    new DataView(extra.buffer).setBigUint64(4, 1n << 40n, true);
    const name = zip.subarray(central + 46, central + 46 + 17);
    const header = zip.slice(central, central + 46);
    new DataView(header.buffer).setUint32(24, 0xffffffff, true);
    new DataView(header.buffer).setUint16(30, extra.length, true);
    const end = zip.slice(zip.length - 22);
    new DataView(end.buffer).setUint32(12, 46 + 17 + extra.length, true);
    const zip64 = new Uint8Array([...zip.subarray(0, central), ...header, ...name, ...extra, ...end]);
    expect(readZipDirectory(zip64)[0]).toMatchObject({ name: 'word/document.xml', uncompressedSize: 2 ** 40 });
  });

  it('refuses damaged archives and look-alikes', async () => {
    const docx = await buildDocx(PARAGRAPHS);
    await expect(extractDocument(docx.slice(0, docx.length - 30), { filename: 'a.docx' })).rejects.toMatchObject({
      code: 'corrupt',
      message: expect.stringMatching(/Damaged zip archive/),
    });

    const damaged = buildZip([{ name: 'word/document.xml', data: xml('<w:document>' + 'texto '.repeat(500) + '</w:document>') }]);
    damaged.set([0xff, 0xff, 0xff, 0xff], 30 + 'word/document.xml'.length + 2); // inside the deflate data
    await expect(extractDocument(damaged)).rejects.toMatchObject({ code: 'corrupt' });

    const other = buildZip([{ name: 'xl/workbook.xml', data: xml('<workbook/>') }]);
    await expect(extractDocument(other)).rejects.toMatchObject({ code: 'unsupported-type', status: 415, message: expect.stringMatching(/Excel/) });

    const stored = buildZip([{ name: 'word/document.xml', data: xml('<w:document/>'), store: true, declaredSize: 5 }]);
    await expect(extractDocument(stored)).rejects.toMatchObject({ code: 'corrupt' });

    const weird = buildZip([{ name: 'word/document.xml', data: xml('<w:document/>') }]);
    new DataView(weird.buffer).setUint16(weird.length - 22 - 46 - 17 + 10, 14, true); // method 14 (LZMA) in the central directory
    await expect(extractDocument(weird)).rejects.toMatchObject({ code: 'corrupt', message: expect.stringMatching(/compression method 14/) });
  });

  it('refuses a file named .docx that is not a zip', async () => {
    await expect(extractDocument(xml('Artículo 1. Texto plano.'), { filename: 'ley.docx' })).rejects.toMatchObject({ code: 'type-mismatch', status: 415 });
    const pdf = await buildPdf([{ lines: [{ text: 'Artículo 1.', y: 700 }] }]);
    await expect(extractDocument(pdf, { filename: 'ley.docx' })).rejects.toMatchObject({
      code: 'type-mismatch',
      message: 'The file "ley.docx" is named as a Word document (.docx), but its content is a PDF. Rename it or upload the intended file.',
    });
  });

  it('refuses password-protected and legacy Word files', async () => {
    const ole = (streamName: string) => {
      const bytes = new Uint8Array(4096);
      bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
      bytes.set(new Uint8Array(Buffer.from(streamName, 'utf16le')), 1024);
      return bytes;
    };
    await expect(extractDocument(ole('EncryptedPackage'), { filename: 'a.docx' })).rejects.toMatchObject({ code: 'encrypted' });
    await expect(extractDocument(ole('WordDocument'), { filename: 'a.doc' })).rejects.toMatchObject({ code: 'unsupported-type', message: expect.stringMatching(/\.doc/) });
  });
});
