/**
 * Opens one entry of a zip as a stream of its inflated bytes, using the Web-standard
 * `DecompressionStream('deflate-raw')` (Node ≥ 20, workerd). The stream refuses to give more bytes than the entry
 * declares — a zip bomb that lies about its sizes fails on the first byte too many — and fails when it gives fewer.
 * Errors are IngestErrors: `zip-bomb`, `corrupt` or `encrypted`.
 */

import { IngestError } from './errors.js';
import type { ZipEntry } from './zip-directory.js';

const LOCAL_HEADER_SIGNATURE = 0x04034b50;

/**
 * Streams an entry's inflated bytes, never more than it declares.
 *
 * @example
 * ```ts
 * const entry = readZipDirectory(bytes).find((e) => e.name === 'word/document.xml')!;
 * const xml = await new Response(openEntry(bytes, entry)).text();
 * ```
 */
export function openEntry(bytes: Uint8Array, entry: ZipEntry): ReadableStream<Uint8Array> {
  if (entry.flags & 1) throw new IngestError('encrypted', `The zip entry "${entry.name}" is encrypted.`);
  const data = entryData(bytes, entry) as Uint8Array<ArrayBuffer>;
  if (entry.method === 0) {
    if (data.byteLength !== entry.uncompressedSize) throw corrupt(entry, 'is stored with another size than it declares');
    return new Blob([data]).stream();
  }
  if (entry.method !== 8) throw corrupt(entry, `uses compression method ${entry.method}, which DOCX readers do not support`);

  const reader = new Blob([data]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  let inflated = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      let step: ReadableStreamReadResult<Uint8Array>;
      try {
        step = await reader.read();
      } catch {
        controller.error(corrupt(entry, 'has damaged compressed data'));
        return;
      }
      if (step.done) {
        if (inflated === entry.uncompressedSize) controller.close();
        else controller.error(corrupt(entry, `inflates to ${inflated} bytes, not the ${entry.uncompressedSize} it declares`));
        return;
      }
      inflated += step.value.byteLength;
      if (inflated > entry.uncompressedSize) {
        controller.error(new IngestError('zip-bomb', `Refused a zip bomb: entry "${entry.name}" inflates past the ${entry.uncompressedSize} bytes it declares.`));
        await reader.cancel().catch(() => undefined);
        return;
      }
      controller.enqueue(step.value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
}

function corrupt(entry: ZipEntry, why: string): IngestError {
  return new IngestError('corrupt', `Damaged zip archive: entry "${entry.name}" ${why}.`);
}

function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.byteLength || view.getUint32(at, true) !== LOCAL_HEADER_SIGNATURE) throw corrupt(entry, 'has no local header');
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.byteLength) throw corrupt(entry, 'runs past the end of the file');
  return bytes.subarray(start, end);
}
