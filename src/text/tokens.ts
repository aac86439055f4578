/**
 * Tokens: a text as words, whitespace runs and single punctuation marks, each interned as an integer id so diffs
 * and similarity work on numbers, not strings. Words and punctuation marks are the text's marks; the whitespace after
 * a mark is carried by it, so the text is its leading whitespace followed by the marks' territories, exactly.
 *
 * A `Vocabulary` is shared by the two texts of a comparison; it also maps each word to its folded term (lower case,
 * no accents) for matching.
 */
import { view, type IntArena } from './arena';
import { stripAccents } from './normalize';

/** Token classes: whitespace run, word, punctuation mark. */
type TokenKind = typeof SPACE | typeof WORD | typeof PUNCT;
const SPACE = 0;
const WORD = 1;
const PUNCT = 2;

/** One-character tokens below this code are looked up by their code (`Vocabulary.single`), not hashed. */
const SINGLE_CODES = 0x3000;

/** Fields of a token in `Vocabulary.meta`. */
const META = 4;
const HASH = 0;
const LENGTH = 1;
const KIND = 2;
const TERM = 3;

/** A tokenized text: its marks with their offsets and the whitespace they carry, and the folded terms of its words. */
export interface Tokens {
  text: string;
  /** Token ids of the marks (words and punctuation marks), in order. */
  ids: Int32Array;
  /**
   * Start offset of each mark in `text`, then `text.length`: mark k's territory, [starts[k], starts[k + 1]), is the
   * mark and the whitespace after it; text before starts[0] is whitespace.
   */
  starts: Int32Array;
  /** Token id of the whitespace after each mark, -1 for none. */
  spaces: Int32Array;
  /** Folded term ids of the words, in order. */
  terms: Int32Array;
}

/**
 * Interns tokens and folded terms for one comparison. A token of two or more characters is known by its class, its
 * length and a 30-bit hash of its characters, computed in place (no substring is made for a token already seen), which
 * keeps tokenizing a whole law in the low milliseconds. Its characters are not compared at each lookup: checking once
 * the runs a redline shows as equal costs less (a full comparison of a 20%-edited law was 5–8% faster). So two
 * different tokens may, rarely, share an id, and an id is only ever a key for matching: `diffWords` compares the
 * characters of every run it calls equal, and the redline checks `sameWords` before it calls a pair present.
 * One-character tokens are exact.
 *
 * @example
 * const v = new Vocabulary();
 * const t = tokenize('Artículo 5 Bis', v);
 * v.textOf(t.ids[0]) // 'Artículo'
 * v.termOf(t.ids[0]) === v.termOf(tokenize('ARTICULO', v).ids[0]) // true
 */
export class Vocabulary {
  private readonly texts: string[] = [];
  /**
   * Per token, side by side, so a lookup reads one cache line rather than one per field: its hash, its length, its
   * class, its folded term id (-1: not a word).
   */
  private meta = new Int32Array(META * (1 << 12));
  private breaks = new Int32Array(1 << 12);
  private readonly terms = new Map<string, number>();
  /**
   * Open-addressing table of id + 1 by hash (0 = empty). It starts with 2^14 slots, a load of about 0.2 for a law's few
   * thousand tokens: tokenizing the units of a 20%-edited comparison was 16% slower with 2^13 (longer probes), 2-8%
   * slower with 2^15 or 2^16.
   */
  private table = new Int32Array(1 << 14);
  /** Ids of one-character tokens by char code (-1 = unseen). */
  private readonly single = new Int32Array(SINGLE_CODES).fill(-1);

