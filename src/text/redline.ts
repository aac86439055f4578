/**
 * Redline: a word-level diff that keeps every character of both texts (accents, punctuation, line breaks), computed
 * hierarchically so it stays fast on whole laws and always returns.
 *
 * 1. Both texts become integer tokens (tokens.ts). Words and punctuation marks are compared; each one carries the
 *    whitespace that follows it, so re-wrapped lines do not break the alignment (a changed line break is still
 *    recorded, as delete " " / insert "\n", so both texts are reconstructed exactly).
 * 2. The texts are cut into blocks at paragraph ends and list labels ("II.", "a)"). Identical blocks anchor the
 *    alignment; the blocks in between are paired by word overlap (a small dynamic programme), so each word diff runs
 *    on one paragraph or fracción, not on a whole article.
 * 3. Inside a pair of blocks, words found exactly once on each side anchor the diff (patience diff); jsdiff's
 *    `diffArrays` on token ids fills the small gaps between anchors, under an edit-length cap drawn from a shared step
 *    budget. When a diff would exceed it, that part falls back to delete + insert and the result is flagged coarse.
 */
import { diffArrays } from 'diff';
import { SPACE, WORD, Vocabulary, tokenize, type Tokens } from './tokens';
import type { RedlineOp } from './types';

/** Work left for the word diffs of one comparison, in Myers steps ((n + m) × edit length). */
export interface DiffBudget {
  steps: number;
}

/** A redline with how much of it is exact and how similar the two texts are. */
export interface PairDiff {
  ops: RedlineOp[];
  /** True when some part fell back to delete + insert to stay within budget. */
  coarse: boolean;
  /** Dice coefficient over words: 2 × words kept / (words left + words right); 1 for two empty texts. */
  similarity: number;
}

/** Steps granted to one `redline` call or one `compare` (a few hundred ms of diffing at worst). */
export const DEFAULT_DIFF_STEPS = 40_000_000;
/** Longest edit script one jsdiff call may compute. */
const MAX_EDIT = 4000;
/** Word overlap (Dice) below which two blocks are not paired. */
const MIN_BLOCK_SIMILARITY = 0.25;
/** Largest block region aligned by dynamic programming (blocks left × blocks right). */
const MAX_DP_CELLS = 4096;
/** Gaps up to this many tokens (both sides) go straight to jsdiff without looking for anchors. */
const SMALL_GAP = 48;

/** One side of a diff: its marks (non-space tokens) with the whitespace each one carries. */
interface Side {
  t: Tokens;
  /** Token index of each mark. */
  at: Int32Array;
  /** Token id of each mark (the diff keys). */
  keys: Int32Array;
  /** Text offset where the marks start (after leading whitespace). */
  lead: number;
}

interface Block {
  start: number;
  end: number;
  hash: number;
  /** Sorted keys of the block's marks, for word overlap. */
  bag: Int32Array;
}

/**
 * Word-level redline from `left` to `right`. Joining the `equal` and `delete` texts gives `left` exactly; joining the
 * `equal` and `insert` texts gives `right` exactly.
 *
 * @example
 * redline('Se impondrá pena de 5 años.', 'Se impondrá pena de 7 años.')
 * // [{ op: 'equal', text: 'Se impondrá pena de ' }, { op: 'delete', text: '5' }, { op: 'insert', text: '7' }, { op: 'equal', text: ' años.' }]
 */
export function redline(left: string, right: string): RedlineOp[] {
  return diffTexts(left, right, new Vocabulary(), { steps: DEFAULT_DIFF_STEPS }).ops;
}

/**
 * Redline of two texts sharing a vocabulary and a step budget.
 *
 * @example
 * diffTexts('uno dos tres', 'uno tres', new Vocabulary(), { steps: 1e6 }).similarity // 0.8
 */
export function diffTexts(left: string, right: string, vocab: Vocabulary, budget: DiffBudget): PairDiff {
  if (left === right) return same(left);
  return diffTokens(tokenize(left, vocab), tokenize(right, vocab), vocab, budget);
}

/**
 * Redline of two texts already tokenized with the same vocabulary (used by `compare` for every aligned pair).
 *
 * @example
 * const v = new Vocabulary();
 * diffTokens(tokenize('a b', v), tokenize('a c', v), v, { steps: 1e6 }).ops
 * // [{ op: 'equal', text: 'a ' }, { op: 'delete', text: 'b' }, { op: 'insert', text: 'c' }]
 */
export function diffTokens(a: Tokens, b: Tokens, vocab: Vocabulary, budget: DiffBudget): PairDiff {
  if (a.text === b.text) return same(a.text);
  return new PairDiffer(side(a, vocab), side(b, vocab), vocab, budget).run();
}

function same(text: string): PairDiff {
  return { ops: text ? [{ op: 'equal', text }] : [], coarse: false, similarity: 1 };
}

