/**
 * Converts a page between 简体 and 繁体 and back, exactly: the coordinator of the converter's parts.
 *
 *   walk.ts           which nodes, in which order (visible first), gathered into inline runs
 *   scope.ts          which elements and attributes are converted at all
 *   runs.ts           converting an inline run (remembered, for repeat toggles and warm-ups)
 *   scheduler.ts      slices, yields, idle-time warm-ups and the size of each batch of writes
 *   lent-lang.ts      `lang` lent to blocks while a long page is written
 *   restore-ledger.ts every change we made, and its exact undo
 *   replay.ts         a repeat toggle on an unchanged page: the last conversion written again
 *   observer.ts       what the site changes meanwhile
 *
 * While converted, what the site adds or changes is converted too (its value is the new original).
 */
import { convert } from './engine.js';
import type { Direction } from './direction.js';
import { LentLangs } from './lent-lang.js';
import { SiteObserver } from './observer.js';
import { RestoreLedger } from './restore-ledger.js';
import { keepForRepeat, takeRepeat } from './replay.js';
import { convertRun } from './runs.js';
import { CONVERT_SLICE_MS, WRITE_CHARS, WriteBatch, runSliced, runWhenIdle } from './scheduler.js';
import { ATTRIBUTES, convertsValue, inScope } from './scope.js';
import { PageWalk } from './walk.js';

export { direction, type Direction } from './direction.js';

