/**
 * The order in which the converter visits the page: subtrees queued for conversion, each walked with a
 * TreeWalker in slices (a walk stops at a deadline and goes on in the next slice), text gathered into inline
 * runs. What is done at each element and run is the visitor's (see `WalkVisitor`).
 *
 * The first walk is planned visible-first: a reader scrolled down a long page gets the text in the window
 * converted (and written) first.
 */
import { DOCUMENT_NODE, ELEMENT_NODE, INLINE, NO_CONTENT, TEXT_NODE, blockOf, excluded, tagOf } from './scope.js';

/** What a walk visits: elements (for their attributes) and text. */
const WALKED = NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT;

export interface WalkVisitor {
  /** Text converted already (the walk may pass it again after the site moved things): skipped. */
  known(t: Text): boolean;
  /** An element marked as the target script already: skipped with everything inside. */
  alreadyTarget(el: Element): boolean;
  /** An element met on the walk (for its attributes). */
  element(el: Element): void;
  /** An inline run of text nodes, converted as one text. */
  run(texts: Text[]): void;
}

interface Walk {
  walker: TreeWalker | null;
  run: Text[];
  block: Element | null;
  /** Where this walk ends (see `plan`); none: at the end of its subtree. */
  until?: Node | null;
}

export class PageWalk {
  /** Subtrees waiting to be converted (or where a walk set up by `plan` starts). */
  #queue: Node[] = [];
  readonly #walks = new Map<Node, Walk>();
  /** The walk from the top that stops where the first one started (see `plan`). */
  #split: Walk | null = null;

  constructor(readonly visitor: WalkVisitor) {}

  /** Subtrees left to walk. */
  get pending(): boolean {
    return this.#queue.length > 0;
  }

  /** A subtree the site added: walked after what is queued. */
  add(node: Node): void {
    this.#queue.push(node);
  }

  /** The site removed `node`: if the first walk was to stop there, it goes on to the end instead. */
  removed(node: Node): void {
    const until = this.#split?.until;
    // The first walk's start was moved (or removed): it may have gone up the page, past text neither walk
    // has seen, so the walk from the top goes on to the end (what is converted already is skipped).
    if (until && (node === until || node.contains(until))) this.#split!.until = null;
  }

  clear(): void {
    this.#queue = [];
    this.#walks.clear();
    this.#split = null;
  }

  /**
   * The order of the first walk. A reader who scrolled down a long page reads the text at the top of the
   * window, so that is converted (and written) first: one walk from the block there to the end of the root,
   * then one from the root's start that stops at that block. The two cover the same nodes, in the same runs,
   * as one walk from the top: the block is not inline, so a run ends there either way.
   */
  plan(roots: readonly Element[]): void {
    this.#queue = [...roots];
    const root = roots[0];
    const start = root ? firstOnScreen(root) : null;
    if (!start) return;
    // Not inside text marked as the target script, which the walk skips (firstOnScreen never goes into
    // excluded or unconverted elements).
    for (let el: Element | null = start; el !== root; el = el.parentElement) {
      if (!el || this.visitor.alreadyTarget(el)) return;
    }
    const walker = start.ownerDocument.createTreeWalker(root!, WALKED);
    walker.currentNode = start;
    this.visitor.element(start);
    const fromTop = this.#start(root!);
    fromTop.until = start;
    this.#split = fromTop;
    this.#walks.set(start, { walker, run: [], block: null });
    this.#queue.unshift(start);
  }

  /** Walks queued subtrees until the deadline. */
  step(deadline: number): void {
    while (this.#queue.length > 0 && performance.now() < deadline) {
      const root = this.#queue[0]!;
      const walk = this.#walks.get(root) ?? this.#start(root);
      if (this.#walk(walk, deadline)) {
        this.#queue.shift();
        this.#walks.delete(root);
      }
    }
  }

  #start(root: Node): Walk {
    const w: Walk = { walker: null, run: [], block: null };
    if (root.nodeType === TEXT_NODE) {
      w.run.push(root as Text);
    } else if (root.nodeType === ELEMENT_NODE || root.nodeType === DOCUMENT_NODE) {
      const doc = root.ownerDocument ?? (root as Document);
      const start = root.nodeType === DOCUMENT_NODE ? (root as Document).documentElement : (root as Element);
      if (start) {
        this.visitor.element(start);
        if (!NO_CONTENT.has(tagOf(start))) {
          // No filter callback: calling into script for every element costs more than the walk itself.
          w.walker = doc.createTreeWalker(start, WALKED);
        }
      }
    }
    this.#walks.set(root, w);
    return w;
  }

  /** Walks on until the deadline; true when the subtree is done. */
  #walk(w: Walk, deadline: number): boolean {
    const walker = w.walker;
    const visitor = this.visitor;
    if (walker) {
      // The site removed the node we stopped at: walk again from the top (done nodes are skipped).
      if (!walker.root.contains(walker.currentNode)) walker.currentNode = walker.root;
      let n = 0;
      for (let node = walker.nextNode(); node && node !== w.until; ) {
        if (node.nodeType === TEXT_NODE) {
          const t = node as Text;
          if (!visitor.known(t)) {
            const block = blockOf(t);
            if (block !== w.block) (this.#flush(w), (w.block = block));
            w.run.push(t);
          }
        } else {
          const el = node as Element;
          const tag = tagOf(el);
          const skip = excluded(el) || visitor.alreadyTarget(el);
          if (skip || !INLINE.has(tag)) this.#flush(w);
          if (!skip) visitor.element(el);
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
    this.#flush(w);
    return true;
  }

  /** Hands the pending inline run (less what was converted meanwhile) to the visitor. */
  #flush(w: Walk): void {
    const run = w.run.filter((t) => !this.visitor.known(t));
    w.run = [];
    w.block = null;
    if (run.length > 0) this.visitor.run(run);
  }
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
