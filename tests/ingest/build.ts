/**
 * Builders for the ingestion tests: small PDFs (pdf-lib, standard fonts), PDFs encrypted by hand (the standard
 * security handler, RC4 40-bit, revision 2, since pdf-lib cannot encrypt), DOCX files (the `docx` package), PNG images
 * and raw zip archives whose directory can declare any size (for zip bombs). Everything is generated in memory.
 */

import { createHash } from 'node:crypto';
import { deflateRawSync, deflateSync } from 'node:zlib';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { PDFArray, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRawStream, StandardFonts } from 'pdf-lib';

/** A line of text placed on a PDF page; y from the bottom, in points. */
export interface TextLine {
  text: string;
  y: number;
  x?: number;
  size?: number;
}

/** A US Letter page: its lines, and optionally a PNG drawn full page (a "scan"). */
export interface PageSpec {
  lines?: TextLine[];
  image?: Uint8Array;
}

/** Builds a PDF with Helvetica (WinAnsi: Spanish accents, ñ, ¿ ¡ « »). */
export async function buildPdf(pages: PageSpec[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const spec of pages) {
    const page = doc.addPage([612, 792]);
    if (spec.image) {
      const png = await doc.embedPng(spec.image);
      page.drawImage(png, { x: 0, y: 0, width: 612, height: 792 });
    }
    for (const line of spec.lines ?? []) page.drawText(line.text, { x: line.x ?? 72, y: line.y, size: line.size ?? 11, font });
  }
  return doc.save({ useObjectStreams: false });
}

/**
 * Lays out paragraphs as a body text: each paragraph's lines 13.2 pt apart, paragraphs 26 pt apart, `linesPerPage`
 * lines on a page (a page may end inside a paragraph), with a header and an "N de M" footer on every page.
 */
export function layoutPages(paragraphs: string[][], header: string[], linesPerPage = 40): PageSpec[] {
  const pages: TextLine[][] = [[]];
  let y = 690;
  for (const paragraph of paragraphs) {
    for (const text of paragraph) {
      if (pages[pages.length - 1]!.length === linesPerPage) {
        pages.push([]);
        y = 690;
      }
      pages[pages.length - 1]!.push({ text, y });
      y -= 13.2;
    }
    y -= 12.8;
  }
  return pages.map((lines, i) => ({
    lines: [
      ...header.map((text, h) => ({ text, y: 750 - h * 10, size: 8, x: 140 })),
      ...lines,
      { text: `${i + 1} de ${pages.length}`, y: 40, size: 9, x: 290 },
    ],
  }));
}

const PADDING = Buffer.from('28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a', 'hex');

/**
 * Encrypts a PDF built by `buildPdf` with the standard security handler (V 1, R 2, RC4 40-bit): every stream is
 * encrypted with its object key, and the trailer gets /Encrypt and /ID. With an empty user password the file opens
 * without one (permissions-only encryption); with a user password it does not.
 */
export async function encryptPdf(bytes: Uint8Array, userPassword: string, ownerPassword = 'propietario'): Promise<Uint8Array> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const context = doc.context;
  const id = createHash('md5').update('armoniza-test').digest();
  const permissions = -3904; // printing allowed, copying not: bits 3 set, 5 clear, high bits set as R2 requires
  const ownerKey = md5(pad(ownerPassword)).subarray(0, 5);
  const O = rc4(ownerKey, pad(userPassword));
  const P = Buffer.alloc(4);
  P.writeInt32LE(permissions);
  const key = md5(Buffer.concat([pad(userPassword), O, P, id])).subarray(0, 5);
  const U = rc4(key, PADDING);

  for (const [ref, object] of context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFRawStream)) continue;
    const objectKey = md5(Buffer.concat([key, le(ref.objectNumber, 3), le(ref.generationNumber, 2)])).subarray(0, 10);
    context.assign(ref, PDFRawStream.of(object.dict, rc4(objectKey, Buffer.from(object.contents))));
  }
  const encrypt = context.obj({ Filter: 'Standard', V: 1, R: 2, Length: 40 });
  encrypt.set(PDFName.of('O'), PDFHexString.of(O.toString('hex')));
  encrypt.set(PDFName.of('U'), PDFHexString.of(U.toString('hex')));
  encrypt.set(PDFName.of('P'), PDFNumber.of(permissions));
  context.trailerInfo.Encrypt = context.register(encrypt);
  context.trailerInfo.ID = PDFArray.withContext(context);
  (context.trailerInfo.ID as PDFArray).push(PDFHexString.of(id.toString('hex')));
  (context.trailerInfo.ID as PDFArray).push(PDFHexString.of(id.toString('hex')));
  context.trailerInfo.Info = undefined;
  return doc.save({ useObjectStreams: false, updateFieldAppearances: false });
}

function pad(password: string): Buffer {
  return Buffer.concat([Buffer.from(password, 'latin1'), PADDING]).subarray(0, 32);
}

function md5(data: Buffer): Buffer {
  return createHash('md5').update(data).digest();
}

function le(value: number, bytes: number): Buffer {
  return Buffer.from(Array.from({ length: bytes }, (_, i) => (value >> (8 * i)) & 0xff));
}

function rc4(key: Buffer, data: Buffer): Buffer {
  const s = Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 0xff;
    [s[i], s[j]] = [s[j]!, s[i]!];
  }
  const out = Buffer.alloc(data.length);
  for (let n = 0, i = 0, j = 0; n < data.length; n++) {
    i = (i + 1) & 0xff;
    j = (j + s[i]!) & 0xff;
    [s[i], s[j]] = [s[j]!, s[i]!];
    out[n] = data[n]! ^ s[(s[i]! + s[j]!) & 0xff]!;
  }
  return out;
}

/** A grey 8-bit PNG with a little noise, like a scanned page. */
export function buildPng(width: number, height: number): Uint8Array {
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) raw[y * (width + 1) + 1 + x] = 200 + ((x * 7 + y * 13) % 50);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8);
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** Builds a DOCX whose paragraphs are the given strings. */
export async function buildDocx(paragraphs: string[], options: { numbered?: string[] } = {}): Promise<Uint8Array> {
  const doc = new Document({
    numbering: {
      config: [{ reference: 'fracciones', levels: [{ level: 0, format: 'upperRoman', text: '%1.', alignment: 'left' }] }],
    },
    sections: [
      {
        children: [
          ...paragraphs.map((text) => new Paragraph({ children: [new TextRun(text)] })),
          ...(options.numbered ?? []).map((text) => new Paragraph({ children: [new TextRun(text)], numbering: { reference: 'fracciones', level: 0 } })),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** An entry of a hand-made zip: its data, and optionally sizes to declare instead of the true ones. */
export interface ZipSpec {
  name: string;
  data: Uint8Array;
  declaredSize?: number;
  store?: boolean;
}

/** Writes a zip archive (deflate unless `store`), declaring whatever sizes the specs say. CRCs are not checked by the reader under test and are left zero. */
export function buildZip(specs: ZipSpec[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const spec of specs) {
    const name = Buffer.from(spec.name, 'utf8');
    const data = spec.store ? Buffer.from(spec.data) : deflateRawSync(spec.data);
    const size = spec.declaredSize ?? spec.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(spec.store ? 0 : 8, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(spec.store ? 0 : 8, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(specs.length, 8);
  end.writeUInt16LE(specs.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}
