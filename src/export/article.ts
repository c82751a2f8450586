/**
 * Reads the article as the reader currently sees it (after 简/繁 conversion, without hidden parts, ads or
 * yidu's own controls) into a small document model that the Word and PDF writers share. Read-only: the
 * page is never changed, none of its code runs and nothing is loaded; frames and media become the placeholder
 * text of ../core/safe-copy.ts. Anything else that needs the article's text (a search index) can call it too.
 */
import { buildGrid, type SourceCell, type TableGrid } from './table-grid.js';
import { embedKind, placeholderText, shownImage } from '../core/safe-copy.js';

export interface TextInline {
  kind: 'text';
  text: string;
  bold?: boolean;
  italic?: boolean;
  href?: string;
}
export interface BreakInline {
  kind: 'break';
}
export interface ImageInline {
  kind: 'image';
  alt: string;
  /** Same-origin (or data:) images that loaded; others are kept as their alt text. */
  src: string | null;
  width: number;
  height: number;
}
export type Inline = TextInline | BreakInline | ImageInline;

export type Align = 'left' | 'center' | 'right' | 'justify';

export type Block =
  | { kind: 'heading'; level: number; inlines: Inline[] }
  | { kind: 'paragraph'; inlines: Inline[]; align: Align; indent: boolean }
  | { kind: 'list-item'; inlines: Inline[]; ordered: boolean; level: number; list: number }
  | { kind: 'table'; caption: Inline[]; grid: TableGrid<Inline[]> };

export interface Article {
  /** Page title for the file name and document properties. */
  title: string;
  blocks: Block[];
  /** The language of the text (`zh-CN`, `zh-TW`…), for fonts and document properties. */
  lang: string;
}

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'canvas', 'svg', 'button', 'input', 'select', 'textarea', 'form', 'nav', 'dialog', 'map', 'head', 'link', 'meta']);
const HEADINGS: Record<string, number> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };
const BLOCKS = new Set(['p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'blockquote', 'figure',
  'figcaption', 'pre', 'address', 'center', 'dl', 'dt', 'dd', 'hr', 'details', 'summary', 'fieldset', 'ul', 'ol',
  'li', 'table', 'caption', 'body', 'hgroup']);
/** A short line after the page title that names date and source, as report templates print it. */
const META = /(发布|發布|发文|發文|来源|來源|日期|时间|時間|作者|浏览|瀏覽|published|source|date)/i;

export interface ExtractOptions {
  /** Elements left out besides hidden ones (ads marked for 长者模式, the site's own skip list). */
  skip: string;
}

/** The page title, and a meta line after it, when the article element itself does not contain them. */
export function titleOutside(root: Element): { title: Element | null; meta: Element | null } {
  if (root.querySelector('h1')) return { title: null, meta: null };
  const doc = root.ownerDocument;
  const title = Array.from(doc.querySelectorAll('h1')).find((h) => !h.closest('yidu-toolbar') && !h.contains(root)) ?? null;
  if (!title) return { title: null, meta: null };
  const next = title.nextElementSibling;
  const text = next?.textContent?.trim() ?? '';
  const meta = next && !next.contains(root) && text.length > 0 && text.length < 200 && META.test(text) ? next : null;
  return { title, meta };
}

/** Elements that are not the article: yidu's controls, and what the site marks to leave out. */
export function skipSelector(extra: string): string {
  return ['[data-yidu-elder="hide"]', '[data-yidu-export="skip"]', '[hidden]', 'yidu-live-region', extra]
    .filter(Boolean)
    .join(',');
}

/** The download's file name: the page title, without characters file systems refuse. */
export function fileName(doc: Document, ext: string): string {
  const base = (doc.title || doc.querySelector('h1')?.textContent || '')
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120);
  return `${base || 'article'}.${ext}`;
}