class PairDiffer {
  private readonly ops: RedlineOp[] = [];
  private coarse = false;
  private kept = 0;

  constructor(
    private readonly A: Side,
    private readonly B: Side,
    private readonly vocab: Vocabulary,
    private readonly budget: DiffBudget,
  ) {}

  run(): PairDiff {
    const { A, B } = this;
    this.space(A.t.text.slice(0, A.lead), B.t.text.slice(0, B.lead));
    const blocksA = blocksOf(A, this.vocab);
    const blocksB = blocksOf(B, this.vocab);
    if (blocksA.length <= 1 || blocksB.length <= 1) this.tokens(0, A.keys.length, 0, B.keys.length);
    else this.blocks(blocksA, blocksB);
    const words = A.t.terms.length + B.t.terms.length;
    return { ops: this.ops, coarse: this.coarse, similarity: words === 0 ? 1 : (2 * this.kept) / words };
  }

  // Anchor identical blocks, then pair the blocks of each changed region.
  private blocks(BA: Block[], BB: Block[]): void {
    const changes = diffArrays(
      BA.map((x) => x.hash),
      BB.map((x) => x.hash),
    );
    let i = 0;
    let j = 0;
    let ri = 0;
    let rj = 0;
    for (const c of changes) {
      const n = c.count ?? c.value.length;
      if (c.removed) i += n;
      else if (c.added) j += n;
      else {
        this.region(BA, BB, ri, i, rj, j);
        for (let k = 0; k < n; k++) this.tokens(BA[i + k]!.start, BA[i + k]!.end, BB[j + k]!.start, BB[j + k]!.end);
        i += n;
        j += n;
        ri = i;
        rj = j;
      }
    }
    this.region(BA, BB, ri, i, rj, j);
  }

  private region(BA: Block[], BB: Block[], i0: number, i1: number, j0: number, j1: number): void {
    if (i0 === i1 && j0 === j1) return;
    const a0 = i0 < i1 ? BA[i0]!.start : i0 < BA.length ? BA[i0]!.start : this.A.keys.length;
    const b0 = j0 < j1 ? BB[j0]!.start : j0 < BB.length ? BB[j0]!.start : this.B.keys.length;
    if (i0 === i1 || j0 === j1 || (i1 - i0) * (j1 - j0) > MAX_DP_CELLS) {
      this.tokens(a0, i0 < i1 ? BA[i1 - 1]!.end : a0, b0, j0 < j1 ? BB[j1 - 1]!.end : b0);
      return;
    }
    let ci = i0;
    let cj = j0;
    for (const [pi, pj] of pairBlocks(BA, BB, i0, i1, j0, j1)) {
      if (ci < pi) this.remove(BA[ci]!.start, BA[pi - 1]!.end);
      if (cj < pj) this.add(BB[cj]!.start, BB[pj - 1]!.end);
      this.tokens(BA[pi]!.start, BA[pi]!.end, BB[pj]!.start, BB[pj]!.end);
      ci = pi + 1;
      cj = pj + 1;
    }
    if (ci < i1) this.remove(BA[ci]!.start, BA[i1 - 1]!.end);
    if (cj < j1) this.add(BB[cj]!.start, BB[j1 - 1]!.end);
  }

  // Marks [a0, a1) against [b0, b1): common prefix and suffix, then anchors and gaps.
  private tokens(a0: number, a1: number, b0: number, b1: number): void {
    const ka = this.A.keys;
    const kb = this.B.keys;
    let p = 0;
    while (a0 + p < a1 && b0 + p < b1 && ka[a0 + p] === kb[b0 + p]) p++;
    let s = 0;
    while (a1 - s > a0 + p && b1 - s > b0 + p && ka[a1 - 1 - s] === kb[b1 - 1 - s]) s++;
    this.equal(a0, b0, p);
    const ma = a0 + p;
    const mb = b0 + p;
    const ea = a1 - s;
    const eb = b1 - s;
    if (ea - ma + (eb - mb) <= SMALL_GAP) this.gap(ma, ea, mb, eb);
    else {
      let ci = ma;
      let cj = mb;
      for (const [ai, bj] of anchors(ka, ma, ea, kb, mb, eb)) {
        this.gap(ci, ai, cj, bj);
        this.equal(ai, bj, 1);
        ci = ai + 1;
        cj = bj + 1;
      }
      this.gap(ci, ea, cj, eb);
    }
    this.equal(ea, eb, s);
  }

