/**
 * The one error ingestion throws. Each failure has a stable `code` for programs and an HTTP `status` for the API,
 * taken from the table below, and a message naming the problem for people. Nothing is half-returned: when
 * `extractDocument` throws, it has produced no text.
 */

/** Every way ingestion can refuse a file, with the HTTP status the API answers. */
export const INGEST_ERROR_STATUS = {
  /** The file has no bytes, or no text once read. */
  empty: 400,
  /** The file is over the size limit. */
  'too-large': 413,
  /** The bytes are of a format Armoniza does not read (image, legacy .doc, other zip, binary). */
  'unsupported-type': 415,
  /** The file name's extension claims a different format than the bytes. */
  'type-mismatch': 415,
  /** The file is truncated or damaged. */
  corrupt: 422,
  /** The PDF needs a password to be opened. */
  encrypted: 422,
  /** The PDF has no text to extract (a scan); OCR is not supported. */
  'no-text-layer': 422,
  /** The zip inside a DOCX would inflate to far more than its size. */
  'zip-bomb': 422,
} as const;

export type IngestErrorCode = keyof typeof INGEST_ERROR_STATUS;
export type IngestErrorStatus = (typeof INGEST_ERROR_STATUS)[IngestErrorCode];

/**
 * A file that cannot be ingested, with the reason as a code, an HTTP status and a message.
 *
 * @example
 * ```ts
 * try {
 *   await extractDocument(bytes, { filename: 'ley.pdf' });
 * } catch (err) {
 *   if (err instanceof IngestError) return c.json({ error: err.code, message: err.message }, err.status);
 *   throw err;
 * }
 * ```
 */
export class IngestError extends Error {
  override readonly name = 'IngestError';
  readonly code: IngestErrorCode;
  readonly status: IngestErrorStatus;

  constructor(code: IngestErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.status = INGEST_ERROR_STATUS[code];
  }
}
