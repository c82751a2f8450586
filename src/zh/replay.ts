/**
 * A repeat toggle as a write pass. When a page of one write batch is restored at once, what its conversion
 * wrote is kept, by root, with an observer that forgets it as soon as the site changes anything the
 * conversion depends on. The next conversion of that root in the same direction writes it again without
 * walking the page or converting a run; any other conversion walks as usual.
 */
import type { Direction } from './direction.js';
import type { Entries } from './restore-ledger.js';
import { sameList } from './runs.js';
import { ATTRIBUTES, ELEMENT_NODE, excluded } from './scope.js';

/** Attributes that make an element excluded (see `excluded`), with everything inside. */
const EXCLUDING = ['translate', 'contenteditable', 'data-yidu-no-convert'];
/** Attributes whose change alters what a walk converts or skips. */
const SCOPE_ATTRIBUTES = [...ATTRIBUTES, 'value', 'type', 'lang', ...EXCLUDING];

interface Replay {
  dir: Direction;
  roots: readonly Element[];
  langOnly: readonly Element[];
  entries: Entries;
  watch: MutationObserver;
}

const KEPT = new WeakMap<Element, Replay>();

/**
 * Does the site's change matter to a walk? Not inside or on an element a walk never enters (yidu's own UI,
 * text marked not to convert), unless it is what marks (or unmarks) that element; nor adding or removing such
 * elements.
 */
function matters(r: MutationRecord): boolean {
  const t = r.target;
  const outside = (n: Node) => n.nodeType === ELEMENT_NODE && excluded(n as Element);
  if (r.type === 'childList' && [...r.addedNodes].every(outside) && [...r.removedNodes].every(outside)) return false;
  let el = r.type === 'attributes' && EXCLUDING.includes(r.attributeName!) ? t.parentElement
    : t.nodeType === ELEMENT_NODE ? (t as Element) : t.parentElement;
  for (; el; el = el.parentElement) if (excluded(el)) return false;
  return true;
}

function forget(root: Element): void {
  KEPT.get(root)?.watch.disconnect();
  KEPT.delete(root);
}

/**
 * Keeps `entries` (just written back, the page showing its originals) for a repeat toggle. Called in the
 * task of the restore, right after its writes, so the observer sees every later change.
 */
export function keepForRepeat(dir: Direction, roots: readonly Element[], langOnly: readonly Element[], entries: Entries): void {
  const root = roots[0];
  if (!root) return;
  forget(root);
  const watch = new MutationObserver((records) => {
    if (records.some(matters)) forget(root);
  });
  const options = { subtree: true, childList: true, characterData: true, attributeFilter: SCOPE_ATTRIBUTES };
  for (const r of roots) watch.observe(r, options);
  for (const el of langOnly) watch.observe(el, { attributeFilter: ['lang'] });
  KEPT.set(root, { dir, roots, langOnly, entries, watch });
}

/**
 * The entries kept for converting `roots` in `dir` again, if the page has not changed since (taken: each
 * is used once); else null, and whatever was kept for that root is forgotten.
 */
export function takeRepeat(dir: Direction, roots: readonly Element[], langOnly: readonly Element[]): Entries | null {
  const root = roots[0];
  const kept = root && KEPT.get(root);
  if (!kept) return null;
  const unchanged = !kept.watch.takeRecords().some(matters);
  forget(root);
  const same = kept.dir.chain === dir.chain && kept.dir.targetLang === dir.targetLang && sameList(kept.roots, roots) && sameList(kept.langOnly, langOnly);
  return unchanged && same ? kept.entries : null;
}
