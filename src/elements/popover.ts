/**
 * What 智能问答 and 二维码 share past their buttons: a panel shown as a popover in the top layer (above the
 * site's stacking contexts, outside its overflow clipping), which Esc, its 关闭, a click elsewhere or tabbing
 * out closes, focus going back to the button. It only listens: the site's own handlers get every click and
 * key as before. Where it is placed, and what gets focus, is each panel's own.
 */

/** Browsers without popovers keep the panel's maximal z-index. */
export const TOP_LAYER = 'showPopover' in HTMLElement.prototype;

/** The panel's box when it is a popover (each panel adds its own look). */
export const POPOVER_CSS = '.popover{position:fixed;inset:auto;margin:0;z-index:2147483647;overflow:auto;box-shadow:0 4px 16px rgb(0 0 0/.3)}';

/** The element whose shadow root holds the button (the first) and the panel (`#panel`). */
export interface PopoverHost extends HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly updateComplete: Promise<boolean>;
  requestUpdate(): void;
}

export class Popover {
  open = false;
  #unfollow?: () => void;
  #off: (() => void)[] = [];

  constructor(readonly host: PopoverHost) {}

  get button(): HTMLElement {
    return this.host.renderRoot.querySelector('button')!;
  }

  get panel(): HTMLElement {
    return this.host.renderRoot.querySelector('#panel')!;
  }

  /** Listens to keys and focus within the button and the panel (on the element itself). */
  connect(): void {
    for (const [type, fn] of [['keydown', this.#onKey], ['focusout', this.#onFocusOut]] as const) {
      this.host.addEventListener(type, fn as EventListener);
      this.#off.push(() => this.host.removeEventListener(type, fn as EventListener));
    }
  }

  disconnect(): void {
    this.close(false);
    for (const off of this.#off.splice(0)) off();
  }

  /** Opens the panel; `shown` places it and puts focus in it, once it is rendered and in the top layer. */
  async show(shown: (panel: HTMLElement, button: HTMLElement) => void): Promise<void> {
    this.open = true;
    this.host.requestUpdate();
    await this.host.updateComplete;
    const panel = this.panel;
    if (TOP_LAYER) panel.showPopover();
    shown(panel, this.button);
    document.addEventListener('click', this.#onOutside, true);
  }

  /** Keeps the open panel placed (scrolling, resizing) until it closes: `start` returns what stops that. */
  follow(start: () => () => void): void {
    if (this.open && !this.#unfollow) this.#unfollow = start();
  }

  close(focusButton: boolean): void {
    if (!this.open) return;
    this.open = false;
    this.#unfollow?.();
    this.#unfollow = undefined;
    document.removeEventListener('click', this.#onOutside, true);
    const panel = this.panel;
    if (TOP_LAYER && panel.matches(':popover-open')) panel.hidePopover();
    if (focusButton) this.button.focus();
    this.host.requestUpdate();
  }

  #onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && this.open) this.close(true);
  };

  /** Tabbing or clicking to something of the site's closes the panel; focus stays where the reader put it. */
  #onFocusOut = (e: FocusEvent) => {
    const to = e.relatedTarget as Node | null;
    if (to && to !== this.host && !this.host.renderRoot.contains(to)) this.close(false);
  };

  /** A click elsewhere closes it; focus goes back to the button unless the click gave it to something else. */
  #onOutside = (e: Event) => {
    if (e.composedPath().includes(this.host)) return;
    const active = document.activeElement;
    this.close(!active || active === document.body || !!(this.host.renderRoot as ShadowRoot).activeElement);
  };
}
