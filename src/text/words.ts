/**
 * Word-level redline of two tokenized texts, hierarchical so each diff stays small.
 *
 * Words and punctuation marks are compared; each one carries the whitespace that follows it, so re-wrapped lines do
 * not break the alignment (a changed line break is still recorded, as delete " " / insert "\n", so both texts are
 * reconstructed exactly). Long texts are cut into blocks at paragraph ends and list labels ("II.", "a)"); identical
 * blocks anchor the alignment and the blocks in between are paired by word overlap — in place when as many blocks
 * stand on each side and each shares most of its words with its counterpart, else by a small dynamic programme — so
 * each word diff (sequence.ts) runs on one paragraph or fracción, not on a whole long article.
 */
import { Scratch, view } from './arena';
import { diceUnsorted } from './multiset';
import type { OpsBuilder } from './ops';
import { DELETE, diffKeys, EQUAL, INSERT, MAX_EDIT, type DiffBudget } from './sequence';
import type { Tokens, Vocabulary } from './tokens';

/** Word overlap (Dice) below which two blocks are not paired. */
const MIN_BLOCK_SIMILARITY = 0.25;
/**
 * Marks (both sides) above which a text pair is aligned block by block before words. A pair no longer than the edit
 * script one gap diff may compute is diffed whole: none of its gaps can reach that cap and go coarse. (Blocks from 600
 * marks gave the same redlines of the General Law at 2-50% of words edited and with rewritten fracciones, and a 20%-edited
 * comparison 2-3% slower. Nor higher: on runs of consecutive articles of the General Law, whole diffs of 1,500-3,000
 * marks were faster only with 20% of the words edited (0.77-0.96 of the time, similarity within 0.001); with 35-70%
 * edited, from 2,000 marks they took up to 2.6 times as long as blocks, and kept up to 0.035 less similarity.)
 */
const MIN_BLOCKED = MAX_EDIT;
/** Word overlap above which every block of a region pairs with the block in the same place on the other side. */
const SAME_PLACE_SIMILARITY = 0.5;
/** Largest block region aligned by dynamic programming (blocks left × blocks right). */
const MAX_DP_CELLS = 4096;

interface Block {
  start: number;
  end: number;
  hash: number;
}

/**
 * Append to `out` the word-level redline from `a` to `b`; returns whether some part had to be coarse.
 *
 * @example
 * const v = new Vocabulary(); const out = new OpsBuilder();
 * diffWords(tokenize('pena de 5 años', v), tokenize('pena de 7 años', v), v, { steps: 1e6 }, out);
 * out.tidy() // [{ op: 'equal', text: 'pena de ' }, { op: 'delete', text: '5' }, { op: 'insert', text: '7' }, { op: 'equal', text: ' años' }]
 */
export function diffWords(a: Tokens, b: Tokens, vocab: Vocabulary, budget: DiffBudget, out: OpsBuilder): boolean {
  return new PairDiffer(a, b, vocab, budget, out).run();
}

class PairDiffer {
  private coarse = false;

  constructor(
    private readonly A: Tokens,
    private readonly B: Tokens,
    private readonly vocab: Vocabulary,
    private readonly budget: DiffBudget,
    private readonly out: OpsBuilder,
  ) {}

  run(): boolean {
    const { A, B } = this;
    this.space(A.text.slice(0, A.starts[0]), B.text.slice(0, B.starts[0]));
    // Short texts go straight to anchors and gaps; long ones are first paired block by block.
    const blocksA = A.ids.length + B.ids.length > MIN_BLOCKED ? blocksOf(A, this.vocab) : [];
    const blocksB = blocksA.length > 1 ? blocksOf(B, this.vocab) : [];
    if (blocksA.length <= 1 || blocksB.length <= 1) this.tokens(0, A.ids.length, 0, B.ids.length);
    else this.blocks(blocksA, blocksB);
    return this.coarse;
  }

