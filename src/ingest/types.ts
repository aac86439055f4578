/**
 * Public types of document ingestion (src/ingest): what a caller hands in, what comes back, and the evidence kept
 * about the original file (provenance). Plain data, safe to serialise as JSON and to store beside a version or model.
 */

/** Formats Armoniza reads. Found from the bytes, never from the file name. */
export type DocumentType = 'pdf' | 'docx' | 'text' | 'markdown' | 'html';

/** A running header or footer line removed from a PDF, as first seen, and on how many pages it was found. */
export interface FurnitureLine {
  line: string;
  pages: number;
}

/** Where a text came from: enough to prove later what was read, and what went wrong while reading it. */
export interface Provenance {
  /** SHA-256 of the original bytes, lower-case hex. */
  sha256: string;
  /** Size of the original bytes. */
  size: number;
  type: DocumentType;
  /** IANA media type of `type` ("application/pdf", …). */
  mediaType: string;
  /** Page count for PDFs; `null` for formats without pages. */
  pages: number | null;
  /** What the reader should know about the extraction (repairs, fallbacks, skipped content), in English. */
  warnings: string[];
  /** The name the file arrived with, if any (informative only: the type comes from the bytes). */
  filename?: string;
  /** PDFs only: running headers, footers and page numbers found by repetition and removed. */
  furniture?: FurnitureLine[];
}

/** The text of a document, paragraphs separated by a blank line, with its provenance. */
export interface ExtractedDocument {
  text: string;
  provenance: Provenance;
}

/** Options of `extractDocument`. */
export interface ExtractOptions {
  /** The name the file arrived with; checked against the bytes (see `detectType`). */
  filename?: string;
  /** Largest accepted input in bytes; default 20 MiB. Larger inputs fail with status 413. */
  maxBytes?: number;
  /** Called as work advances: pages done of pages total for PDFs, (0, 1) then (1, 1) for other formats. */
  onProgress?: (done: number, total: number) => void;
}
