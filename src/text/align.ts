/**
 * Alignment: which bill units correspond to which model units, allowing renumbered, moved, split and merged articles.
 *
 * 1. Identical text pairs units at once.
 * 2. Same number, similar text: a unit whose ref exists on the other side is paired with it when their lines, or else
 *    their words or, failing that, their bigrams, overlap well (Dice) — the numbering is the strongest prior a law
 *    offers.
 *    Then identical words once case, accents, spacing and punctuation are folded away (moved, re-wrapped units).
 * 3. The rest are scored by cosine similarity of unigram + bigram TF-IDF vectors, which survives heavy editing (a
 *    20%-edited article keeps most of its rare words and many of its bigrams). Candidates come from an inverted index
 *    over informative terms; the position in the document is a small prior on top. Pairs are taken greedily, best
 *    first, above a threshold, so unrelated texts pair nothing.
 * 4. A leftover bill unit whose bigrams are mostly found in a model unit — one of its candidates, or the unit aligned
 *    with its neighbour — is a piece of it (the article was split); a leftover model unit mostly found in the bill unit
 *    of its neighbour was merged into it. (Pieces moved far from the rest of their article are not recognised.)
 *
 * Bags are sorted integer arrays (unigram term ids, bigrams hashed into the same 30-bit space) so every similarity is
 * a merge of two arrays, without per-term allocations; an overlap computed once (two same-ref units) counts one side
 * in a hash table instead of sorting both.
 */
import { IntArena, Scratch, view } from './arena';
import { lineDice, linesOf, sampledHash, type LineTable, type Lines } from './lines';
import { dice, diceOfSmall, diceUnsorted } from './multiset';
import { sameTerms, tokenize, type Tokens, type Vocabulary } from './tokens';
import type { Unit } from './types';

/** Model units and the bill units aligned with them (several on either side for merges and splits). */
export interface AlignedGroup {
  models: number[];
  bills: number[];
  /** Similarity that justified the pairing (1 for identical text). */
  score: number;
}

/** Result of `align`: the groups, and the tokens and lines of the units it had to read (reused by the redline). */
export interface Alignment {
  groups: AlignedGroup[];
  model: (Tokens | undefined)[];
  bill: (Tokens | undefined)[];
  modelLines: (Lines | undefined)[];
  billLines: (Lines | undefined)[];
}

/** Dice overlap of lines needed to pair two units with the same ref. */
const MIN_SAME_REF = 0.4;
/** Dice overlap of word bigrams needed to pair two units with the same ref (a 20%-edited unit keeps about 0.6). */
const MIN_SAME_REF_BIGRAMS = 0.3;
/**
 * Dice overlap of words above which two units with the same ref are paired without looking at their bigrams, which cost
 * more to count. Two different articles of the General Law share at most 0.46 of their words; a copy with 20% of its
 * words edited keeps 0.75–0.93, with 35% 0.59–0.9 (those below this go on to the bigrams).
 */
const MIN_SAME_REF_WORDS = 0.8;
/** TF-IDF cosine needed to pair two units with different refs. */
const MIN_SIMILARITY = 0.35;
/** Share of a unit's bigrams found in another for a split or merge. */
const MIN_CONTAINMENT = 0.5;
/** Postings longer than this are too common to propose candidates. */
const MAX_POSTING = 64;
/** Candidates per unit scored exactly. */
const TOP_CANDIDATES = 8;
/** Words a unit needs before it can be a split or merged piece. */
const MIN_PIECE_WORDS = 5;
/** Unigram term ids stay below this; bigram hashes fill [UNIGRAMS, 2^30). */
const UNIGRAMS = 1 << 21;

/** A unit's unigrams and hashed bigrams: sorted with repetitions (`all`), and as distinct keys with counts. */
interface Bag {
  all: Int32Array;
  keys: Int32Array;
  counts: Int32Array;
  total: number;
}

