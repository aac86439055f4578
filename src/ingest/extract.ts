/**
 * The entry point of ingestion: bytes in, clean text and provenance out. The size is checked first, then the type is
 * found from the bytes (`detectType`), the bytes are hashed (SHA-256, Web Crypto), the format's extractor runs, and
 * every text gets the same final cleaning (`cleanText`). Either a whole result comes back or an IngestError is
 * thrown; nothing is half-returned.
 */

import { cleanText } from './clean.js';
import { decodeText } from './decode.js';
import { detectType } from './detect.js';
import { extractDocx } from './docx.js';
import { IngestError } from './errors.js';
import { htmlToText } from './html.js';
import { markdownToText } from './markdown.js';
import { extractPdf } from './pdf.js';
import { sha256Hex } from '../lib/hash.js';
import type { DocumentType, ExtractedDocument, ExtractOptions, FurnitureLine, Provenance } from './types.js';

/** Defaults of `extractDocument`, as data. */
export const EXTRACT_DEFAULTS = {
  /** 20 MiB. */
  maxBytes: 20 * 1024 * 1024,
};

/** The IANA media type of each document type. */
export const MEDIA_TYPES: Record<DocumentType, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  text: 'text/plain',
  markdown: 'text/markdown',
  html: 'text/html',
};

/**
 * Extracts the text of a PDF, DOCX, plain text, Markdown or HTML file, with its provenance.
 *
 * @throws IngestError — see `INGEST_ERROR_STATUS` for the codes and their HTTP statuses.
 * @example
 * ```ts
 * const bytes = new Uint8Array(await file.arrayBuffer());
 * const { text, provenance } = await extractDocument(bytes, { filename: file.name, onProgress: (d, t) => bar.update(d / t) });
 * provenance; // { sha256: '…', size: 512345, type: 'pdf', mediaType: 'application/pdf', pages: 60, warnings: [], … }
 * ```
 */
export async function extractDocument(bytes: Uint8Array, options: ExtractOptions = {}): Promise<ExtractedDocument> {
  const maxBytes = options.maxBytes ?? EXTRACT_DEFAULTS.maxBytes;
  if (bytes.byteLength === 0) throw new IngestError('empty', 'The file is empty.');
  if (bytes.byteLength > maxBytes) {
    throw new IngestError('too-large', `The file is ${formatSize(bytes.byteLength)}, over the ${formatSize(maxBytes)} limit.`);
  }

  const warnings: string[] = [];
  const type = detectType(bytes, options.filename, warnings);
  const sha256 = await sha256Hex(bytes);
  let raw: string;
  let pages: number | null = null;
  let furniture: FurnitureLine[] | undefined;

  if (type === 'pdf') {
    const pdf = await extractPdf(bytes, options.onProgress);
    ({ text: raw, pages, furniture } = pdf);
    warnings.push(...pdf.warnings);
  } else {
    options.onProgress?.(0, 1);
    if (type === 'docx') {
      const docx = await extractDocx(bytes);
      raw = docx.text;
      warnings.push(...docx.warnings);
    } else {
      const decoded = decodeText(bytes, warnings);
      raw = type === 'html' ? htmlToText(decoded) : type === 'markdown' ? markdownToText(decoded) : decoded;
    }
    options.onProgress?.(1, 1);
  }

  const text = cleanText(raw, warnings);
  if (!/\S/.test(text)) {
    throw type === 'pdf'
      ? new IngestError('no-text-layer', 'The PDF has no text layer; OCR is not supported. Only page headers and footers carry text.')
      : new IngestError('empty', `The ${type === 'docx' ? 'DOCX' : type} file contains no text.`);
  }
  const provenance: Provenance = { sha256, size: bytes.byteLength, type, mediaType: MEDIA_TYPES[type], pages, warnings };
  if (options.filename !== undefined) provenance.filename = options.filename;
  if (furniture) provenance.furniture = furniture;
  return { text, provenance };
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}
