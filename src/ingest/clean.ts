/**
 * The last pass over every extracted text, whatever its format: Unicode NFC (so "é" is one code point however the
 * source wrote it), line ends as "\n", control characters removed (counted in a warning), invisible format characters
 * (soft hyphen, zero-width space, BOM) removed, typographic ligatures and unusual spaces replaced by plain letters and
 * spaces, spaces collapsed and trimmed on each line, and at most one blank line between paragraphs.
 */

/** Typographic ligatures some PDFs emit as single characters. */
const LIGATURES: Record<string, string> = { '\ufb00': 'ff', '\ufb01': 'fi', '\ufb02': 'fl', '\ufb03': 'ffi', '\ufb04': 'ffl', '\ufb05': 'st', '\ufb06': 'st' };

// Control characters other than tab and line feed (C0, DEL, C1); \r and \f are handled before.
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f]/g;
const INVISIBLE = /[\u00ad\u200b\u2060\ufeff]/g;
const SPACES = /[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+/g;

/**
 * Normalizes extracted text, pushing a warning that counts any control characters removed.
 *
 * @example
 * ```ts
 * const warnings: string[] = [];
 * cleanText('Arti\u0301culo\u00a01\u0007\r\n\r\n\r\nTexto', warnings); // 'Artículo 1\n\nTexto'
 * warnings; // ['Removed 1 control character from the text.']
 * ```
 */
export function cleanText(text: string, warnings: string[]): string {
  let controls = 0;
  const cleaned = text
    .replace(/\r\n?|\f/g, '\n')
    .replace(CONTROL, () => {
      controls++;
      return '';
    })
    .replace(INVISIBLE, '')
    .replace(/[\ufb00-\ufb06]/g, (ligature) => LIGATURES[ligature] ?? ligature)
    .normalize('NFC')
    .split('\n')
    .map((line) => line.replace(SPACES, ' ').replace(/ {2,}/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  if (controls > 0) warnings.push(`Removed ${controls} control character${controls === 1 ? '' : 's'} from the text.`);
  return cleaned;
}
