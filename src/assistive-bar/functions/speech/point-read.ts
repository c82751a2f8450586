/**
 * 指读: what the pointer rests on, what is tapped, or what gets focus is handed to `read`. Passive listeners
 * only, so clicks, focus order and keys are never affected.
 */

/** 指读 waits this long for the pointer to rest before reading. */
export const DWELL_MS = 500;

export class PointRead {
  readonly #read: (el: Element) => void;
  #on = false;
  #dwell = 0;

  constructor(read: (el: Element) => void) {
    this.#read = read;
  }

  set(on: boolean): void {
    if (on === this.#on) return;
    this.#on = on;
    const opts = { capture: true, passive: true } as const;
    const listen = on ? document.addEventListener.bind(document) : document.removeEventListener.bind(document);
    if (!on) clearTimeout(this.#dwell);
    listen('pointerover', this.#onPointerOver as EventListener, opts);
    listen('pointerout', this.#onPointerOut, opts);
    listen('focusin', this.#onFocusIn as EventListener, opts);
    listen('pointerup', this.#onTap as EventListener, opts);
  }

  #readPoint(target: EventTarget | null): void {
    const el = target as Element | null;
    if (el && el.nodeType === Node.ELEMENT_NODE && !el.localName.startsWith('yidu-')) this.#read(el);
  }

  #onPointerOver = (e: PointerEvent): void => {
    if (e.pointerType === 'touch') return;
    clearTimeout(this.#dwell);
    const target = e.target;
    this.#dwell = window.setTimeout(() => this.#readPoint(target), DWELL_MS);
  };

  #onPointerOut = (): void => clearTimeout(this.#dwell);

  /** On touch, a tap reads what was tapped: a passive listener, so the tap itself goes on as always (a drag
   * that scrolls ends in pointercancel, not here). */
  #onTap = (e: PointerEvent): void => {
    if (e.pointerType === 'touch') this.#readPoint(e.target);
  };

  #onFocusIn = (e: FocusEvent): void => this.#readPoint(e.target);
}
