/**
 * Converts a page between 简体 and 繁体 and back, exactly.
 *
 * Every text node and attribute we change is recorded with its original and converted strings. Restoring
 * writes the original back only where the page still shows our converted string: if the site's own script
 * changed it meanwhile, the site's value wins. While converted, a MutationObserver converts what the site
 * adds or changes; our own writes are taken out of the observer's queue right after we make them (nothing
 * else runs in between), so they never come back as "changes" and nothing is converted twice.
 *
 * Work runs in slices of a few milliseconds with yields between them, so a very long page stays responsive.
 * Converted text is written after the first slice (a typical report is all done in it) and then every ~100 ms,
 * in batches, so the browser lays the page out once per batch instead of after every slice; a reader scrolled
 * down a long page gets the text in the window first (see #plan). Text nodes of one inline run (`<b>头</b>发`)
 * are converted together, so phrases across the tags convert.
 */
import { convert, convertPieces, type Chain } from './engine.js';
import type { Variant } from '../core/config.js';
import { SIMPLIFIED_LANG, TRADITIONAL_LANG, variantLang } from '../i18n/script.js';

/** Elements whose content is never converted (their own title/placeholder attributes still are). */
const NO_CONTENT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'CODE', 'PRE', 'KBD', 'SAMP',
  'IFRAME', 'OBJECT', 'SVG', 'MATH', 'CANVAS', 'VIDEO', 'AUDIO', 'SELECT']);
/** Elements whose text flows on with their neighbours' (phrases may continue across them). */
const INLINE = new Set(['A', 'ABBR', 'B', 'BDI', 'BDO', 'BIG', 'CITE', 'DATA', 'DEL', 'DFN', 'EM', 'FONT', 'I', 'INS',
  'LABEL', 'MARK', 'Q', 'RUBY', 'S', 'SMALL', 'SPAN', 'STRIKE', 'STRONG', 'SUB', 'SUP', 'TIME', 'TT', 'U', 'VAR']);
/** Attributes readers meet. `value` only on button-like inputs (a text input's value is what the reader typed). */
export const ATTRIBUTES = ['title', 'alt', 'placeholder', 'aria-label', 'aria-description'];
const BUTTON_TYPES = new Set(['button', 'submit', 'reset']);
const OBSERVED = [...ATTRIBUTES, 'value', 'lang'];

/** Node types as numbers (the same in every frame; and shorter than `Node.TEXT_NODE` in the download). */
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const DOCUMENT_NODE = 9;
/** What a walk visits: elements (for their attributes) and text. */
const WALKED = NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT;
/** The upper-case tag name (SVG and XHTML elements keep their case in `tagName`). */
const tagOf = (el: Element) => el.tagName.toUpperCase();

/** Elements that are never touched, with everything inside. */
function excluded(el: Element): boolean {
  if (el.localName.startsWith('yidu-')) return true;
  if (el.getAttribute('translate') === 'no' || el.hasAttribute('data-yidu-no-convert')) return true;
  const ce = el.getAttribute('contenteditable');
  return ce !== null && ce !== 'false';
}


export interface Direction {
  chain: Chain;
  /** Text marked with this language is in the target script already and is left alone. */
  alreadyTarget: RegExp;
  /** `lang` values in the source script, rewritten to `targetLang`. */
  sourceLang: RegExp;
  targetLang: string;
}

export function direction(chain: Chain, source: 'hans' | 'hant', variant: Variant): Direction {
  if (source === 'hant') return { chain, alreadyTarget: SIMPLIFIED_LANG, sourceLang: TRADITIONAL_LANG, targetLang: 'zh-CN' };
  return { chain, alreadyTarget: TRADITIONAL_LANG, sourceLang: SIMPLIFIED_LANG, targetLang: variantLang(variant) };
}

/**
 * Code units that can start a dictionary key anywhere in the chain. Text without any of them (whitespace,
 * Latin, digits: most text nodes between tags) converts to itself, so it is not run through the chain.
 */
const STARTS = new WeakMap<Chain, Uint8Array>();
function mayChange(chain: Chain, text: string): boolean {
  let starts = STARTS.get(chain);
  if (!starts) {
    starts = new Uint8Array(65536);
    for (const d of [chain.normalize, chain.segmentation, ...chain.stages]) {
      d?.markStarts(starts);
    }
    STARTS.set(chain, starts);
  }
  for (let i = 0; i < text.length; i++) if (starts[text.charCodeAt(i)]) return true;
  return false;
}

