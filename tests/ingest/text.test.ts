/**
 * Plain text, Markdown and HTML: decoding (UTF-8, BOMs, the Windows-1252 fallback), cleaning (NFC, control
 * characters, spaces, line ends), and markup removal without a DOM.
 */
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/ingest/index.js';
import { htmlToText } from '../../src/ingest/html.js';
import { markdownToText } from '../../src/ingest/markdown.js';

const utf8 = (text: string) => new TextEncoder().encode(text);
/** Windows-1252 bytes of a Spanish text (all its characters are Latin-1 or the CP1252 quotes). */
const cp1252 = (text: string) => new Uint8Array([...text].map((c) => ({ '\u201c': 0x93, '\u201d': 0x94, '\u2013': 0x96 })[c] ?? c.charCodeAt(0)));

describe('plain text', () => {
  it('reads UTF-8 exactly, normalised to NFC, with provenance', async () => {
    const text = 'Artículo 1. La niñez —y la adolescencia— tendrán protección.\n\nII. Pingüino: ¿sí?';
    const decomposed = text.normalize('NFD');
    expect(decomposed).not.toBe(text);
    const bytes = utf8(decomposed);
    const result = await extractDocument(bytes, { filename: 'ley.txt' });
    expect(result.text).toBe(text);
    expect(result.provenance).toMatchObject({ type: 'text', mediaType: 'text/plain', pages: null, size: bytes.byteLength, warnings: [] });
  });

  it('falls back to Windows-1252 with a warning when the bytes are not UTF-8', async () => {
    const text = 'Artículo 5.– Se sancionará a quien “explote” a una niña o niño.';
    const result = await extractDocument(cp1252(text));
    expect(result.text).toBe(text);
    expect(result.provenance.warnings).toEqual([expect.stringMatching(/not valid UTF-8.*Windows-1252/)]);
  });

  it('reads UTF-16 with a byte-order mark, and strips a UTF-8 BOM', async () => {
    const text = 'Artículo 1. Protección de víctimas.';
    const le = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(text, 'utf16le'))]);
    expect((await extractDocument(le)).text).toBe(text);
    const be = new Uint8Array([0xfe, 0xff, ...new Uint8Array(Buffer.from(text, 'utf16le').swap16())]);
    expect((await extractDocument(be)).text).toBe(text);
    expect((await extractDocument(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]))).text).toBe(text);
  });

  it('removes control characters and counts them in a warning; normalises spaces and line ends', async () => {
    const result = await extractDocument(utf8('Artículo\u00a01.\u0007 Texto\u0000 con\u200b\u00ad controles \r\n\r\n\r\n\r\nII.\tFracción  '));
    expect(result.text).toBe('Artículo 1. Texto con controles\n\nII. Fracción');
    expect(result.provenance.warnings).toEqual(['Removed 2 control characters from the text.']);
  });

  it('refuses a text file with no text in it', async () => {
    await expect(extractDocument(utf8(' \n\t\n '))).rejects.toMatchObject({ code: 'empty', status: 400 });
  });
});

describe('HTML', () => {
  it('turns blocks into paragraphs, <br> into line breaks, decodes entities and drops scripts, styles and head', () => {
    const html = `<!DOCTYPE html><html><head><title>Ley</title><style>p{color:red}</style></head>
      <body><h1>LEY  DE
        TRATA</h1><p>Art&iacute;culo&nbsp;1.&#8212;Las   v&#xED;ctimas &amp; sus <b>derechos</b>.<br>Segunda l&iacute;nea</p>
      <script>document.write("<p>no</p>")</script><!-- comentario <p>no</p> -->
      <ul><li>I. Primera;</li><li>II. Segunda.</li></ul>
      <table><tr><td>Celda</td><td>contigua</td></tr></table><pre>  a   b
  c</pre><p>&unknown; &lt;x&gt; &#0;</p></body></html>`;
    expect(htmlToText(html)).toBe(
      'LEY DE TRATA\n\nArtículo\u00a01.—Las víctimas & sus derechos.\nSegunda línea\n\nI. Primera;\nII. Segunda.\n\nCelda contigua\n\na b\nc\n\n&unknown; <x> \ufffd',
    );
  });

  it('is detected from the bytes and read through extractDocument', async () => {
    const result = await extractDocument(utf8('<p>Artículo 1.</p><p>Artículo 2.</p>'), { filename: 'ley.html' });
    expect(result.text).toBe('Artículo 1.\n\nArtículo 2.');
    expect(result.provenance).toMatchObject({ type: 'html', mediaType: 'text/html', warnings: [] });
  });
});

describe('Markdown', () => {
  it('removes markup and keeps words (code included), lines and legal numbering', () => {
    const md = '####Protocolo\n\n## Artículo 1\n\n> Véase **el** [Protocolo](https://example.org) y `la _ley_`.\n\n1. Primero;\n2\\. Segundo.\n\n---\n\n```\ncódigo\n```\n*Nota* final';
    expect(markdownToText(md)).toBe('Protocolo\n\nArtículo 1\n\nVéase el Protocolo y la ley.\n\n1. Primero;\n2. Segundo.\n\ncódigo\nNota final');
  });

  it('is detected from the bytes, or from a .md name on plain text', async () => {
    expect((await extractDocument(utf8('# Título\n\nTexto **fuerte**.'))).provenance.type).toBe('markdown');
    const named = await extractDocument(utf8('Texto llano.'), { filename: 'notas.md' });
    expect(named.provenance).toMatchObject({ type: 'markdown', warnings: [] });
  });
});
