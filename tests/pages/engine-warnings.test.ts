/**
 * The engine's warnings in Spanish: the engine is made to say each of its messages (from real calls on small texts of
 * our own), and every one must have a Spanish rendering on the pages.
 */
import { describe, expect, it } from 'vitest';
import { compare, normalizeText, segment, segmentUnits } from '../../src/text/index.js';
import { MAX_TEXT_CHARS } from '../../src/text/normalize.js';
import { warningText } from '../../views/i18n/engine-warnings.js';

const said = (...lists: string[][]) => lists.flat();

describe('engine warnings on the pages', () => {
  const warnings = said(
    compare(segmentUnits(''), segmentUnits('Artículo 1. Texto.')).warnings, // the model has no text
    compare(segmentUnits('Artículo 1. Texto.'), segmentUnits('Un párrafo sin artículos.')).warnings, // the bill has no articles
    compare(segmentUnits('Artículo 1. La víctima recibe asistencia.'), segmentUnits('Artículo 7. Los puertos marítimos cobran derechos.')).warnings, // unrelated
    normalizeText('x'.repeat(MAX_TEXT_CHARS + 1)).warnings, // too long
    normalizeText('\u0000'.repeat(64)).warnings, // binary
    normalizeText('Texto\u0001 con un carácter de control.').warnings, // one control character
    normalizeText('Texto\u0001\u0002 con dos.').warnings, // two
    segment(['Artículo 1. Uno.', 'a', '1 de 3', 'Artículo 2. Dos.', 'b', '2 de 3', 'Artículo 3. Tres.', '3 de 3'].join('\n')).warnings, // page numbers
    segment(['Artículo 1. Uno.', 'CAPÍTULO II', 'Nombre', 'línea', 'línea', 'línea suelta', 'Artículo 2. Dos.'].join('\n')).warnings, // an orphan line
    segment(['Artículo reformado DOF 19-01-2018', 'Artículo 1. Uno.'].join('\n')).warnings, // a loose note
    segment('Un párrafo sin artículos.').warnings,
    segment('').warnings,
    segment(['Artículo 2. Dos.', 'Artículo 1. Uno.'].join('\n')).warnings, // numbering goes back
    segment(['TÍTULO PRIMERO', 'Artículo 1. Uno.', 'TÍTULO PRIMERO', 'Artículo 2. Dos.'].join('\n')).warnings, // a repeated heading
  );

  it('makes the engine say each of its messages', () => {
    const kinds = [
      /has no text to compare/,
      /has no recognisable articles/,
      /look unrelated/,
      /Text too long/,
      /binary data/,
      /Removed 1 control character\.$/,
      /Removed 2 control characters\.$/,
      /lines of page headers/,
      /belong to no article/,
      /precede any provision/,
      /No articles recognised/,
      /The text is empty/,
      /numbering jumps/,
      /appears 2 times/,
    ];
    for (const kind of kinds) expect(warnings.some((w) => kind.test(w)), String(kind)).toBe(true);
  });

  it('shows every one of them in Spanish, and in English as the engine wrote it', () => {
    for (const w of warnings) {
      const es = warningText(w, 'es');
      expect(es, w).not.toBe(w);
      expect(es, w).not.toMatch(/\b(the|was|were|text|article|lines?)\b/i);
      expect(warningText(w, 'en')).toBe(w);
    }
    expect(warningText('Removed 3 lines of page headers, footers and page numbers.', 'es')).toBe('Se quitaron 3 líneas de encabezados, pies y números de página.');
  });

  it('says the coarse-redline warning in Spanish too (too costly to provoke here: its wording is copied from compare.ts)', () => {
    const w = '2 aligned pair(s) were too long or too different for a word-level redline within budget: parts are shown as whole-paragraph replacements (coarse).';
    expect(warningText(w, 'es')).toMatch(/^2 pares alineados eran demasiado largos/);
  });
});
