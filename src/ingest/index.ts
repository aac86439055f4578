/**
 * Document ingestion: turn an uploaded or downloaded file (PDF, DOCX, plain text, Markdown, HTML) into clean text
 * ready for segmentation (src/text), with the provenance that proves what was read — the original's SHA-256, size,
 * type, page count and the extraction's warnings. Web-standard APIs only (Uint8Array, TextDecoder, crypto.subtle,
 * DecompressionStream), so the same code runs on Node and in workerd.
 *
 * @example
 * ```ts
 * import { extractDocument, IngestError } from './ingest/index.js';
 * const { text, provenance } = await extractDocument(bytes, { filename: 'iniciativa.pdf' });
 * ```
 */

export { detectType } from './detect.js';
export { IngestError, INGEST_ERROR_STATUS, type IngestErrorCode, type IngestErrorStatus } from './errors.js';
export { extractDocument, EXTRACT_DEFAULTS, MEDIA_TYPES } from './extract.js';
export type { DocumentType, ExtractedDocument, ExtractOptions, FurnitureLine, Provenance } from './types.js';