/**
 * Align the units of a bill with those of a model.
 *
 * @example
 * const m = segment('Artículo 1. La ley protege a las víctimas.\nArtículo 2. Se crea un fondo.').units;
 * const b = segment('Artículo 1. Se crea un fondo.\nArtículo 2. La ley protege a todas las víctimas.').units;
 * align(m, b, new Vocabulary(), new LineTable()).groups.map((g) => [g.models, g.bills]) // [[[0], [1]], [[1], [0]]]
 */
export function align(model: Unit[], bill: Unit[], vocab: Vocabulary, lineTable: LineTable): Alignment {
  const a = new Aligner(model, bill, vocab, lineTable);
  a.identical();
  a.sameRef();
  a.folded();
  a.similar();
  a.pieces();
  const { M, B } = a.read;
  return { groups: a.result(), model: M.tokens, bill: B.tokens, modelLines: M.lines, billLines: B.lines };
}

/** What the aligner has read of each unit of one side, each computed on first need. */
class UnitReads {
  readonly tokens: (Tokens | undefined)[];
  readonly lines: (Lines | undefined)[];
  readonly bags: (Bag | undefined)[];

  constructor(readonly units: Unit[]) {
    this.tokens = new Array(units.length);
    this.lines = new Array(units.length);
    this.bags = new Array(units.length);
  }
}

class Aligner {
  readonly read: Record<'M' | 'B', UnitReads>;
  private readonly groupOfM: Int32Array;
  private readonly groupOfB: Int32Array;
  private readonly groups: AlignedGroup[] = [];
  /** Candidate model units of each bill unit, found while pairing by similarity. */
  private readonly candidatesOf = new Map<number, number[]>();
  /** Storage of the tokens of the units read. */
  private readonly arena = new IntArena();

  constructor(
    private readonly M: Unit[],
    private readonly B: Unit[],
    private readonly vocab: Vocabulary,
    private readonly lineTable: LineTable,
  ) {
    this.read = { M: new UnitReads(M), B: new UnitReads(B) };
    this.groupOfM = new Int32Array(M.length).fill(-1);
    this.groupOfB = new Int32Array(B.length).fill(-1);
  }

  // Identical raw text; among twins, the same ref wins, then document order. Texts are grouped by a sampled hash and
  // then compared, rather than used as map keys, which would hash every character of both documents.
  identical(): void {
    const key = (text: string) => (text === '' ? NO_KEY : keyOf(sampledHash(text, 0, text.length), text.length));
    this.pairEqual(
      (m) => key(this.M[m]!.text),
      (b) => key(this.B[b]!.text),
      (m, b) => this.M[m]!.text === this.B[b]!.text,
    );
  }

  // Same ref on both sides and a good overlap: of lines first (cheap, no tokenizing), else of words, else of word
  // bigrams. Lines are only looked at when the two texts share their first or last line: a unit edited in both seldom
  // keeps enough of its lines, and the words pair it anyway (in a 20%-edited law, splitting and hashing the lines of
  // such units took 4% of a comparison, for nothing). A stricter test (both end lines, or half of four lines taken at the
  // same relative places) saved 0.5-3.5% more at 20% edited and cost 2-11% at 2%, where lines pair most units. Most words
  // shared settles it without the bigrams, which took 5%.
  sameRef(): void {
    const freeM = new Map(this.free(this.groupOfM).map((m) => [this.M[m]!.ref, m]));
    if (freeM.size === 0) return;
    for (const b of this.free(this.groupOfB)) {
      const m = freeM.get(this.B[b]!.ref);
      if (m === undefined) continue;
      const lines = shareEndLine(this.M[m]!.text, this.B[b]!.text) ? lineDice(this.lines('M', m), this.lines('B', b)) : 0;
      if (lines >= MIN_SAME_REF) {
        this.addGroup([m], [b], lines);
        continue;
      }
      const [x, y] = [this.tokens('M', m).terms, this.tokens('B', b).terms];
      const words = diceOfSmall(x, y, this.vocab.termCount);
      if (words >= MIN_SAME_REF_WORDS) {
        this.addGroup([m], [b], words);
        continue;
      }
      const bigrams = diceUnsorted(bigramsOf(x, BIGRAMS_M), bigramsOf(y, BIGRAMS_B));
      if (bigrams >= MIN_SAME_REF_BIGRAMS) this.addGroup([m], [b], bigrams);
    }
  }

