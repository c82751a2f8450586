/**
 * Where the bar lives while open: first in <html>, in the top layer, the page pushed down by its height;
 * and where focus goes when it closes (back to what opened it, kept in the status store).
 */
import type { Runtime } from '../core/runtime.js';
import { adopt, BOOST } from '../effects/adopted.js';
import { toTopLayer } from '../effects/a11y/top-layer.js';
import type { BarView } from './actions.js';

export class BarMount {
  readonly #rt: Runtime;
  readonly #dock = new CSSStyleSheet();
  #bar: BarView | null = null;
  #resize: ResizeObserver | null = null;
  #docked = -1;

  constructor(rt: Runtime) {
    this.#rt = rt;
  }

  get bar(): BarView | null {
    return this.#bar;
  }

  /** Mounts the bar `make` returns when `open` and none is mounted; removes it when not `open`. */
  apply(open: boolean, make: () => BarView): void {
    if (open && !this.#bar) {
      const bar = make();
      // A child of <html>, outside the body: page zoom and colour schemes never reach it, 纯文本 never hides it.
      // First in the document, so it is also first in the Tab order, as it is first on screen.
      document.documentElement.prepend(bar);
      toTopLayer(bar);
      this.#bar = bar;
      const dock = () => this.#bar === bar && this.#dockTo(bar.getBoundingClientRect().height);
      // Once rendered, then whenever the bar's height changes (it wraps on narrow screens and when zoomed).
      // From the observer, in a task of its own: the new padding can add or remove the page's scrollbar,
      // which resizes the bar again, and doing that inside the observer's callback is a ResizeObserver loop
      // error on the site's error monitoring.
      void bar.updateComplete.then(dock);
      this.#resize = new ResizeObserver(() => setTimeout(dock));
      this.#resize.observe(bar);
      if (this.#rt.status.get().focusBarOnOpen) bar.focusBar();
    } else if (!open && this.#bar) {
      const bar = this.#bar;
      // activeElement, not :focus-within: it holds even while the window itself is in the background.
      const hadFocus = document.activeElement === bar;
      this.#resize?.disconnect();
      bar.remove();
      this.#bar = null;
      adopt(this.#dock, false);
      this.#docked = -1;
      if (hadFocus) this.#returnFocus();
    }
    this.#rt.status.set({ focusBarOnOpen: false });
  }

  /** Pushes the page down by the bar's height instead of covering its top. */
  #dockTo(height: number): void {
    if (height === this.#docked) return;
    this.#docked = height;
    adopt(this.#dock, false);
    const own = parseFloat(getComputedStyle(document.documentElement).paddingTop) || 0;
    const h = Math.ceil(height + own);
    this.#dock.replaceSync(`html${BOOST}{padding-top:${h}px !important;scroll-padding-top:${h}px !important}`);
    adopt(this.#dock, true);
  }

  #returnFocus(): void {
    const opener = this.#rt.status.get().barOpener;
    this.#rt.status.set({ barOpener: null });
    if (opener?.isConnected) return opener.focus();
    const toggle = document.querySelector('yidu-a11y-toggle');
    toggle?.shadowRoot?.querySelector('button')?.focus();
  }
}
