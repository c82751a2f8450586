/**
 * 纯文本: a text-only reading view of the article. It is built from a CLONE of the article — the live page is
 * only hidden, never changed, so form fields, scroll position and scripts' references all survive — keeping
 * headings, paragraphs, lists, tables and links; images become their alt text, frames and media a placeholder
 * naming them; everything else (layout boxes, decoration, scripts, forms, ids, classes, inline styles, event
 * handlers) is dropped.
 * Off removes the view and the one hiding rule, and puts the reader back where they were.
 */
import { adopt, BOOST } from '../../../effects/adopted.js';
import { safeCopy } from '../../../core/safe-copy.js';

export const TEXT_VIEW_TAG = 'yidu-text-view';

/** Elements kept as they are (without attributes, except those listed in KEEP_ATTRS). */
const KEEP = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'caption',
  'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'a', 'strong', 'b', 'em', 'i', 'u', 'sub', 'sup', 'br', 'blockquote',
  'pre', 'code', 'q', 'cite', 'abbr', 'figure', 'figcaption', 'hr']);
const KEEP_ATTRS: Readonly<Record<string, readonly string[]>> = {
  a: ['href', 'hreflang'], th: ['colspan', 'rowspan', 'scope'], td: ['colspan', 'rowspan'], ol: ['start', 'type'],
  abbr: ['title'], '*': ['lang', 'dir'],
};
/** Dropped with everything inside. */
const DROP = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'video', 'audio',
  'canvas', 'svg', 'math', 'form', 'input', 'select', 'textarea', 'button', 'nav', 'link', 'meta', 'map', 'source',
  'track', 'dialog']);