/**
 * Inline runs converted before, by their first text node: when the reader toggles back, a run whose nodes and
 * text are unchanged is written again without converting (a repeat toggle is mostly DOM writes).
 */
interface Memo {
  run: readonly Text[];
  pieces: readonly string[];
  out: readonly string[];
}
const MEMOS = new WeakMap<Chain, WeakMap<Text, Memo>>();
function memoOf(chain: Chain): WeakMap<Text, Memo> {
  let m = MEMOS.get(chain);
  if (!m) MEMOS.set(chain, (m = new WeakMap()));
  return m;
}
const sameList = <T>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((x, i) => x === b[i]);

interface Change {
  orig: string;
  conv: string;
}

/**
 * A slice of work stops after this many milliseconds (checked every few nodes), so no task reaches the 50 ms
 * long-task line. Converting takes longer slices than restoring: every yield lets the browser lay the page
 * out again, and on a typical report those frames cost more than the conversion itself.
 */
const SLICE_MS = 4;
const CONVERT_SLICE_MS = 8;
const FIRST_SLICE_MS = 20;
/**
 * Characters of text written in one batch: at first (a typical report in one), at least and at most; and
 * converted-but-unwritten text nodes at most. After each batch the page is laid out at once, inside our own
 * task, and timed (see #laidOut): batches grow while that layout stays under LAYOUT_LOW_MS and shrink above
 * LAYOUT_HIGH_MS, so the browser's work on what we wrote never makes a long frame.
 */
const WRITE_CHARS = 8000;
const WRITE_CHARS_MIN = 1000;
const WRITE_CHARS_MAX = 128000;
const LAYOUT_LOW_MS = 8;
const LAYOUT_HIGH_MS = 16;
const PENDING_MAX = 20000;
const PROGRESS_MS = 100;
/** Lent `lang` attributes taken back per slice (see #lend). */
const UNLEND_BATCH = 2000;

/**
 * Work a warm-up (see `PageConverter.warm`) may spend in all, in milliseconds of its own slices: a typical
 * report is done several times over; on a very long page the first part is ready and the rest converts on
 * the click.
 */
const WARM_BUDGET_MS = 250;

/** Lets the page run its own tasks (input, timers, rendering) between slices: a plain task, queued fairly. */
const yieldToPage = (): Promise<void> =>
  new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => resolve();
    ch.port2.postMessage(0);
  });

