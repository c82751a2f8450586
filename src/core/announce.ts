/**
 * One polite live region for the whole toolkit, so screen-reader users hear what happened (a refused
 * window.close(), a feature that is not available) without focus moving.
 */
const HOST = 'yidu-live-region';

class LiveRegion extends HTMLElement {
  readonly #region: HTMLElement;
  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    const sheet = new CSSStyleSheet();
    // Visually hidden but read by screen readers.
    sheet.replaceSync(':host{position:absolute!important;width:1px!important;height:1px!important;overflow:hidden!important;' +
      'clip-path:inset(50%)!important;white-space:nowrap!important;margin:-1px!important;padding:0!important;border:0!important}');
    root.adoptedStyleSheets = [sheet];
    this.#region = document.createElement('div');
    this.#region.setAttribute('role', 'status');
    this.#region.setAttribute('aria-live', 'polite');
    root.append(this.#region);
  }
  say(message: string): void {
    // Clearing first makes a repeated message announced again.
    this.#region.textContent = '';
    setTimeout(() => (this.#region.textContent = message), 50);
  }
  get message(): string {
    return this.#region.textContent ?? '';
  }
}

/**
 * Puts the (empty) live region in the page. Done at start-up: screen readers often miss the first message
 * of a region inserted at the moment it speaks.
 */
export function ensureLiveRegion(): LiveRegion {
  if (!customElements.get(HOST)) customElements.define(HOST, LiveRegion);
  let host = document.querySelector(HOST) as LiveRegion | null;
  if (!host) {
    host = document.createElement(HOST) as LiveRegion;
    document.body.append(host);
  }
  return host;
}

export function announce(message: string): void {
  ensureLiveRegion().say(message);
}
