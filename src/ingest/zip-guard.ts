/**
 * Refuses zip bombs before a DOCX reader inflates them. First from what the central directory declares (entry count,
 * total uncompressed size, compression ratio), which costs nothing; then, because a hostile archive can lie about its
 * sizes, by inflating each XML part through `openEntry`, which stops at the first byte past the declared size and keeps
 * nothing in memory.
 */

import { IngestError } from './errors.js';
import type { ZipEntry } from './zip-directory.js';
import { openEntry } from './zip-entry.js';

/** Limits of a DOCX's zip, as data. Real Word files stay far below them. */
export const ZIP_LIMITS = {
  /** Most entries a DOCX may have. */
  maxEntries: 10_000,
  /** Largest total declared uncompressed size. */
  maxTotalUncompressed: 128 * 1024 * 1024,
  /** Largest compression ratio of an entry big enough to matter (see `ratioFloor`). */
  maxRatio: 200,
  /** Entries that inflate to less than this are never a bomb, whatever their ratio. */
  ratioFloor: 1024 * 1024,
};

/**
 * Resolves when the zip is safe to inflate; throws IngestError('zip-bomb') when it is not, or IngestError('corrupt')
 * when an XML part cannot be inflated to the size it declares.
 *
 * @example
 * ```ts
 * const entries = readZipDirectory(bytes);
 * await assertSafeZip(bytes, entries); // throws before mammoth sees a bomb
 * ```
 */
export async function assertSafeZip(bytes: Uint8Array, entries: ZipEntry[], limits = ZIP_LIMITS): Promise<void> {
  if (entries.length > limits.maxEntries) {
    throw bomb(`it has ${entries.length} entries (limit ${limits.maxEntries})`);
  }
  let total = 0;
  for (const entry of entries) {
    total += entry.uncompressedSize;
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize > limits.ratioFloor && ratio > limits.maxRatio) {
      throw bomb(`entry "${entry.name}" declares a compression ratio of ${Math.round(ratio)}:1 (limit ${limits.maxRatio}:1)`);
    }
  }
  if (total > limits.maxTotalUncompressed) {
    throw bomb(`its entries declare ${mib(total)} uncompressed (limit ${mib(limits.maxTotalUncompressed)})`);
  }
  for (const entry of entries) {
    if (!/\.(xml|rels)$/i.test(entry.name)) continue;
    const reader = openEntry(bytes, entry).getReader();
    while (!(await reader.read()).done);
  }
}

function bomb(why: string): IngestError {
  return new IngestError('zip-bomb', `Refused a DOCX that looks like a zip bomb: ${why}.`);
}

function mib(bytes: number): string {
  return Number.isFinite(bytes) ? `${Math.round(bytes / 1024 / 1024)} MiB` : 'more than 8 PiB';
}
