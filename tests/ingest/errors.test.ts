/**
 * Bad inputs, each refused with its code, HTTP status and a message naming the problem, and nothing returned; and the
 * type detection policy for names that disagree with the bytes.
 */
import { describe, expect, it } from 'vitest';
import { detectType, extractDocument, INGEST_ERROR_STATUS, IngestError } from '../../src/ingest/index.js';
import { buildDocx, buildPdf, buildPng } from './build.js';

const utf8 = (text: string) => new TextEncoder().encode(text);

/** Deterministic pseudo-random bytes (xorshift). */
function randomBytes(length: number, seed = 0x9e3779b9): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

describe('bad inputs', () => {
  it.each([
    ['an empty file', () => new Uint8Array(0), {}, 'empty', 400, /empty/],
    ['random bytes', () => randomBytes(4096), {}, 'unsupported-type', 415, /binary data/],
    ['a PNG image', () => buildPng(4, 4), { filename: 'scan.png' }, 'unsupported-type', 415, /PNG image/],
    ['an RTF file', () => utf8('{\\rtf1\\ansi Hola}'), {}, 'unsupported-type', 415, /RTF/],
    ['a file over the limit', () => utf8('Artículo 1. '.repeat(100)), { maxBytes: 1000 }, 'too-large', 413, /over the 1 KiB limit/],
    ['a PDF named .txt', () => buildPdf([{ lines: [{ text: 'Hola', y: 700 }] }]), { filename: 'ley.txt' }, 'type-mismatch', 415, /named as plain text.*a PDF/],
    ['a DOCX named .pdf', () => buildDocx(['Hola']), { filename: 'ley.pdf' }, 'type-mismatch', 415, /named as a PDF.*Word document/],
    ['text named .pdf', () => utf8('Artículo 1.'), { filename: 'LEY.PDF' }, 'type-mismatch', 415, /named as a PDF.*text/],
    ['a truncated PDF', async () => (await buildPdf([{ lines: [{ text: 'Hola', y: 700 }] }])).slice(0, 400), {}, 'corrupt', 422, /Truncated PDF/],
  ] as const)('refuses %s', async (_, make, options, code, status, message) => {
    const bytes = await make();
    const error = await extractDocument(bytes, options).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(IngestError);
    expect(error).toMatchObject({ name: 'IngestError', code, status, message: expect.stringMatching(message) });
    expect(INGEST_ERROR_STATUS[code]).toBe(status);
  });

  it('refuses a file over the default limit of 20 MiB with 413, before reading it', async () => {
    const big = new Uint8Array(20 * 1024 * 1024 + 1);
    await expect(extractDocument(big)).rejects.toMatchObject({ code: 'too-large', status: 413, message: /20\.0 MiB limit/ });
    await expect(extractDocument(big.subarray(1))).rejects.toMatchObject({ code: 'unsupported-type' }); // at the limit: read, and found binary
  });
});

describe('detectType', () => {
  it('finds the type from the bytes, whatever the name says within text formats', async () => {
    const warnings: string[] = [];
    expect(detectType(await buildPdf([{ lines: [{ text: 'x', y: 700 }] }]), 'ley.pdf')).toBe('pdf');
    expect(detectType(await buildDocx(['x']), 'iniciativa.DOCX')).toBe('docx');
    expect(detectType(utf8('Artículo 1.'), 'ley.bin')).toBe('text');
    expect(detectType(utf8('<!doctype html><p>x</p>'), 'ley.txt', warnings)).toBe('html');
    expect(warnings).toEqual(['The file "ley.txt" is named as plain text, but its content reads as html; it was read as html.']);
    expect(detectType(utf8('Texto con <b>marcas</b>.'), 'ley.html')).toBe('html');
    expect(detectType(utf8('Texto sin marcas.'), 'ley.htm', warnings)).toBe('text');
    expect(warnings).toHaveLength(2);
  });

  it('finds a PDF whose header follows some junk', () => {
    expect(detectType(new Uint8Array([...utf8('\r\n\r\n   '), ...utf8('%PDF-1.4\n')]))).toBe('pdf');
  });
});
