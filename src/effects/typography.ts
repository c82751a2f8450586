/**
 * 文字大小 and the typography of 长者模式, applied to the article (the content root).
 *
 * Government templates fix px sizes on `#zoom p`, `td`, `li`, so inheriting a larger size from the root
 * does nothing. Instead each element of the article is tagged once with a small "profile" number — its own
 * font size, line height, paragraph margin and (for elder mode) a readable colour, read with every yidu
 * rule off — and one adopted stylesheet maps each profile to its scaled values. Changing the size then only
 * rewrites that sheet; turning everything off removes the sheet and the tags, so the article's markup is
 * exactly what it was.
 */
import { adopt, BOOST } from './adopted.js';
import { contrast, ensureContrast, over, parseColor, toCss, type RGBA } from './color.js';

export const MARK = 'data-yidu-t';
export const WIDE = 'data-yidu-wide';

/** 长者模式: body text at least this many px (MIIT 适老化). */
export const ELDER_MIN_BODY_PX = 18;
/** 长者模式: line height at least this multiple of the font size (WCAG 1.4.12). */
export const ELDER_LINE_HEIGHT = 1.5;
/** 长者模式: paragraph spacing at least this multiple of the line height (MIIT 适老化). */
export const ELDER_PARAGRAPH_SPACING = 1.3;
/** 长者模式: text contrast at least this ratio (WCAG 1.4.3); a little over so rounding never falls short. */
export const ELDER_CONTRAST = 4.5;

export interface TypographyState {
  /** Reader's text-size factor (小 0.875, 中 1, 大 1.25). */
  scale: number;
  elder: boolean;
}

interface Profile {
  fontSize: number;
  /** px, or null for `normal`. */
  lineHeight: number | null;
  /** A block holding its own text: gets paragraph spacing in elder mode. */
  paragraph: boolean;
  marginEnd: number;
  /** A darker (or lighter) colour reaching the elder contrast, when the site's is too faint. */
  readableColor: string | null;
}

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'LINK', 'META', 'BR', 'WBR', 'IMG', 'VIDEO',
  'AUDIO', 'CANVAS', 'IFRAME', 'OBJECT', 'EMBED', 'SOURCE', 'TRACK', 'PICTURE', 'AREA', 'MAP']);
const SVG_NS = 'http://www.w3.org/2000/svg';
const WHITE: RGBA = [255, 255, 255, 1];

function isOurs(el: Element): boolean {
  return el.localName.startsWith('yidu-');
}

function skipped(el: Element): boolean {
  return SKIP.has(el.tagName) || el.namespaceURI === SVG_NS || isOurs(el);
}

const round = (n: number) => Math.round(n * 100) / 100;
/** Minimums are rounded up, so 1.5 × 18.01 px never becomes 1.4999…. */
const roundUp = (n: number) => Math.ceil(n * 100 - 1e-6) / 100;

export class Typography {
  #root: Element | null = null;
  #state: TypographyState = { scale: 1, elder: false };
  readonly #sheet = new CSSStyleSheet();
  #profiles: Profile[] = [];
  readonly #ids = new Map<string, number>();
  /** Characters of text per font size: the most common size is the body text. */
  readonly #textBySize = new Map<number, number>();
  readonly #backgrounds = new Map<Element, RGBA | null>();
  readonly #observer = new MutationObserver((records) => this.#onMutations(records));
  /** Checks table widths after layout, so a size change never forces a synchronous layout of the page. */
  // Marking a table resizes it: done in a task of its own, not inside the observer's callback, so the browser
  // never reports a "ResizeObserver loop" error to the site's error handlers.
  readonly #sizes = new ResizeObserver(() => setTimeout(() => this.#markWideTables()));

  get active(): boolean {
    return this.#root !== null;
  }

  /** Applies `state` to the article at `root`; a neutral state removes every trace. */
  apply(root: Element, state: TypographyState): void {
    this.#state = state;
    if (state.scale === 1 && !state.elder) {
      this.clear();
      return;
    }
    if (this.#root !== root) {
      this.clear();
      this.#root = root;
      this.#withRulesOff(() => this.#tagTree(root));
      this.#observer.observe(root, { childList: true, subtree: true });
      this.#observeSizes();
    }
    this.#render();
  }

