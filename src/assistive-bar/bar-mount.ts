/**
 * Where the bar lives while open: first in <html>, in the top layer, the page pushed down by its height;
 * and where focus goes when it closes (back to what opened it, kept in the status store).
 */
import type { Runtime } from '../core/runtime.js';
import { toTopLayer } from '../effects/a11y/top-layer.js';
import { PageDock } from '../effects/a11y/overlay.js';
import type { BarView } from './actions.js';

export class BarMount {
  readonly #rt: Runtime;
  /** The page is pushed down by the bar's height instead of covered at its top. */
  readonly #dock = new PageDock('top');
  #bar: BarView | null = null;

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
      // Once rendered, then whenever the bar's height changes (it wraps on narrow screens and when zoomed).
      this.#dock.follow(bar);
      void bar.updateComplete.then(() => this.#dock.update());
      if (this.#rt.status.get().focusBarOnOpen) bar.focusBar();
    } else if (!open && this.#bar) {
      const bar = this.#bar;
      // activeElement, not :focus-within: it holds even while the window itself is in the background.
      const hadFocus = document.activeElement === bar;
      this.#dock.release();
      bar.remove();
      this.#bar = null;
      if (hadFocus) this.#returnFocus();
    }
    this.#rt.status.set({ focusBarOnOpen: false });
  }

  #returnFocus(): void {
    const opener = this.#rt.status.get().barOpener;
    this.#rt.status.set({ barOpener: null });
    if (opener?.isConnected) return opener.focus();
    const toggle = document.querySelector('yidu-a11y-toggle');
    toggle?.shadowRoot?.querySelector('button')?.focus();
  }
}