  /**
   * Id of the token text[start, end), interning it; `hash` is a 30-bit hash of those characters (not read for a
   * one-character token below SINGLE_CODES, which is looked up by its code).
   */
  intern(text: string, start: number, end: number, hash: number, kind: TokenKind): number {
    if (end - start === 1) {
      const c = text.charCodeAt(start);
      if (c < SINGLE_CODES) {
        const id = this.single[c]!;
        return id >= 0 ? id : (this.single[c] = this.add(text, start, end, hash, kind));
      }
    }
    const mask = this.table.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.table[slot]!;
      if (entry === 0) {
        const id = this.add(text, start, end, hash, kind);
        this.table[slot] = id + 1;
        if (this.texts.length * 2 > this.table.length) this.grow();
        return id;
      }
      const m = META * (entry - 1);
      if (this.meta[m + HASH] === hash && this.meta[m + LENGTH] === end - start && this.meta[m + KIND] === kind) return entry - 1;
    }
  }

  /** The text of the token first interned with this id (see the class comment: a key, not a quote). */
  textOf(id: number): string {
    return this.texts[id]!;
  }

  /** Length of the tokens with this id. */
  lengthOf(id: number): number {
    return this.meta[META * id + LENGTH]!;
  }

  /** Number of distinct tokens interned. */
  get size(): number {
    return this.texts.length;
  }

  /** Number of distinct folded terms: every term id is below it. */
  get termCount(): number {
    return this.terms.size;
  }

  /** Folded term id of a word token, -1 for whitespace and punctuation. */
  termOf(id: number): number {
    return this.meta[META * id + TERM]!;
  }

  /** Line breaks in a whitespace token, 0 for any other token. */
  breaksOf(id: number): number {
    return this.breaks[id]!;
  }

  private add(text: string, start: number, end: number, hash: number, kind: TokenKind): number {
    const id = this.texts.length;
    const token = text.slice(start, end);
    if (id === this.breaks.length) this.growTokens();
    const m = META * id;
    this.meta[m + HASH] = hash;
    this.meta[m + LENGTH] = token.length;
    this.meta[m + KIND] = kind;
    this.meta[m + TERM] = kind === WORD ? this.term(foldWord(token)) : -1;
    this.texts.push(token);
    this.breaks[id] = kind === SPACE ? token.split('\n').length - 1 : 0;
    return id;
  }

  private growTokens(): void {
    const n = 2 * this.breaks.length;
    this.meta = grown(this.meta, META * n);
    this.breaks = grown(this.breaks, n);
  }

  private grow(): void {
    const table = new Int32Array(this.table.length * 2);
    const mask = table.length - 1;
    for (let id = 0; id < this.texts.length; id++) {
      const m = META * id;
      if (this.meta[m + LENGTH] === 1 && this.texts[id]!.charCodeAt(0) < SINGLE_CODES) continue; // in `single`, not the table
      let slot = this.meta[m + HASH]! & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = id + 1;
    }
    this.table = table;
  }

  private term(folded: string): number {
    let id = this.terms.get(folded);
    if (id === undefined) {
      id = this.terms.size;
      this.terms.set(folded, id);
    }
    return id;
  }
}

// A copy of a typed array with room for at least n elements (twice its length, or n).
function grown(a: Int32Array<ArrayBuffer>, n: number): Int32Array<ArrayBuffer> {
  const copy = new Int32Array(Math.max(n, 2 * a.length));
  copy.set(a);
  return copy;
}

/** Distinct tokens the shared vocabulary may hold before it is started afresh. */
const MAX_SHARED_TOKENS = 300_000;
let shared: Vocabulary | null = null;

/**
 * The vocabulary shared by successive comparisons, so the words of a model are interned once, not per comparison.
 * It is replaced by a fresh one, between comparisons, when it has grown past MAX_SHARED_TOKENS.
 *
 * @example
 * sharedVocabulary() === sharedVocabulary() // true
 */
export function sharedVocabulary(): Vocabulary {
  if (!shared || shared.size > MAX_SHARED_TOKENS) shared = new Vocabulary();
  return shared;
}

/**
 * Growable output buffers for `tokenize`. Tokens written into them are views, valid until the buffers are used again:
 * for the transient tokens of one word diff, which then cost no allocation.
 */
export class TokenBuffers {
  ids = new Int32Array(1 << 12);
  starts = new Int32Array(1 << 12);
  spaces = new Int32Array(1 << 12);
  terms = new Int32Array(1 << 12);
  /** Marks and words written by the last tokenize into these buffers. */
  marks = 0;
  words = 0;
  /**
   * Views of the four buffers by length, below SHORT_VIEW, made once until the buffers grow: a view costs about as much
   * as tokenizing a few words, and a redline tokenizes many short runs of changed lines into the same buffers.
   */
  private views: Int32Array[][] = [[], [], [], []];

  reserve(n: number): void {
    if (this.ids.length >= n) return;
    const size = Math.max(n, this.ids.length * 2);
    this.ids = new Int32Array(size);
    this.starts = new Int32Array(size);
    this.spaces = new Int32Array(size);
    this.terms = new Int32Array(size);
    this.views = [[], [], [], []];
  }

