/**
 * SHA-256 of a file's bytes with Web Crypto (`crypto.subtle`), as on Node and in workerd: the hash that identifies an
 * original and lets an import skip what did not change.
 */

/**
 * Hashes bytes with SHA-256 and returns lower-case hex.
 *
 * @example
 * ```ts
 * await sha256Hex(new TextEncoder().encode('abc'));
 * // 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
 * ```
 */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return hex;
}