/** Blocks that become paragraphs when they hold text directly (layout divs around a line of text). */
const BLOCKISH = new Set(['div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'center', 'address']);

/** A safe link target: same as the page's, but never `javascript:` or other script-running schemes. */
function safeHref(href: string, base: string): string | null {
  try {
    const url = new URL(href, base);
    return ['http:', 'https:', 'mailto:', 'tel:'].includes(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * Builds the cleaned copy of `root` into a fragment of `doc` (nothing of the live page is moved or changed).
 * It is read from the inert copy of src/core/safe-copy.ts, so nothing of the site runs or loads, and frames
 * and media appear as their placeholder text.
 */
export function textOnlyCopy(root: Element, imageLabel: string, doc: Document = root.ownerDocument): DocumentFragment {
  const out = doc.createDocumentFragment();
  const source = safeCopy(root);
  const hiddenByPage = (el: Element) => el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true' ||
    (el.isConnected && getComputedStyle(el).display === 'none');
  const visit = (node: Node, into: Node): void => {
    if (node.nodeType === Node.TEXT_NODE) {
      into.appendChild(doc.createTextNode(node.nodeValue ?? ''));
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const el = node as Element;
    const tag = el.localName;
    if (tag.startsWith('yidu-') || DROP.has(tag) || hiddenByPage(el)) return;
    if (tag === 'img' || (tag === 'input' && el.getAttribute('type') === 'image') || tag === 'area') {
      const alt = (el.getAttribute('alt') ?? '').trim();
      if (alt) into.appendChild(doc.createTextNode(`［${imageLabel}${alt}］`));
      return;
    }
    let target: Node = into;
    if (KEEP.has(tag)) {
      const copy = doc.createElement(tag);
      for (const name of [...(KEEP_ATTRS[tag] ?? []), ...KEEP_ATTRS['*']!]) {
        const value = el.getAttribute(name);
        if (value === null) continue;
        if (name === 'href') {
          const href = safeHref(value, root.ownerDocument.baseURI);
          if (href) copy.setAttribute('href', href);
        } else copy.setAttribute(name, value);
      }
      into.appendChild(copy);
      target = copy;
    } else if (BLOCKISH.has(tag) && hasOwnText(el)) {
      const p = doc.createElement('p');
      into.appendChild(p);
      target = p;
    }
    for (let c = el.firstChild; c; c = c.nextSibling) visit(c, target);
  };
  for (let c = source.firstChild; c; c = c.nextSibling) visit(c, out);
  return out;
}

function hasOwnText(el: Element): boolean {
  for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === Node.TEXT_NODE && c.nodeValue!.trim()) return true;
  return false;
}

const VIEW_CSS = `:host{display:block !important;box-sizing:border-box !important;min-height:100vh !important;margin:0 !important;padding:24px 16px 48px !important;
color:var(--yidu-color,#1f1f1f) !important;background:var(--yidu-background,#ffffff) !important;font-family:var(--yidu-font-family,system-ui,'PingFang SC','Microsoft YaHei','Noto Sans CJK SC',sans-serif) !important;
font-size:var(--yidu-text-view-size,20px) !important;line-height:1.8 !important}
article{max-width:40em;margin:0 auto}
article:focus{outline:none}
h1{font-size:1.6em;line-height:1.4}h2{font-size:1.35em;line-height:1.4}h3,h4,h5,h6{font-size:1.15em}
p{margin:0 0 1em}
a{color:var(--yidu-link-color,#0000cc);text-decoration:underline}
a:focus-visible{outline:3px solid var(--yidu-focus-color,#0b57d0);outline-offset:2px}
table{border-collapse:collapse;margin:0 0 1em;display:block;overflow-x:auto;max-width:100%}
th,td{border:1px solid currentColor;padding:.25em .5em;text-align:start;vertical-align:top}
img{display:none}`;

class TextViewElement extends HTMLElement {
  readonly article: HTMLElement;
  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(VIEW_CSS);
    root.adoptedStyleSheets = [sheet];
    this.article = document.createElement('article');
    // Focusable only by script, so the reader starts at the top of the text.
    this.article.tabIndex = -1;
    root.append(this.article);
  }
}

export class TextOnlyView {
  readonly #hide = new CSSStyleSheet();
  #view: TextViewElement | null = null;
  #scroll: [number, number] = [0, 0];

  constructor() {
    // Our live region stays in the body and keeps speaking.
    this.#hide.replaceSync(`body${BOOST} > :not(yidu-live-region){display:none !important}`);
  }

  get element(): HTMLElement | null {
    return this.#view;
  }

  /** Shows (or refreshes) the view of `root`; `fontPx` is the reader's text size. */
  show(root: Element, options: { label: string; imageLabel: string; lang: string; fontPx: number; onEscape: () => void }): void {
    const doc = root.ownerDocument;
    const win = doc.defaultView!;
    if (!customElements.get(TEXT_VIEW_TAG)) customElements.define(TEXT_VIEW_TAG, TextViewElement);
    const first = !this.#view;
    if (first) {
      this.#scroll = [win.scrollX, win.scrollY];
      this.#view = doc.createElement(TEXT_VIEW_TAG) as TextViewElement;
      this.#view.addEventListener('keydown', (e) => {
        if (e.key === 'Escape' && !e.defaultPrevented) {
          e.preventDefault();
          options.onEscape();
        }
      });
    }
    const view = this.#view!;
    // Rebuilt only when the article changed, so focus and selection in the view survive a refresh.
    const copy = doc.createElement('article');
    copy.append(textOnlyCopy(root, options.imageLabel));
    const same = copy.childNodes.length === view.article.childNodes.length &&
      Array.from(copy.childNodes).every((n, i) => n.isEqualNode(view.article.childNodes[i]!));
    if (!same) view.article.replaceChildren(...copy.childNodes);
    view.article.setAttribute('aria-label', options.label);
    view.article.lang = root.closest('[lang]')?.getAttribute('lang') || options.lang;
    view.style.setProperty('--yidu-text-view-size', `${options.fontPx}px`);
    if (first) {
      adopt(this.#hide, true, doc);
      // After the body, outside it: page zoom does not apply twice and the page's own layout is gone.
      doc.documentElement.append(view);
      win.scrollTo(0, 0);
      view.article.focus({ preventScroll: true });
    }
  }

  hide(doc: Document = document): void {
    if (!this.#view) return;
    const hadFocus = this.#view.contains(doc.activeElement) || doc.activeElement === this.#view;
    this.#view.remove();
    this.#view = null;
    adopt(this.#hide, false, doc);
    doc.defaultView!.scrollTo(...this.#scroll);
    if (hadFocus) (doc.activeElement as HTMLElement | null)?.blur?.();
  }
}
