/**
 * Strings that have broken other systems, shared by the hostile-input suites (tests/trust/hostile, unicode,
 * sql-strings, xss): Unicode edge cases, SQL-looking text and XSS payloads, each named so a failure says which one.
 */

/** Unicode a person can type or paste that software likes to "fix": each must come back byte for byte. */
export const UNICODE_EDGES: Record<string, string> = {
  'decomposed é (e + U+0301)': 'Prote\u0301ccio\u0301n de vi\u0301ctimas',
  'precomposed é (U+00E9)': 'Protécción de víctimas',
  'RLM U+200F': 'artículo\u200f 5',
  'RLO U+202E': 'ley \u202Eestatal\u202C fin',
  'Arabic with RLM': 'قانون\u200f مكافحة',
  'ZWSP U+200B': 'tra\u200bta',
  'ZWJ U+200D alone': 'a\u200db',
  'BOM / ZWNBSP U+FEFF inside': 'x\ufeffy',
  'BOM at start': '\ufeffTítulo',
  'ZWNJ U+200C': 'a\u200cb',
  'emoji': 'Ley 🚨 trata',
  'ZWJ family': 'familia 👩‍👩‍👧‍👦 unida',
  'flag MX': 'México 🇲🇽',
  'skin tone + ZWJ': '👩🏽‍⚖️ jueza',
  'keycap': '1️⃣ primero',
  'NUL U+0000': 'antes\u0000después',
  'only NUL + letter': '\u0000a',
  'C0/C1 controls': 'a\u0001\u0007\u001b[31m\u007f\u0085b',
  'line/paragraph separators': 'a\u2028b\u2029c',
  'CRLF and tabs': 'línea 1\r\nlínea 2\ttab\rCR',
  'NBSP and narrow NBSP': 'art.\u00a05\u202fbis',
  'ligature ﬁ (not NFKC-folded)': 'ﬁscalía',
  'Angstrom sign U+212B (NFC would change it)': '\u212B unidad',
  'Hangul jamo (NFC would compose)': '\u1100\u1161',
  'Greek question mark U+037E (NFC → ;)': 'qué\u037E',
  'dotted I and sharp s': 'İSTANBUL straße',
  'astral plane': '𝔏𝔢𝔶 𝟙𝟚 𠜎',
  'noncharacters U+FFFE U+FFFF U+10FFFF': 'a\ufffeb\uffffc\u{10FFFF}',
  'replacement char': 'x\ufffdy',
  'trailing spaces kept': '  espacios  ',
  'combining stack (zalgo)': 'z\u0351\u0352\u0353\u0354a\u0300\u0301\u0302l',
  'variation selector': '☺\ufe0f ✌\ufe0e',
  'tag characters': '🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}',
};

/** Lone surrogates: JSON can carry them (`"\ud800"`), UTF-8 and SQLite cannot. They must be refused, not mangled. */
export const LONE_SURROGATES: Record<string, string> = {
  'lone high surrogate': 'x\ud800y',
  'lone low surrogate': '\udc00',
  'reversed pair': '\udc00\ud800',
};

/** SQL-looking text, for filters, ids and stored fields. */
export const SQL_STRINGS = [
  "' OR 1=1 --",
  "' OR '1'='1",
  '"; DROP TABLE bills; --',
  "'; DELETE FROM audit_log; --",
  "1; UPDATE bills SET title='x'",
  "MX-CHP' --",
  "MX-CHP' UNION SELECT * FROM users --",
  '%',
  '_',
  '%%',
  '\\',
  '\\%',
  "\\'",
  '*',
  '"',
  'NEAR(a b)',
  'title:ley',
  'ley OR trata',
  '"ley',
  '-ley',
  '^ley',
  'ley*',
  '(',
  'AND',
  '\u0000',
  "' AND (SELECT sqlite_version()) --",
  'x%27%20OR%201%3D1',
];

/** XSS payloads: every one must show as text and run nothing. */
export const XSS_PAYLOADS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'><svg/onload=alert(1)>",
  '</title><svg onload=alert(1)>',
  '</textarea><script>alert(1)</script>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '{{constructor.constructor(\'alert(1)\')()}}',
  '<a href="javascript:alert(1)">click</a>',
  '%3Cscript%3Ealert(1)%3C/script%3E',
  '<style>@import "javascript:alert(1)"</style>',
  '"--></style></script><script>alert(1)</script>',
  '\u003cscript\u003ealert(1)\u003c/script\u003e',
];

/** `javascript:` and `data:` URLs, for source fields that may become links. */
export const XSS_URLS = ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)'];