  /** Removes the stylesheet and every tag: the article's markup is back to what it was. */
  clear(): void {
    if (!this.#root) return;
    this.#observer.disconnect();
    this.#sizes.disconnect();
    adopt(this.#sheet, false, this.#root.ownerDocument);
    for (const el of this.#root.ownerDocument.querySelectorAll(`[${MARK}],[${WIDE}]`)) {
      el.removeAttribute(MARK);
      el.removeAttribute(WIDE);
    }
    this.#root = null;
    this.#profiles = [];
    this.#ids.clear();
    this.#textBySize.clear();
  }

  /** The factor applied to every size: the reader's choice times what elder mode needs for 18 px body text. */
  effectiveScale(): number {
    let factor = this.#state.scale;
    if (this.#state.elder) factor *= Math.max(1, ELDER_MIN_BODY_PX / this.#bodySize());
    return factor;
  }

  #bodySize(): number {
    let best = 16;
    let most = -1;
    for (const [size, chars] of this.#textBySize) {
      if (chars > most) [best, most] = [size, chars];
    }
    return best || 16;
  }

  #render(): void {
    const root = this.#root!;
    this.#sheet.replaceSync(this.#css());
    adopt(this.#sheet, true, root.ownerDocument);
  }

  #tables(): HTMLTableElement[] {
    const root = this.#root!;
    return root.localName === 'table' ? [root as HTMLTableElement] : Array.from(root.querySelectorAll('table'));
  }

  #observeSizes(): void {
    this.#sizes.observe(this.#root!);
    for (const t of this.#tables()) this.#sizes.observe(t);
  }

  #css(): string {
    const { elder } = this.#state;
    const k = this.effectiveScale();
    const rules: string[] = [];
    this.#profiles.forEach((p, id) => {
      const decl: string[] = [];
      const fontSize = round(p.fontSize * k);
      if (k !== 1) decl.push(`font-size:${fontSize}px`);
      let lineHeight = p.lineHeight === null ? null : p.lineHeight * k;
      if (elder) lineHeight = Math.max(lineHeight ?? 0, fontSize * ELDER_LINE_HEIGHT);
      if (lineHeight !== null && (k !== 1 || elder)) decl.push(`line-height:${roundUp(lineHeight)}px`);
      if (elder && p.paragraph && lineHeight !== null) {
        decl.push(`margin-block-end:${roundUp(Math.max(p.marginEnd * k, roundUp(lineHeight) * ELDER_PARAGRAPH_SPACING))}px`);
      }
      if (elder && p.readableColor) decl.push(`color:${p.readableColor}`);
      if (k > 1) decl.push('overflow-wrap:break-word');
      if (decl.length) rules.push(`[${MARK}="${id}"]${BOOST}{${decl.map((d) => `${d} !important`).join(';')}}`);
    });
    rules.push(`table[${WIDE}]${BOOST}{display:block !important;overflow-x:auto !important;max-width:100% !important}`);
    return rules.join('\n');
  }

  /** Reads base styles with our rules switched off, so a size is never scaled twice. */
  #withRulesOff(read: () => void): void {
    const wasDisabled = this.#sheet.disabled;
    this.#sheet.disabled = true;
    try {
      read();
    } finally {
      this.#sheet.disabled = wasDisabled;
      this.#backgrounds.clear();
    }
  }

  #tagTree(top: Element): void {
    if (skipped(top)) return;
    const walker = top.ownerDocument.createTreeWalker(top, NodeFilter.SHOW_ELEMENT, {
      acceptNode: (n) => (skipped(n as Element) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    for (let el: Element | null = top; el; el = walker.nextNode() as Element | null) {
      if (!el.hasAttribute(MARK)) el.setAttribute(MARK, String(this.#profileOf(el)));
    }
  }

  #profileOf(el: Element): number {
    const cs = getComputedStyle(el);
    const fontSize = parseFloat(cs.fontSize) || 0;
    const lh = cs.lineHeight;
    const lineHeight = lh === 'normal' ? null : lh.endsWith('px') ? parseFloat(lh) : parseFloat(lh) * fontSize;
    const ownText = ownTextLength(el);
    if (ownText > 0) this.#textBySize.set(fontSize, (this.#textBySize.get(fontSize) ?? 0) + ownText);
    const paragraph = ownText > 0 && (cs.display === 'block' || cs.display === 'list-item');
    const marginEnd = paragraph ? parseFloat(cs.marginBlockEnd) || 0 : 0;
    const readableColor = ownText > 0 ? this.#readableColor(el, cs.color) : null;
    const key = `${fontSize}|${lineHeight}|${paragraph ? marginEnd : '-'}|${readableColor}`;
    let id = this.#ids.get(key);
    if (id === undefined) {
      id = this.#profiles.length;
      this.#profiles.push({ fontSize, lineHeight: Number.isFinite(lineHeight) ? lineHeight : null, paragraph, marginEnd, readableColor });
      this.#ids.set(key, id);
    }
    return id;
  }

  #readableColor(el: Element, color: string): string | null {
    const fg = parseColor(color);
    const bg = this.#background(el);
    if (!fg || !bg) return null;
    if (contrast(over(fg, bg), bg) >= ELDER_CONTRAST) return null;
    return toCss(ensureContrast(fg, bg, ELDER_CONTRAST + 0.1));
  }

  /** The opaque colour behind `el`'s text, or null when an image or gradient makes it unknowable. */
  #background(el: Element | null): RGBA | null {
    if (!el) return WHITE;
    const cached = this.#backgrounds.get(el);
    if (cached !== undefined) return cached;
    const cs = getComputedStyle(el);
    let result: RGBA | null;
    if (cs.backgroundImage !== 'none') result = null;
    else {
      const own = parseColor(cs.backgroundColor);
      const below = own && own[3] >= 1 ? WHITE : this.#background(el.parentElement);
      result = !own || own[3] === 0 ? below : below && over(own, below);
    }
    this.#backgrounds.set(el, result);
    return result;
  }

  /**
   * A table that no longer fits scrolls inside its own box; the page itself never scrolls sideways. Runs from
   * the ResizeObserver, after layout. A marked table stays marked while its content overflows its own box,
   * so the decision never flips back and forth.
   */
  #markWideTables(): void {
    if (!this.#root) return;
    for (const t of this.#tables()) {
      let wide: boolean;
      if (t.hasAttribute(WIDE)) wide = t.scrollWidth > t.clientWidth + 1;
      else {
        const parent = t.parentElement;
        if (!parent) continue;
        const ps = getComputedStyle(parent);
        const room = parent.clientWidth - parseFloat(ps.paddingLeft) - parseFloat(ps.paddingRight);
        // offsetWidth, not the bounding box: the same CSS px as clientWidth under 页面缩放 (CSS zoom on the body).
        wide = t.offsetWidth > room + 0.5;
      }
      if (wide !== t.hasAttribute(WIDE)) t.toggleAttribute(WIDE, wide);
    }
  }

  /** Content added later (ajax lists, single-page navigation) gets the same treatment as it appears. */
  #onMutations(records: MutationRecord[]): void {
    const added: Element[] = [];
    for (const r of records) {
      for (const n of r.addedNodes) if (n.nodeType === Node.ELEMENT_NODE && n.isConnected) added.push(n as Element);
    }
    if (added.length === 0 || !this.#root) return;
    const before = this.#profiles.length;
    this.#withRulesOff(() => {
      for (const el of added) this.#tagTree(el);
    });
    if (this.#profiles.length !== before) this.#render();
    for (const el of added) {
      for (const t of el.localName === 'table' ? [el] : Array.from(el.querySelectorAll('table'))) this.#sizes.observe(t);
    }
  }
}

function ownTextLength(el: Element): number {
  let n = 0;
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === Node.TEXT_NODE) n += c.textContent!.trim().length;
  }
  return n;
}