  /** The tokens written last, as views of these buffers. */
  tokens(text: string): Tokens {
    const { marks, words } = this;
    return {
      text,
      ids: this.view(0, this.ids, marks),
      starts: this.view(1, this.starts, marks + 1),
      spaces: this.view(2, this.spaces, marks),
      terms: this.view(3, this.terms, words),
    };
  }

  private view(k: number, buffer: Int32Array, length: number): Int32Array {
    if (length >= SHORT_VIEW) return view(buffer, 0, length);
    const byLength = this.views[k]!;
    return byLength[length] ?? (byLength[length] = view(buffer, 0, length));
  }
}

/** A TokenBuffers keeps its views shorter than this (longer ones are few, and cost little beside their tokens). */
const SHORT_VIEW = 256;

// Scratch of the calls that return tokens owning their arrays.
const scratch = new TokenBuffers();

/**
 * Split a text into word, whitespace and punctuation tokens interned in `vocab`. With `into` buffers, the result is a
 * view of them (valid until their next use); with an arena, its arrays are stored there; otherwise it owns them.
 *
 * @example
 * const v = new Vocabulary();
 * const t = tokenize(' Se deroga.', v);
 * Array.from(t.ids, (id) => v.textOf(id)) // ['Se', 'deroga', '.']
 * Array.from(t.spaces, (id) => (id < 0 ? '' : v.textOf(id))) // [' ', '', '']
 * Array.from(t.starts) // [1, 4, 10, 11]
 */
export function tokenize(text: string, vocab: Vocabulary, into?: TokenBuffers | IntArena): Tokens {
  const buf = into instanceof TokenBuffers ? into : scratch;
  scan(text, vocab, buf);
  const { ids, starts, spaces, terms, marks, words } = buf;
  if (into instanceof TokenBuffers) return into.tokens(text);
  if (into) return { text, ids: into.copy(ids, marks), starts: into.copy(starts, marks + 1), spaces: into.copy(spaces, marks), terms: into.copy(terms, words) };
  return { text, ids: ids.slice(0, marks), starts: starts.slice(0, marks + 1), spaces: spaces.slice(0, marks), terms: terms.slice(0, words) };
}

// The tokens of `text` into `buf`. Kept apart from the three ways `tokenize` returns them: with the loop and a rarely
// taken return in one function, V8 threw the loop's optimized code away each time that return was reached (570
// deoptimizations in 300 comparisons in some long-running processes).
function scan(text: string, vocab: Vocabulary, buf: TokenBuffers): void {
  const n = text.length;
  buf.reserve(n + 1);
  const { ids, starts, spaces, terms } = buf;
  let count = 0;
  let words = 0;
  let i = 0;
  // (One-character tokens are looked up by their code: no hash needed.)
  const space = vocab.intern(' ', 0, 1, 0, SPACE);
  const lineBreak = vocab.intern('\n', 0, 1, 0, SPACE);
  while (i < n) {
    const c = text.charCodeAt(i);
    const start = i;
    let kind: TokenKind;
    let h = Math.imul(0x811c9dc5 ^ c, 0x01000193);
    const cls = CLASS[c]!;
    if (cls !== 0) {
      kind = cls === 1 ? SPACE : WORD;
      for (i++; i < n; i++) {
        const d = text.charCodeAt(i);
        if (CLASS[d] !== cls) break;
        h = Math.imul(h ^ d, 0x01000193);
      }
    } else {
      kind = PUNCT;
      i++;
      if (c >= 0xd800 && c <= 0xdbff && i < n) h = Math.imul(h ^ text.charCodeAt(i++), 0x01000193);
    }
    if (kind === SPACE) {
      // Leading whitespace belongs to no mark and needs no id.
      if (count > 0) spaces[count - 1] = vocab.intern(text, start, i, h & 0x3fffffff, kind);
      continue;
    }
    const id = vocab.intern(text, start, i, h & 0x3fffffff, kind);
    ids[count] = id;
    starts[count++] = start;
    if (kind === WORD) terms[words++] = vocab.termOf(id);
    // Most marks are followed by one space or one line break and then the next mark: that whitespace is known at once,
    // without a turn of the loop and a lookup (tokenizing is about 10% faster, a 20%-edited comparison 2-3%).
    const w = i + 1 < n ? text.charCodeAt(i) : 0;
    if ((w === 32 || w === 10) && CLASS[text.charCodeAt(i + 1)] !== 1) {
      spaces[count - 1] = w === 32 ? space : lineBreak;
      i++;
    } else spaces[count - 1] = -1;
  }
  starts[count] = n;
  buf.marks = count;
  buf.words = words;
}