export function extractArticle(root: Element, options: ExtractOptions): Article {
  const doc = root.ownerDocument;
  const win = doc.defaultView!;
  const skip = skipSelector(options.skip);
  const blocks: Block[] = [];
  let inlines: Inline[] = [];
  let listCounter = 0;

  const hidden = (el: Element): boolean => {
    if (el.localName.startsWith('yidu-') || SKIP.has(el.localName)) return true;
    try {
      if (el.matches(skip)) return true;
    } catch {
      /* a bad site selector was reported by the config; ignore it here */
    }
    if (el.getAttribute('aria-hidden') === 'true' && !el.textContent?.trim()) return true;
    const style = win.getComputedStyle(el);
    return style.display === 'none' || style.visibility === 'hidden';
  };

  const flush = (align: Align, indent: boolean) => {
    const trimmed = trimInlines(inlines);
    inlines = [];
    if (trimmed.length) blocks.push({ kind: 'paragraph', inlines: trimmed, align, indent });
  };

  const alignOf = (el: Element): Align => {
    const a = win.getComputedStyle(el).textAlign;
    if (a === 'center' || a === '-webkit-center') return 'center';
    if (a === 'right' || a === 'end') return 'right';
    if (a === 'justify') return 'justify';
    return 'left';
  };

  /** Inline content of `el` appended to `out`, with bold/italic/link inherited. */
  const collectInline = (node: Node, out: Inline[], style: Omit<TextInline, 'kind' | 'text'>, inCell: boolean) => {
    if (node.nodeType === Node.TEXT_NODE) {
      const text = (node.nodeValue ?? '').replace(/[\s\u200b]+/g, (m) => (m.includes('\u3000') ? '\u3000' : ' '));
      if (text) out.push({ kind: 'text', text, ...style });
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const el = node as Element;
    if (hidden(el)) return;
    const name = el.localName;
    if (name === 'br') return void out.push({ kind: 'break' });
    if (name === 'img') return void out.push(imageOf(el as HTMLImageElement));
    // Frames and media are named, never loaded or played (the same placeholder as in the print view).
    if (embedKind(el)) return void out.push({ kind: 'text', text: placeholderText(el), ...style });
    if (inCell && (BLOCKS.has(name) || HEADINGS[name]) && out.length && out[out.length - 1]!.kind !== 'break') {
      out.push({ kind: 'break' });
    }
    const next = { ...style };
    if (name === 'b' || name === 'strong' || HEADINGS[name]) next.bold = true;
    else if (name === 'span' || name === 'font') {
      const w = win.getComputedStyle(el).fontWeight;
      if (parseInt(w, 10) >= 600 || w === 'bold') next.bold = true;
    }
    if (name === 'i' || name === 'em' || name === 'cite') next.italic = true;
    if (name === 'a') {
      const href = (el as HTMLAnchorElement).href;
      if (/^(https?|mailto):/i.test(href)) next.href = href;
    }
    for (const child of el.childNodes) collectInline(child, out, next, inCell);
  };

  const imageOf = (img: HTMLImageElement): ImageInline => {
    const alt = img.alt.trim();
    let src = shownImage(img);
    try {
      const url = new URL(src ?? '', doc.baseURI);
      if (url.protocol !== 'data:' && url.origin !== win.origin) src = null;
    } catch {
      src = null;
    }
    return { kind: 'image', alt, src, width: img.naturalWidth || img.width, height: img.naturalHeight || img.height };
  };

  const table = (el: HTMLTableElement) => {
    const rows: SourceCell<Inline[]>[][] = [];
    for (const tr of Array.from(el.rows)) {
      if (tr.closest('table') !== el || hidden(tr)) continue;
      const row: SourceCell<Inline[]>[] = [];
      for (const td of Array.from(tr.cells)) {
        if (td.hidden) continue;
        const content: Inline[] = [];
        collectInline(td, content, {}, true);
        row.push({ source: trimInlines(content), rowSpan: td.rowSpan, colSpan: td.colSpan, header: td.localName === 'th' });
      }
      rows.push(row);
    }
    const caption: Inline[] = [];
    if (el.caption && !hidden(el.caption)) collectInline(el.caption, caption, {}, true);
    if (rows.length) blocks.push({ kind: 'table', caption: trimInlines(caption), grid: buildGrid(rows) });
  };

  const walk = (el: Element, listLevel: number, listId: number, ordered: boolean) => {
    const name = el.localName;
    const level = HEADINGS[name];
    if (level) {
      flush('left', true);
      const content: Inline[] = [];
      collectInline(el, content, {}, false);
      const trimmed = trimInlines(content);
      if (trimmed.length) blocks.push({ kind: 'heading', level, inlines: trimmed });
      return;
    }
    if (name === 'table') {
      flush('left', true);
      return table(el as HTMLTableElement);
    }
    if (name === 'ul' || name === 'ol') {
      flush('left', true);
      const id = ++listCounter;
      for (const child of el.children) {
        if (hidden(child)) continue;
        walk(child, listLevel + 1, id, name === 'ol');
      }
      return;
    }
    if (name === 'li') {
      flush('left', true);
      const content: Inline[] = [];
      // Nested lists become their own items one level down.
      for (const child of el.childNodes) {
        if (child instanceof Element && (child.localName === 'ul' || child.localName === 'ol' || child.localName === 'table')) continue;
        collectInline(child, content, {}, true);
      }
      const trimmed = trimInlines(content);
      if (trimmed.length) blocks.push({ kind: 'list-item', inlines: trimmed, ordered, level: Math.max(0, listLevel - 1), list: listId });
      for (const child of el.children) {
        if ((child.localName === 'ul' || child.localName === 'ol' || child.localName === 'table') && !hidden(child)) walk(child, listLevel, listId, ordered);
      }
      return;
    }
    // A block: its inline content forms paragraphs, split around nested blocks.
    const align = alignOf(el);
    const indent = align === 'left' || align === 'justify';
    for (const child of el.childNodes) {
      if (child instanceof Element) {
        if (hidden(child)) continue;
        if (BLOCKS.has(child.localName) || HEADINGS[child.localName]) {
          flush(align, indent);
          walk(child, listLevel, listId, ordered);
          continue;
        }
      }
      collectInline(child, inlines, {}, false);
    }
    flush(align, indent && name !== 'figcaption' && name !== 'caption');
  };

  const { title, meta } = titleOutside(root);
  if (title) walk(title, 0, 0, false);
  if (meta && !hidden(meta)) {
    const content: Inline[] = [];
    collectInline(meta, content, {}, false);
    const trimmed = trimInlines(content);
    if (trimmed.length) blocks.push({ kind: 'paragraph', inlines: trimmed, align: alignOf(meta), indent: false });
  }
  walk(root, 0, 0, false);
  markMetaLine(blocks);
  const lang = root.closest('[lang]')?.getAttribute('lang') || doc.documentElement.lang || 'zh-CN';
  return { title: doc.title.trim() || textOf(blocks.find((b) => b.kind === 'heading')?.inlines ?? []), blocks, lang };
}

/** The short date/source line right after the title is not a body paragraph: no first-line indent. */
function markMetaLine(blocks: Block[]): void {
  const h = blocks.findIndex((b) => b.kind === 'heading' && b.level === 1);
  const next = blocks[h + 1];
  if (h >= 0 && next?.kind === 'paragraph') {
    const text = textOf(next.inlines);
    if (text.length < 200 && META.test(text)) next.indent = false;
  }
}

export function textOf(inlines: Inline[]): string {
  return inlines.map((i) => (i.kind === 'text' ? i.text : i.kind === 'image' ? i.alt : '\n')).join('');
}

/** Drops leading/trailing whitespace and breaks, and merges neighbouring runs of the same style. */
function trimInlines(list: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const item of list) {
    const prev = out[out.length - 1];
    if (item.kind === 'text' && prev?.kind === 'text' && prev.bold === item.bold && prev.italic === item.italic && prev.href === item.href) {
      prev.text += item.text;
      if (prev.text.endsWith('  ')) prev.text = prev.text.replace(/ +$/, ' ');
    } else out.push(item.kind === 'text' ? { ...item } : item);
  }
  while (out.length && isBlank(out[0]!)) out.shift();
  while (out.length && isBlank(out[out.length - 1]!)) out.pop();
  const first = out[0];
  if (first?.kind === 'text') first.text = first.text.replace(/^ +/, '');
  const last = out[out.length - 1];
  if (last?.kind === 'text') last.text = last.text.replace(/ +$/, '');
  // Spaces around a break are layout, not text.
  for (let i = 0; i < out.length; i++) {
    const cur = out[i]!;
    if (cur.kind !== 'text') continue;
    if (out[i - 1]?.kind === 'break') cur.text = cur.text.replace(/^ +/, '');
    if (out[i + 1]?.kind === 'break') cur.text = cur.text.replace(/ +$/, '');
  }
  return out.filter((i) => i.kind !== 'text' || i.text !== '');
}

function isBlank(i: Inline): boolean {
  return i.kind === 'break' || (i.kind === 'text' && i.text.trim() === '');
}
