/**
 * yidu's own overlays on the page — the bar, the 大字幕 strip, the guides, the region outline — made one way:
 * a child of <html>, outside the body (page zoom, colour schemes and 纯文本 never reach it), in the top layer
 * (no site header covers it), hidden from assistive technology when it only decorates, and, for a strip
 * along an edge, docked: the page makes room for it instead of being covered.
 */
import { adopt, BOOST } from '../adopted.js';
import { toTopLayer } from './top-layer.js';

/** An overlay that only decorates: its own shadow root styled by the subclass's static `css`. */
export class OverlayElement extends HTMLElement {
  static css = '';
  readonly shadow: ShadowRoot;

  constructor() {
    super();
    this.shadow = this.attachShadow({ mode: 'open' });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync((new.target as typeof OverlayElement).css);
    this.shadow.adoptedStyleSheets = [sheet];
  }

  connectedCallback(): void {
    // Assistive technology reads the page itself (or a live region says what happened): nothing to read here.
    this.setAttribute('aria-hidden', 'true');
  }
}

/** A new overlay `tag` (defined on first use) on `doc`'s page, in the top layer. */
export function showOverlay<T extends HTMLElement>(doc: Document, tag: string, element: CustomElementConstructor): T {
  if (!customElements.get(tag)) customElements.define(tag, element);
  const el = doc.createElement(tag) as T;
  doc.documentElement.append(el);
  toTopLayer(el);
  return el;
}

/**
 * Keeps the page clear of a strip of ours fixed along its top or bottom edge: the page's padding on that
 * edge grows by the strip's height (and scrolling into view, e.g. to the next Tab stop, stops short of it),
 * following the strip as it wraps or grows, until `release()`.
 */
export class PageDock {
  readonly #sheet = new CSSStyleSheet();
  #strip: HTMLElement | null = null;
  #resize: ResizeObserver | null = null;
  #height = -1;

  constructor(readonly edge: 'top' | 'bottom') {}

  /** Docks `strip` from now on: at each `update()` and whenever its size changes. */
  follow(strip: HTMLElement): void {
    this.release();
    this.#strip = strip;
    // From the observer, in a task of its own: the new padding can add or remove the page's scrollbar, which
    // resizes the strip again, and doing that inside the observer's callback is a ResizeObserver loop error on
    // the site's error monitoring.
    this.#resize = new ResizeObserver(() => setTimeout(() => this.update()));
    this.#resize.observe(strip);
  }

  /** Measures the strip now (no wait for a frame, e.g. right after its text changed). */
  update(): void {
    const strip = this.#strip;
    if (!strip) return;
    const height = strip.getBoundingClientRect().height;
    if (height === this.#height) return;
    this.#height = height;
    const doc = strip.ownerDocument;
    // The page's own padding on that edge, read with ours taken off, is kept.
    adopt(this.#sheet, false, doc);
    const style = getComputedStyle(doc.documentElement);
    const own = parseFloat(this.edge === 'top' ? style.paddingTop : style.paddingBottom) || 0;
    const h = Math.ceil(height + own);
    this.#sheet.replaceSync(`html${BOOST}{padding-${this.edge}:${h}px !important;scroll-padding-${this.edge}:${h}px !important}`);
    adopt(this.#sheet, true, doc);
  }

  /** The page as it was: no padding of ours. */
  release(): void {
    this.#resize?.disconnect();
    this.#resize = null;
    if (this.#strip) adopt(this.#sheet, false, this.#strip.ownerDocument);
    this.#strip = null;
    this.#height = -1;
  }
}
