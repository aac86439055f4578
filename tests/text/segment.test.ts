// Segmentation on small texts written for these tests (no law text is copied here).
import { describe, expect, it } from 'vitest';
import { segment } from '../../src/text';
import { parseReformNote } from '../../src/text/notes';
import { isClosingLine, isReformSection, isTransitoryHeader, parseArticleLine, parseListLine } from '../../src/text/patterns';
import type { Provision } from '../../src/text';

const all = (ps: Provision[]): Provision[] => ps.flatMap((p) => [p, ...all(p.children)]);
const byRef = (ps: Provision[], ref: string) => all(ps).find((p) => p.ref === ref);

const SAMPLE = [
  'LEY DE PRUEBA PARA EL CUIDADO DE LOS PARQUES Y JARDINES',
  'TÍTULO PRIMERO',
  'Disposiciones Generales',
  'CAPÍTULO I',
  'Del objeto',
  'Artículo 1o. Esta Ley regula el cuidado de los parques públicos y es de orden público.',
  'Artículo 2.- Esta Ley tiene por objeto:',
  'I. Proteger los árboles;',
  'Fracción reformada DOF 01-02-2020',
  'II. Ordenar el uso de los',
  'jardines, en los términos del',
  'Artículo 21 Constitucional;',
  'III. Sancionar a quien dañe:',
  'a) Las bancas;',
  'b) Las fuentes, y',
  'IV. Educar a la población.',
  'Para ello se harán campañas',
  'anuales.',
  'Párrafo adicionado DOF 03-04-2021',
  'Las campañas serán gratuitas.',
  'ARTÍCULO 3.- Corresponde al municipio vigilar los parques.',
  'Artículo reformado DOF 01-02-2020, 05-06-2022',
  'Artículo 3 Bis.- Los visitantes',
  '7 de 9',
  'LEY DE PRUEBA PARA EL CUIDADO DE LOS PARQUES',
  'Gaceta Municipal de Prueba',
  'respetarán los horarios.',
  'CAPÍTULO II',
  'De las sanciones',
  'Artículo 4. Se deroga.',
  'TRANSITORIOS',
  'Primero.- La presente Ley entrará en vigor al día siguiente.',
  'Segundo.- Se abroga el reglamento anterior.',
  'Dado en el Salón de Sesiones a los diez días.',
  '8 de 9',
  'LEY DE PRUEBA PARA EL CUIDADO DE LOS PARQUES',
  'Gaceta Municipal de Prueba',
  'ARTÍCULOS TRANSITORIOS DE DECRETOS DE REFORMA',
  'DECRETO por el que se reforma el artículo 3 de la Ley de prueba.',
  'Publicado en el Diario Oficial de la Federación el 5 de junio de 2022',
  'Artículo Único.- Se reforma el artículo 3 para quedar como sigue:',
  '……….',
  'TRANSITORIO',
  'Único.- El presente Decreto entrará en vigor al día siguiente.',
  '9 de 9',
  'LEY DE PRUEBA PARA EL CUIDADO DE LOS PARQUES',
  'Gaceta Municipal de Prueba',
].join('\n');

