/**
 * Finds a document's format from its bytes: magic numbers for PDF and for formats Armoniza refuses, the zip central
 * directory for DOCX (an archive holding `word/document.xml`), and for everything else a text check followed by HTML
 * and Markdown sniffing. The file name is never trusted; it is only checked.
 *
 * Policy for names that disagree with the bytes:
 * - across families (PDF, DOCX, text-like) the name is a lie, and detection throws IngestError('type-mismatch');
 * - within the text-like family (.txt, .md, .html) the bytes decide, and a warning says so, since all three are text
 *   and nothing is lost by reading one as another; a `.md` name on plain text selects Markdown, of which plain text
 *   is a subset;
 * - extensions Armoniza does not know (.doc, .bin, none) claim nothing.
 */

import { latin1, startsWithBytes } from '../lib/bytes.js';
import { IngestError } from './errors.js';
import type { DocumentType } from './types.js';
import { decodeText } from './decode.js';
import { readZipDirectory } from './zip-directory.js';

type Family = 'pdf' | 'docx' | 'textual';

/** Extensions that claim a format, and the family and type they claim. */
const EXTENSIONS: Record<string, { family: Family; type: DocumentType; label: string }> = {
  pdf: { family: 'pdf', type: 'pdf', label: 'a PDF' },
  docx: { family: 'docx', type: 'docx', label: 'a Word document (.docx)' },
  docm: { family: 'docx', type: 'docx', label: 'a Word document (.docm)' },
  txt: { family: 'textual', type: 'text', label: 'plain text' },
  text: { family: 'textual', type: 'text', label: 'plain text' },
  md: { family: 'textual', type: 'markdown', label: 'Markdown' },
  markdown: { family: 'textual', type: 'markdown', label: 'Markdown' },
  html: { family: 'textual', type: 'html', label: 'HTML' },
  htm: { family: 'textual', type: 'html', label: 'HTML' },
  xhtml: { family: 'textual', type: 'html', label: 'HTML' },
};

const FAMILY_LABEL: Record<Family, string> = { pdf: 'a PDF', docx: 'a Word document (DOCX)', textual: 'text' };

/** Signatures of formats that are refused, with the advice given. Checked after PDF and zip. */
const REFUSED_MAGIC: { bytes: number[]; what: string }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image (OCR is not supported)' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image (OCR is not supported)' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image (OCR is not supported)' },
  { bytes: [0x49, 0x49, 0x2a, 0x00], what: 'a TIFF image (OCR is not supported)' },
  { bytes: [0x4d, 0x4d, 0x00, 0x2a], what: 'a TIFF image (OCR is not supported)' },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], what: 'an RTF document; save it as DOCX or PDF' },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive' },
  { bytes: [0x52, 0x61, 0x72, 0x21], what: 'a RAR archive' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf], what: 'a 7-Zip archive' },
];

/** Control characters a text file may carry and still be read as text (they are removed, with a warning). */
const STRAY_CONTROLS = 8;
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const HTML_START =
  /^(?:\s|<!--[\s\S]*?-->|<\?xml[^>]*>)*<(?:!doctype\s+html|html|head|body|title|meta|p|div|table|h[1-6]|br|section|article|main|span|ul|ol|b|i|a|font|style|script)[\s>/]/i;
