/**
 * Hashes with Web-standard APIs only: SHA-256 through `crypto.subtle` for texts and files (the evidence of what was
 * read), and a short synchronous FNV-1a digest for deterministic ids.
 */

/** Hex SHA-256 of a string (UTF-8) or bytes. */
export async function sha256Hex(input: string | Uint8Array): Promise<string> {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * 64-bit FNV-1a of a string as 16 hex characters: stable ids for seeded rows, not for security.
 *
 * @example
 * shortHash('studylib.es/doc/4440696') // 'a3f0…' (always the same for the same text)
 */
export function shortHash(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}

/** A random id with a readable prefix: `b-3k9x…`. */
export function randomId(prefix: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(9));
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
  return `${prefix}-${[...bytes].map((b) => alphabet[b % alphabet.length]).join('')}`;
}

/**
 * A random secret (192 bits, base64url) with a readable prefix, for tokens and session ids: shown once, stored hashed.
 *
 * @example
 * newSecret('arm') // 'arm_Xk3…'
 */
export function newSecret(prefix: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return `${prefix}_${btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
}