export class PageConverter {
  readonly #ledger = new RestoreLedger();
  readonly #lent = new LentLangs();
  readonly #batch = new WriteBatch();
  readonly #walk = new PageWalk({
    known: (t) => this.#ledger.texts.has(t),
    alreadyTarget: (el) => this.#alreadyTarget(el, this.#dir!),
    element: (el) => this.#element(el, this.#dir!),
    run: (texts) => this.#convertRun(texts, this.#dir!),
  });
  readonly #observer = new SiteObserver({
    text: (t) => this.#siteText(t),
    attribute: (el, name) => this.#siteAttribute(el, name),
    removed: (node) => this.#walk.removed(node),
    added: (node) => this.#siteAdded(node),
    settled: () => {
      // New text is converted in our next slice, before the browser paints when it can.
      if (this.#added && !this.#running) void this.#drain();
      this.#added = false;
    },
  });
  #added = false;
  #dir: Direction | null = null;
  #roots: Element[] = [];
  #langOnly: Element[] = [];
  #running: Promise<void> | null = null;
  #restoring: Promise<void> | null = null;
  /** Bumped by restore(): a conversion in progress stops at its next slice. */
  #generation = 0;
  /** A warm-up (see `warm`): converts into the memo only, never writes, never observes. */
  readonly #dry: boolean;
  /** Converted text not written yet (see #write); restore() and the site's own changes make entries stale. */
  #pending: Text[] = [];
  /**
   * `lang` attributes to change, with their new values, written with the text (a new `lang` makes the browser
   * re-shape all the text under it): see #write.
   */
  readonly #langPlan = new Map<Element, string>();
  /** While converting: text and `lang` changes wait for #write. */
  #deferWrites = false;

  constructor({ dry = false }: { dry?: boolean } = {}) {
    this.#dry = dry;
  }

  /**
   * The reader showed intent (hover or focus on 繁体): converts the text of `roots` ahead of the click, into
   * the memo only — nothing on the page changes. The click's conversion then finds each unchanged inline run
   * converted already and only writes (like a repeat toggle). Runs in short slices at idle priority within
   * a total budget; `stop()` ends it (the click's conversion does, so no work is done twice).
   */
  static warm(dir: Direction, roots: Element[]): { stop(): void; done: Promise<void> } {
    const pc = new PageConverter({ dry: true });
    pc.#dir = dir;
    pc.#roots = roots;
    pc.#walk.plan(roots);
    const gen = pc.#generation;
    const done = runWhenIdle((deadline) => pc.#slice(deadline), () => pc.#walk.pending && gen === pc.#generation);
    return { stop: () => void pc.#generation++, done };
  }

  get converted(): boolean {
    return this.#dir !== null;
  }

  /** Converts `roots` (and keeps converting what appears in them) until restore(). */
  convert(dir: Direction, roots: Element[], langOnly: Element[] = []): Promise<void> {
    if (this.#dir) return this.#running ?? Promise.resolve();
    this.#dir = dir;
    this.#roots = roots;
    this.#langOnly = langOnly;
    // The page unchanged since it was restored from this same conversion: written again, in this task.
    const kept = takeRepeat(dir, roots, langOnly);
    if (kept && this.#ledger.redo(kept)) {
      this.#observer.observe(roots);
      return Promise.resolve();
    }
    // Planned like every other `lang` (see #write): it changes when the text is written, not before.
    this.#deferWrites = true;
    this.#walk.plan(roots);
    for (const el of langOnly) this.#attr(el, 'lang', dir);
    this.#observer.observe(roots);
    return this.#drain();
  }

  /**
   * Every converted string back to its original, where the page still shows our conversion. Stops a
   * conversion in progress first. The caller never starts a conversion before this resolves.
   */
  restore(): Promise<void> {
    if (this.#restoring) return this.#restoring;
    if (!this.#dir) return Promise.resolve();
    return (this.#restoring = this.#restore().finally(() => (this.#restoring = null)));
  }

  /** Resolves when no conversion or restore is in progress. */
  async idle(): Promise<void> {
    while (this.#running || this.#restoring) await (this.#running ?? this.#restoring);
  }

  async #restore(): Promise<void> {
    const dir = this.#dir!;
    // Nothing left to write or take back, and no more text than a conversion's first write batch (a typical
    // report, converted and written with its `lang` in one task): restored at once, in this task. A longer
    // page is restored in slices, its blocks borrowing their `lang` (a new `lang` on the root re-shapes all
    // the text under it: in one task, more than the 50 ms a task may take).
    const atOnce = !this.#running && this.#pending.length === 0 && this.#langPlan.size === 0 && this.#lent.size === 0 && this.#typical();
    this.#generation++;
    this.#dir = null;
    this.#walk.clear();
    this.#pending = [];
    this.#langPlan.clear();
    // Records not delivered yet are the site's changes (ours are taken as we write): those nodes already show
    // the site's value, which wins in the undo; a `lang` among them on a block holding a lent one is the site's now.
    const site = this.#observer.disconnect();
    for (const r of site) if (r.attributeName === 'lang') this.#lent.siteSet(r.target as Element);
    if (atOnce) {
      const entries = this.#ledger.undoAtOnce();
      // The page as it was before the conversion (no change of the site's in between): kept for a repeat.
      if (entries && site.length === 0) keepForRepeat(dir, this.#roots, this.#langOnly, entries);
      return;
    }
    const watch = this.#lent.watchSite(this.#roots);
    await this.#running;
    await this.#ledger.undo({ lent: this.#lent, batch: this.#batch, doc: this.#doc(), ours: watch.ours });
    watch.stop();
  }

  /**
   * A typical report: no more converted text than one write batch. Its `lang` changes cost a restyle of a small
   * page, so it is written and restored with them in one task; a longer page spreads them (see #write).
   */
  #typical(): boolean {
    return this.#ledger.chars() <= Math.min(this.#batch.chars, WRITE_CHARS);
  }

  #doc(): Document | undefined {
    return this.#roots[0]?.ownerDocument;
  }

  #drain(): Promise<void> {
    if (this.#running) return this.#running;
    const gen = this.#generation;
    const run = (async () => {
      this.#deferWrites = true;
      await runSliced({
        walking: () => this.#walk.pending,
        busy: () => this.#walk.pending || this.#pending.length > 0 || this.#langPlan.size > 0 || this.#lent.size > 0,
        unwritten: () => this.#pending.length,
        slice: (deadline) => this.#slice(deadline),
        write: () => this.#write(),
        current: () => gen === this.#generation,
      });
      this.#deferWrites = false;
    })();
    // Cleared in a callback, never synchronously: the loop may finish before `run` is even assigned.
    this.#running = run;
    const clear = () => {
      if (this.#running === run) this.#running = null;
    };
    run.then(clear, clear);
    return run;
  }

  /** Converts queued subtrees until the deadline; our writes are dropped from the observer's queue. */
  #slice(deadline: number): void {
    if (!this.#dry) this.#observer.catchUp();
    if (!this.#dir) return;
    this.#walk.step(deadline);
    this.#observer.ours();
  }

  /** Converts an inline run as one text (phrases across `<b>头</b>发` convert). */
  #convertRun(run: Text[], dir: Direction): void {
    const converted = convertRun(dir.chain, run);
    if (!converted || this.#dry) return;
    const { pieces, out } = converted;
    for (let i = 0; i < run.length; i++) this.#setText(run[i]!, pieces[i]!, out[i]!, this.#deferWrites);
  }

  #setText(node: Text, orig: string, conv: string, deferred = false): void {
    if (this.#dry) return;
    if (conv === orig) return;
    this.#ledger.texts.set(node, { orig, conv });
    if (deferred) this.#pending.push(node);
    else node.data = conv;
  }

  /**
   * Writes a batch of pending text (less if a slice's time runs out) and, once all is written, the planned
   * `lang` changes (on a long page lent block by block first: see LentLangs); our writes are dropped from the
   * observer's queue.
   */
  #write(): void {
    const deadline = performance.now() + CONVERT_SLICE_MS;
    this.#observer.catchUp();
    const plan = this.#langPlan;
    const batch = this.#batch;
    const lent = this.#lent;
    // A planned change whose element the site changed meanwhile is dropped: the site's value wins.
    for (const [el] of plan) if (el.getAttribute('lang') !== this.#ledger.attr(el, 'lang')?.orig) plan.delete(el);
    const pending = this.#pending;
    let last = !this.#walk.pending;
    for (let k = 0, n = 0; last && k < pending.length; k++) if ((n += pending[k]!.data.length) > batch.chars) last = false;
    // A typical report (no more text than one write batch) took more than one slice only because the click
    // came with nothing converted ahead (the converter's code running for the first time): its last write
    // finishes at once, `lang` and all, in one restyle and layout of a small page, where a long page takes
    // three tasks (text, the root's `lang`, the blocks' lent ones back) so that none runs long.
    const finish = last && plan.size > 0 && this.#typical();
    const lending = plan.size > 0 && !finish && (lent.size > 0 || !last);
    let i = 0;
    let chars = 0;
    for (; i < pending.length; ) {
      const node = pending[i++]!;
      const c = this.#ledger.texts.get(node);
      // Only where the node still shows the text we converted (else the site changed it, and that wins).
      if (c && node.data === c.orig) {
        if (lending) lent.lend(node, plan);
        node.data = c.conv;
        chars += c.conv.length;
      }
      if (chars >= batch.chars || ((i & 63) === 0 && performance.now() > deadline)) break;
    }
    this.#pending = pending.slice(i);
    // All written. On a long page, the root's new `lang` makes the browser restyle the whole document, which
    // takes a task of its own (the next one); the lent attributes go back in the ones after.
    let changed = chars > 0;
    if (!this.#walk.pending && this.#pending.length === 0 && !(lending && changed)) {
      // (A layout with a new `lang` in it costs what the page's size does, not the batch's: not a measure.)
      if (plan.size > 0) {
        for (const [el, lang] of plan) el.setAttribute('lang', lang);
        plan.clear();
        if (finish) lent.unlend();
        changed = true;
        chars = 0;
      } else if (lent.size > 0) {
        lent.unlend();
        changed = true;
        chars = 0;
      }
    }
    if (changed) batch.laidOut(this.#doc(), chars);
    this.#observer.ours();
  }

  /** The `lang` of `el` as the site wrote it (before our conversion; none while it holds a lent one). */
  #siteLang(el: Element): string | null {
    if (this.#lent.has(el)) return null;
    return this.#ledger.attr(el, 'lang')?.orig ?? el.getAttribute('lang');
  }

  #alreadyTarget(el: Element, dir: Direction): boolean {
    const lang = this.#siteLang(el);
    return lang !== null && dir.alreadyTarget.test(lang);
  }

  #inScope(node: Node, dir: Direction): boolean {
    return inScope(node, this.#roots, dir.alreadyTarget, (el) => this.#siteLang(el));
  }

  /** Converts the attributes of one element. */
  #element(el: Element, dir: Direction): void {
    if (this.#dry) return; // a warm-up writes nothing
    for (const name of ATTRIBUTES) this.#attr(el, name, dir);
    if (convertsValue(el)) this.#attr(el, 'value', dir);
    this.#attr(el, 'lang', dir);
  }

  #attr(el: Element, name: string, dir: Direction): void {
    if (name === 'lang' && this.#lent.has(el)) return;
    const value = el.getAttribute(name);
    const known = this.#ledger.attr(el, name);
    if (value === null || (known && known.conv === value)) return;
    const conv = name === 'lang' ? (dir.sourceLang.test(value) ? dir.targetLang : value) : convert(dir.chain, value);
    if (conv === value) {
      this.#ledger.forgetAttr(el, name);
      return;
    }
    this.#ledger.setAttr(el, name, { orig: value, conv });
    // A new `lang` makes the browser lay out all the text under it again: it goes with the text writes.
    if (name === 'lang' && this.#deferWrites) this.#langPlan.set(el, conv);
    else el.setAttribute(name, conv);
  }

  /** The site changed a text node's text: its value is the new original. */
  #siteText(t: Text): void {
    const dir = this.#dir;
    if (!dir) return;
    const known = this.#ledger.texts.get(t);
    if (known && known.conv === t.data) return;
    this.#ledger.texts.delete(t);
    if (t.isConnected && this.#inScope(t, dir)) this.#setText(t, t.data, convert(dir.chain, t.data));
  }

  #siteAttribute(el: Element, name: string): void {
    const dir = this.#dir;
    if (!dir) return;
    // Our own writes never reach here: a `lang` on a block we lent one to is the site's now.
    if (name === 'lang') this.#lent.siteSet(el);
    const value = el.getAttribute(name);
    const known = this.#ledger.attr(el, name);
    if (known && known.conv === value) return;
    this.#ledger.forgetAttr(el, name);
    if (value !== null && this.#inScope(el, dir) && (name !== 'value' || convertsValue(el))) this.#attr(el, name, dir);
  }

  #siteAdded(node: Node): void {
    const dir = this.#dir;
    if (!dir || !this.#inScope(node, dir)) return;
    this.#walk.add(node);
    this.#added = true;
  }
}