export class PageConverter {
  readonly #texts = new Map<Text, Change>();
  readonly #attrs = new Map<Element, Map<string, Change>>();
  readonly #observer = new MutationObserver((records) => this.#onMutations(records));
  /** Subtrees waiting to be converted (or where a walk set up by #plan starts). */
  #queue: Node[] = [];
  #dir: Direction | null = null;
  #roots: Element[] = [];
  #running: Promise<void> | null = null;
  /** Bumped by restore(): a conversion in progress stops at its next slice. */
  #generation = 0;
  /** A warm-up (see `warm`): converts into the memo only, never writes, never observes. */
  readonly #dry: boolean;

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
    pc.#plan(roots, dir);
    const gen = pc.#generation;
    const done = (async () => {
      let spent = 0;
      while (pc.#queue.length > 0 && gen === pc.#generation && spent < WARM_BUDGET_MS) {
        await idleSlice();
        if (gen !== pc.#generation) break;
        const start = performance.now();
        pc.#slice(start + SLICE_MS);
        spent += performance.now() - start;
      }
    })();
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
    // Planned like every other `lang` (see #write): it changes when the text is written, not before.
    this.#deferWrites = true;
    this.#plan(roots, dir);
    for (const el of langOnly) this.#attr(el, 'lang', dir);
    for (const root of roots) {
      this.#observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: OBSERVED });
    }
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

  #restoring: Promise<void> | null = null;

  /** Resolves when no conversion or restore is in progress. */
  async idle(): Promise<void> {
    while (this.#running || this.#restoring) await (this.#running ?? this.#restoring);
  }

  async #restore(): Promise<void> {
    this.#generation++;
    this.#dir = null;
    this.#queue = [];
    this.#pending = [];
    this.#langPlan.clear();
    this.#walkers.clear();
    this.#split = null;
    // Pending records are the site's changes (ours are taken as we write): those nodes already show the
    // site's value, which wins below; a `lang` among them on a block holding a lent one is the site's now.
    for (const r of this.#observer.takeRecords()) if (r.attributeName === 'lang') this.#lent.delete(r.target as Element);
    this.#observer.disconnect();
    // Until the end, a `lang` the site sets on a block holding a lent one is the site's (ours are taken out
    // of the queue right after we write them, as in a conversion).
    const watch = new MutationObserver((records) => {
      for (const r of records) this.#lent.delete(r.target as Element);
    });
    for (const root of this.#roots) watch.observe(root, { subtree: true, attributes: true, attributeFilter: ['lang'] });
    await this.#running;
    const texts = [...this.#texts];
    const attrs = [...this.#attrs];
    this.#texts.clear();
    this.#attrs.clear();
    // The `lang` attributes we changed go back last; on a long page their blocks borrow them first (#lend).
    const langBack = new Map<Element, string>();
    let total = 0;
    for (const [el, map] of attrs) {
      const c = map.get('lang');
      if (c && el.getAttribute('lang') === c.conv) langBack.set(el, c.orig);
    }
    for (const [, c] of texts) total += c.orig.length;
    const lending = this.#lent.size > 0 || (langBack.size > 0 && total > this.#writeChars);

    for (let i = 0; i < texts.length; ) {
      const deadline = performance.now() + SLICE_MS;
      let chars = 0;
      for (; i < texts.length; i++) {
        const [node, c] = texts[i]!;
        if (node.data === c.conv) {
          if (lending) this.#lend(node, langBack);
          node.data = c.orig;
          chars += c.orig.length;
        }
        if (chars >= this.#writeChars || ((i & 63) === 63 && performance.now() > deadline)) {
          i++;
          break;
        }
      }
      watch.takeRecords();
      // (A short page is laid out once, below, with its attributes.)
      if (chars > 0 && (lending || i < texts.length)) this.#laidOut();
      if (i < texts.length) await yieldToPage();
    }
    for (const [el, map] of attrs) {
      for (const [name, c] of map) if (name !== 'lang' && el.getAttribute(name) === c.conv) el.setAttribute(name, c.orig);
    }
    // As in #write: on a long page, the root's `lang` in a task of its own, then the lent ones back.
    if (lending) await yieldToPage();
    for (const [el, orig] of langBack) el.setAttribute('lang', orig);
    watch.takeRecords();
    this.#laidOut(false);
    while (this.#lent.size > 0) {
      await yieldToPage();
      this.#unlend();
      watch.takeRecords();
      this.#laidOut(false);
    }
    watch.disconnect();
  }

  #drain(): Promise<void> {
    if (this.#running) return this.#running;
    const gen = this.#generation;
    const run = (async () => {
      // The first slice is longer: a typical report is done in it, within one frame of the reader's click.
      let budget = FIRST_SLICE_MS;
      let written = performance.now();
      this.#deferWrites = true;
      let first = true;
      while ((this.#queue.length > 0 || this.#pending.length > 0 || this.#langPlan.size > 0 || this.#lent.size > 0) && gen === this.#generation) {
        const walking = this.#queue.length > 0;
        this.#slice(performance.now() + budget);
        // Converted text is written when all is converted, so the browser lays the page out once rather than
        // between every two slices; on a long page, every ~100 ms, so the reader sees the conversion progress.
        // The first slice's text is written at once: the text on screen, converted first (see #plan).
        if (first || this.#queue.length === 0 || this.#pending.length >= PENDING_MAX || performance.now() - written > PROGRESS_MS) {
          // A write and its layout get a task of their own, but for a short page's one write, right after the
          // one slice that converted it (the reader's click is answered within one task).
          if (walking && !(first && this.#queue.length === 0)) {
            await yieldToPage();
            if (gen !== this.#generation) break;
          }
          this.#write();
          written = performance.now();
        }
        first = false;
        budget = CONVERT_SLICE_MS;
        if (this.#queue.length > 0 || this.#pending.length > 0 || this.#langPlan.size > 0 || this.#lent.size > 0) await yieldToPage();
      }
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
    if (!this.#dry) this.#onMutations(this.#observer.takeRecords());
    const dir = this.#dir;
    if (!dir) return;
    while (this.#queue.length > 0 && performance.now() < deadline) {
      const root = this.#queue[0]!;
      const walker = this.#walkers.get(root) ?? this.#startWalk(root, dir);
      if (this.#walk(walker, dir, deadline)) {
        this.#queue.shift();
        this.#walkers.delete(root);
      }
    }
    this.#observer.takeRecords();
  }

  readonly #walkers = new Map<Node, Walk>();

  /**
   * The order of the first walk. A reader who scrolled down a long page reads the text at the top of the
   * window, so that is converted (and written) first: one walk from the block there to the end of the root,
   * then one from the root's start that stops at that block. The two cover the same nodes, in the same runs,
   * as one walk from the top: the block is not inline, so a run ends there either way.
   */
  #plan(roots: Element[], dir: Direction): void {
    this.#queue = [...roots];
    const root = roots[0];
    const start = root ? firstOnScreen(root) : null;
    if (!start) return;
    // Not inside text marked as the target script, which the walk skips (firstOnScreen never goes into
    // excluded or unconverted elements).
    for (let el: Element | null = start; el !== root; el = el.parentElement) {
      if (!el || this.#alreadyTarget(el, dir)) return;
    }
    const walker = start.ownerDocument.createTreeWalker(root!, WALKED);
    walker.currentNode = start;
    this.#element(start, dir);
    const fromTop = this.#startWalk(root!, dir);
    fromTop.until = start;
    this.#split = fromTop;
    this.#walkers.set(start, { walker, run: [], block: null, root: root! });
    this.#queue.unshift(start);
  }

  /** The walk from the top that stops where the first one started (see #plan). */
  #split: Walk | null = null;

  #startWalk(root: Node, dir: Direction): Walk {
    const w: Walk = { walker: null, run: [], block: null, root };
    if (root.nodeType === TEXT_NODE) {
      w.run.push(root as Text);
    } else if (root.nodeType === ELEMENT_NODE || root.nodeType === DOCUMENT_NODE) {
      const doc = root.ownerDocument ?? (root as Document);
      const start = root.nodeType === DOCUMENT_NODE ? (root as Document).documentElement : (root as Element);
      if (start) {
        this.#element(start, dir);
        if (!NO_CONTENT.has(tagOf(start))) {
          // No filter callback: calling into script for every element costs more than the walk itself.
          w.walker = doc.createTreeWalker(start, WALKED);
        }
      }
    }
    this.#walkers.set(root, w);
    return w;
  }

  /** Walks on until the deadline; true when the subtree is done. */
  #walk(w: Walk, dir: Direction, deadline: number): boolean {
    const walker = w.walker;
    if (walker) {
      // The site removed the node we stopped at: walk again from the top (done nodes are skipped).
      if (!walker.root.contains(walker.currentNode)) walker.currentNode = walker.root;
      let n = 0;
      for (let node = walker.nextNode(); node && node !== w.until; ) {
        if (node.nodeType === TEXT_NODE) {
          const t = node as Text;
          if (!this.#texts.has(t)) {
            const block = blockOf(t);
            if (block !== w.block) (this.#flush(w, dir), (w.block = block));
            w.run.push(t);
          }
        } else {
          const el = node as Element;
          const tag = tagOf(el);
          const skip = excluded(el) || this.#alreadyTarget(el, dir);
          if (skip || !INLINE.has(tag)) this.#flush(w, dir);
          if (!skip) this.#element(el, dir);
          // An excluded element, or one whose content is never converted: on past its subtree.
          if (skip || NO_CONTENT.has(tag)) {
            node = nextOutside(walker);
            continue;
          }
        }
        if ((++n & 7) === 0 && performance.now() > deadline) return false;
        node = walker.nextNode();
      }
    }
    this.#flush(w, dir);
    return true;
  }

  /** Converts the pending inline run as one text. */
  #flush(w: Walk, dir: Direction): void {
    const run = w.run.filter((t) => !this.#texts.has(t));
    w.run = [];
    w.block = null;
    if (run.length === 0) return;
    const pieces = run.map((t) => t.data);
    const memo = memoOf(dir.chain);
    const seen = memo.get(run[0]!);
    let out: readonly string[];
    if (seen && sameList(seen.run, run) && sameList(seen.pieces, pieces)) {
      out = seen.out;
    } else {
      if (!pieces.some((p) => mayChange(dir.chain, p))) return;
      out = convertPieces(dir.chain, pieces);
      memo.set(run[0]!, { run, pieces, out });
    }
    if (this.#dry) return;
    for (let i = 0; i < run.length; i++) this.#setText(run[i]!, pieces[i]!, out[i]!, this.#deferWrites);
  }

  #setText(node: Text, orig: string, conv: string, deferred = false): void {
    if (this.#dry) return;
    if (conv === orig) return;
    this.#texts.set(node, { orig, conv });
    if (deferred) this.#pending.push(node);
    else node.data = conv;
  }

  /** Converted text not written yet (see #drain); restore() and the site's own changes make entries stale. */
  #pending: Text[] = [];
  /**
   * `lang` attributes to change, with their new values, written with the text (a new `lang` makes the browser
   * re-shape all the text under it): see #write.
   */
  readonly #langPlan = new Map<Element, string>();
  /**
   * Blocks of the site's page holding a `lang` we lent them for the length of a long conversion or restore,
   * with the value lent (see #lend).
   */
  readonly #lent = new Map<Element, string>();
  #writeChars = WRITE_CHARS;
  #deferWrites = false;

  /**
   * Writes a batch of pending text (less if a slice's time runs out) and, once all is written, the planned
   * `lang` changes; our writes are dropped from the observer's queue.
   *
   * A new `lang` on the root makes the browser re-shape every character under it in one frame (~300 ms for
   * 650,000 characters). So when the text takes more than one batch, each block borrows its new `lang` just
   * before its text is written (#lend) and is re-shaped once, with its batch; when the root's `lang` changes
   * at the end, no text's language changes any more, and the borrowed attributes are taken back (#unlend).
   */
  #write(): void {
    const deadline = performance.now() + CONVERT_SLICE_MS;
    this.#onMutations(this.#observer.takeRecords());
    const plan = this.#langPlan;
    // A planned change whose element the site changed meanwhile is dropped: the site's value wins.
    for (const [el] of plan) if (el.getAttribute('lang') !== this.#attrs.get(el)?.get('lang')?.orig) plan.delete(el);
    const pending = this.#pending;
    let last = this.#queue.length === 0;
    for (let k = 0, n = 0; last && k < pending.length; k++) if ((n += pending[k]!.data.length) > this.#writeChars) last = false;
    const lending = plan.size > 0 && (this.#lent.size > 0 || !last);
    let i = 0;
    let changed = false;
    for (let chars = 0; i < pending.length; ) {
      const node = pending[i++]!;
      const c = this.#texts.get(node);
      // Only where the node still shows the text we converted (else the site changed it, and that wins).
      if (c && node.data === c.orig) {
        if (lending) this.#lend(node, plan);
        node.data = c.conv;
        chars += c.conv.length;
        changed = true;
      }
      if (chars >= this.#writeChars || ((i & 63) === 0 && performance.now() > deadline)) break;
    }
    this.#pending = pending.slice(i);
    // All written. On a long page, the root's new `lang` makes the browser restyle the whole document, which
    // takes a task of its own (the next one); the lent attributes go back in the ones after.
    let sized = changed;
    if (this.#queue.length === 0 && this.#pending.length === 0 && !(lending && changed)) {
      // (A layout with a new `lang` in it costs what the page's size does, not the batch's: not a measure.)
      if (plan.size > 0) {
        for (const [el, lang] of plan) el.setAttribute('lang', lang);
        plan.clear();
        changed = true;
        sized = false;
      } else if (this.#lent.size > 0) {
        this.#unlend();
        changed = true;
        sized = false;
      }
    }
    if (changed) this.#laidOut(sized);
    this.#observer.takeRecords();
  }

  /**
   * Lends `node`'s block the `lang` it will have when `plan` is done, if that differs from the one in effect
   * now; a block whose own `lang` is in the plan gets it now.
   */
  #lend(node: Text, plan: Map<Element, string>): void {
    const block = blockOf(node);
    if (!block || !block.ownerDocument.body?.contains(block)) return;
    if (!this.#lent.has(block) && block.hasAttribute('lang')) {
      const to = plan.get(block);
      if (to !== undefined) (block.setAttribute('lang', to), plan.delete(block));
      return;
    }
    // In effect now (lent values included), and at the end (the nearest `lang` of the site's own, as planned).
    let now = this.#lent.get(block) ?? null;
    let end: string | null = null;
    for (let el = block.parentElement; el; el = el.parentElement) {
      const lang = el.getAttribute('lang');
      if (lang === null) continue;
      now ??= lang;
      if (this.#lent.has(el)) continue;
      end = plan.get(el) ?? lang;
      break;
    }
    if (end !== null && now !== end) {
      block.setAttribute('lang', end);
      this.#lent.set(block, end);
    }
  }

  /** Takes back a slice of lent `lang` attributes; one the site has set since is the site's and stays. */
  #unlend(): void {
    let n = 0;
    for (const [el, lang] of this.#lent) {
      this.#lent.delete(el);
      if (el.getAttribute('lang') === lang) el.removeAttribute('lang');
      if (++n >= UNLEND_BATCH) break;
    }
  }

  /**
   * Lays the page out now, inside our own task, where its cost is known: unless `sized` is false, the next
   * batch is sized by it (see WRITE_CHARS). No layout of what we wrote is left to become a long frame of its own.
   */
  #laidOut(sized = true): void {
    const root = this.#roots[0]?.ownerDocument?.documentElement as HTMLElement | undefined;
    if (!root) return;
    const t0 = performance.now();
    void root.offsetHeight;
    const ms = performance.now() - t0;
    if (!sized) return;
    if (ms < LAYOUT_LOW_MS) this.#writeChars = Math.min(this.#writeChars * 2, WRITE_CHARS_MAX);
    else if (ms > LAYOUT_HIGH_MS) this.#writeChars = Math.max(Math.round((this.#writeChars * LAYOUT_LOW_MS) / ms), WRITE_CHARS_MIN);
  }

  #alreadyTarget(el: Element, dir: Direction): boolean {
    const lang = this.#origAttr(el, 'lang');
    return lang !== null && dir.alreadyTarget.test(lang);
  }

  /** An attribute's value as the site wrote it (before our conversion). */
  #origAttr(el: Element, name: string): string | null {
    if (name === 'lang' && this.#lent.has(el)) return null; // ours, for a while
    return this.#attrs.get(el)?.get(name)?.orig ?? el.getAttribute(name);
  }

  /** Converts the attributes of one element. */
  #element(el: Element, dir: Direction): void {
    if (this.#dry) return; // a warm-up writes nothing
    for (const name of ATTRIBUTES) this.#attr(el, name, dir);
    if (el.localName === 'input' && BUTTON_TYPES.has((el as HTMLInputElement).type)) this.#attr(el, 'value', dir);
    this.#attr(el, 'lang', dir);
  }

  #attr(el: Element, name: string, dir: Direction): void {
    if (name === 'lang' && this.#lent.has(el)) return;
    const value = el.getAttribute(name);
    const known = this.#attrs.get(el)?.get(name);
    if (value === null || (known && known.conv === value)) return;
    const conv = name === 'lang' ? (dir.sourceLang.test(value) ? dir.targetLang : value) : convert(dir.chain, value);
    if (conv === value) {
      this.#attrs.get(el)?.delete(name);
      return;
    }
    let map = this.#attrs.get(el);
    if (!map) this.#attrs.set(el, (map = new Map()));
    map.set(name, { orig: value, conv });
    // A new `lang` makes the browser lay out all the text under it again: it goes with the text writes.
    if (name === 'lang' && this.#deferWrites) this.#langPlan.set(el, conv);
    else el.setAttribute(name, conv);
  }

  /** Is `node` inside what we convert (a root, not excluded, not marked as the target script)? */
  #inScope(node: Node, dir: Direction): boolean {
    let langSeen = false;
    for (let el = node.nodeType === ELEMENT_NODE ? (node as Element) : node.parentElement; el; el = el.parentElement) {
      if (excluded(el)) return false;
      if (el !== node && NO_CONTENT.has(tagOf(el))) return false;
      if (!langSeen && this.#origAttr(el, 'lang') !== null) {
        langSeen = true;
        if (this.#alreadyTarget(el, dir)) return false;
      }
      if (this.#roots.includes(el)) return true;
    }
    return false;
  }

  /** The site changed the page: convert its new text (its value is the new original). */
  #onMutations(records: MutationRecord[]): void {
    const dir = this.#dir;
    if (!dir || records.length === 0) return;
    let added = false;
    for (const r of records) {
      if (r.type === 'characterData') {
        const t = r.target as Text;
        const known = this.#texts.get(t);
        if (known && known.conv === t.data) continue;
        this.#texts.delete(t);
        if (t.isConnected && this.#inScope(t, dir)) this.#setText(t, t.data, convert(dir.chain, t.data));
      } else if (r.type === 'attributes') {
        const el = r.target as Element;
        const name = r.attributeName!;
        // Our own writes never reach here: a `lang` on a block we lent one to is the site's now.
        if (name === 'lang') this.#lent.delete(el);
        const value = el.getAttribute(name);
        const known = this.#attrs.get(el)?.get(name);
        if (known && known.conv === value) continue;
        this.#attrs.get(el)?.delete(name);
        if (value !== null && this.#inScope(el, dir)) {
          if (name !== 'value' || (el.localName === 'input' && BUTTON_TYPES.has((el as HTMLInputElement).type))) this.#attr(el, name, dir);
        }
      } else {
        // The first walk's start was moved (or removed): it may have gone up the page, past text neither walk
        // has seen, so the walk from the top goes on to the end (what is converted already is skipped).
        const split = this.#split?.until;
        if (split) for (const n of r.removedNodes) if (n === split || n.contains(split)) this.#split!.until = null;
        for (const n of r.addedNodes) {
          if (!n.isConnected || !(n.nodeType === TEXT_NODE || n.nodeType === ELEMENT_NODE)) continue;
          if (!this.#inScope(n, dir)) continue;
          this.#queue.push(n);
          added = true;
        }
      }
    }
    // New text is converted in our next slice, before the browser paints when it can.
    if (added && !this.#running) void this.#drain();
  }
}

/** Waits for the browser to be idle (a short timeout where requestIdleCallback is missing). */
const idleSlice = (): Promise<void> =>
  new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: 200 });
    else setTimeout(resolve, 16);
  });

interface Walk {
  walker: TreeWalker | null;
  run: Text[];
  block: Element | null;
  root: Node;
  /** Where this walk ends (see #plan); none: at the end of the root. */
  until?: Node | null;
}

/**
 * The block at the top of the window when the reader has scrolled into `root`, else null. Children in normal
 * flow follow each other down the page, so a binary search on each level finds it in a few dozen boxes (the
 * page is laid out already when the reader clicks); anything else (floats, fixed or absolute boxes) makes
 * the guess worse, never the result.
 */
function firstOnScreen(root: Element): Element | null {
  if (!(root.getBoundingClientRect().top < 0)) return null;
  const boxed = (el: Element) => el.getClientRects().length > 0;
  let found: Element | null = null;
  for (let el: Element = root; ; ) {
    const kids = el.children;
    // The first child whose box ends below the window's top. A child without a box (a script, display:
    // none) is never it and says nothing: the next one with a box decides.
    let lo = 0;
    let hi = kids.length;
    let kid: Element | undefined;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      let m = mid;
      while (m < hi && !boxed(kids[m]!)) m++;
      if (m < hi && kids[m]!.getBoundingClientRect().bottom <= 0) lo = m + 1;
      else {
        if (m < hi) kid = kids[m];
        hi = mid;
      }
    }
    if (!kid) return found;
    const tag = tagOf(kid);
    if (INLINE.has(tag) || NO_CONTENT.has(tag) || excluded(kid)) return found;
    found = el = kid;
  }
}

/** Moves the walker to the node after its current node's subtree (null at the end of the walk). */
function nextOutside(walker: TreeWalker): Node | null {
  for (;;) {
    const next = walker.nextSibling();
    if (next) return next;
    if (!walker.parentNode()) return null;
  }
}

/** The nearest ancestor that is not an inline element: text nodes of one run share it. */
function blockOf(t: Text): Element | null {
  let el = t.parentElement;
  while (el && INLINE.has(tagOf(el))) el = el.parentElement;
  return el;
}
