/**
 * Provision trees: collects the lines of one unit (an article or a transitorio) as flat blocks while the segmenter
 * scans, then builds the tree of paragraphs, fracciones, incisos and clauses with their refs and reform notes.
 *
 * Paragraphs follow the counting of Mexican decrees (see types.ts): a paragraph written between two items of a list
 * belongs to the item before it; a paragraph after the last item of every enclosing list belongs to the unit.
 */
import { noteLevel } from './notes';
import type { ListLine } from './patterns';
import type { Provision, ProvisionKind, ReformNote, Unit } from './types';

/** One block of a unit: its opening paragraph, a later paragraph, or a list item. */
interface Block {
  type: 'intro' | 'para' | ListLine['type'];
  label: string;
  key: string;
  value: number;
  /** Index of the block's first line in the unit's lines. */
  start: number;
  /** Characters of the label on the first line, stripped from the block's own text. */
  labelLength: number;
  /** Index of the parent block, -1 for the unit itself. */
  parent: number;
  notes: ReformNote[];
}

const CHILD_KINDS: Record<ListLine['type'], ProvisionKind> = { fraction: 'fraction', inciso: 'clause', clause: 'clause' };
const REF_PARTS: Record<ListLine['type'], (key: string) => string> = {
  fraction: (k) => ` fr. ${k}`,
  inciso: (k) => ` inc. ${k})`,
  clause: (k) => ` núm. ${k}`,
};

/**
 * Collects one unit's lines and blocks during the scan; `build()` returns its Provision, `buildUnit()` the same without
 * its children.
 *
 * @example
 * const u = new UnitBuilder({ kind: 'article', ref: '2', label: 'Artículo 2.-', path: [] });
 * u.addText('Esta Ley tiene por objeto:', false);
 * u.addItem({ type: 'fraction', key: 'I', value: 100, label: 'I.', rest: 'Establecer…' }, 'I. Establecer…');
 * u.build().children.map((c) => c.ref) // ['2 párr. 1', '2 fr. I']
 */
export class UnitBuilder {
  readonly lines: string[] = [];
  readonly notes: ReformNote[] = [];
  private readonly blocks: Block[] = [];
  /** Value of the last item of each list, by listKey(type, parent block). */
  private readonly lastItem = new Map<number, number>();
  /** Open list item of each type, as block indexes (-1: none). */
  private readonly open: Record<ListLine['type'], number> = { fraction: -1, inciso: -1, clause: -1 };
  /** The unit's text and the offset of each of its lines in it, set by `build()`. */
  private text = '';
  private offsets: number[] = [];

  constructor(readonly head: { kind: ProvisionKind; ref: string; label: string; path: string[]; decree?: string }) {}

  /** Last value of the list the given item would continue (-1 when it would start a list). */
  lastValue(type: ListLine['type']): number {
    return this.lastItem.get(listKey(type, this.parentFor(type))) ?? -1;
  }

  /** Add a line of text: it continues the current block unless `newParagraph`. */
  addText(line: string, newParagraph: boolean): void {
    if (this.blocks.length === 0) this.pushBlock('intro', '', '', 0, 0, -1);
    else if (newParagraph) this.pushBlock('para', '', '', 0, 0, -1);
    this.lines.push(line);
  }

  /** Add a list item (fracción, inciso, clause) whose first line is `line`. */
  addItem(item: ListLine, line: string): void {
    const parent = this.parentFor(item.type);
    this.pushBlock(item.type, item.label, item.key, item.value, line.length - item.rest.length, parent);
    this.lastItem.set(listKey(item.type, parent), item.value);
    if (item.type === 'fraction') this.open.inciso = this.open.clause = -1;
    if (item.type === 'inciso') this.open.clause = -1;
    this.open[item.type] = this.blocks.length - 1;
    this.lines.push(line);
  }

  /** Attach a reform note to the provision it annotates: the last block of the note's level, else the unit. */
  addNote(note: ReformNote): void {
    const level = noteLevel(note);
    const wanted = level === 'fraction' ? 'fraction' : level === 'inciso' ? 'inciso' : level === 'clause' ? 'clause' : null;
    if (level === 'paragraph' && this.blocks.length > 0) {
      this.blocks[this.blocks.length - 1]!.notes.push(note);
      return;
    }
    if (wanted) {
      for (let i = this.blocks.length - 1; i >= 0; i--) {
        if (this.blocks[i]!.type === wanted) {
          this.blocks[i]!.notes.push(note);
          return;
        }
      }
    }
    this.notes.push(note);
  }

  /** True when nothing has been written after the label yet. */
  get empty(): boolean {
    return this.lines.length === 0;
  }

  /** Build the unit's Provision with its children. */
  build(): Provision {
    const { kind, ref, label, path, decree } = this.head;
    this.text = this.lines.join('\n');
    // A plain array: a small typed array costs more to allocate than it saves here.
    this.offsets = [0];
    for (let i = 0; i < this.lines.length; i++) this.offsets.push(this.offsets[i]! + this.lines[i]!.length + 1);
    const unit: Provision = { ref, kind, label, text: this.text, notes: this.unitNotes(), children: [], path };
    if (decree) unit.decree = decree;
    if (this.hasChildren()) {
      this.assignParagraphs();
      unit.children = this.childrenOf(-1, ref, path, unit.notes);
    }
    return unit;
  }

