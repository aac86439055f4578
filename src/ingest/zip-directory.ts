/**
 * Reads a zip file's central directory (the index at its end) without inflating anything: entry names, compression
 * methods, and the sizes each entry declares. Detection uses it to recognise a DOCX (`word/document.xml`); the zip-bomb
 * guard uses it to refuse archives before they are inflated. ZIP64 sizes are read; multi-disk archives are refused.
 */

import { IngestError } from './errors.js';

/** One entry of a zip's central directory, as declared (a hostile file may lie; see `assertSafeZip`). */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflate; anything else is unsupported by DOCX readers. */
  method: number;
  /** General-purpose flags; bit 0 means the entry is encrypted. */
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Offset of the entry's local header in the file. */
  localHeaderOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_HEADER_SIGNATURE = 0x02014b50;
const EOCD_MIN_LENGTH = 22;
const MAX_COMMENT_LENGTH = 0xffff;

/**
 * Lists the entries of a zip from its central directory.
 *
 * @throws IngestError('corrupt') when the bytes have no readable central directory (not a zip, or truncated).
 * @example
 * ```ts
 * const names = readZipDirectory(bytes).map((e) => e.name);
 * names.includes('word/document.xml'); // true for a DOCX
 * ```
 */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  if (eocd < 0) throw damaged('no end-of-central-directory record (not a zip, or the file is truncated)');

  if (view.getUint16(eocd + 4, true) !== 0 || view.getUint16(eocd + 6, true) !== 0) {
    throw damaged('multi-disk zip archives are not supported');
  }
  let count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || offset === 0xffffffff) {
    const zip64 = readZip64End(view, eocd);
    count = zip64.count;
    offset = zip64.offset;
  }

  const decoder = new TextDecoder();
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > view.byteLength || view.getUint32(at, true) !== CENTRAL_HEADER_SIGNATURE) {
      throw damaged(`central directory entry ${i + 1} of ${count} is missing or damaged`);
    }
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const end = at + 46 + nameLength + extraLength + commentLength;
    if (end > view.byteLength) throw damaged(`central directory entry ${i + 1} runs past the end of the file`);
    const entry: ZipEntry = {
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      flags: view.getUint16(at + 8, true),
      compressedSize: view.getUint32(at + 20, true),
      uncompressedSize: view.getUint32(at + 24, true),
      localHeaderOffset: view.getUint32(at + 42, true),
    };
    applyZip64Extra(entry, view, at + 46 + nameLength, extraLength);
    entries.push(entry);
    at = end;
  }
  return entries;
}

function damaged(what: string): IngestError {
  return new IngestError('corrupt', `Damaged zip archive: ${what}.`);
}

function findEndOfCentralDirectory(view: DataView): number {
  const last = view.byteLength - EOCD_MIN_LENGTH;
  const first = Math.max(0, last - MAX_COMMENT_LENGTH);
  for (let at = last; at >= first; at--) {
    if (view.getUint32(at, true) === EOCD_SIGNATURE) return at;
  }
  return -1;
}

function readZip64End(view: DataView, eocd: number): { count: number; offset: number } {
  const locator = eocd - 20;
  if (locator < 0 || view.getUint32(locator, true) !== ZIP64_LOCATOR_SIGNATURE) {
    throw damaged('ZIP64 end-of-central-directory locator is missing');
  }
  const end = toSafeNumber(view.getBigUint64(locator + 8, true));
  if (end + 56 > view.byteLength || view.getUint32(end, true) !== ZIP64_EOCD_SIGNATURE) {
    throw damaged('ZIP64 end-of-central-directory record is missing');
  }
  return { count: toSafeNumber(view.getBigUint64(end + 32, true)), offset: toSafeNumber(view.getBigUint64(end + 48, true)) };
}

/** Replaces 0xFFFFFFFF sizes and offsets by their 64-bit values from the ZIP64 extra field (id 0x0001). */
function applyZip64Extra(entry: ZipEntry, view: DataView, start: number, length: number): void {
  const fields = (['uncompressedSize', 'compressedSize', 'localHeaderOffset'] as const).filter((f) => entry[f] === 0xffffffff);
  if (fields.length === 0) return;
  for (let at = start; at + 4 <= start + length; ) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === 0x0001) {
      fields.forEach((field, i) => {
        const where = at + 4 + i * 8;
        if (where + 8 <= at + 4 + size) entry[field] = toSafeNumber(view.getBigUint64(where, true));
      });
      return;
    }
    at += 4 + size;
  }
  throw damaged(`entry "${entry.name}" declares ZIP64 sizes without a ZIP64 extra field`);
}

/** 64-bit sizes beyond what a double holds exactly are as good as infinite here. */
function toSafeNumber(value: bigint): number {
  return value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.POSITIVE_INFINITY : Number(value);
}
