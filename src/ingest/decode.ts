/**
 * Decodes the bytes of a text file: a byte-order mark picks UTF-8 or UTF-16; otherwise strict UTF-8, and when the
 * bytes are not valid UTF-8, Windows-1252 (the usual encoding of Spanish text saved by older Windows programs), with a
 * warning. Windows-1252 is decoded from a table here, so the result does not depend on the runtime's TextDecoder
 * labels (workerd supports fewer than Node).
 */

/** Windows-1252 code points for bytes 0x80–0x9F; the rest of the range is ISO-8859-1. Unassigned bytes stay C1. */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

/**
 * Decodes text bytes to a string, reporting a fallback in `warnings`.
 *
 * @example
 * ```ts
 * const warnings: string[] = [];
 * decodeText(new Uint8Array([0x41, 0x72, 0x74, 0xed, 0x63]), warnings); // 'Artíc' (Windows-1252)
 * warnings; // ['The text is not valid UTF-8 …; it was read as Windows-1252.']
 * ```
 */
export function decodeText(bytes: Uint8Array, warnings: string[]): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return strictUtf8(bytes.subarray(3)) ?? fallback(bytes.subarray(3), warnings);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16be(bytes.subarray(2));
  return strictUtf8(bytes) ?? fallback(bytes, warnings);
}

function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function fallback(bytes: Uint8Array, warnings: string[]): string {
  warnings.push('The text is not valid UTF-8 (it was probably saved by an older Windows program); it was read as Windows-1252.');
  let text = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = Array.from(bytes.subarray(i, i + 8192), (b) => (b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80]! : b));
    text += String.fromCharCode(...chunk);
  }
  return text;
}

/** TextDecoder's 'utf-16be' label is not available everywhere; swap bytes and decode as UTF-16LE. */
function decodeUtf16be(bytes: Uint8Array): string {
  const swapped = new Uint8Array(bytes.length - (bytes.length % 2));
  for (let i = 0; i < swapped.length; i += 2) {
    swapped[i] = bytes[i + 1]!;
    swapped[i + 1] = bytes[i]!;
  }
  return new TextDecoder('utf-16le').decode(swapped);
}
