import { css, html, nothing, type TemplateResult } from 'lit';
import { YiduElement } from '../base/yidu-element.js';
import { runtime } from '../../core/runtime.js';
import type { Prefs } from '../../core/prefs.js';
import { SHORTCUT_KEYS, type A11yAction } from '../../core/modes.js';
import type { BarActions, BarView } from '../../assistive-bar/actions.js';
import type { BarFunction, Choice, ControlContext } from '../../assistive-bar/bar-function.js';
import { BAR_FUNCTIONS, BAR_WORDS } from '../../assistive-bar/bar-functions.js';
import type { StringKey } from '../../i18n/strings.js';
import { text } from '../../i18n/lang.js';
import { touchOnly } from '../../effects/a11y/touch-only.js';

/**
 * Whether this device can use a function: those that follow a mouse pointer (大鼠标, 十字线 and the other
 * guides: `needs: { pointer: 'fine' }` in their folder) are not offered on a touch-only device. 指读 stays:
 * there it reads what is tapped.
 */
export function offered(fn: Pick<BarFunction, 'needs'>, win: Window = window): boolean {
  return fn.needs?.pointer !== 'fine' || !touchOnly(win);
}

/** How a shortcut reads: Ctrl+Alt and the key's character (the registry holds physical key codes). */
function shortcut(action: string): string {
  const code = Object.keys(SHORTCUT_KEYS).find((k) => SHORTCUT_KEYS[k] === action);
  return code ? `Ctrl+Alt+${({ Minus: '−', Equal: '=', Slash: '/' } as Record<string, string>)[code] ?? code.slice(3)}` : '';
}

type Row = readonly [label: string, what: string, key: string, fn?: BarFunction];
const row = (label: string, what: string, action: A11yAction | '', fn?: BarFunction): Row => [label, what, action ? shortcut(action) : '', fn];

/**
 * Every function of the bar with its shortcut, in bar order: the help dialog is written from this. The bar's
 * own rows frame the functions' (each folder's `help`); keys come from the mode registry (src/core/modes.ts),
 * the bar's own key and the region jumps are the boot's.
 */
export const HELP_ROWS: readonly Row[] = [
  ['a11y', 'helpToggle', 'Ctrl+`'],
  ...BAR_FUNCTIONS.flatMap((fn) => (fn.help ?? []).map(([label, what, action]) => row(label, what, action, fn))),
  ['regions', 'helpRegions', 'Alt+1…6'],
  row('reset', 'helpReset', 'reset'),
  row('help', 'helpHelp', 'help'),
  row('exit', 'helpExit', 'exit'),
];

/**
 * The 无障碍浏览 bar: a labelled toolbar docked at the top of the viewport (the page is pushed down, not
 * covered). One Tab stop; the arrow keys, Home and End move between its buttons (roving tabindex inside our
 * own shadow root only); Esc closes an open choice, then the bar, and focus goes back where it came from.
 * Every function is a preference and shows its state: choices are groups of `aria-pressed` buttons opened
 * by an `aria-expanded` button whose label names the current choice.
 *
 * @summary The assistive reading bar (loaded on first use).
 * @csspart bar - The toolbar.
 * @csspart button - Each button.
 * @tagname yidu-a11y-bar
 */
export class YiduA11yBar extends YiduElement implements BarView {
  static override properties = { menu: { state: true } };
  /** The choice list open now, by its menu name. */
  declare menu: string | null;
  /** Set by the controller that mounts the bar. */
  actions: BarActions | null = null;
  #active = 0;
  #helpReturn: HTMLElement | null = null;

  constructor() {
    super();
    this.menu = null;
  }

  /** A mouse plugged in or removed changes what is offered. */
  readonly #pointer = matchMedia('(any-pointer: fine)');
  #repaint = () => this.requestUpdate();

  override connectedCallback(): void {
    super.connectedCallback();
    this.#pointer.addEventListener('change', this.#repaint);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#pointer.removeEventListener('change', this.#repaint);
  }

  /** A string of the bar (the site's own, else its own table) or a shared one. */
  protected a(key: string): string {
    return (text(this.uiLang, key, BAR_WORDS) as string | undefined) ?? this.t(key as StringKey);
  }

