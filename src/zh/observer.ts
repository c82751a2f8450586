/**
 * What the site changes on a converted page, sorted for the converter. Our own writes are taken out of the
 * observer's queue right after we make them (nothing else runs in between), so they never come back as
 * "changes" and nothing is converted twice.
 */
import { ATTRIBUTES, ELEMENT_NODE, TEXT_NODE } from './scope.js';

const OBSERVED = [...ATTRIBUTES, 'value', 'lang'];

export interface SiteChanges {
  /** The site changed the text of `t`. */
  text(t: Text): void;
  /** The site changed (or removed) attribute `name` of `el`. */
  attribute(el: Element, name: string): void;
  /** The site removed `node` (or moved it: then it is also added). */
  removed(node: Node): void;
  /** The site added `node`, a text node or element on the page. */
  added(node: Node): void;
  /** A delivery ends: what was added is converted in the next slice. */
  settled(): void;
}

export class SiteObserver {
  readonly #observer = new MutationObserver((records) => this.#deliver(records));

  constructor(readonly changes: SiteChanges) {}

  observe(roots: readonly Element[]): void {
    for (const root of roots) {
      this.#observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: OBSERVED });
    }
  }

  /** Hands over what the site changed up to now (before we write over it). */
  catchUp(): void {
    this.#deliver(this.#observer.takeRecords());
  }

  /** Drops the records of our own writes, made just now. */
  ours(): void {
    this.#observer.takeRecords();
  }

  /** Stops observing; returns the records not delivered yet (the site's changes). */
  disconnect(): MutationRecord[] {
    const records = this.#observer.takeRecords();
    this.#observer.disconnect();
    return records;
  }

  #deliver(records: MutationRecord[]): void {
    if (records.length === 0) return;
    const changes = this.changes;
    for (const r of records) {
      if (r.type === 'characterData') changes.text(r.target as Text);
      else if (r.type === 'attributes') changes.attribute(r.target as Element, r.attributeName!);
      else {
        for (const n of r.removedNodes) changes.removed(n);
        for (const n of r.addedNodes) {
          if (n.isConnected && (n.nodeType === TEXT_NODE || n.nodeType === ELEMENT_NODE)) changes.added(n);
        }
      }
    }
    changes.settled();
  }
}