  // A gap between anchors: trivial cases directly, the rest with jsdiff under the budget.
  private gap(a0: number, a1: number, b0: number, b1: number): void {
    const n = a1 - a0;
    const m = b1 - b0;
    if (n === 0 || m === 0 || (n === 1 && m === 1)) {
      if (n === 1 && m === 1 && this.A.keys[a0] === this.B.keys[b0]) return this.equal(a0, b0, 1);
      this.remove(a0, a1);
      this.add(b0, b1);
      return;
    }
    const size = n + m;
    const maxEditLength = Math.min(MAX_EDIT, size, Math.floor(this.budget.steps / size));
    const changes =
      maxEditLength >= 1
        ? diffArrays(Array.from(this.A.keys.subarray(a0, a1)), Array.from(this.B.keys.subarray(b0, b1)), { maxEditLength })
        : undefined;
    if (!changes) {
      this.budget.steps -= size * Math.max(1, maxEditLength);
      this.coarse = true;
      this.remove(a0, a1);
      this.add(b0, b1);
      return;
    }
    let i = a0;
    let j = b0;
    let edits = 0;
    for (const c of changes) {
      const k = c.count ?? c.value.length;
      if (c.removed) {
        this.remove(i, i + k);
        i += k;
        edits += k;
      } else if (c.added) {
        this.add(j, j + k);
        j += k;
        edits += k;
      } else {
        this.equal(i, j, k);
        i += k;
        j += k;
      }
    }
    this.budget.steps -= size * Math.max(1, edits);
  }

  // n equal marks; the whitespace they carry is compared too.
  private equal(a0: number, b0: number, n: number): void {
    if (n === 0) return;
    const { A, B } = this;
    let from = A.t.starts[A.at[a0]!]!;
    for (let k = 0; k < n; k++) {
      const ta = A.at[a0 + k]!;
      const tb = B.at[b0 + k]!;
      if (this.vocab.kindOf(A.t.ids[ta]!) === WORD) this.kept++;
      const wa = spaceAfter(A, a0 + k);
      const wb = spaceAfter(B, b0 + k);
      if (wa === wb) continue;
      this.push('equal', A.t.text.slice(from, A.t.starts[ta + 1]));
      this.space(wa, wb);
      from = A.t.starts[ta + 1]! + wa.length;
    }
    this.push('equal', A.t.text.slice(from, end(A, a0 + n)));
  }

  private space(wa: string, wb: string): void {
    if (wa === wb) return this.push('equal', wa);
    this.push('delete', wa);
    this.push('insert', wb);
  }

  private remove(a0: number, a1: number): void {
    if (a0 < a1) this.push('delete', this.A.t.text.slice(this.A.t.starts[this.A.at[a0]!], end(this.A, a1)));
  }

  private add(b0: number, b1: number): void {
    if (b0 < b1) this.push('insert', this.B.t.text.slice(this.B.t.starts[this.B.at[b0]!], end(this.B, b1)));
  }

  private push(op: RedlineOp['op'], text: string): void {
    if (!text) return;
    const last = this.ops[this.ops.length - 1];
    if (last && last.op === op) last.text += text;
    else if (last && op === 'delete' && last.op === 'insert') {
      // Keep deletions before insertions: "delete old, insert new" reads better than the reverse.
      const prev = this.ops[this.ops.length - 2];
      if (prev && prev.op === 'delete') prev.text += text;
      else this.ops.splice(this.ops.length - 1, 0, { op, text });
    } else this.ops.push({ op, text });
  }
}

function side(t: Tokens, vocab: Vocabulary): Side {
  const at: number[] = [];
  const keys: number[] = [];
  for (let i = 0; i < t.ids.length; i++) {
    const id = t.ids[i]!;
    if (vocab.kindOf(id) === SPACE) continue;
    at.push(i);
    keys.push(id);
  }
  return { t, at: Int32Array.from(at), keys: Int32Array.from(keys), lead: at.length > 0 ? t.starts[at[0]!]! : t.text.length };
}

// Text offset where mark k's territory ends: the start of mark k (its territory is the mark plus following space).
function end(s: Side, k: number): number {
  return k < s.at.length ? s.t.starts[s.at[k]!]! : s.t.text.length;
}

function spaceAfter(s: Side, k: number): string {
  const t = s.at[k]! + 1;
  return t < s.t.ids.length && (k + 1 >= s.at.length || s.at[k + 1]! > t) ? s.t.text.slice(s.t.starts[t], s.t.starts[t + 1]) : '';
}

const LABEL = /^(?:[IVXLCDM]{1,7}|[a-zñ]|\d{1,3})$/;

// Blocks (in marks) end after . ; : followed by a line break, at a blank line, or before a list label.
function blocksOf(s: Side, vocab: Vocabulary): Block[] {
  const blocks: Block[] = [];
  let start = 0;
  for (let k = 0; k < s.keys.length; k++) {
    const space = spaceAfter(s, k);
    if (!space.includes('\n')) continue;
    const mark = vocab.textOf(s.keys[k]!);
    const next = k + 2 < s.keys.length ? vocab.textOf(s.keys[k + 2]!) : '';
    const label = (next === '.' || next === ')') && LABEL.test(vocab.textOf(s.keys[k + 1] ?? 0));
    if (mark === '.' || mark === ';' || mark === ':' || label || space.includes('\n\n')) {
      blocks.push(blockOf(s.keys, start, k + 1));
      start = k + 1;
    }
  }
  if (start < s.keys.length) blocks.push(blockOf(s.keys, start, s.keys.length));
  return blocks;
}

