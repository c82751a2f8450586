/**
 * 大字幕 (显示屏): a strip along the bottom of the window showing, in large type, the text under the pointer or
 * the name of what has keyboard focus — the sentence under the pointer in long paragraphs — as the page
 * shows it (so in the script the reader chose). An optional 拼音 line comes from pinyin-pro, loaded only when
 * the reader turns it on. Listeners are passive; the strip never takes pointer events, and the page is
 * pushed up by its height so nothing is hidden behind it.
 */
import { OverlayElement, PageDock, showOverlay } from '../../../effects/a11y/overlay.js';
import { lazyFeature } from '../../../core/lazy.js';
import { pointText, readingItems } from '../../../effects/a11y/speech/reader.js';

export const CAPTION_TAG = 'yidu-caption';
/** Caption text size in CSS px (at least 40). */
export const CAPTION_PX = 40;
/** Longest text shown at once; longer blocks show the sentence under the pointer. */
const MAX_CHARS = 60;

const loadPinyin = lazyFeature('拼音 (pinyin-pro)', () => import('pinyin-pro'));

const CSS = `:host{position:fixed !important;left:0 !important;right:0 !important;bottom:0 !important;z-index:2147483647 !important;
display:block !important;pointer-events:none !important;box-sizing:border-box !important;min-height:${CAPTION_PX * 1.6}px !important;
max-height:45vh !important;overflow:hidden !important;padding:8px 16px !important;color:var(--yidu-color,#ffffff) !important;
background:var(--yidu-background,#000000) !important;border-top:3px solid var(--yidu-link-color,#ffff00) !important;
font-family:var(--yidu-font-family,system-ui,'PingFang SC','Microsoft YaHei','Noto Sans CJK SC',sans-serif) !important;text-align:center !important;
top:auto !important;width:auto !important;height:auto !important;margin:0 !important;border-width:3px 0 0 !important}
.pinyin{font-size:${Math.round(CAPTION_PX * 0.6)}px;line-height:1.3;color:var(--yidu-link-color,#ffff00)}
.text{font-size:${CAPTION_PX}px;line-height:1.4;font-weight:700}
[hidden]{display:none}`;

/** A visual aid: screen readers already read the page itself, so the strip is not read twice. */
class CaptionElement extends OverlayElement {
  static override css = CSS;
  readonly pinyinLine: HTMLDivElement;
  readonly textLine: HTMLDivElement;
  constructor() {
    super();
    const root = this.shadow;
    this.pinyinLine = document.createElement('div');
    this.pinyinLine.className = 'pinyin';
    this.pinyinLine.hidden = true;
    this.textLine = document.createElement('div');
    this.textLine.className = 'text';
    root.append(this.pinyinLine, this.textLine);
  }
}

/** The text to show for `target` at the pointer position (x, y), or for focus when no position is given. */
export function captionText(target: Element, x?: number, y?: number): string {
  const whole = pointText(target).replace(/\s+/g, ' ').trim();
  if (whole.length <= MAX_CHARS || x === undefined || y === undefined) return whole.slice(0, MAX_CHARS * 3);
  const doc = target.ownerDocument as Document & { caretPositionFromPoint?(x: number, y: number): { offsetNode: Node; offset: number } | null };
  let node: Node | null = null;
  let offset = 0;
  if (doc.caretPositionFromPoint) {
    const pos = doc.caretPositionFromPoint(x, y);
    if (pos) [node, offset] = [pos.offsetNode, pos.offset];
  } else if (doc.caretRangeFromPoint) {
    const r = doc.caretRangeFromPoint(x, y);
    if (r) [node, offset] = [r.startContainer, r.startOffset];
  }
  const block = target.closest('p,h1,h2,h3,h4,h5,h6,li,td,th,dd,dt,blockquote,figcaption,caption') ?? target;
  const items = readingItems(block);
  const hit = node ? items.find((it) => it.range.isPointInRange(node!, offset)) : undefined;
  return (hit ?? items[0])?.text ?? whole.slice(0, MAX_CHARS);
}

export class Caption {
  /** Told when the 拼音 chunk cannot be loaded (the strip goes on without the line). */
  onPinyinFailed: (() => void) | null = null;
  #el: CaptionElement | null = null;
  #pinyin = false;
  /** The page is pushed up by the strip's height, so nothing is hidden behind it. */
  readonly #dock = new PageDock('bottom');
  #shown = '';
  /** Bumped per text, so a late 拼音 result for older text is dropped. */
  #seq = 0;

  get element(): HTMLElement | null {
    return this.#el;
  }

  apply(on: boolean, pinyin: boolean, doc: Document = document): void {
    this.#pinyin = pinyin;
    if (!on) {
      if (!this.#el) return;
      this.#el.remove();
      this.#el = null;
      this.#dock.release();
      const opts = { capture: true } as const;
      doc.removeEventListener('pointermove', this.#onPointer, opts);
      clearTimeout(this.#timer);
      this.#timer = undefined;
      this.#latest = null;
      doc.removeEventListener('focusin', this.#onFocus, opts);
      return;
    }
    if (!this.#el) {
      this.#el = showOverlay<CaptionElement>(doc, CAPTION_TAG, CaptionElement);
      const opts = { capture: true, passive: true } as const;
      doc.addEventListener('pointermove', this.#onPointer, opts);
      doc.addEventListener('focusin', this.#onFocus, opts);
      this.#dock.follow(this.#el);
    }
    this.show(this.#shown);
  }

  /** Shows `text` (and its 拼音 when asked for). */
  show(text: string): void {
    const el = this.#el;
    this.#shown = text;
    if (!el) return;
    el.textLine.textContent = text;
    const seq = ++this.#seq;
    if (!this.#pinyin || !/\p{Script=Han}/u.test(text)) {
      el.pinyinLine.hidden = true;
      el.pinyinLine.textContent = '';
      this.#dock.update();
      return;
    }
    this.#dock.update();
    loadPinyin().then(({ pinyin }) => {
      if (seq !== this.#seq || this.#el !== el) return;
      el.pinyinLine.textContent = pinyin(text, { nonZh: 'consecutive' });
      el.pinyinLine.hidden = false;
      this.#dock.update();
    }, () => seq === this.#seq && this.#pinyin && this.onPinyinFailed?.());
  }

  /** When the pointer was last handled, and the latest move still waiting for its turn. */
  #last = -Infinity;
  #latest: { target: Element; x: number; y: number } | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;

  #onPointer = (e: PointerEvent): void => {
    const t = e.target as Element;
    if (e.pointerType === 'touch' || !t || t.nodeType !== Node.ELEMENT_NODE || t.localName.startsWith('yidu-')) return;
    // At most about ten updates a second, cheap while the mouse moves; the last move is always handled (a
    // trailing call), so the strip ends on what is under the pointer when it stops.
    this.#latest = { target: t, x: e.clientX, y: e.clientY };
    if (this.#timer !== undefined) return;
    const wait = this.#last + 100 - performance.now();
    if (wait <= 0) this.#showPointed();
    else this.#timer = setTimeout(() => this.#showPointed(), wait);
  };

  #showPointed(): void {
    this.#timer = undefined;
    const latest = this.#latest;
    this.#latest = null;
    if (!latest || !this.#el) return;
    this.#last = performance.now();
    const text = captionText(latest.target, latest.x, latest.y);
    if (text) this.show(text);
  }

  #onFocus = (e: FocusEvent): void => {
    const t = e.target as Element;
    if (!t || t.nodeType !== Node.ELEMENT_NODE || t.localName.startsWith('yidu-')) return;
    const text = captionText(t);
    if (text) this.show(text);
  };
}
