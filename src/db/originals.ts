/**
 * Object storage for uploaded originals, where a database row cannot hold them. On Workers, D1 keeps at most 2 MB in
 * one row, while official PDFs (scanned state gazettes especially) are often larger; originals are also written once
 * and read rarely, so they belong in R2. On the SQLite file there is no such store: the bytes stay in their `files` row.
 *
 * Objects are keyed by content, `originals/<sha256>`: storing a file twice is harmless and keeps one copy.
 */
import type { R2Bucket } from '@cloudflare/workers-types/index';

export interface OriginalStore {
  put(sha256: string, bytes: Uint8Array, mediaType: string): Promise<void>;
  /** The bytes stored under a SHA-256, or null when there are none. */
  get(sha256: string): Promise<Uint8Array | null>;
}

/**
 * Originals in an R2 bucket (the worker's `ORIGINALS` binding).
 *
 * @example
 * const store = openD1(env.DB, r2Originals(env.ORIGINALS));
 */
export function r2Originals(bucket: R2Bucket): OriginalStore {
  const key = (sha256: string) => `originals/${sha256}`;
  return {
    async put(sha256, bytes, mediaType) {
      // R2 checks the object against the SHA-256 sent with it: bytes damaged on the way are refused, not kept.
      await bucket.put(key(sha256), bytes, { sha256, httpMetadata: { contentType: mediaType } });
    },
    async get(sha256) {
      const object = await bucket.get(key(sha256));
      return object ? new Uint8Array(await object.arrayBuffer()) : null;
    },
  };
}