  /** What each function's control is drawn from; `prefs` is read when used, so a click sees the latest. */
  readonly #controls: ControlContext = (() => {
    const bar = this;
    return {
      get prefs() { return bar.prefs; },
      get status() { return bar.status; },
      get actions() { return bar.actions; },
      setPrefs: (partial) => this.setPrefs(partial),
      a: (key) => this.a(key),
      menuButton: (choice) => this.#menuButton(choice),
      choices: (choice) => this.#choices(choice),
    };
  })();

  static override styles = [
    ...YiduElement.styles,
    css`
      :host {
        position: fixed !important;
        top: 0 !important;
        left: 0 !important;
        right: 0 !important;
        bottom: auto !important;
        z-index: 2147483647 !important;
        display: block !important;
        /* Shown as a popover (top layer): none of the browser's popover box styles. */
        width: auto !important;
        height: auto !important;
        margin: 0 !important;
        padding: 0 !important;
        border: 0 !important;
        background: transparent !important;
        color: inherit;
        /* On a phone: at most half the screen, scrolling within itself (not the page behind it). */
        max-height: 50vh;
        max-height: 50dvh;
        overflow-y: auto;
        overscroll-behavior: contain;
      }
      /* The control that closes the bar stays in view while the bar scrolls. */
      [data-item='exit'] {
        position: sticky;
        bottom: 4px;
        z-index: 1;
        box-shadow: 0 0 0 3px var(--yidu-toolbar-background, #f3f5f8);
      }
      .bar {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 6px 8px;
        padding: 6px 12px;
        background: var(--yidu-toolbar-background, #f3f5f8);
        border-bottom: 2px solid var(--yidu-toolbar-border-color, #767676);
      }
      .zoom {
        display: inline-flex;
        align-items: center;
        gap: 4px;
      }
      .level {
        min-width: 3.5em;
        text-align: center;
        font-variant-numeric: tabular-nums;
      }
      .choices {
        order: 1;
        flex-basis: 100%;
        display: flex;
        flex-wrap: wrap;
        gap: 6px 8px;
      }
      button {
        cursor: var(--yidu-hand-cursor, pointer);
      }
      button[aria-expanded]::after {
        content: '';
        margin-inline-start: 0.5em;
        border: 0.3em solid transparent;
        border-top-color: currentColor;
        border-bottom: 0;
      }
      button[aria-expanded='true']::after {
        border-top: 0;
        border-bottom: 0.3em solid currentColor;
      }
      dialog {
        max-width: min(44em, calc(100vw - 32px));
        max-height: calc(100vh - 32px);
        padding: 16px 20px;
        color: var(--yidu-color, #1f1f1f);
        background: var(--yidu-background, #ffffff);
        border: 2px solid var(--yidu-border-color, #5e5e5e);
        font: inherit;
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 0.5);
      }
      h2 {
        margin: 0 0 8px;
        font-size: 1.25em;
      }
      table {
        border-collapse: collapse;
        margin: 8px 0 16px;
      }
      th,
      td {
        border: 1px solid currentColor;
        padding: 4px 8px;
        text-align: start;
        vertical-align: top;
      }
      kbd {
        font: inherit;
        white-space: nowrap;
      }
    `,
  ];

  override render() {
    return html`<div part="bar" class="bar ${this.prefs.elder ? 'elder' : ''}" role="toolbar" aria-label=${this.a('a11yBar')}
        lang=${this.uiLang} @keydown=${this.#onKeydown} @focusin=${this.#onFocusin}>
        ${BAR_FUNCTIONS.map((fn) => (fn.control && offered(fn) ? fn.control(this.#controls) : nothing))}
        <button part="button" type="button" data-item="reset" @click=${() => this.actions?.reset()}>${this.a('reset')}</button>
        <button part="button" type="button" data-item="help" aria-haspopup="dialog" @click=${() => this.openHelp()}>${this.a('help')}</button>
        <button part="button" type="button" data-item="exit" @click=${() => this.actions?.exit()}>${this.a('exit')}</button>
      </div>
      ${this.#help()}`;
  }

  #menuButton<K extends keyof Prefs>({ menu, label, labels, pref }: Choice<K>): TemplateResult {
    const open = this.menu === menu;
    const current = (labels as Record<string, string>)[this.prefs[pref] as string]!;
    return html`<button part="button" type="button" data-item=${menu} aria-expanded=${open ? 'true' : 'false'}
      aria-controls=${open ? `choices-${menu}` : nothing} @click=${() => this.#toggleMenu(menu)}>${this.a(label)}：${this.a(current)}</button>`;
  }

  #choices<K extends keyof Prefs>({ menu, label, labels, pref, values }: Choice<K>): TemplateResult | typeof nothing {
    if (this.menu !== menu) return nothing;
    const current = this.prefs[pref];
    return html`<span class="choices" id="choices-${menu}" role="group" aria-label=${this.a(label)}>
      ${values.map((v) => html`<button part="button" type="button" data-choice=${v} aria-pressed=${v === current ? 'true' : 'false'}
        @click=${() => this.setPrefs({ [pref]: v } as Partial<Prefs>)}>${this.a((labels as Record<string, string>)[v as string]!)}</button>`)}
    </span>`;
  }

  #toggleMenu(menu: string): void {
    this.menu = this.menu === menu ? null : menu;
    if (this.menu) {
      // Into the choices, on the current one.
      void this.updateComplete.then(() => this.#focusItem(this.#items().findIndex((b) => b.closest('.choices') && b.getAttribute('aria-pressed') === 'true')));
    }
  }

  #help(): TemplateResult {
    const shortcutsOn = runtime().config.get().shortcuts === 'on';
    return html`<dialog id="help" aria-labelledby="help-title" lang=${this.uiLang} @close=${this.#onHelpClose}>
      <h2 id="help-title">${this.a('helpTitle')}</h2>
      <p>${this.a('helpUse')}</p>
      ${shortcutsOn ? nothing : html`<p>${this.a('helpShortcutsOff')}</p>`}
      <table>
        <thead><tr><th scope="col">${this.a('helpFunction')}</th><th scope="col">${this.a('helpWhat')}</th>
          ${shortcutsOn ? html`<th scope="col">${this.a('helpKey')}</th>` : nothing}</tr></thead>
        <tbody>${HELP_ROWS.filter(([, , , fn]) => !fn || offered(fn)).map(([label, what, key]) => html`<tr><th scope="row">${this.a(label)}</th><td>${this.a(what)}</td>
          ${shortcutsOn ? html`<td>${key ? html`<kbd>${key}</kbd>` : ''}</td>` : nothing}</tr>`)}
          ${html`<tr><th scope="row">Esc</th><td>${this.a('helpUse')}</td>${shortcutsOn ? html`<td><kbd>Esc</kbd></td>` : nothing}</tr>`}</tbody>
      </table>
      <button part="button" type="button" data-close @click=${() => this.#dialog()?.close()}>${this.a('helpClose')}</button>
    </dialog>`;
  }

  #dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  get helpOpen(): boolean {
    return this.#dialog()?.open ?? false;
  }

  /** Opens the help dialog; focus returns to `returnTo` (by default what had it) when it closes. */
  async openHelp(returnTo: HTMLElement | null = null): Promise<void> {
    await this.updateComplete;
    const dialog = this.#dialog();
    if (!dialog || dialog.open) return;
    this.#helpReturn = returnTo ?? (this.renderRoot as ShadowRoot).activeElement as HTMLElement | null ?? this.#items()[this.#active] ?? null;
    dialog.showModal();
    (dialog.querySelector('[data-close]') as HTMLElement).focus();
  }

  #onHelpClose = (): void => {
    const to = this.#helpReturn;
    this.#helpReturn = null;
    if (to?.isConnected) to.focus();
  };

  /** Buttons of the toolbar in order (the roving set). */
  #items(): HTMLButtonElement[] {
    return Array.from(this.renderRoot.querySelectorAll<HTMLButtonElement>('.bar button'));
  }

  #focusItem(index: number): void {
    const items = this.#items();
    if (items.length === 0) return;
    this.#active = Math.max(0, Math.min(index, items.length - 1));
    this.#syncTabindex();
    items[this.#active]!.focus();
  }

  /** Puts focus on the bar's first button (or the one last used). */
  focusBar(): void {
    void this.updateComplete.then(() => this.#focusItem(this.#active));
  }

  #syncTabindex(): void {
    const items = this.#items();
    if (this.#active >= items.length) this.#active = 0;
    items.forEach((b, i) => (b.tabIndex = i === this.#active ? 0 : -1));
  }

  override updated(): void {
    super.updated();
    this.#syncTabindex();
  }

  #onFocusin = (e: FocusEvent): void => {
    const i = this.#items().indexOf(e.composedPath()[0] as HTMLButtonElement);
    if (i >= 0 && i !== this.#active) {
      this.#active = i;
      this.#syncTabindex();
    }
  };

  #onKeydown = (e: KeyboardEvent): void => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const items = this.#items();
    const n = items.length;
    let next: number | null = null;
    if (e.key === 'ArrowRight') next = (this.#active + 1) % n;
    else if (e.key === 'ArrowLeft') next = (this.#active - 1 + n) % n;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = n - 1;
    else if (e.key === 'Escape') {
      e.preventDefault();
      if (this.menu) {
        const owner = this.menu;
        this.menu = null;
        void this.updateComplete.then(() => this.#focusItem(this.#items().findIndex((b) => b.dataset.item === owner)));
      } else this.actions?.close();
      return;
    }
    if (next === null) return;
    e.preventDefault();
    this.#focusItem(next);
  };
}