  // Identical words once case, accents, spacing and punctuation are folded away (moved and re-wrapped units).
  folded(): void {
    const key = (t: Tokens) => (t.terms.length === 0 ? NO_KEY : keyOf(hashTerms(t.terms), t.terms.length));
    this.pairEqual(
      (m) => key(this.tokens('M', m)),
      (b) => key(this.tokens('B', b)),
      (m, b) => sameTerms(this.tokens('M', m).terms, this.tokens('B', b).terms),
    );
  }

  // Greedy pairing by TF-IDF cosine with a position prior.
  similar(): void {
    const freeM = this.free(this.groupOfM).filter((m) => this.bag('M', m).total > 0);
    const freeB = this.free(this.groupOfB).filter((b) => this.bag('B', b).total > 0);
    if (freeM.length === 0 || freeB.length === 0) return;
    const bagsM = freeM.map((m) => this.bag('M', m));
    const bagsB = freeB.map((b) => this.bag('B', b));
    const idf = idfOf([...bagsM, ...bagsB]);
    const vecM = bagsM.map((bag) => tfidf(bag, idf));
    const index = new Index(bagsM);
    const pairs: { m: number; b: number; cos: number; score: number }[] = [];
    freeB.forEach((b, jb) => {
      const bag = bagsB[jb]!;
      const vb = tfidf(bag, idf);
      const found = index.candidates(bag, idf);
      this.candidatesOf.set(
        b,
        found.map((i) => freeM[i]!),
      );
      for (const i of found) {
        const m = freeM[i]!;
        const cos = cosine(bagsM[i]!.keys, vecM[i]!, bag.keys, vb);
        if (cos < MIN_SIMILARITY) continue;
        const distance = Math.abs(m / this.M.length - b / this.B.length);
        pairs.push({ m, b, cos, score: cos + 0.05 * (1 - distance) });
      }
    });
    pairs.sort((x, y) => y.score - x.score);
    for (const p of pairs) if (this.groupOfM[p.m]! < 0 && this.groupOfB[p.b]! < 0) this.addGroup([p.m], [p.b], p.cos);
  }

  // Splits: a leftover bill unit contained in a model unit (a candidate, or the model unit of a neighbouring bill
  // unit); merges: a leftover model unit contained in the bill unit of a neighbouring model unit.
  pieces(): void {
    const big = (bag: Bag) => bag.total >= MIN_PIECE_WORDS;
    const nearB = this.nearestGroups(this.groupOfB);
    const nearM = this.nearestGroups(this.groupOfM);
    for (const b of this.free(this.groupOfB)) {
      const bag = this.bag('B', b);
      if (!big(bag)) continue;
      const hosts = new Set([...(this.candidatesOf.get(b) ?? []), ...this.neighbours(nearB, b, 'models')]);
      const m = best(hosts, (h) => containment(bag, this.bag('M', h)));
      if (m === undefined) continue;
      if (this.groupOfM[m]! >= 0) this.join(this.groupOfM[m]!, null, b);
      else this.addGroup([m], [b], dice(this.bag('M', m).all, bag.all));
    }
    for (const m of this.free(this.groupOfM)) {
      const bag = this.bag('M', m);
      if (!big(bag)) continue;
      const b = best(new Set(this.neighbours(nearM, m, 'bills')), (h) => containment(bag, this.bag('B', h)));
      if (b !== undefined) this.join(this.groupOfB[b]!, m, null);
    }
  }