/**
 * Lengths of the common prefix and suffix of two different texts, each cut where a token starts after whitespace, so
 * the ends split into the same tokens on both sides and only the middle needs a word diff.
 *
 * @example
 * commonEnds('pena de 5 años', 'pena de 7 años') // [8, 4]
 */
export function commonEnds(x: string, y: string): [number, number] {
  const n = Math.min(x.length, y.length);
  let p = 0;
  while (p < n && x.charCodeAt(p) === y.charCodeAt(p)) p++;
  // A cut at k needs x[k - 1] and x[k] inside the common part: k < p.
  let prefix = p - 1;
  while (prefix > 0 && !startsAfterSpace(x, prefix)) prefix--;
  prefix = Math.max(prefix, 0);
  let s = 0;
  while (s < n - prefix && x.charCodeAt(x.length - 1 - s) === y.charCodeAt(y.length - 1 - s)) s++;
  let suffix = s - 1;
  while (suffix > 0 && !startsAfterSpace(x, x.length - suffix)) suffix--;
  return [prefix, Math.max(suffix, 0)];
}

function startsAfterSpace(text: string, k: number): boolean {
  return CLASS[text.charCodeAt(k - 1)] === 1 && CLASS[text.charCodeAt(k)] !== 1;
}

/**
 * True when two texts have the same words once case and accents are folded away (their `terms` are equal).
 *
 * @example
 * const v = new Vocabulary(); sameTerms(tokenize('La Ley.', v).terms, tokenize('la  ley', v).terms) // true
 */
export function sameTerms(x: Int32Array, y: Int32Array): boolean {
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

/**
 * True when two tokenized texts have the same words once case and accents are folded away, checked on their
 * characters (equal `terms` could come from two different words that share a token id).
 *
 * @example
 * const v = new Vocabulary(); sameWords(tokenize('La Ley.', v), tokenize('la  LEY', v), v) // true
 */
export function sameWords(x: Tokens, y: Tokens, vocab: Vocabulary): boolean {
  if (!sameTerms(x.terms, y.terms)) return false;
  // Word by word (as many on each side: their terms are equal), skipping punctuation.
  let j = 0;
  for (let i = 0; i < x.ids.length; i++) {
    if (vocab.termOf(x.ids[i]!) < 0) continue;
    while (vocab.termOf(y.ids[j]!) < 0) j++;
    const wx = x.text.slice(x.starts[i], x.starts[i]! + vocab.lengthOf(x.ids[i]!));
    const wy = y.text.slice(y.starts[j], y.starts[j]! + vocab.lengthOf(y.ids[j]!));
    if (wx !== wy && foldWord(wx) !== foldWord(wy)) return false;
    j++;
  }
  return true;
}

/** Class of every UTF-16 code unit: 0 punctuation, 1 whitespace, 2 word character. */
const CLASS = (() => {
  const table = new Uint8Array(0x10000).fill(2);
  for (let c = 0; c < 0xc0; c++) {
    const word = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 0xaa || c === 0xba;
    table[c] = word ? 2 : 0;
  }
  // Not words: × ÷, general punctuation (– — “ ” …), CJK and small-form punctuation.
  table[0xd7] = table[0xf7] = 0;
  table.fill(0, 0x2000, 0x2070);
  table.fill(0, 0x3000, 0x3040);
  table.fill(0, 0xfe30, 0xfe50);
  for (const c of [32, 9, 10, 13, 0xa0]) table[c] = 1;
  return table;
})();

// Folded forms of the words seen lately, shared by all comparisons (bounded: cleared when full).
const FOLD_CACHE = new Map<string, string>();
const FOLD_CACHE_SIZE = 100_000;

function foldWord(word: string): string {
  let folded = FOLD_CACHE.get(word);
  if (folded === undefined) {
    const lower = word.toLowerCase();
    folded = /[^\x00-\x7f]/.test(lower) ? stripAccents(lower) : lower;
    if (FOLD_CACHE.size >= FOLD_CACHE_SIZE) FOLD_CACHE.clear();
    FOLD_CACHE.set(word, folded);
  }
  return folded;
}
