/**
 * What the page says, ready to be asked: every table cell with its header paths and every sentence with its
 * block and section headings, each as normalised text. Built from the content root on the device; rebuilt
 * only after the root changes (a MutationObserver marks it stale: 简繁 conversion, content added later).
 */
import { normalise } from './text.js';
import { tableModel, type Cell, type TableModel } from './table.js';

export interface CellEntry {
  kind: 'cell';
  cell: Cell;
  table: TableModel;
  row: string;
  col: string;
  /** The column's own (innermost) header. */
  leaf: string;
  caption: string;
  order: number;
}

export interface SentenceEntry {
  kind: 'passage';
  block: Element;
  /** Offsets of the sentence in the block's text. */
  start: number;
  end: number;
  norm: string;
  /** The section's headings, normalised. */
  heading: string;
  /** First sentence of its section (a section question is answered by its first passage). */
  lead: boolean;
  order: number;
}

export type Entry = CellEntry | SentenceEntry;

export interface PageIndex {
  root: Element;
  entries: Entry[];
  tables: TableModel[];
  /** Every normalised text a bigram may be counted in (for its rarity). */
  docs: string[];
}

const BLOCKS = 'p,li,dd,dt,blockquote,figcaption,h1,h2,h3,h4,h5,h6,table';
const SKIP = 'script,style,template,noscript,[hidden],[aria-hidden=true]';
const HEADING = /^h([1-6])$/;
/** Sentence ends; a ； outside brackets splits too (report sentences run long). */
function* sentences(text: string): Generator<[number, number]> {
  let start = 0;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if ('（(《“'.includes(ch)) depth++;
    else if ('）)》”'.includes(ch)) depth = Math.max(0, depth - 1);
    else if ('。！？!?'.includes(ch) || (ch === '；' && depth === 0)) {
      while ('”’）)'.includes(text[i + 1] ?? 'x')) i++;
      yield [start, i + 1];
      start = i + 1;
    }
  }
  if (start < text.length) yield [start, text.length];
}

const ours = (el: Element) => el.localName.startsWith('yidu-') || !!el.closest(SKIP);

export function buildIndex(root: Element): PageIndex {
  const entries: Entry[] = [];
  const tables: TableModel[] = [];
  const docs: string[] = [];
  const headings: string[] = [];
  let order = 0;
  let lead = false;
  // A header labels many cells: its text is normalised once.
  const seen = new Map<Element, string>();
  const norm = (el: Element) => seen.get(el) ?? (seen.set(el, normalise(el.textContent!)), seen.get(el)!);
  const joinText = (els: Element[]) => els.map(norm).join(' ');
  for (const el of root.querySelectorAll(BLOCKS)) {
    if (ours(el) || (el.localName !== 'table' && el.parentElement?.closest('table'))) continue;
    const level = HEADING.exec(el.localName)?.[1];
    if (level) {
      headings.length = Number(level) - 1;
      // The page title (h1) names the whole report, not a section.
      headings[Number(level) - 1] = level === '1' ? '' : normalise(el.textContent!);
      lead = true;
      continue;
    }
    if (el.localName === 'table') {
      if (el.parentElement?.closest('table')) continue;
      const table = tableModel(el as HTMLTableElement);
      tables.push(table);
      const caption = normalise((el as HTMLTableElement).caption?.textContent ?? '');
      for (const cell of table.cells) {
        const row = joinText(cell.rows);
        const col = joinText(cell.cols);
        const leaf = cell.cols.length ? norm(cell.cols[cell.cols.length - 1]!) : '';
        entries.push({ kind: 'cell', cell, table, row, col, leaf, caption, order: order++ });
      }
      for (const th of new Set(table.cells.flatMap((c) => [...c.rows, ...c.cols]))) docs.push(norm(th));
      continue;
    }
    // A block inside another block (a <p> in an <li>) is read with its container.
    if (el.parentElement?.closest(BLOCKS)) continue;
    const text = el.textContent!;
    const heading = headings.filter(Boolean).join(' ');
    for (const [start, end] of sentences(text)) {
      const norm = normalise(text.slice(start, end));
      if (!/[\p{Script=Han}\w]/u.test(norm)) continue;
      entries.push({ kind: 'passage', block: el, start, end, norm, heading, lead, order: order++ });
      docs.push(norm);
      lead = false;
    }
  }
  return { root, entries, tables, docs };
}

const cache = new WeakMap<Element, { index: PageIndex; stale: boolean }>();

/** The index of `root`, built again only when the root changed since. */
export function indexOf(root: Element): PageIndex {
  let c = cache.get(root);
  if (!c) {
    const entry = { index: null as unknown as PageIndex, stale: true };
    new MutationObserver(() => (entry.stale = true)).observe(root, { subtree: true, childList: true, characterData: true });
    cache.set(root, (c = entry));
  }
  if (c.stale) {
    c.index = buildIndex(root);
    c.stale = false;
  }
  return c.index;
}