function blockOf(keys: Int32Array, start: number, end: number): Block {
  let h = 0x811c9dc5 ^ (end - start);
  for (let i = start; i < end; i++) h = Math.imul(h ^ keys[i]!, 0x01000193);
  return { start, end, hash: h >>> 1, bag: keys.slice(start, end).sort() };
}

// Monotone pairing of blocks A[i0..i1) with B[j0..j1) maximising total word overlap.
function pairBlocks(A: Block[], B: Block[], i0: number, i1: number, j0: number, j1: number): [number, number][] {
  const p = i1 - i0;
  const q = j1 - j0;
  const w = q + 1;
  const score = new Float64Array((p + 1) * w);
  const sims = new Float64Array(p * q);
  for (let i = 1; i <= p; i++) {
    for (let j = 1; j <= q; j++) {
      const sim = dice(A[i0 + i - 1]!.bag, B[j0 + j - 1]!.bag);
      sims[(i - 1) * q + j - 1] = sim;
      const diag = sim >= MIN_BLOCK_SIMILARITY ? score[(i - 1) * w + j - 1]! + sim : -1;
      score[i * w + j] = Math.max(score[(i - 1) * w + j]!, score[i * w + j - 1]!, diag);
    }
  }
  const pairs: [number, number][] = [];
  let i = p;
  let j = q;
  while (i > 0 && j > 0) {
    const sim = sims[(i - 1) * q + j - 1]!;
    if (sim >= MIN_BLOCK_SIMILARITY && score[i * w + j] === score[(i - 1) * w + j - 1]! + sim) {
      pairs.push([i0 + i - 1, j0 + j - 1]);
      i--;
      j--;
    } else if (score[i * w + j] === score[(i - 1) * w + j]) i--;
    else j--;
  }
  return pairs.reverse();
}

function dice(x: Int32Array, y: Int32Array): number {
  if (x.length === 0 || y.length === 0) return 0;
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < x.length && j < y.length) {
    if (x[i] === y[j]) {
      common++;
      i++;
      j++;
    } else if (x[i]! < y[j]!) i++;
    else j++;
  }
  return (2 * common) / (x.length + y.length);
}

// Scratch counters indexed by token id, shared by every call and reset after use.
let countA = new Int32Array(1024);
let countB = new Int32Array(1024);
let lastA = new Int32Array(1024);

// Patience anchors: marks that occur exactly once on each side, longest run in the same order on both.
function anchors(ka: Int32Array, a0: number, a1: number, kb: Int32Array, b0: number, b1: number): [number, number][] {
  let max = 0;
  for (let i = a0; i < a1; i++) max = Math.max(max, ka[i]!);
  for (let j = b0; j < b1; j++) max = Math.max(max, kb[j]!);
  if (max >= countA.length) {
    const size = Math.max(max + 1, countA.length * 2);
    countA = new Int32Array(size);
    countB = new Int32Array(size);
    lastA = new Int32Array(size);
  }
  for (let i = a0; i < a1; i++) {
    countA[ka[i]!]!++;
    lastA[ka[i]!] = i;
  }
  for (let j = b0; j < b1; j++) countB[kb[j]!]!++;
  // Candidates in B order, with their A position; then the longest increasing run of A positions.
  const posA: number[] = [];
  const posB: number[] = [];
  for (let j = b0; j < b1; j++) {
    const k = kb[j]!;
    if (countA[k] === 1 && countB[k] === 1) {
      posA.push(lastA[k]!);
      posB.push(j);
    }
  }
  for (let i = a0; i < a1; i++) countA[ka[i]!] = 0;
  for (let j = b0; j < b1; j++) countB[kb[j]!] = 0;
  const chain = longestIncreasing(posA);
  return chain.map((c) => [posA[c]!, posB[c]!]);
}

// Indexes of a longest strictly increasing subsequence (patience sorting).
function longestIncreasing(xs: number[]): number[] {
  const tails: number[] = [];
  const prev = new Int32Array(xs.length).fill(-1);
  for (let i = 0; i < xs.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (xs[tails[mid]!]! < xs[i]!) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1]!;
    tails[lo] = i;
  }
  const out: number[] = [];
  for (let i = tails.length > 0 ? tails[tails.length - 1]! : -1; i >= 0; i = prev[i]!) out.push(i);
  return out.reverse();
}
