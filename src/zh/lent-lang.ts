/**
 * `lang` attributes lent to blocks of the site's page for the length of a long conversion or restore.
 *
 * A new `lang` on the root makes the browser re-shape every character under it in one frame (~300 ms for
 * 650,000 characters). So when the text takes more than one batch, each block borrows its new `lang` just
 * before its text is written (`lend`) and is re-shaped once, with its batch; when the root's `lang` changes
 * at the end, no text's language changes any more, and the borrowed attributes are taken back (`unlend`).
 */
import { blockOf } from './scope.js';

/** Lent `lang` attributes taken back per slice. */
const UNLEND_BATCH = 2000;

export class LentLangs {
  /** Each block holding a lent `lang`, with the value lent. */
  readonly #lent = new Map<Element, string>();

  get size(): number {
    return this.#lent.size;
  }

  /** Does `el` hold a `lang` of ours (so its `lang` says nothing of the site's)? */
  has(el: Element): boolean {
    return this.#lent.has(el);
  }

  /** The site set `el`'s `lang` itself: it is the site's now, and stays when we take ours back. */
  siteSet(el: Element): void {
    this.#lent.delete(el);
  }

  /**
   * Until `stop()`, a `lang` the site sets on a block holding a lent one is the site's (a restore watches
   * this while it writes; `ours()` drops the records of our own writes, made just before).
   */
  watchSite(roots: readonly Element[]): { ours(): void; stop(): void } {
    const watch = new MutationObserver((records) => {
      for (const r of records) this.#lent.delete(r.target as Element);
    });
    for (const root of roots) watch.observe(root, { subtree: true, attributes: true, attributeFilter: ['lang'] });
    return { ours: () => void watch.takeRecords(), stop: () => watch.disconnect() };
  }

  /**
   * Lends `node`'s block the `lang` it will have when `plan` is done, if that differs from the one in effect
   * now; a block whose own `lang` is in the plan gets it now.
   */
  lend(node: Text, plan: Map<Element, string>): void {
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
  unlend(): void {
    let n = 0;
    for (const [el, lang] of this.#lent) {
      this.#lent.delete(el);
      if (el.getAttribute('lang') === lang) el.removeAttribute('lang');
      if (++n >= UNLEND_BATCH) break;
    }
  }
}
