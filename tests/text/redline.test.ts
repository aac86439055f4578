// The redline reconstructs both texts exactly, whatever the edits (property tests), and stays bounded.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redline } from '../../src/text';
import { diffContext, diffTexts } from '../../src/text/redline';
import { TokenBuffers, tokenize, Vocabulary } from '../../src/text/tokens';
import type { RedlineOp } from '../../src/text';

const left = (ops: RedlineOp[]) => ops.filter((o) => o.op !== 'insert').map((o) => o.text).join('');
const right = (ops: RedlineOp[]) => ops.filter((o) => o.op !== 'delete').map((o) => o.text).join('');

// A small legal-looking document: articles of paragraphs and fracciones made of words with accents and punctuation.
const WORDS = ['ley', 'víctima', 'pena', 'años', 'de', 'la', 'protección', 'niñas', 'niños', 'México', 'Fiscalía', 'reparación', 'daño', 'artículo', 'Ñandú', 'ÚNICO', '5', 'Bis', 'y', 'o'];
const word = fc.constantFrom(...WORDS);
const mark = fc.constantFrom(',', ';', ':', '.', '', '', '', '“', '”', '(', ')', '…');
const space = fc.constantFrom(' ', ' ', ' ', '\n', '  ', '\t', ' \n');
const sentence = fc.array(fc.tuple(word, mark, space), { minLength: 0, maxLength: 14 }).map((parts) => parts.map(([w, m, s]) => w + m + s).join(''));
const article = fc.record({
  intro: sentence,
  fractions: fc.array(sentence, { maxLength: 4 }),
});
type Article = { intro: string; fractions: string[] };
const ROMAN = ['I', 'II', 'III', 'IV', 'V'];
const render = (arts: Article[], numbers: number[]) =>
  arts.map((a, i) => [`Artículo ${numbers[i]}.- ${a.intro}`, ...a.fractions.map((f, k) => `${ROMAN[k]}. ${f}`)].join('\n')).join('\n');

