// Comparison: identical, unrelated, and a draft built here from the General Law are reported back as built.
import { beforeAll, describe, expect, it } from 'vitest';
import { compare, ENGINE_VERSION, segment, segmentUnits } from '../../src/text';
import type { Comparison, LegalDocument, RedlineOp } from '../../src/text';
import { corpus, GENERAL_LAW, PALERMO } from '../support/corpus';

const left = (ops: RedlineOp[]) => ops.filter((o) => o.op !== 'insert').map((o) => o.text).join('');
const right = (ops: RedlineOp[]) => ops.filter((o) => o.op !== 'delete').map((o) => o.text).join('');

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Words that do not occur in the law, for edits and new articles.
const FOREIGN = ['zarzamora', 'bicicleta', 'montaña', 'girasol', 'tranvía', 'pelícano', 'acordeón', 'mandarina', 'volcán', 'linterna', 'cometa', 'brújula'];
const sentence = (rnd: () => number, n: number) => Array.from({ length: n }, () => FOREIGN[Math.floor(rnd() * FOREIGN.length)]).join(' ');

let law: LegalDocument;

beforeAll(() => {
  law = segment(corpus(GENERAL_LAW));
});

function checkRedlines(c: Comparison, model: LegalDocument, bill: LegalDocument): void {
  const joined = (doc: LegalDocument, refs: string[]) => refs.map((r) => doc.units.find((u) => u.ref === r)!.text).join('\n\n');
  for (const p of c.pairs) {
    expect(left(p.ops)).toBe(joined(model, p.models));
    expect(right(p.ops)).toBe(joined(bill, p.bills));
  }
}

describe('compare: identical and unrelated texts', () => {
  it('reports a law against itself as 100% present, without changes', () => {
    const c = compare(law, segment(corpus(GENERAL_LAW)));
    expect(c.engine).toBe(ENGINE_VERSION);
    expect(c.summary).toMatchObject({ modelUnits: law.units.length, present: law.units.length, modified: 0, missing: 0, added: 0, coverage: 1 });
    expect(c.added).toEqual([]);
    expect(c.pairs.length).toBe(law.units.length);
    for (const p of c.pairs) {
      expect(p.model).toBe(p.bill);
      expect(p.similarity).toBe(1);
      expect(p.ops.every((o) => o.op === 'equal')).toBe(true);
    }
  });

  it('matches nothing between the Palermo Protocol and the General Law', () => {
    const palermo = segment(corpus(PALERMO));
    expect(palermo.units.length).toBeGreaterThan(10);
    for (const [model, bill] of [
      [law, palermo],
      [palermo, law],
    ] as const) {
      const c = compare(model, bill);
      expect(c.summary.present + c.summary.modified).toBe(0);
      expect(c.summary.added).toBe(bill.units.length);
      expect(c.warnings.join(' ')).toMatch(/unrelated/);
    }
  });

  it('matches nothing against a generated text of similar size', () => {
    const rnd = prng(3);
    const text = Array.from({ length: 120 }, (_, i) => `Artículo ${i + 1}.- ${sentence(rnd, 200)}.`).join('\n');
    const c = compare(law, segment(text));
    expect(c.summary.present + c.summary.modified).toBe(0);
    expect(c.summary.missing).toBe(law.units.length);
    expect(c.added.length).toBe(120);
  });
});

describe('compare: a draft built from the General Law', () => {
  it('reports which model articles it keeps, changes and drops, and which articles are new', () => {
    const rnd = prng(2024);
    const articles = law.units.filter((u) => u.kind === 'article');
    const order = articles.map((_, i) => i).sort(() => rnd() - 0.5);
    const dropped = new Set(order.slice(0, 12));
    const edited = new Set(order.slice(12, 30));
    // Draft: kept articles shuffled, edited ones with 10% of their longer words replaced, new ones inserted.
    type Draft = { text: string; model?: string; edited?: boolean };
    const drafts: Draft[] = [];
    for (const i of order.slice(12)) {
      const a = articles[i]!;
      if (!edited.has(i)) {
        drafts.push({ text: a.text, model: a.ref });
        continue;
      }
      let first = true;
      let changes = 0;
      const text = a.text.replace(/\p{Ll}{4,}/gu, (w) => {
        if (first) return (first = false), w;
        if (rnd() >= 0.1 && changes > 0) return w;
        changes++;
        return FOREIGN[Math.floor(rnd() * FOREIGN.length)]!;
      });
      drafts.push({ text, model: a.ref, edited: true });
    }
    for (let k = 0; k < 6; k++) drafts.splice(Math.floor(rnd() * drafts.length), 0, { text: `${sentence(rnd, 30)}.` });
    const draftText = drafts.map((d, i) => `Artículo ${i + 1}.- ${d.text}`).join('\n');
    const bill = segment(draftText);
    expect(bill.units.length).toBe(drafts.length);

    const c = compare(law, bill);
    const status = new Map(c.coverage.map((e) => [e.model, e]));
    const draftRef = (i: number) => String(i + 1);
    drafts.forEach((d, i) => {
      if (!d.model) return;
      const e = status.get(d.model)!;
      expect(e.status, `model ${d.model} → draft ${draftRef(i)}`).toBe(d.edited ? 'modified' : 'present');
      expect(e.matches).toEqual([draftRef(i)]);
      if (d.edited) expect(e.similarity).toBeLessThan(1);
    });
    for (const i of dropped) expect(status.get(articles[i]!.ref)!.status).toBe('missing');
    for (const u of law.units.filter((x) => x.kind === 'transitory')) expect(status.get(u.ref)!.status).toBe('missing');
    expect(c.added).toEqual(drafts.flatMap((d, i) => (d.model ? [] : [draftRef(i)])));
    expect(c.summary).toMatchObject({
      present: articles.length - dropped.size - edited.size,
      modified: edited.size,
      missing: dropped.size + law.units.length - articles.length,
      added: 6,
    });
    checkRedlines(c, law, bill);
  });
});