  /** Build the unit without its children: the same text and notes as `build()`, less work and memory. */
  buildUnit(): Unit {
    const { kind, ref, label, path, decree } = this.head;
    const unit: Unit = { ref, kind, label, text: this.lines.join('\n'), notes: this.unitNotes(), path };
    if (decree) unit.decree = decree;
    return unit;
  }

  // A unit written as one paragraph has no children.
  private hasChildren(): boolean {
    return this.blocks.length > 1 || (this.blocks.length === 1 && this.blocks[0]!.type !== 'intro');
  }

  // The notes of the unit itself; a unit of one paragraph also takes the notes of that paragraph.
  private unitNotes(): ReformNote[] {
    return this.hasChildren() || this.blocks.length === 0 ? [...this.notes] : [...this.notes, ...this.blocks[0]!.notes];
  }

  private parentFor(type: ListLine['type']): number {
    if (type === 'fraction') return -1;
    if (type === 'inciso') return this.open.fraction;
    return this.open.inciso >= 0 ? this.open.inciso : this.open.fraction;
  }

  private pushBlock(type: Block['type'], label: string, key: string, value: number, labelLength: number, parent: number) {
    this.blocks.push({ type, label, key, value, start: this.lines.length, labelLength, parent, notes: [] });
  }

  // A paragraph belongs to the nearest list item above it that has a later sibling; otherwise to the unit.
  private assignParagraphs(): void {
    const blocks = this.blocks;
    let item = -1;
    for (let p = 0; p < blocks.length; p++) {
      const b = blocks[p]!;
      if (b.type === 'intro') continue;
      if (b.type !== 'para') {
        item = p;
        continue;
      }
      let q = item;
      while (q >= 0 && !this.hasLaterSibling(q, p)) q = blocks[q]!.parent;
      b.parent = q;
    }
  }

  private hasLaterSibling(q: number, after: number): boolean {
    const target = this.blocks[q]!;
    for (let r = after + 1; r < this.blocks.length; r++) {
      const b = this.blocks[r]!;
      if (b.type === target.type && b.parent === target.parent) return true;
    }
    return false;
  }

  private isDescendant(index: number, ancestor: number): boolean {
    for (let p = this.blocks[index]!.parent; p >= 0; p = this.blocks[p]!.parent) if (p === ancestor) return true;
    return false;
  }

  // Lines [start, end) of block i: the block and all its descendants.
  private extent(i: number): [number, number] {
    let j = i + 1;
    while (j < this.blocks.length && this.isDescendant(j, i)) j++;
    return [this.blocks[i]!.start, j < this.blocks.length ? this.blocks[j]!.start : this.lines.length];
  }

  // Lines [start, end) of the unit text, without the first `strip` characters (a label) and the spaces after them.
  private textOf(start: number, end: number, strip: number): string {
    const line = this.lines[start]!;
    while (strip < line.length && line.charCodeAt(strip) === 32) strip++;
    return this.text.slice(this.offsets[start]! + strip, this.offsets[end]! - 1);
  }

  // Children of the unit (-1) or of a list item: its paragraphs (numbered from its own first one) and its items.
  private childrenOf(owner: number, ownerRef: string, path: string[], ownerNotes: ReformNote[]): Provision[] {
    const blocks = this.blocks;
    const kids: number[] = [];
    for (let i = owner + 1; i < blocks.length; i++) {
      const b = blocks[i]!;
      if (b.parent === owner && b.type !== 'intro') kids.push(i);
      else if (owner === -1 && b.type === 'intro') kids.push(i);
    }
    let hasParagraphs = false;
    for (const i of kids) if (blocks[i]!.type === 'para') hasParagraphs = true;
    const out: Provision[] = [];
    let paragraph = 0;
    if (owner >= 0) {
      const own = blocks[owner]!;
      if (hasParagraphs) {
        const end = kids.length > 0 ? blocks[kids[0]!]!.start : this.extent(owner)[1];
        out.push(this.paragraph(`${ownerRef} párr. ${++paragraph}`, own.start, end, own.labelLength, path, own.notes.filter(isParagraphNote)));
        ownerNotes.push(...own.notes.filter((n) => !isParagraphNote(n)));
      } else ownerNotes.push(...own.notes);
    }
    for (const i of kids) {
      const b = blocks[i]!;
      if (b.type === 'intro' || b.type === 'para') {
        const [start, end] = this.extent(i);
        out.push(this.paragraph(`${ownerRef} párr. ${++paragraph}`, start, end, 0, path, b.notes));
        continue;
      }
      const ref = ownerRef + REF_PARTS[b.type](b.key);
      const [start, end] = this.extent(i);
      const item: Provision = {
        ref,
        kind: CHILD_KINDS[b.type],
        label: b.label,
        text: this.textOf(start, end, b.labelLength),
        notes: [],
        children: [],
        path,
      };
      item.children = this.childrenOf(i, ref, path, item.notes);
      out.push(item);
    }
    return out;
  }

  private paragraph(ref: string, start: number, end: number, strip: number, path: string[], notes: ReformNote[]): Provision {
    return { ref, kind: 'paragraph', label: '', text: this.textOf(start, end, strip), notes: [...notes], children: [], path };
  }
}

const LIST_TYPES: ListLine['type'][] = ['fraction', 'inciso', 'clause'];

// Key of the list of `type` items under block `parent` (-1: the unit).
function listKey(type: ListLine['type'], parent: number): number {
  return (parent + 1) * LIST_TYPES.length + LIST_TYPES.indexOf(type);
}

function isParagraphNote(note: ReformNote): boolean {
  return noteLevel(note) === 'paragraph';
}