// Edits a drafter makes: words substituted, deleted, inserted; accents and case changed; articles moved, renumbered,
// emptied; line breaks changed.
const edit = fc.oneof(
  fc.record({ kind: fc.constant('substitute' as const), at: fc.nat(), w: word }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), w: word }),
  fc.record({ kind: fc.constant('accent' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('rewrap' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('move' as const), from: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant('renumber' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('empty' as const), at: fc.nat() }),
);
type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

function applyWordEdit(text: string, e: Edit): string {
  const parts = text.split(/(\s+)/);
  const words = parts.map((p, i) => (i % 2 === 0 && p ? i : -1)).filter((i) => i >= 0);
  if (words.length === 0) return e.kind === 'insert' ? `${e.w} ${text}` : text;
  const i = words[(e as { at: number }).at % words.length]!;
  if (e.kind === 'substitute') parts[i] = e.w;
  if (e.kind === 'delete') parts[i] = '';
  if (e.kind === 'insert') parts[i] = `${parts[i]} ${e.w}`;
  if (e.kind === 'accent') parts[i] = parts[i]!.normalize('NFD').replace(/\p{M}/gu, '') === parts[i] ? parts[i]!.toUpperCase() : parts[i]!.normalize('NFD').replace(/\p{M}/gu, '');
  if (e.kind === 'rewrap' && i + 1 < parts.length) parts[i + 1] = parts[i + 1] === '\n' ? ' ' : '\n';
  return parts.join('');
}

function applyEdits(arts: Article[], edits: Edit[]): { arts: Article[]; numbers: number[] } {
  let out = arts.map((a) => ({ intro: a.intro, fractions: [...a.fractions] }));
  let numbers = arts.map((_, i) => i + 1);
  for (const e of edits) {
    if (out.length === 0) break;
    if (e.kind === 'move') {
      const [a] = out.splice(e.from % out.length, 1);
      out.splice(e.to % (out.length + 1), 0, a!);
    } else if (e.kind === 'renumber') numbers = numbers.map((n, i) => (i >= e.at % numbers.length ? n + 1 : n));
    else if (e.kind === 'empty') out[e.at % out.length] = { intro: '', fractions: [] };
    else {
      const a = out[e.at % out.length]!;
      const k = e.at % (a.fractions.length + 1);
      if (k === 0) a.intro = applyWordEdit(a.intro, e);
      else a.fractions[k - 1] = applyWordEdit(a.fractions[k - 1]!, e);
    }
  }
  out = out.slice(0, numbers.length);
  return { arts: out, numbers };
}

describe('redline: exact reconstruction', () => {
  it('rebuilds both texts character for character over generated edits of legal texts', () => {
    fc.assert(
      fc.property(fc.array(article, { minLength: 1, maxLength: 6 }), fc.array(edit, { maxLength: 12 }), (arts, edits) => {
        const a = render(arts, arts.map((_, i) => i + 1));
        const edited = applyEdits(arts, edits);
        const b = render(edited.arts, edited.numbers);
        const ops = redline(a, b);
        expect(left(ops)).toBe(a);
        expect(right(ops)).toBe(b);
        for (const o of ops) expect(o.text.length).toBeGreaterThan(0);
        if (a === b) expect(ops.every((o) => o.op === 'equal')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('rebuilds arbitrary strings (any code units), also with a tiny budget that forces coarse parts', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 }), fc.nat({ max: 200 }), (a, b, steps) => {
        const d = diffTexts(a, b, diffContext(steps));
        expect(left(d.ops)).toBe(a);
        expect(right(d.ops)).toBe(b);
        expect(d.similarity).toBeGreaterThanOrEqual(0);
        expect(d.similarity).toBeLessThanOrEqual(1);
      }),
      { numRuns: 100 },
    );
  });
});

describe('redline: examples', () => {
  it('marks a changed word and keeps the rest equal', () => {
    const ops = redline('Se impondrá pena de 5 a 15 años.', 'Se impondrá pena de 7 a 15 años.');
    expect(ops.filter((o) => o.op !== 'equal').map((o) => [o.op, o.text.trim()])).toEqual([
      ['delete', '5'],
      ['insert', '7'],
    ]);
  });

  it('returns one equal run for identical texts and nothing for two empty ones', () => {
    expect(redline('Artículo 1.- Texto.', 'Artículo 1.- Texto.')).toEqual([{ op: 'equal', text: 'Artículo 1.- Texto.' }]);
    expect(redline('', '')).toEqual([]);
    expect(redline('', 'nuevo')).toEqual([{ op: 'insert', text: 'nuevo' }]);
  });

  it('says whether two texts differ only in case, accents, spacing and punctuation', () => {
    expect(diffTexts('La Ley, reformada.', 'la ley reformada', diffContext()).present).toBe(true);
    expect(diffTexts('La Ley reformada', 'La Ley derogada', diffContext()).present).toBe(false);
    expect(diffTexts('uno\ndos', 'uno\n', diffContext()).present).toBe(false);
  });

  it('pairs the paragraphs of a long edited article one for one, each showing its own changed word', () => {
    const paragraph = (k: number, who: string) => `${k}. La autoridad ${who} protegerá a la víctima ${k} conforme a esta Ley y a su reglamento.`;
    const a = Array.from({ length: 40 }, (_, k) => paragraph(k + 1, 'federal')).join('\n');
    const b = Array.from({ length: 40 }, (_, k) => paragraph(k + 1, 'local')).join('\n');
    const changes = redline(a, b).filter((o) => o.op !== 'equal');
    expect(changes).toHaveLength(80);
    expect(changes.every((o, k) => o.text === (k % 2 === 0 ? 'federal' : 'local'))).toBe(true);
  });

  it('falls back to coarse delete + insert when the budget runs out, still exact', () => {
    const a = Array.from({ length: 400 }, (_, i) => `palabra${i % 37}`).join(' ');
    const b = Array.from({ length: 400 }, (_, i) => `palabra${(i * 7) % 41}`).join(' ');
    const d = diffTexts(a, b, diffContext(1000));
    expect(d.coarse).toBe(true);
    expect(left(d.ops)).toBe(a);
    expect(right(d.ops)).toBe(b);
  });

  it('diffs two unrelated 20,000-word texts within the step budget: coarse, never overdrawn, still exact', () => {
    const gen = (seed: number) => Array.from({ length: 20_000 }, (_, i) => `w${(i * seed) % 997}${i % 13 === 0 ? '.\n' : ' '}`).join('');
    const ctx = diffContext();
    const d = diffTexts(gen(7), gen(11), ctx);
    expect(d.coarse).toBe(true);
    expect(ctx.budget.steps).toBeGreaterThanOrEqual(0);
    expect(left(d.ops)).toBe(gen(7));
    expect(right(d.ops)).toBe(gen(11));
  });
});

// Two different tokens that get one id (a token is known by its length and a 30-bit hash): found by interning many
// tokens of one length until one comes back as an earlier one. `idOf` reads a token's id from the tokens of the text.
function sharedId(tokens: string[], text: string, idOf: (t: ReturnType<typeof tokenize>, k: number) => number): [string, string] {
  const v = new Vocabulary();
  const t = tokenize(text, v);
  const k = tokens.findIndex((token, k) => v.textOf(idOf(t, k)) !== token);
  if (k < 0) throw new Error('no two tokens share an id: the search needs more tokens');
  return [v.textOf(idOf(t, k)), tokens[k]!];
}

describe('redline: tokens that share an id', () => {
  it('shows two different words that share an id as a change, and never calls their texts present', () => {
    // Letters drawn by a fixed xorshift: counting in base 36 gives words the hash keeps apart.
    let seed = 2463534242;
    const letter = () => ((seed ^= seed << 13), (seed ^= seed >>> 17), (seed ^= seed << 5), String.fromCharCode(97 + ((seed >>> 0) % 26)));
    const words = Array.from({ length: 200_000 }, () => Array.from({ length: 7 }, letter).join(''));
    const [x, y] = sharedId(words, words.join(' '), (t, k) => t.ids[k]!);
    expect(x).not.toBe(y);
    const [a, b] = [`uno ${x} dos tres`, `UNO ${y} dos TRES`];
    const ops = redline(a, b);
    const textsOf = (op: RedlineOp['op']) => ops.filter((o) => o.op === op).map((o) => o.text).join('|');
    expect(textsOf('delete')).toContain(x);
    expect(textsOf('insert')).toContain(y);
    expect(textsOf('equal')).not.toContain(x);
    expect([left(ops), right(ops)]).toEqual([a, b]);
    expect(diffTexts(`La ${x}.`, `la ${y}`, diffContext()).present).toBe(false);
  });

  it('shows two different whitespace runs that share an id as a change', () => {
    // Spaces and tabs only: a line break would let the line diff settle the texts before any word is compared.
    const spaces = Array.from({ length: 300_000 }, (_, n) => n.toString(2).padStart(20, '0').replace(/./g, (d) => ' \t'[Number(d)]!));
    const [s, r] = sharedId(spaces, spaces.map((w) => `x${w}`).join(''), (t, k) => t.spaces[k]!);
    const [a, b] = [`uno x${s}dos tres`, `UNO x${r}dos TRES`];
    const ops = redline(a, b);
    expect([left(ops), right(ops)]).toEqual([a, b]);
  });
});

describe('tokens: the whitespace each mark carries', () => {
  it('gives every mark its whitespace, and one id to the same whitespace wherever it stands', () => {
    const v = new Vocabulary();
    const text = ' a b\nc  d\n\ne \tf,  g. h\n';
    const t = tokenize(text, v);
    const spaces = Array.from(t.spaces, (id) => (id < 0 ? '' : v.textOf(id)));
    expect(Array.from(t.ids, (id) => v.textOf(id))).toEqual(['a', 'b', 'c', 'd', 'e', 'f', ',', 'g', '.', 'h']);
    expect(spaces).toEqual([' ', '\n', '  ', '\n\n', ' \t', '', '  ', '', ' ', '\n']);
    // One space or line break between marks, and the same at the end of a text, are one token each.
    const id = (s: string) => tokenize(s, v).spaces[0];
    expect(id('a b')).toBe(id('x '));
    expect(id('a\nb')).toBe(id('x\n'));
    expect(id('a b')).not.toBe(id('a\nb'));
    expect(Array.from(t.starts)).toEqual([1, 3, 5, 8, 11, 14, 15, 18, 19, 21, text.length]);
  });

  it('gives the tokens of the last text written into reused buffers, also after the buffers grew', () => {
    const v = new Vocabulary();
    const buffers = new TokenBuffers();
    const words = (t: ReturnType<typeof tokenize>) => [Array.from(t.ids, (id) => v.textOf(id)), Array.from(t.starts)];
    expect(words(tokenize('uno dos', v, buffers))).toEqual([['uno', 'dos'], [0, 4, 7]]);
    expect(words(tokenize('tres cuatro', v, buffers))).toEqual([['tres', 'cuatro'], [0, 5, 11]]);
    tokenize('palabra '.repeat(2000), v, buffers); // longer than the buffers: they grow
    expect(words(tokenize('cinco seis', v, buffers))).toEqual([['cinco', 'seis'], [0, 6, 10]]);
  });
});
