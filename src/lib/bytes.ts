/**
 * Byte-level helpers for reading signatures and delimiters in files and request bodies, on any runtime.
 */

/**
 * True when `bytes` holds `prefix` at `at`.
 *
 * @example
 * startsWithBytes(Uint8Array.of(0x25, 0x50, 0x44, 0x46), [0x25, 0x50]) // true
 */
export function startsWithBytes(bytes: Uint8Array, prefix: ArrayLike<number>, at = 0): boolean {
  if (at < 0 || at + prefix.length > bytes.length) return false;
  for (let k = 0; k < prefix.length; k++) if (bytes[at + k] !== prefix[k]) return false;
  return true;
}

/**
 * The first index at or after `from` where `needle` (not empty) occurs in `bytes`, or -1.
 *
 * @example
 * indexOfBytes(latin1Bytes('a\r\n\r\nb'), latin1Bytes('\r\n\r\n')) // 1
 */
export function indexOfBytes(bytes: Uint8Array, needle: Uint8Array, from = 0): number {
  for (let at = bytes.indexOf(needle[0]!, from); at !== -1; at = bytes.indexOf(needle[0]!, at + 1)) if (startsWithBytes(bytes, needle, at)) return at;
  return -1;
}

/**
 * Bytes read one character per byte (ISO-8859-1): enough to find an ASCII signature or header in them, on runtimes
 * whose TextDecoder does not know that label.
 *
 * @example
 * latin1(Uint8Array.of(0x25, 0x50, 0x44, 0x46)) // '%PDF'
 */
export function latin1(bytes: Uint8Array): string {
  let text = '';
  for (let k = 0; k < bytes.length; k++) text += String.fromCharCode(bytes[k]!);
  return text;
}

/**
 * The bytes of a text of characters below U+0100, one byte per character.
 *
 * @example
 * latin1Bytes('--x') // Uint8Array [45, 45, 120]
 */
export function latin1Bytes(text: string): Uint8Array {
  return Uint8Array.from(text, (ch) => ch.charCodeAt(0));
}
