/**
 * Redline ops builder: appends text runs, merging neighbours of the same kind and keeping each deletion before the
 * insertion that replaces it. Empty texts are dropped, so the ops of two equal texts are one `equal` run.
 */
import type { RedlineOp } from './types';

/**
 * Collects redline ops in order.
 *
 * @example
 * const b = new OpsBuilder();
 * b.push('equal', 'a '); b.push('insert', 'x'); b.push('delete', 'b');
 * b.ops // [{ op: 'equal', text: 'a ' }, { op: 'delete', text: 'b' }, { op: 'insert', text: 'x' }]
 */
export class OpsBuilder {
  readonly ops: RedlineOp[] = [];

  push(op: RedlineOp['op'], text: string): void {
    if (!text) return;
    const ops = this.ops;
    const last = ops[ops.length - 1];
    if (last && last.op === op) last.text += text;
    else if (last && op === 'delete' && last.op === 'insert') {
      const prev = ops[ops.length - 2];
      if (prev && prev.op === 'delete') prev.text += text;
      else ops.splice(ops.length - 1, 0, { op, text });
    } else ops.push({ op, text });
  }

  /**
   * Move whitespace that ends both sides of a replacement into the equal text after it, so a changed word reads
   * "pena de [5→7] años" rather than "pena de [5 →7 ]años". Returns the ops.
   */
  tidy(): RedlineOp[] {
    const ops = this.ops;
    for (let i = 0; i + 1 < ops.length; i++) {
      const del = ops[i]!;
      const ins = ops[i + 1]!;
      if (del.op !== 'delete' || ins.op !== 'insert') continue;
      let k = 0;
      while (
        k < del.text.length - 1 &&
        k < ins.text.length - 1 &&
        del.text[del.text.length - 1 - k] === ins.text[ins.text.length - 1 - k] &&
        /\s/.test(del.text[del.text.length - 1 - k]!)
      )
        k++;
      if (k === 0) continue;
      const space = del.text.slice(del.text.length - k);
      del.text = del.text.slice(0, -k);
      ins.text = ins.text.slice(0, -k);
      const next = ops[i + 2];
      if (next && next.op === 'equal') next.text = space + next.text;
      else ops.splice(i + 2, 0, { op: 'equal', text: space });
    }
    return ops;
  }

  /** 2 × characters kept / (characters left + characters right); 1 when both are empty. */
  similarity(): number {
    let kept = 0;
    let total = 0;
    for (const o of this.ops) {
      if (o.op === 'equal') kept += 2 * o.text.length;
      total += o.op === 'equal' ? 2 * o.text.length : o.text.length;
    }
    return total === 0 ? 1 : kept / total;
  }
}