describe('segment: structure', () => {
  const doc = segment(SAMPLE);

  it('finds the articles and transitorios in order, with refs without the word "Artículo"', () => {
    expect(doc.units.map((u) => u.ref)).toEqual([
      '1',
      '2',
      '3',
      '3 Bis',
      '4',
      'Transitorio Primero',
      'Transitorio Segundo',
      'Transitorio Único (DOF 05-06-2022)',
    ]);
    expect(doc.units.map((u) => u.label).slice(0, 4)).toEqual(['Artículo 1o.', 'Artículo 2.-', 'ARTÍCULO 3.-', 'Artículo 3 Bis.-']);
  });

  it('keeps a cross-reference at the start of a line inside its fracción', () => {
    const fr2 = byRef(doc.units, '2 fr. II')!;
    expect(fr2.text).toBe('Ordenar el uso de los\njardines, en los términos del\nArtículo 21 Constitucional;');
  });

  it('builds fracciones, incisos and paragraphs with decree-style paragraph numbers', () => {
    const art2 = doc.units[1]!;
    expect(art2.children.map((c) => c.ref)).toEqual(['2 párr. 1', '2 fr. I', '2 fr. II', '2 fr. III', '2 fr. IV', '2 párr. 2', '2 párr. 3']);
    expect(byRef(doc.units, '2 fr. III')!.children.map((c) => c.ref)).toEqual(['2 fr. III inc. a)', '2 fr. III inc. b)']);
    expect(byRef(doc.units, '2 párr. 2')!.text).toBe('Para ello se harán campañas\nanuales.');
    expect(art2.text.startsWith('Esta Ley tiene por objeto:\nI. Proteger los árboles;\nII. Ordenar')).toBe(true);
  });

  it('attaches reform notes to the provision above them, as metadata', () => {
    expect(byRef(doc.units, '2 fr. I')!.notes).toEqual([
      { action: 'reformed', target: 'Fracción', dates: ['2020-02-01'], raw: 'Fracción reformada DOF 01-02-2020' },
    ]);
    expect(byRef(doc.units, '2 párr. 2')!.notes.map((n) => n.action)).toEqual(['added']);
    expect(doc.units[2]!.notes[0]!.dates).toEqual(['2020-02-01', '2022-06-05']);
    for (const p of all(doc.units)) expect(p.text).not.toMatch(/reformad|adicionad/);
  });

  it('reads reform notes written in capitals, accents included', () => {
    const caps = segment(
      ['Artículo 1.- Primer párrafo.', 'Segundo párrafo.', 'PÁRRAFO REFORMADO DOF 01-02-2020', 'Artículo 2.- Texto.', 'ARTÍCULO REFORMADO DOF 05-06-2022'].join('\n'),
    );
    expect(byRef(caps.units, '1 párr. 2')!.notes.map((n) => [n.action, n.target, n.dates])).toEqual([['reformed', 'PÁRRAFO', ['2020-02-01']]]);
    expect(caps.units[1]!.notes.map((n) => n.raw)).toEqual(['ARTÍCULO REFORMADO DOF 05-06-2022']);
    for (const p of all(caps.units)) expect(p.text).not.toMatch(/REFORMAD/);
  });

  it('drops page furniture, also in the middle of a sentence', () => {
    expect(byRef(doc.units, '3 Bis')!.text).toBe('Los visitantes\nrespetarán los horarios.');
    for (const p of all(doc.units)) expect(p.text).not.toMatch(/Gaceta Municipal|\d de 9/);
  });

  it('reads lines indented or followed by any kind of space as the same lines', () => {
    // Each kind of space alone on a line, before it, after it or both (normalization turns some into plain spaces).
    const pads = ['  ', '\t', '\u1680', '\u00a0', '\u3000', '\u2003'];
    const padded = SAMPLE.split('\n')
      .map((line, i) => {
        const pad = pads[i % pads.length]!;
        return [pad + line, line + pad, pad + line + pad][Math.floor(i / pads.length) % 3];
      })
      .join('\n');
    const read = (d: ReturnType<typeof segment>) => ({ units: d.units.map((u) => [u.ref, u.text]), outline: all(d.outline).map((p) => p.ref) });
    expect(read(segment(padded))).toEqual(read(doc));
  });

  it('records headings in the outline and in each unit path', () => {
    expect(doc.outline.map((h) => h.ref)).toEqual(['Título Primero']);
    expect(doc.outline[0]!.children.map((h) => [h.ref, h.heading])).toEqual([
      ['Título Primero / Capítulo I', 'Del objeto'],
      ['Título Primero / Capítulo II', 'De las sanciones'],
    ]);
    expect(doc.units[0]!.path).toEqual(['Título Primero', 'Capítulo I']);
    expect(doc.units[4]!.path).toEqual(['Título Primero', 'Capítulo II']);
  });

  it('keeps the transitorios of each decree apart and leaves out signatures and decree articles', () => {
    expect(doc.units.filter((u) => u.kind === 'transitory').map((u) => u.decree)).toEqual(['original', 'original', 'DOF 05-06-2022']);
    expect(doc.units[6]!.text).toBe('Se abroga el reglamento anterior.');
    expect(doc.preamble).toBe('LEY DE PRUEBA PARA EL CUIDADO DE LOS PARQUES Y JARDINES');
    expect(doc.wordCount).toBeGreaterThan(100);
  });
});