  // Anchor identical blocks (common prefix, suffix, blocks found once on each side), then pair the blocks of each
  // changed region.
  private blocks(BA: Block[], BB: Block[]): void {
    const ids = new Map<number, number>();
    const idsOf = (blocks: Block[], room: Scratch) => {
      const out = room.reserve(blocks.length);
      blocks.forEach((x, k) => {
        let id = ids.get(x.hash);
        if (id === undefined) ids.set(x.hash, (id = ids.size));
        out[k] = id;
      });
      return out;
    };
    const d = diffKeys(idsOf(BA, BLOCK_IDS_A), 0, BA.length, idsOf(BB, BLOCK_IDS_B), 0, BB.length, this.budget, false);
    let i = 0;
    let j = 0;
    let ri = 0;
    let rj = 0;
    for (let r = 0; r < d.runs.length; r += 2) {
      const op = d.runs[r]!;
      const n = d.runs[r + 1]!;
      if (op === DELETE) i += n;
      else if (op === INSERT) j += n;
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
    if (this.pairInPlace(BA, BB, i0, i1, j0, j1)) {
      for (let k = 0; k < i1 - i0; k++) this.tokens(BA[i0 + k]!.start, BA[i0 + k]!.end, BB[j0 + k]!.start, BB[j0 + k]!.end);
      return;
    }
    if (i0 === i1 || j0 === j1 || (i1 - i0) * (j1 - j0) > MAX_DP_CELLS) {
      // The region's marks (an empty side starts where its next block does, or at the end).
      const a0 = i0 < BA.length ? BA[i0]!.start : this.A.ids.length;
      const b0 = j0 < BB.length ? BB[j0]!.start : this.B.ids.length;
      this.tokens(a0, i0 < i1 ? BA[i1 - 1]!.end : a0, b0, j0 < j1 ? BB[j1 - 1]!.end : b0);
      return;
    }
    let ci = i0;
    let cj = j0;
    for (const [pi, pj] of pairBlocks(BA, BB, this.A.ids, this.B.ids, i0, i1, j0, j1)) {
      if (ci < pi) this.remove(BA[ci]!.start, BA[pi - 1]!.end);
      if (cj < pj) this.add(BB[cj]!.start, BB[pj - 1]!.end);
      this.tokens(BA[pi]!.start, BA[pi]!.end, BB[pj]!.start, BB[pj]!.end);
      ci = pi + 1;
      cj = pj + 1;
    }
    if (ci < i1) this.remove(BA[ci]!.start, BA[i1 - 1]!.end);
    if (cj < j1) this.add(BB[cj]!.start, BB[j1 - 1]!.end);
  }

  // Whether the blocks A[i0..i1) pair one for one, in place, with B[j0..j1): when every pair shares most of its words,
  // as in an edited text, the pairing the dynamic programme would look for is already there.
  private pairInPlace(BA: Block[], BB: Block[], i0: number, i1: number, j0: number, j1: number): boolean {
    if (i1 - i0 < 2 || i1 - i0 !== j1 - j0) return false;
    for (let k = 0; k < i1 - i0; k++) {
      const [a, b] = [BA[i0 + k]!, BB[j0 + k]!];
      if (diceUnsorted(view(this.A.ids, a.start, a.end), view(this.B.ids, b.start, b.end)) < SAME_PLACE_SIMILARITY) return false;
    }
    return true;
  }

  // Marks [a0, a1) against [b0, b1).
  private tokens(a0: number, a1: number, b0: number, b1: number): void {
    const d = diffKeys(this.A.ids, a0, a1, this.B.ids, b0, b1, this.budget);
    if (d.coarse) this.coarse = true;
    let i = a0;
    let j = b0;
    for (let r = 0; r < d.runs.length; r += 2) {
      const op = d.runs[r]!;
      const n = d.runs[r + 1]!;
      if (op === EQUAL) {
        this.equal(i, j, n);
        i += n;
        j += n;
      } else if (op === DELETE) {
        this.remove(i, i + n);
        i += n;
      } else {
        this.add(j, j + n);
        j += n;
      }
    }
  }

  // n marks with equal ids. Their characters are compared, the whitespace they carry included: an id is a key, which
  // two different tokens may rarely share (see Vocabulary), and a run is only shown as equal when its text is.
  private equal(a0: number, b0: number, n: number): void {
    if (n === 0) return;
    const { A, B, out } = this;
    const whole = A.text.slice(A.starts[a0], A.starts[a0 + n]);
    if (whole === B.text.slice(B.starts[b0], B.starts[b0 + n])) return out.push('equal', whole);
    // Mark by mark: A's equal text from `from` is not pushed yet.
    let from = A.starts[a0]!;
    for (let i = a0, j = b0; i < a0 + n; i++, j++) {
      const [sa, sb] = [A.starts[i]!, B.starts[j]!];
      const length = this.vocab.lengthOf(A.ids[i]!);
      if (!sameChars(A.text, sa, B.text, sb, length)) {
        out.push('equal', A.text.slice(from, sa));
        out.push('delete', A.text.slice(sa, sa + length));
        out.push('insert', B.text.slice(sb, sb + length));
        from = sa + length;
      }
      // Equal ids have equal lengths; different ids, different texts.
      const [ea, eb] = [A.starts[i + 1]!, B.starts[j + 1]!];
      if (A.spaces[i] === B.spaces[j] && sameChars(A.text, sa + length, B.text, sb + length, ea - sa - length)) continue;
      out.push('equal', A.text.slice(from, sa + length));
      this.space(A.text.slice(sa + length, ea), B.text.slice(sb + length, eb));
      from = ea;
    }
    out.push('equal', A.text.slice(from, A.starts[a0 + n]));
  }

  private space(wa: string, wb: string): void {
    if (wa === wb) return this.out.push('equal', wa);
    this.out.push('delete', wa);
    this.out.push('insert', wb);
  }

  private remove(a0: number, a1: number): void {
    if (a0 < a1) this.out.push('delete', this.A.text.slice(this.A.starts[a0], this.A.starts[a1]));
  }

  private add(b0: number, b1: number): void {
    if (b0 < b1) this.out.push('insert', this.B.text.slice(this.B.starts[b0], this.B.starts[b1]));
  }

}

// Whether x[i, i + n) and y[j, j + n) hold the same characters.
function sameChars(x: string, i: number, y: string, j: number, n: number): boolean {
  for (let k = 0; k < n; k++) if (x.charCodeAt(i + k) !== y.charCodeAt(j + k)) return false;
  return true;
}

// Room for the block ids of each side of a diff.
const BLOCK_IDS_A = new Scratch();
const BLOCK_IDS_B = new Scratch();

const LABEL = /^(?:[IVXLCDM]{1,7}|[a-zñ]|\d{1,3})$/;

// Blocks (in marks) end after . ; : followed by a line break, at a blank line, or before a list label.
function blocksOf(t: Tokens, vocab: Vocabulary): Block[] {
  const { ids, spaces } = t;
  const blocks: Block[] = [];
  let start = 0;
  for (let k = 0; k < ids.length; k++) {
    const breaks = spaces[k]! >= 0 ? vocab.breaksOf(spaces[k]!) : 0;
    if (breaks === 0) continue;
    const mark = vocab.textOf(ids[k]!);
    const next = k + 2 < ids.length ? vocab.textOf(ids[k + 2]!) : '';
    const label = (next === '.' || next === ')') && LABEL.test(vocab.textOf(ids[k + 1]!));
    if (mark === '.' || mark === ';' || mark === ':' || label || breaks > 1) {
      blocks.push(blockOf(ids, start, k + 1));
      start = k + 1;
    }
  }
  if (start < ids.length) blocks.push(blockOf(ids, start, ids.length));
  return blocks;
}

function blockOf(keys: Int32Array, start: number, end: number): Block {
  let h = 0x811c9dc5 ^ (end - start);
  for (let i = start; i < end; i++) h = Math.imul(h ^ keys[i]!, 0x01000193);
  return { start, end, hash: h & 0x3fffffff };
}

// Counts by key (token id) of blockOverlaps, zero between calls.
const COUNTS = new Scratch();
// The B blocks of a region as distinct keys with their counts, block after block.
const DISTINCT_KEYS = new Scratch();
const DISTINCT_COUNTS = new Scratch();
const DISTINCT_START = new Scratch();

/**
 * Word overlap (Dice of the blocks' keys as multisets) of every block of A[i0..i1) with every block of B[j0..j1), into
 * DP_SIMS row by row. Each B block is reduced once to its distinct keys with counts; each A block is then counted in a
 * table by key, and its overlap with a B block is the sum over that block's distinct keys of the smaller count.
 */
function blockOverlaps(A: Block[], B: Block[], keysA: Int32Array, keysB: Int32Array, i0: number, i1: number, j0: number, j1: number): void {
  let max = 0;
  for (let k = A[i0]!.start; k < A[i1 - 1]!.end; k++) max = Math.max(max, keysA[k]!);
  for (let k = B[j0]!.start; k < B[j1 - 1]!.end; k++) max = Math.max(max, keysB[k]!);
  const counts = COUNTS.reserve(max + 1);
  const q = j1 - j0;
  const marks = B[j1 - 1]!.end - B[j0]!.start;
  const distinctKeys = DISTINCT_KEYS.reserve(marks);
  const distinctCounts = DISTINCT_COUNTS.reserve(marks);
  const distinctStart = DISTINCT_START.reserve(q + 1);
  let d = 0;
  for (let j = 0; j < q; j++) {
    const b = B[j0 + j]!;
    distinctStart[j] = d;
    for (let k = b.start; k < b.end; k++) counts[keysB[k]!]!++;
    for (let k = b.start; k < b.end; k++) {
      const key = keysB[k]!;
      if (counts[key] === 0) continue;
      distinctKeys[d] = key;
      distinctCounts[d++] = counts[key]!;
      counts[key] = 0;
    }
  }
  distinctStart[q] = d;
  for (let i = 0; i < i1 - i0; i++) {
    const a = A[i0 + i]!;
    for (let k = a.start; k < a.end; k++) counts[keysA[k]!]!++;
    for (let j = 0; j < q; j++) {
      const b = B[j0 + j]!;
      let common = 0;
      for (let k = distinctStart[j]!; k < distinctStart[j + 1]!; k++) common += Math.min(counts[distinctKeys[k]!]!, distinctCounts[k]!);
      DP_SIMS[i * q + j] = (2 * common) / (a.end - a.start + (b.end - b.start));
    }
    for (let k = a.start; k < a.end; k++) counts[keysA[k]!] = 0;
  }
}

// Scratch of pairBlocks: (p + 1) × (q + 1) ≤ p × q + p + q + 1 ≤ 2 × MAX_DP_CELLS + 2 when p × q ≤ MAX_DP_CELLS.
const DP_SCORE = new Float64Array(2 * MAX_DP_CELLS + 2);
const DP_SIMS = new Float64Array(MAX_DP_CELLS);

// Monotone pairing of blocks A[i0..i1) with B[j0..j1) maximising total word overlap.
function pairBlocks(A: Block[], B: Block[], keysA: Int32Array, keysB: Int32Array, i0: number, i1: number, j0: number, j1: number): [number, number][] {
  const p = i1 - i0;
  const q = j1 - j0;
  const w = q + 1;
  const score = DP_SCORE;
  const sims = DP_SIMS;
  blockOverlaps(A, B, keysA, keysB, i0, i1, j0, j1);
  score.fill(0, 0, w);
  for (let i = 1; i <= p; i++) {
    score[i * w] = 0;
    for (let j = 1; j <= q; j++) {
      const sim = sims[(i - 1) * q + j - 1]!;
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