  result(): AlignedGroup[] {
    for (const g of this.groups) {
      g.models.sort((x, y) => x - y);
      g.bills.sort((x, y) => x - y);
    }
    return this.groups.sort((x, y) => x.models[0]! - y.models[0]!);
  }

  private tokens(side: 'M' | 'B', u: number): Tokens {
    const r = this.read[side];
    return (r.tokens[u] ??= tokenize(r.units[u]!.text, this.vocab, this.arena));
  }

  private lines(side: 'M' | 'B', u: number): Lines {
    const r = this.read[side];
    return (r.lines[u] ??= linesOf(r.units[u]!.text, this.lineTable));
  }

  private bag(side: 'M' | 'B', u: number): Bag {
    const r = this.read[side];
    return (r.bags[u] ??= bagOf(this.tokens(side, u).terms));
  }

  // For each unit, the groups of its nearest aligned neighbours before and after it (-1: none), in one pass each way.
  private nearestGroups(groupOf: Int32Array): [Int32Array, Int32Array] {
    const before = new Int32Array(groupOf.length);
    const after = new Int32Array(groupOf.length);
    for (let u = 0, g = -1; u < groupOf.length; u++) {
      before[u] = g;
      if (groupOf[u]! >= 0) g = groupOf[u]!;
    }
    for (let u = groupOf.length - 1, g = -1; u >= 0; u--) {
      after[u] = g;
      if (groupOf[u]! >= 0) g = groupOf[u]!;
    }
    return [before, after];
  }

  // Units on the other side aligned with the nearest aligned neighbours of a unit.
  private neighbours([before, after]: [Int32Array, Int32Array], u: number, other: 'models' | 'bills'): number[] {
    const out: number[] = [];
    for (const g of [before[u]!, after[u]!]) if (g >= 0) out.push(...this.groups[g]![other]);
    return out;
  }

  // Pairs free units whose keys are equal and that are `same`; a key is a hash (collisions are settled by `same`).
  private pairEqual(keyM: (m: number) => number, keyB: (b: number) => number, same: (m: number, b: number) => boolean): void {
    const byKey = new Map<number, number[]>();
    for (const m of this.free(this.groupOfM)) {
      const k = keyM(m);
      if (k === NO_KEY) continue;
      const list = byKey.get(k);
      if (list) list.push(m);
      else byKey.set(k, [m]);
    }
    if (byKey.size === 0) return;
    for (const b of this.free(this.groupOfB)) {
      const list = byKey.get(keyB(b));
      if (!list) continue;
      const live = list.filter((m) => this.groupOfM[m]! < 0 && same(m, b));
      if (live.length === 0) continue;
      const m = live.find((x) => this.M[x]!.ref === this.B[b]!.ref) ?? live[0]!;
      this.addGroup([m], [b], 1);
    }
  }

  private free(groupOf: Int32Array): number[] {
    const out: number[] = [];
    for (let i = 0; i < groupOf.length; i++) if (groupOf[i]! < 0) out.push(i);
    return out;
  }

  private addGroup(models: number[], bills: number[], score: number): void {
    const g = this.groups.length;
    this.groups.push({ models, bills, score });
    for (const m of models) this.groupOfM[m] = g;
    for (const b of bills) this.groupOfB[b] = g;
  }

  private join(g: number, m: number | null, b: number | null): void {
    const group = this.groups[g]!;
    if (m !== null) {
      group.models.push(m);
      this.groupOfM[m] = g;
    }
    if (b !== null) {
      group.bills.push(b);
      this.groupOfB[b] = g;
    }
  }
}

/** Keys are hashed into this many slots for document frequencies and postings (collisions only add noise). */
const SLOTS = 1 << 18;

/** Inverse document frequency of a key, ln(1 + n / df), over the given bags. */
type Idf = (key: number) => number;