describe('segmentUnits: what a comparison reads', () => {
  it('gives the units of segment without their children, and the same comparison', () => {
    const text = corpus(GENERAL_LAW);
    // A draft with a sentence added to one article and words changed in many, so provisions are present and modified.
    const draft = text.replace('Artículo 2o.-', 'Artículo 2o.- Se añade esta frase.').replace(/de las víctimas/g, 'de todas las víctimas');
    for (const t of [text, draft, corpus(PALERMO), 'Sin artículos.\n\nOtro párrafo.', '']) {
      const full = segment(t);
      const units = segmentUnits(t);
      expect(units.units).toEqual(full.units.map(({ children: _children, ...unit }) => expect.objectContaining(unit)));
      expect(units.units.every((u) => !('children' in u) || (u as { children: unknown[] }).children.length === 0)).toBe(true);
      expect({ ...units, units: [] }).toEqual({ ...full, units: [] });
    }
    const json = (a: ReturnType<typeof segmentUnits>, b: ReturnType<typeof segmentUnits>) => JSON.stringify(compare(a, b));
    expect(json(segmentUnits(text), segmentUnits(draft))).toBe(json(segment(text), segment(draft)));
    expect(law.units.some((u) => u.children.length > 0)).toBe(true);
  });
});

describe('compare: small texts', () => {
  const model = segment(
    [
      'Artículo 1.- Las autoridades cuidarán los bosques, los ríos y los lagos del estado con personal suficiente.',
      'Quien tale un árbol sin permiso pagará una multa de cien a mil días de salario mínimo vigente.',
      'Artículo 2.- El consejo forestal se reunirá cada tres meses para revisar el programa de reforestación.',
      'Artículo 3.- Los municipios publicarán cada año un informe sobre el estado de sus áreas verdes y parques.',
      'Artículo 4.- Las escuelas enseñarán a sembrar y regar árboles nativos durante el ciclo escolar completo.',
    ].join('\n'),
  );

  it('recognises a split article and a merged pair', () => {
    const bill = segment(
      [
        'Artículo 1.- Las autoridades cuidarán los bosques, los ríos y los lagos del estado con personal suficiente.',
        'Artículo 2.- Quien tale un árbol sin permiso pagará una multa de cien a mil días de salario mínimo vigente.',
        'Artículo 3.- El consejo forestal se reunirá cada tres meses para revisar el programa de reforestación.',
        'Los municipios publicarán cada año un informe sobre el estado de sus áreas verdes y parques.',
      ].join('\n'),
    );
    const c = compare(model, bill);
    const m = new Map(c.coverage.map((e) => [e.model, e]));
    expect(m.get('1')!.matches).toEqual(['1', '2']);
    expect(m.get('2')!.matches).toEqual(['3']);
    expect(m.get('3')!.matches).toEqual(['3']);
    expect(m.get('4')!.status).toBe('missing');
    expect(c.added).toEqual([]);
    checkRedlines(c, model, bill);
  });

  it('counts present text once case, accents, spacing and punctuation are ignored, and sums up criteria', () => {
    const bill = segment(
      [
        'Artículo 1.- LAS AUTORIDADES CUIDARAN LOS BOSQUES LOS RIOS Y LOS LAGOS DEL ESTADO',
        'con personal suficiente',
        'Quien tale un árbol sin permiso pagará una multa de cien a mil días de salario mínimo vigente.',
        'Artículo 2.- El consejo forestal se reunirá cada seis meses para revisar el programa de reforestación.',
      ].join('\n'),
    );
    const c = compare(model, bill, {
      criteria: [
        { name: 'Bosques', refs: ['1', '2'] },
        { name: 'Educación', refs: ['4'] },
      ],
      mandatory: ['1', '3 párr. 1'],
    });
    expect(c.coverage.map((e) => e.status)).toEqual(['present', 'modified', 'missing', 'missing']);
    expect(c.coverage[1]!.similarity).toBeGreaterThan(0.8);
    expect(c.summary.coverage).toBe(0.5);
    expect(c.summary.byCriterion).toEqual([
      { name: 'Bosques', present: 1, modified: 1, missing: 0, total: 2 },
      { name: 'Educación', present: 0, modified: 0, missing: 1, total: 1 },
    ]);
    expect(c.summary.mandatory).toEqual({ name: 'mandatory', present: 1, modified: 0, missing: 1, total: 2 });
  });

  it('compares texts without articles paragraph by paragraph, with a warning', () => {
    const a = segment('Primera idea del documento de trabajo.\n\nSegunda idea, sobre los ríos del estado.');
    const b = segment('Primera idea del documento de trabajo.\n\nSegunda idea, sobre los lagos del estado.');
    const c = compare(a, b);
    expect(c.coverage.map((e) => [e.model, e.status])).toEqual([
      ['¶1', 'present'],
      ['¶2', 'modified'],
    ]);
    expect(c.warnings.join(' ')).toMatch(/paragraph by paragraph/);
  });

  it('answers empty and binary input with warnings, not errors', () => {
    const empty = compare(model, segment(''));
    expect(empty.summary).toMatchObject({ billUnits: 0, missing: 4, coverage: 0 });
    expect(empty.warnings.join(' ')).toMatch(/bill has no text/);
    const binary = compare(segment('\u0000\u0001\u0002'.repeat(100)), model);
    expect(binary.summary.modelUnits).toBe(0);
    expect(binary.added.length).toBe(4);
  });
});