const MARKDOWN_SIGNS = [/^#{1,6}[ \t]*\S/m, /\[[^\]\n]+\]\([^)\s]+\)/, /^```/m, /\*\*[^*\n]+\*\*/, /^>\s/m];

/**
 * Detects a document's type from its bytes and checks the file name against it.
 *
 * @param warnings receives a note when a text-like file's name disagrees with its content.
 * @throws IngestError: `empty`, `unsupported-type` (images, legacy .doc, other archives, binary data), `encrypted`
 *   (a password-protected Office file), `corrupt` (a damaged zip), `type-mismatch` (the name lies across families).
 * @example
 * ```ts
 * detectType(pdfBytes, 'ley.pdf'); // 'pdf'
 * detectType(pdfBytes, 'ley.docx'); // throws IngestError('type-mismatch')
 * detectType(new TextEncoder().encode('<p>Artículo 1</p>')); // 'html'
 * ```
 */
export function detectType(bytes: Uint8Array, filename?: string, warnings: string[] = []): DocumentType {
  const found = sniff(bytes);
  const ext = filename?.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  const claim = ext ? EXTENSIONS[ext] : undefined;
  if (!claim) return found;

  const family: Family = found === 'pdf' || found === 'docx' ? found : 'textual';
  if (claim.family !== family) {
    throw new IngestError(
      'type-mismatch',
      `The file "${filename}" is named as ${claim.label}, but its content is ${FAMILY_LABEL[family]}. Rename it or upload the intended file.`,
    );
  }
  if (claim.type === found || family !== 'textual') return found;
  if (claim.type === 'markdown' && found === 'text') return 'markdown';
  if (claim.type === 'html' && found !== 'html' && /<\/?[a-z][a-z0-9]*\b[^>]*>/i.test(prefix(bytes))) return 'html';
  warnings.push(`The file "${filename}" is named as ${claim.label}, but its content reads as ${found}; it was read as ${found}.`);
  return found;
}

function sniff(bytes: Uint8Array): DocumentType {
  if (bytes.length === 0) throw new IngestError('empty', 'The file is empty.');
  if (latin1(bytes.subarray(0, 1024)).includes('%PDF-')) return 'pdf';
  if (startsWithBytes(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWithBytes(bytes, [0x50, 0x4b, 0x05, 0x06])) return sniffZip(bytes);
  if (startsWithBytes(bytes, OLE_MAGIC)) throw refuseOle(bytes);
  const refused = REFUSED_MAGIC.find((m) => startsWithBytes(bytes, m.bytes));
  if (refused) throw new IngestError('unsupported-type', `Unsupported file: this is ${refused.what}.`);
  if (looksBinary(bytes)) throw new IngestError('unsupported-type', 'Unsupported file: binary data, not a PDF, DOCX or text document.');

  const text = prefix(bytes);
  if (HTML_START.test(text)) return 'html';
  if (MARKDOWN_SIGNS.some((sign) => sign.test(text))) return 'markdown';
  return 'text';
}

function sniffZip(bytes: Uint8Array): DocumentType {
  const names = readZipDirectory(bytes).map((entry) => entry.name);
  if (names.some((name) => /^word\/document\d*\.xml$/.test(name))) return 'docx';
  const what = names.includes('xl/workbook.xml')
    ? 'an Excel workbook'
    : names.includes('ppt/presentation.xml')
      ? 'a PowerPoint presentation'
      : names.includes('mimetype') && names.includes('content.xml')
        ? 'an OpenDocument file; save it as DOCX or PDF'
        : 'a zip archive without a Word document in it';
  return refuse(what);
}

function refuse(what: string): never {
  throw new IngestError('unsupported-type', `Unsupported file: this is ${what}.`);
}

/** Office files with a password are OLE containers holding an "EncryptedPackage" stream; other OLE files are legacy .doc/.xls. */
function refuseOle(bytes: Uint8Array): IngestError {
  const utf16 = new TextDecoder('utf-16le').decode(bytes.subarray(0, Math.min(bytes.length, 1 << 20)));
  if (utf16.includes('EncryptedPackage')) {
    return new IngestError('encrypted', 'The Word document is password-protected; remove the password and upload it again.');
  }
  return new IngestError('unsupported-type', 'Unsupported file: this is a legacy Office document (.doc); save it as DOCX or PDF.');
}

/**
 * Control characters (NUL included) making more than 2% of the first 8 KiB, and more than a stray few, mean binary
 * data; a text with a few is read and cleaned. UTF-16 text carries a BOM.
 */
function looksBinary(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return false;
  const sample = bytes.subarray(0, 8192);
  let controls = 0;
  for (const b of sample) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) controls++;
  return controls > Math.max(STRAY_CONTROLS, sample.length * 0.02);
}

/** The first 64 KiB decoded as text, for sniffing markup without decoding the whole file. */
function prefix(bytes: Uint8Array): string {
  return decodeText(bytes.subarray(0, 64 * 1024), []);
}