function idfOf(bags: Bag[]): Idf {
  const df = new Int32Array(SLOTS);
  for (const bag of bags) for (const k of bag.keys) df[k & (SLOTS - 1)]!++;
  const n = bags.length;
  return (k) => Math.log(1 + n / Math.max(1, df[k & (SLOTS - 1)]!));
}

/** Postings (key slot → bags containing it) in compressed rows, to find candidates sharing informative keys. */
class Index {
  private readonly start = new Int32Array(SLOTS + 1);
  private readonly units: Int32Array;
  private readonly score: Float64Array;

  constructor(bags: Bag[]) {
    const { start } = this;
    for (const bag of bags) for (const k of bag.keys) start[(k & (SLOTS - 1)) + 1]!++;
    for (let i = 0; i < SLOTS; i++) start[i + 1]! += start[i]!;
    this.units = new Int32Array(start[SLOTS]!);
    const fill = start.slice(0, SLOTS);
    bags.forEach((bag, u) => {
      for (const k of bag.keys) this.units[fill[k & (SLOTS - 1)]!++] = u;
    });
    this.score = new Float64Array(bags.length);
  }

  /** Bags (by position) sharing the most idf mass of informative keys with `bag`, best first. */
  candidates(bag: Bag, idf: Idf): number[] {
    const { start, units, score } = this;
    const touched: number[] = [];
    for (const k of bag.keys) {
      const slot = k & (SLOTS - 1);
      const from = start[slot]!;
      const to = start[slot + 1]!;
      if (to === from || to - from > MAX_POSTING) continue;
      const w = idf(k);
      for (let p = from; p < to; p++) {
        const u = units[p]!;
        if (score[u] === 0) touched.push(u);
        score[u]! += w;
      }
    }
    touched.sort((x, y) => score[y]! - score[x]!);
    const top = touched.slice(0, TOP_CANDIDATES);
    for (const u of touched) score[u] = 0;
    return top;
  }
}

// Whether two texts of several lines share their first or their last line.
function shareEndLine(x: string, y: string): boolean {
  const [fx, fy] = [x.indexOf('\n'), y.indexOf('\n')];
  if (fx < 0 || fy < 0) return false;
  if (fx === fy && x.startsWith(y.slice(0, fy))) return true;
  const [lx, ly] = [x.lastIndexOf('\n'), y.lastIndexOf('\n')];
  return x.length - lx === y.length - ly && x.endsWith(y.slice(ly));
}

/** Key of a unit with nothing to match. */
const NO_KEY = -1;

// A non-negative map key from a hash and a length.
function keyOf(hash: number, length: number): number {
  return (hash ^ Math.imul(length, 0x9e3779b1)) >>> 1;
}

// 30-bit FNV hash of a term sequence.
function hashTerms(terms: Int32Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < terms.length; i++) h = Math.imul(h ^ terms[i]!, 0x01000193);
  return h & 0x3fffffff;
}

// Key of the bigram (x, y), in [UNIGRAMS, 2^30): UNIGRAMS + h mod (2^30 - 2^21) for a 32-bit hash h. The modulus is
// 2^21 × 511, so the remainder is taken of h's top 11 bits by 511 (from a table) above its low 21 bits: the same value
// as the division, which costs more than everything else here.
function bigramOf(x: number, y: number): number {
  const h = (Math.imul(x + 1, 0x9e3779b1) ^ y) >>> 0;
  return UNIGRAMS + ((MOD_511[h >>> 21]! << 21) | (h & (UNIGRAMS - 1)));
}
const MOD_511 = Int32Array.from({ length: 1 << 11 }, (_, v) => v % 511);

/** Room for the bigrams of each side of a comparison of two units. */
const BIGRAMS_M = new Scratch();
const BIGRAMS_B = new Scratch();

