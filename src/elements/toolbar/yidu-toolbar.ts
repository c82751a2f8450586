import { css, html } from 'lit';
import { YiduElement } from '../base/yidu-element.js';

/**
 * All of yidu's controls in one bar: 无障碍浏览, 长者模式, 智能问答, 简体 | 繁体, 文字大小 大 中 小, 打印文章, 下载Word, 下载PDF, 关闭窗口, 扫一扫. Inserted at the top of
 * the body by `toolbar: "auto"` when the page places no `<yidu-*>` element itself. Features that have not
 * landed yet are left out of the bar rather than shown as dead buttons. The bar is a labelled region, so
 * screen-reader users can find or skip it like any other part of the page.
 *
 * On a phone (a viewport up to 640 px wide, or a coarse pointer up to 1024 px) it is one compact row —
 * 无障碍浏览, 长者模式 and 更多 (`aria-expanded`), which shows the other controls below the row, in the page's
 * flow (nothing is covered). Esc or 更多 again hides them and focus returns to 更多. Media queries decide,
 * so the bar follows rotation and resizing.
 *
 * @summary The all-in-one reading toolbar.
 * @csspart bar - The bar around all controls.
 * @csspart button - 更多, the phone row's button that shows the other controls.
 * @cssprop --yidu-toolbar-background - Background of the bar.
 * @cssprop --yidu-toolbar-border-color - Bottom border of the bar.
 * @tagname yidu-toolbar
 */
export class YiduToolbar extends YiduElement {
  static override properties = { open: { state: true } };
  declare open: boolean;

  constructor() {
    super();
    this.open = false;
  }

  static override styles = [
    ...YiduElement.styles,
    // Wider than a phone the other controls flow in the bar itself (display: contents), as they always did.
    // The phone row: 60 px targets (长者模式) plus 1 px padding and border stay under 64 px; the buttons'
    // padding shrinks so the row fits 320 px. Wider than that (页面缩放) it wraps rather than scrolls sideways.
    css`:host{display:block}.bar,.rest{display:flex;flex-wrap:wrap;align-items:center;gap:8px 16px}
      .bar{padding:8px 16px;background:var(--yidu-toolbar-background,#f3f5f8);border-bottom:1px solid var(--yidu-toolbar-border-color,#767676)}
      .more{display:none}.rest{display:contents}
      @media (max-width:640px),(pointer:coarse) and (max-width:1024px){.bar{gap:1px 6px;padding:1px 4px}.more{display:inline-flex}
        .more,.bar *::part(button){padding:0 .4em;white-space:normal}.rest{display:flex;flex-basis:100%;gap:6px;padding-bottom:4px}.rest:not(.open){display:none}}`,
  ];

  override render() {
    const open = this.open;
    return html`<div part="bar" class="bar ${this.prefs.elder ? 'elder' : ''}" role="region" aria-label=${this.t('toolbar')}
      lang=${this.uiLang} @keydown=${this.#onKey}>
      <yidu-a11y-toggle></yidu-a11y-toggle>
      <yidu-elder-toggle></yidu-elder-toggle>
      <button part="button" class="more" type="button" aria-expanded=${open} aria-controls="rest"
        @click=${() => (this.open = !open)}>${this.t('more')}</button>
      <div id="rest" class="rest ${open ? 'open' : ''}">
        <yidu-qa></yidu-qa>
        <yidu-zh-switch></yidu-zh-switch>
        <yidu-font-size></yidu-font-size>
        <yidu-print></yidu-print>
        <yidu-download format="docx"></yidu-download>
        <yidu-download format="pdf"></yidu-download>
        <yidu-close></yidu-close>
        <yidu-qr></yidu-qr>
      </div>
    </div>`;
  }

  /**
   * Esc hides the phone panel and returns focus to 更多 — unless 扫一扫's popover is open: that one closes
   * first (this listener captures, so it sees the popover still open). The key itself is never prevented.
   */
  #onKey = {
    capture: true,
    handleEvent: (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || !this.open || this.renderRoot.querySelector('yidu-qr')?.shadowRoot?.querySelector('[aria-expanded=true]')) return;
      this.open = false;
      this.renderRoot.querySelector<HTMLElement>('.more')!.focus();
    },
  };
}
