/**
 * 十字线 / 阅读线 / 阅读遮罩: lines that follow the mouse. They are drawn in yidu's own overlay element, which
 * never takes pointer events (every click reaches the page), and not on touch-only devices: there is no
 * pointer to follow.
 */
import type { Guide } from '../../../core/prefs.js';
import { OverlayElement, showOverlay } from '../../../effects/a11y/overlay.js';
import { touchOnly } from '../../../effects/a11y/touch-only.js';

export const GUIDES_TAG = 'yidu-guides';

const CSS = `:host{position:fixed !important;inset:0 !important;z-index:2147483647 !important;pointer-events:none !important;
display:block !important;overflow:hidden !important;contain:strict;
width:auto !important;height:auto !important;margin:0 !important;padding:0 !important;border:0 !important;background:transparent !important}
div{position:absolute;left:0;top:0;box-sizing:border-box;pointer-events:none;will-change:transform}
.h{width:100%;height:0;border-top:3px solid #d00000;box-shadow:0 0 0 1px #ffffff}
.v{height:100%;width:0;border-left:3px solid #d00000;box-shadow:0 0 0 1px #ffffff}
.band{width:100%;height:0;border-top:3px solid #0b57d0;border-bottom:3px solid #0b57d0;background:rgb(255 235 59 / 0.25)}
.shade{width:100%;height:100vh;background:rgb(0 0 0 / 0.55)}
[hidden]{display:none}
@media (forced-colors: active){.h,.v,.band{border-color:CanvasText}.shade{background:Canvas;opacity:.7}}`;

/** Height of the reading band in CSS px: about two lines of body text. */
export const BAND_HEIGHT = 56;

class GuidesElement extends OverlayElement {
  static override css = CSS;
  readonly parts: Record<'h' | 'v' | 'band' | 'above' | 'below', HTMLDivElement>;
  constructor() {
    super();
    const root = this.shadow;
    const make = (cls: string) => {
      const d = document.createElement('div');
      d.className = cls;
      d.hidden = true;
      root.append(d);
      return d;
    };
    this.parts = { h: make('h'), v: make('v'), band: make('band'), above: make('shade'), below: make('shade') };
    this.parts.band.style.height = `${BAND_HEIGHT}px`;
  }
}

export class Guides {
  #mode: Guide = 'off';
  #el: GuidesElement | null = null;
  #x = -1;
  #y = -1;

  get element(): HTMLElement | null {
    return this.#el;
  }

  apply(mode: Guide, doc: Document = document): void {
    const win = doc.defaultView!;
    const on = mode !== 'off' && !touchOnly(win);
    this.#mode = on ? mode : 'off';
    if (!on) {
      this.#el?.remove();
      this.#el = null;
      win.removeEventListener('pointermove', this.#onMove, true);
      return;
    }
    if (!this.#el) {
      this.#el = showOverlay<GuidesElement>(doc, GUIDES_TAG, GuidesElement);
      // Capture and passive: we only watch, and see the pointer even where the page stops propagation.
      win.addEventListener('pointermove', this.#onMove, { capture: true, passive: true });
    }
    this.#draw();
  }

  #onMove = (e: PointerEvent): void => {
    if (e.pointerType === 'touch') return;
    this.#x = e.clientX;
    this.#y = e.clientY;
    this.#draw();
  };

  #draw(): void {
    const el = this.#el;
    if (!el) return;
    const { h, v, band, above, below } = el.parts;
    const seen = this.#x >= 0;
    const mode = this.#mode;
    h.hidden = !seen || mode !== 'crosshair';
    v.hidden = !seen || mode !== 'crosshair';
    band.hidden = !seen || mode !== 'line';
    above.hidden = below.hidden = !seen || mode !== 'mask';
    if (!seen) return;
    const half = BAND_HEIGHT / 2;
    if (mode === 'crosshair') {
      h.style.transform = `translateY(${this.#y - 1}px)`;
      v.style.transform = `translateX(${this.#x - 1}px)`;
    } else if (mode === 'line') {
      band.style.transform = `translateY(${this.#y - half}px)`;
    } else if (mode === 'mask') {
      above.style.transform = `translateY(calc(${this.#y - half}px - 100vh))`;
      below.style.transform = `translateY(${this.#y + half}px)`;
    }
  }
}