// Hashed bigrams of a term sequence, in order, as a view of `room` (valid until its next use).
function bigramsOf(terms: Int32Array, room: Scratch): Int32Array {
  const n = Math.max(0, terms.length - 1);
  const keys = room.reserve(n);
  for (let i = 0; i < n; i++) keys[i] = bigramOf(terms[i]!, terms[i + 1]!);
  return view(keys, 0, n);
}

const BAG_ROOM = new Scratch();

// Sorted distinct unigram and bigram keys of a term sequence, with counts.
function bagOf(terms: Int32Array): Bag {
  const n = terms.length;
  const size = n === 0 ? 0 : 2 * n - 1;
  const all = BAG_ROOM.reserve(size).subarray(0, size);
  for (let i = 0; i < n; i++) {
    all[i] = terms[i]!;
    if (i > 0) all[n + i - 1] = bigramOf(terms[i - 1]!, terms[i]!);
  }
  all.sort();
  const keys = new Int32Array(size);
  const counts = new Int32Array(size);
  let d = -1;
  for (let i = 0; i < size; i++) {
    if (d >= 0 && all[i] === keys[d]) counts[d]!++;
    else {
      keys[++d] = all[i]!;
      counts[d] = 1;
    }
  }
  return { all: all.slice(), keys: keys.slice(0, d + 1), counts: counts.slice(0, d + 1), total: size };
}

// L2-normalised TF-IDF weights aligned with the bag's keys.
function tfidf(bag: Bag, idf: Idf): Float64Array {
  const w = new Float64Array(bag.keys.length);
  let norm = 0;
  for (let i = 0; i < w.length; i++) {
    w[i] = (1 + Math.log(bag.counts[i]!)) * idf(bag.keys[i]!);
    norm += w[i]! * w[i]!;
  }
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < w.length; i++) w[i]! /= norm;
  return w;
}

function cosine(kx: Int32Array, wx: Float64Array, ky: Int32Array, wy: Float64Array): number {
  // A short vector against a long one (a paragraph against a long article): look its keys up by bisection.
  if (kx.length * 8 < ky.length || ky.length * 8 < kx.length) {
    const [ks, ws, kl, wl] = kx.length < ky.length ? [kx, wx, ky, wy] : [ky, wy, kx, wx];
    let dot = 0;
    for (let i = 0; i < ks.length; i++) {
      let lo = 0;
      let hi = kl.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (kl[mid]! < ks[i]!) lo = mid + 1;
        else hi = mid;
      }
      if (lo < kl.length && kl[lo] === ks[i]) dot += ws[i]! * wl[lo]!;
    }
    return dot;
  }
  let i = 0;
  let j = 0;
  let dot = 0;
  while (i < kx.length && j < ky.length) {
    const a = kx[i]!;
    const b = ky[j]!;
    if (a === b) dot += wx[i++]! * wy[j++]!;
    else if (a < b) i++;
    else j++;
  }
  return dot;
}

// Share of x's bigrams (with multiplicity) also found in y.
function containment(x: Bag, y: Bag): number {
  let inside = 0;
  let total = 0;
  let from = 0;
  for (let i = 0; i < x.keys.length; i++) {
    const k = x.keys[i]!;
    if (k < UNIGRAMS) continue;
    total += x.counts[i]!;
    // Keys are sorted on both sides: bisect y from where the previous key was found.
    let lo = from;
    let hi = y.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (y.keys[mid]! < k) lo = mid + 1;
      else hi = mid;
    }
    from = lo;
    if (lo < y.keys.length && y.keys[lo] === k) inside += Math.min(x.counts[i]!, y.counts[lo]!);
  }
  return total === 0 ? 0 : inside / total;
}

// The item with the highest value, if it reaches MIN_CONTAINMENT.
function best(items: Iterable<number>, value: (x: number) => number): number | undefined {
  let found: number | undefined;
  let top = MIN_CONTAINMENT;
  for (const x of items) {
    const v = value(x);
    if (v >= top) {
      top = v;
      found = x;
    }
  }
  return found;
}
