/**
 * Redline: a diff that keeps every character of both texts (accents, punctuation, line breaks), computed from the
 * top down so it stays fast on whole laws and always returns.
 *
 * 1. Lines: identical lines are matched first (common prefix and suffix, then lines found once on each side, in
 *    order — sequence.ts on interned line ids), as `git diff --patience` does; unchanged lines are never tokenized.
 * 2. Words: each run of changed lines is tokenized and diffed word by word, block by block (words.ts).
 *
 * All diffs of a comparison share one step budget; a part that would exceed it falls back to delete + insert and the
 * result is flagged coarse.
 */
import { LineTable, linesOf, type Lines } from './lines';
import { OpsBuilder } from './ops';
import { DELETE, diffKeys, EQUAL, type DiffBudget } from './sequence';
import { commonEnds, sameWords, sharedVocabulary, TokenBuffers, tokenize, type Tokens, type Vocabulary } from './tokens';
import type { RedlineOp } from './types';
import { diffWords } from './words';

/** Shared state of the diffs of one comparison. */
export interface DiffContext {
  vocab: Vocabulary;
  budget: DiffBudget;
  /** Interned lines. */
  lines: LineTable;
}

/** A redline with its quality. */
export interface PairDiff {
  ops: RedlineOp[];
  /** True when some part fell back to delete + insert to stay within budget. */
  coarse: boolean;
  /** 2 × characters kept / (characters left + characters right), 0..1. */
  similarity: number;
  /** Same words once case, accents, spacing and punctuation are ignored. */
  present: boolean;
}

/** Steps granted to one `redline` call or one `compare` (jsdiff does roughly 30-40 per microsecond here). */
export const DEFAULT_DIFF_STEPS = 10_000_000;

const HAS_WORD = /[\p{L}\p{N}]/u;

/**
 * Word-level redline from `left` to `right`. Joining the `equal` and `delete` texts gives `left` exactly; joining the
 * `equal` and `insert` texts gives `right` exactly.
 *
 * @example
 * redline('Se impondrá pena de 5 años.', 'Se impondrá pena de 7 años.')
 * // [{ op: 'equal', text: 'Se impondrá pena de ' }, { op: 'delete', text: '5' }, { op: 'insert', text: '7' }, { op: 'equal', text: ' años.' }]
 */
export function redline(left: string, right: string): RedlineOp[] {
  return diffTexts(left, right, diffContext()).ops;
}

/**
 * A context for the diffs of one comparison: a fresh budget and line table, and the shared token vocabulary.
 *
 * @example
 * const ctx = diffContext(); ctx.budget.steps // 10000000
 */
export function diffContext(steps = DEFAULT_DIFF_STEPS): DiffContext {
  return { vocab: sharedVocabulary(), budget: { steps }, lines: new LineTable() };
}

/** What the alignment already computed for a pair of texts: their tokens, their lines. */
export interface KnownParts {
  a?: Tokens;
  b?: Tokens;
  linesA?: Lines;
  linesB?: Lines;
}

/**
 * Redline of two texts within a comparison's context; `known` may pass the texts already tokenized or split in lines.
 *
 * @example
 * const d = diffTexts('uno\ndos', 'uno\ntres', diffContext());
 * d.present // false
 */
export function diffTexts(left: string, right: string, ctx: DiffContext, known: KnownParts = {}): PairDiff {
  if (left === right) return { ops: left ? [{ op: 'equal', text: left }] : [], coarse: false, similarity: 1, present: true };
  const out = new OpsBuilder();
  const state = { coarse: false, present: true };
  // Already tokenized (the alignment needed their words): no line pass, the word diff works block by block.
  const tokenized = known.a !== undefined && known.b !== undefined;
  const la = tokenized ? undefined : (known.linesA ?? linesOf(left, ctx.lines));
  const lb = tokenized ? undefined : (known.linesB ?? linesOf(right, ctx.lines));
  if (!la || !lb || la.ids.length <= 1 || lb.ids.length <= 1) {
    words(left, right, ctx, out, state, known.a, known.b);
  } else {
    const offA = la.offsets;
    const offB = lb.offsets;
    const n = la.ids.length;
    const m = lb.ids.length;
    // Lines are only matched (prefix, suffix, unique lines); whatever lies between goes to the word diff.
    const d = diffKeys(la.ids, 0, n, lb.ids, 0, m, ctx.budget, false);
    let i = 0;
    let j = 0;
    let hi = 0;
    let hj = 0;
    const flush = () => {
      if (hi === i && hj === j) return;
      const whole = hi === 0 && hj === 0 && i === n && j === m;
      words(left.slice(offA[hi], offA[i]), right.slice(offB[hj], offB[j]), ctx, out, state, whole ? known.a : undefined, whole ? known.b : undefined);
    };
    for (let k = 0; k < d.runs.length; k += 2) {
      const op = d.runs[k]!;
      const n = d.runs[k + 1]!;
      if (op === EQUAL) {
        flush();
        out.push('equal', left.slice(offA[i], offA[i + n]));
        i += n;
        j += n;
        hi = i;
        hj = j;
      } else if (op === DELETE) i += n;
      else j += n;
    }
    flush();
  }
  return { ops: out.tidy(), coarse: state.coarse, similarity: out.similarity(), present: state.present };
}

// The tokens of a run of changed lines live for one word diff only: they are written into these buffers.
const LEFT = new TokenBuffers();
const RIGHT = new TokenBuffers();

// Word-level diff of one run of changed lines.
function words(
  left: string,
  right: string,
  ctx: DiffContext,
  out: OpsBuilder,
  state: { coarse: boolean; present: boolean },
  ta?: Tokens,
  tb?: Tokens,
): void {
  if (!left || !right) {
    out.push('delete', left);
    out.push('insert', right);
    if (HAS_WORD.test(left || right)) state.present = false;
    return;
  }
  if (!ta || !tb) {
    // Most of a changed run is usually the same on both sides: only the middle is tokenized.
    const [prefix, suffix] = commonEnds(left, right);
    if (prefix > 0 || suffix > 0) {
      out.push('equal', left.slice(0, prefix));
      words(left.slice(prefix, left.length - suffix), right.slice(prefix, right.length - suffix), ctx, out, state);
      out.push('equal', left.slice(left.length - suffix));
      return;
    }
  }
  const a = ta ?? tokenize(left, ctx.vocab, LEFT);
  const b = tb ?? tokenize(right, ctx.vocab, RIGHT);
  if (!sameWords(a, b, ctx.vocab)) state.present = false;
  if (diffWords(a, b, ctx.vocab, ctx.budget, out)) state.coarse = true;
}