describe('segment: article forms and numbering', () => {
  it('reads "Artículo Único" and decree wrappers', () => {
    expect(segment('Artículo Único.- Se crea el Consejo de Parques.').units.map((u) => u.ref)).toEqual(['Único']);
    const wrapped = segment(
      ['ARTÍCULO ÚNICO.- Se expide la Ley de Parques, para quedar como sigue:', 'Artículo 1.- Objeto.', 'Artículo 2.- Sujetos.'].join('\n'),
    );
    expect(wrapped.units.map((u) => u.ref)).toEqual(['1', '2']);
    expect(wrapped.preamble).toContain('Se expide la Ley de Parques');
  });

  it('reads transitorios labelled in words, in capitals, joined, with "Artículo" or "Transitorio", and no others', () => {
    const doc = segment(
      [
        'Artículo 1.- Objeto.',
        'TRANSITORIOS',
        'Primero.- Entra en vigor al día siguiente.',
        'ARTÍCULO SEGUNDO TRANSITORIO.- Se abroga la ley anterior.',
        'Tercero: Los municipios tendrán un año.',
        'Segundo párrafo que no es un transitorio.',
        'Cuarto.- Los recursos se asignarán.',
        'Quinto piso del edificio.',
        'Octavo de los informes irá al Congreso.',
        'Sexto.- Las dependencias informarán.',
        'Artículo Séptimo.- Se publicará.',
        'OCTAVO.- En mayúsculas.',
        'Décimo-Primero.- Con guion.',
        'Artículo Décimo Segundo Transitorio .- Cuatro palabras y un espacio antes del guion.',
        'Décimo Tercero y otros datos.- Un guion tras cinco palabras no es una etiqueta.',
      ].join('\n'),
    );
    expect(doc.units.filter((u) => u.kind === 'transitory').map((u) => u.ref)).toEqual([
      'Transitorio Primero',
      'Transitorio Segundo',
      'Transitorio Tercero',
      'Transitorio Cuarto',
      'Transitorio Sexto',
      'Transitorio Séptimo',
      'Transitorio Octavo',
      'Transitorio Décimo Primero',
      'Transitorio Décimo Segundo',
    ]);
    // Lines that open with an ordinal word but no label stay text.
    expect(doc.units.find((u) => u.ref === 'Transitorio Cuarto')!.text).toBe(
      'Los recursos se asignarán.\nQuinto piso del edificio.\nOctavo de los informes irá al Congreso.',
    );
  });

  it('reads fracción labels in their written forms, and turns away words and numerals that are not labels', () => {
    const read = (line: string) => {
      const item = parseListLine(line);
      return item && [item.key, item.value, item.label, item.rest];
    };
    expect(read('XII. Establecer los tipos.')).toEqual(['XII', 1200, 'XII.', 'Establecer los tipos.']);
    expect(read('VII.  Dos espacios.')).toEqual(['VII', 700, 'VII.', 'Dos espacios.']);
    expect(read('II.- Con guion.')).toEqual(['II', 200, 'II.-', 'Con guion.']);
    expect(read('VI. - Guion suelto.')).toEqual(['VI', 600, 'VI. -', 'Guion suelto.']);
    expect(read('X. —Raya.')).toEqual(['X', 1000, 'X. —', 'Raya.']);
    expect(read('III) Paréntesis.')).toEqual(['III', 300, 'III)', 'Paréntesis.']);
    expect(read('CI. 5 años.')).toEqual(['CI', 10100, 'CI.', '5 años.']);
    // Inserted fracciones, their suffix written in any case.
    expect(read('IV Bis.- Insertada.')).toEqual(['IV Bis', 401, 'IV Bis.-', 'Insertada.']);
    expect(read('IV BIS. Insertada.')).toEqual(['IV Bis', 401, 'IV BIS.', 'Insertada.']);
    expect(read('IV-ter. Insertada.')).toEqual(['IV Ter', 402, 'IV-ter.', 'Insertada.']);
    expect(read('IV Quáter. Insertada.')).toEqual(['IV Quater', 403, 'IV Quáter.', 'Insertada.']);
    for (const text of ['La casa.', 'De. Nada.', 'IV1. Cifra.', 'LXXXVIII. Ocho letras.', 'IIII. Mal formado.', 'I. , coma.']) expect(read(text), text).toBeNull();
  });

  it('reads section headers, closing lines and reform notes in any case and spacing, and turns away text', () => {
    // Every line of `yes` is recognised, no line of `no`.
    const sorts = (recognised: (line: string) => boolean, yes: string[], no: string[]) => {
      for (const line of yes) expect(recognised(line), line).toBe(true);
      for (const line of no) expect(recognised(line), line).toBe(false);
    };
    sorts(
      isTransitoryHeader,
      ['TRANSITORIOS', 'Transitorio', 'transitorias.', 'ARTÍCULOS TRANSITORIOS', '## Artículos Transitorios:', 'TRANSITORIOS :', 'TRANSITORIA  '],
      ['Transitorios de la ley', 'TRANSITORIOS. Nota', 'Artículo 1.- Transitorio.', 'Todos los transitorios;'],
    );
    sorts(
      isReformSection,
      ['ARTÍCULOS TRANSITORIOS DE DECRETOS DE REFORMA', 'Articulos  transitorios de decreto de reforma'],
      ['ARTÍCULO TRANSITORIO DE DECRETOS DE REFORMA', 'Artículos transitorios de decretos', 'ARTÍCULOS TRANSITORIOS'],
    );
    sorts(
      isClosingLine,
      [
        'En cumplimiento de lo dispuesto por la fracción I del Artículo 89 de la Constitución, expido el presente Decreto.',
        'EN CUMPLIMIENTO DE LO DISPUESTO POR LA FRACCION I DEL ARTICULO 89 de la Constitución.',
        'Dado en el Palacio del Poder Ejecutivo, a los diez días.',
        'DADO EN LA SALA de sesiones.',
        'Ciudad de México, a 25 de abril de 2024.- Dip. Una Persona, Presidenta.-',
      ],
      ['En los casos de cumplimiento.', 'Dados en el Palacio.', 'El Palacio, a 25 de abril de 2024, sin firma.'],
    );
    sorts(
      (line) => parseReformNote(line) !== null,
      [
        'Fracción reformada DOF 19-01-2018',
        'PÁRRAFO ADICIONADO DOF 07-06-2024',
        'Artículo  derogado.',
        'Párrafo último adicionado DOF 07-06-2024',
        'Denominación del Capítulo reformada DOF 20-05-2021',
        'Sub-inciso adicionado DOF 07-06-2024',
        'Fracción con sus incisos reformada D.O.F. 19-01-2018',
        'Reforma DOF 14-06-2012: Derogó el artículo',
        'Fe de erratas al párrafo DOF 05-06-2014',
      ],
      ['Artículo 12.- El Estado tendrá a su cargo lo publicado en el DOF.', 'Fracción 3 reformada DOF 19-01-2018', 'Artículo.- Reformado DOF'],
    );
  });

  it('reads article labels in their written forms', () => {
    const read = (line: string) => {
      const a = parseArticleLine(line);
      return a && [a.ref, a.order, a.label, a.rest];
    };
    expect(read('Artículo 12. Texto.')).toEqual(['12', 1200, 'Artículo 12.', 'Texto.']);
    expect(read('Artículo 12.- Texto.')).toEqual(['12', 1200, 'Artículo 12.-', 'Texto.']);
    expect(read('Artículo 1o. Texto.')).toEqual(['1', 100, 'Artículo 1o.', 'Texto.']);
    expect(read('ARTÍCULO 007.- Texto.')).toEqual(['7', 700, 'ARTÍCULO 007.-', 'Texto.']);
    expect(read('Artículo 12.  Dos espacios.')).toEqual(['12', 1200, 'Artículo 12.', 'Dos espacios.']);
    expect(read('Artículo 12.-Pegado.')).toEqual(['12', 1200, 'Artículo 12.-', 'Pegado.']);
    expect(read('Artículo 5 Bis.- Texto.')).toEqual(['5 Bis', 501, 'Artículo 5 Bis.-', 'Texto.']);
    expect(read('Artículo 4o. de la Constitución')).toEqual(['4', 400, 'Artículo 4o.', 'de la Constitución']);
    expect(read('Artículo Único.- Texto.')).toEqual(['Único', 100, 'Artículo Único.-', 'Texto.']);
    for (const text of ['Artículo 21 de la Ley', 'Artículo 12. , coma', 'Al artículo 12. Texto']) expect(read(text), text).toBeNull();
  });

  it('gives an inserted fracción ("I Bis") its own place between its neighbours', () => {
    const doc = segment(['Artículo 3.- Son fines:', 'I. Prevenir;', 'I Bis. Atender a las víctimas;', 'II. Sancionar.'].join('\n'));
    expect(doc.units[0]!.children.map((c) => c.ref)).toEqual(['3 párr. 1', '3 fr. I', '3 fr. I Bis', '3 fr. II']);
    expect(doc.units[0]!.children[2]!.text).toBe('Atender a las víctimas;');
  });

  it('does not start an article on a mid-sentence reference that breaks the numbering', () => {
    const doc = segment(['Artículo 7.- Las sanciones se aplicarán según el', 'Artículo 2. De esta Ley.', 'Artículo 8.- Fin.'].join('\n'));
    expect(doc.units.map((u) => u.ref)).toEqual(['7', '8']);
    expect(doc.units[0]!.text).toContain('Artículo 2. De esta Ley.');
  });

  it('warns when the numbering goes back after a finished sentence, and keeps refs unique', () => {
    const doc = segment(['Artículo 1.- Uno.', 'Artículo 2.- Dos.', 'Artículo 2.- Otra vez dos.'].join('\n'));
    expect(doc.units.map((u) => u.ref)).toEqual(['1', '2', '2 (2)']);
    expect(doc.warnings.join(' ')).toMatch(/numbering jumps/);
  });

  it('reads English articles with numbered clauses', () => {
    const doc = segment(['### Article 1', 'Purpose', '1. This text protects parks.', '2. It also protects lakes.'].join('\n'));
    expect(doc.units.map((u) => u.ref)).toEqual(['1']);
    expect(doc.units[0]!.children.map((c) => c.ref)).toEqual(['1 párr. 1', '1 núm. 1', '1 núm. 2']);
  });
});

