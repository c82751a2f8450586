/**
 * The exact undo of a conversion. Every text node and attribute we change is recorded with its original and
 * converted strings. Restoring writes the original back only where the page still shows our converted string:
 * if the site's own script changed it meanwhile, the site's value wins.
 */
import type { LentLangs } from './lent-lang.js';
import { SLICE_MS, yieldToPage, type WriteBatch } from './scheduler.js';

export interface Change {
  orig: string;
  conv: string;
}

/** What an undo works with besides the ledger. */
export interface UndoContext {
  lent: LentLangs;
  batch: WriteBatch;
  doc: Document | undefined;
  /** Takes our own writes out of the queue of the observer watching the site meanwhile. */
  ours(): void;
}

/** The ledger's entries: every text node and attribute a conversion changed. */
export interface Entries {
  texts: Map<Text, Change>;
  attrs: Map<Element, Map<string, Change>>;
}

export class RestoreLedger implements Entries {
  texts = new Map<Text, Change>();
  attrs = new Map<Element, Map<string, Change>>();

  /** Characters of converted text the page shows: what a restore writes back. */
  chars(): number {
    let n = 0;
    for (const c of this.texts.values()) n += c.conv.length;
    return n;
  }

  attr(el: Element, name: string): Change | undefined {
    return this.attrs.get(el)?.get(name);
  }

  setAttr(el: Element, name: string, change: Change): void {
    let map = this.attrs.get(el);
    if (!map) this.attrs.set(el, (map = new Map()));
    map.set(name, change);
  }

  forgetAttr(el: Element, name: string): void {
    this.attrs.get(el)?.delete(name);
  }

  /**
   * Writes every original back where the page still shows our conversion, all in the caller's task (a page
   * of one write batch, nothing lent): text, then attributes, then `lang`, with no layout in between, so the
   * browser restyles and lays the page out once. Empties the ledger and returns its entries when every one
   * was written back (the page shows exactly what it showed before the conversion: see `redo`), else null.
   */
  undoAtOnce(): Entries | null {
    const entries: Entries = { texts: this.texts, attrs: this.attrs };
    this.texts = new Map();
    this.attrs = new Map();
    return swap(entries, 'conv', 'orig') ? entries : null;
  }

  /**
   * A repeat toggle on a page unchanged since `undoAtOnce` returned `entries`: writes every conversion again,
   * all at once, and the ledger holds them as before. False, with nothing written, if the page does not show
   * every original.
   */
  redo(entries: Entries): boolean {
    if (!swap(entries, 'orig', 'conv', false)) return false;
    swap(entries, 'orig', 'conv');
    this.texts = entries.texts;
    this.attrs = entries.attrs;
    return true;
  }

  /**
   * Writes every original back where the page still shows our conversion, in slices, and empties the ledger.
   * The `lang` attributes we changed go back last; on a long page each block borrows its original `lang`
   * just before its text is written (see LentLangs), as in a conversion.
   */
  async undo({ lent, batch, doc, ours }: UndoContext): Promise<void> {
    const texts = [...this.texts];
    const attrs = [...this.attrs];
    this.texts.clear();
    this.attrs.clear();
    const langBack = new Map<Element, string>();
    let total = 0;
    for (const [el, map] of attrs) {
      const c = map.get('lang');
      if (c && el.getAttribute('lang') === c.conv) langBack.set(el, c.orig);
    }
    for (const [, c] of texts) total += c.orig.length;
    const lending = lent.size > 0 || (langBack.size > 0 && total > batch.chars);

    for (let i = 0; i < texts.length; ) {
      const deadline = performance.now() + SLICE_MS;
      let chars = 0;
      for (; i < texts.length; i++) {
        const [node, c] = texts[i]!;
        if (node.data === c.conv) {
          if (lending) lent.lend(node, langBack);
          node.data = c.orig;
          chars += c.orig.length;
        }
        if (chars >= batch.chars || ((i & 63) === 63 && performance.now() > deadline)) {
          i++;
          break;
        }
      }
      ours();
      // (A short page is laid out once, below, with its attributes.)
      if (chars > 0 && (lending || i < texts.length)) batch.laidOut(doc, chars);
      if (i < texts.length) await yieldToPage();
    }
    for (const [el, map] of attrs) {
      for (const [name, c] of map) if (name !== 'lang' && el.getAttribute(name) === c.conv) el.setAttribute(name, c.orig);
    }
    // As in a conversion: on a long page, the root's `lang` in a task of its own, then the lent ones back.
    if (lending) await yieldToPage();
    for (const [el, orig] of langBack) el.setAttribute('lang', orig);
    ours();
    batch.laidOut(doc);
    while (lent.size > 0) {
      await yieldToPage();
      lent.unlend();
      ours();
      batch.laidOut(doc);
    }
  }
}

/**
 * Writes every entry's `to` string where the page shows its `from` string (text, attributes, `lang` last: a new
 * `lang` is restyled once, with the text); only checks if not `write`. False if some entry showed neither.
 */
function swap({ texts, attrs }: Entries, from: keyof Change, to: keyof Change, write = true): boolean {
  let all = true;
  for (const [node, c] of texts) {
    if (node.data !== c[from]) all = false;
    else if (write) node.data = c[to];
  }
  for (const lang of [false, true]) {
    for (const [el, map] of attrs) {
      for (const [name, c] of map) {
        if ((name === 'lang') !== lang) continue;
        if (el.getAttribute(name) !== c[from]) all = false;
        else if (write) el.setAttribute(name, c[to]);
      }
    }
  }
  return all;
}
