/**
 * HTML to plain text without a DOM, so it runs anywhere: source whitespace collapses as a browser would, block
 * elements become paragraph breaks (a blank line), `<br>` a line break, table cells a space; `<head>`, scripts and
 * styles are dropped; character references are decoded (numeric ones, the markup ones and all Latin-1 names, which
 * covers Spanish; other names are left as written).
 */

/** Elements whose whole content is dropped. */
const DROPPED = new Set(['head', 'script', 'style', 'template', 'noscript', 'svg', 'math', 'iframe', 'object']);
/** Elements that end a line without a blank line. */
const LINE = new Set(['br', 'li', 'tr', 'dt', 'dd', 'option']);
/** Elements that separate paragraphs. */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'details', 'div', 'dl', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'html', 'main', 'nav',
  'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'thead', 'tfoot', 'ul',
]);
/** Elements that separate inline runs by a space. */
const CELL = new Set(['td', 'th']);

const MARKUP_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ndash: '\u2013', mdash: '\u2014', lsquo: '\u2018', rsquo: '\u2019',
  sbquo: '\u201a', ldquo: '\u201c', rdquo: '\u201d', bdquo: '\u201e', hellip: '\u2026', bull: '\u2022', euro: '\u20ac',
  trade: '\u2122', dagger: '\u2020', Dagger: '\u2021', permil: '\u2030', ensp: ' ', emsp: ' ', thinsp: ' ',
};
/** HTML 4's Latin-1 entity names, for code points 160–255 in order. */
const LATIN1_NAMES = (
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro ' +
  'para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil ' +
  'Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave ' +
  'Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml ' +
  'igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute ' +
  'thorn yuml'
).split(' ');
const ENTITIES: Record<string, string> = {
  ...Object.fromEntries(LATIN1_NAMES.map((name, i) => [name, String.fromCharCode(160 + i)])),
  ...MARKUP_ENTITIES,
};

const TOKEN = /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?\]\]>|<[!?][^>]*>|<(\/?)([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;

/**
 * Converts HTML to text: paragraphs separated by a blank line, entities decoded, no tags.
 *
 * @example
 * ```ts
 * htmlToText('<h1>Ley</h1><p>Art&iacute;culo 1.<br>Texto &amp; m&aacute;s</p>');
 * // 'Ley\n\nArtículo 1.\nTexto & más'
 * ```
 */
export function htmlToText(html: string): string {
  const out: string[] = [];
  const tokens = new RegExp(TOKEN.source, 'g');
  let pre = 0;
  let last = 0;
  for (let match = tokens.exec(html); match; match = tokens.exec(html)) {
    out.push(inlineText(html.slice(last, match.index), pre > 0));
    last = match.index + match[0].length;
    const name = match[2]?.toLowerCase();
    if (!name) continue;
    const closing = match[1] === '/';
    if (DROPPED.has(name) && !closing && !match[3]?.endsWith('/')) {
      const end = html.toLowerCase().indexOf(`</${name}`, last);
      last = end < 0 ? html.length : html.indexOf('>', end) + 1 || html.length;
      tokens.lastIndex = last;
      continue;
    }
    if (name === 'pre') pre = Math.max(0, pre + (closing ? -1 : 1));
    if (LINE.has(name)) out.push(name === 'br' || !closing ? '\n' : '');
    else if (BLOCK.has(name)) out.push('\n\n');
    else if (CELL.has(name)) out.push(' ');
  }
  out.push(inlineText(html.slice(last), pre > 0));
  return out
    .join('')
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function inlineText(text: string, preformatted: boolean): string {
  const spaced = preformatted ? text : text.replace(/[ \t\n\r\f]+/g, ' ');
  return spaced.replace(/&(#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);?/gi, (whole, ref: string) => {
    if (ref[0] !== '#') return ENTITIES[ref] ?? whole;
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
  });
}