describe('segment: texts without articles and bad input', () => {
  it('cuts a text without articles into paragraphs, with a warning', () => {
    const doc = segment('Primer párrafo de una carta.\n\nSegundo párrafo, más largo,\nen dos líneas.');
    expect(doc.units.map((u) => [u.ref, u.kind, u.text])).toEqual([
      ['¶1', 'paragraph', 'Primer párrafo de una carta.'],
      ['¶2', 'paragraph', 'Segundo párrafo, más largo,\nen dos líneas.'],
    ]);
    expect(doc.warnings.join(' ')).toMatch(/paragraph by paragraph/);
  });

  it('answers empty text, binary data and control characters clearly', () => {
    expect(segment('')).toMatchObject({ units: [], wordCount: 0 });
    expect(segment('').warnings.join(' ')).toMatch(/empty/);
    const binary = segment(String.fromCharCode(...Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256)));
    expect(binary.units).toEqual([]);
    expect(binary.warnings.join(' ')).toMatch(/binary/);
    const control = segment('Artículo 1.- Texto\u0007 con\u0000 controles.');
    expect(control.units[0]!.text).toBe('Texto con controles.');
    expect(control.warnings.join(' ')).toMatch(/control character/);
  });

  it('reads a 5 MB text completely: every article, in order, with its exact text', () => {
    const body = (n: number) => `Las autoridades del parque número ${n} cuidarán los árboles,\nlas bancas y las fuentes.`;
    let text = '';
    let articles = 0;
    while (text.length < 5_000_000) text += `Artículo ${++articles}.- ${body(articles)}\n`;
    const doc = segment(text);
    expect(doc.units.length).toBe(articles);
    expect(doc.units.every((u, i) => u.ref === String(i + 1) && u.text === body(i + 1))).toBe(true);
    expect(doc.wordCount).toBe(articles * 16);
    expect(doc.warnings).toEqual([]);
  });
});
