import { css, html, nothing } from 'lit';
import { YiduElement } from '../base/yidu-element.js';
import { announce } from '../../core/announce.js';
import { lazyFeature } from '../../core/lazy.js';
import { error, warn } from '../../core/log.js';
import { runtime } from '../../core/runtime.js';
import type { QrPanel } from './qr-panel.js';

// The code (lean-qr) and the popover positioning (@floating-ui/dom) are chunks fetched on first open.
const loadPanel = lazyFeature('the QR code', () => import('./qr-panel.js'));
const loadPosition = lazyFeature('the QR popover positioning', () => import('./qr-position.js'));

/** The page's address and canonical link when yidu first met the page (see QrPanel.address). */
let seen: { page: string; canonical: string | null } | undefined;

/**
 * 扫一扫在手机打开当前页: a button (`aria-expanded`) that opens a labelled popover with a QR code of this
 * page made on the device (nothing is sent anywhere), the address as text, and 保存二维码图片 (PNG). Esc,
 * 关闭 or a click elsewhere closes it and focus returns to the button. The address is the `url` attribute,
 * the `qrUrl` config, the page's canonical link or the page's own address, read again at every opening and
 * after single-page navigation. On a phone the popover also offers 分享 (where the browser has a share sheet) and
 * 复制地址, and titles the code for showing to someone else.
 *
 * @summary QR code of this page, in a popover or in place.
 * @attr mode - `popover` (default) or `inline` (the code shown in place, no button).
 * @attr url - Address the code opens (http or https, absolute or relative to the page).
 * @csspart button - Every button (the launcher, 保存二维码图片, 关闭, 重试).
 * @csspart panel - The popover (or the inline box).
 * @csspart code - The QR code (SVG).
 * @csspart url - The address as text.
 * @tagname yidu-qr
 */
export class YiduQr extends YiduElement {
  static override properties = { mode: {}, url: {} };
  declare mode: string | undefined;
  declare url: string | undefined;

  static override styles = [
    ...YiduElement.styles,
    // Open is shown by shape too, not by colour alone. 正在加载… goes under the button (no layout shift).
    css`button[aria-expanded=true]{box-shadow:inset 0 -4px 0 var(--yidu-accent,#0b57d0)}.group{position:relative}
      .busy{position:absolute;top:100%;z-index:1;padding:2px 4px;white-space:nowrap;background:var(--yidu-background,#fff)}`,
  ];

  #panel?: QrPanel;
  /** What the reader is told about the chunks: loading (once that takes a moment) or failed. */
  #loading?: 'busy' | 'loadFailed';
  #fetching = false;

  override connectedCallback(): void {
    super.connectedCallback();
    seen ??= {
      page: location.href.split('#')[0]!,
      canonical: document.querySelector<HTMLLinkElement>('link[rel~="canonical" i]')?.href ?? null,
    };
    this.#panel?.connect();
  }

  override disconnectedCallback(): void {
    this.#panel?.disconnect();
    super.disconnectedCallback();
  }

  override willUpdate(): void {
    // Inline: load once by itself; after a failure the reader's 重试 retries.
    if (this.mode === 'inline' && this.#loading !== 'loadFailed') void this.#load();
    else if (this.mode && this.mode !== 'popover') warn(`<yidu-qr mode="${this.mode}">: unknown mode; accepted: "popover", "inline".`);
  }

  override render() {
    const inline = this.mode === 'inline';
    const loading = this.#loading;
    return html`<span class=${this.rootClass} lang=${this.uiLang}>
      ${inline
        ? nothing
        : html`<button part="button" type="button" aria-expanded=${this.#panel?.open ? 'true' : 'false'} aria-controls="panel"
            @click=${this.#click}>${this.t('qr')}</button>`}
      ${loading ? html`<span class=${loading}>${this.t(loading)}</span>` : nothing}
      ${inline && loading === 'loadFailed' ? html`<button part="button" type="button" @click=${this.#load}>${this.t('retry')}</button>` : nothing}
      ${this.#panel?.render(inline)}
    </span>`;
  }

  #click = async () => {
    if (await this.#load()) this.#panel!.toggle();
  };

  /** Loads the chunks once (a failure is said politely; the next click retries). True when ready. */
  #load = async (): Promise<boolean> => {
    if (this.#panel || this.#fetching) return !!this.#panel;
    this.#fetching = true;
    this.#loading = undefined;
    this.requestUpdate();
    const slow = setTimeout(() => {
      this.#loading = 'busy';
      this.requestUpdate();
    }, 300);
    try {
      const [{ QrPanel }] = await Promise.all([loadPanel(), this.mode === 'inline' || loadPosition()]);
      this.#panel = new QrPanel(this, {
        html,
        nothing,
        t: (key) => this.t(key),
        lang: () => this.uiLang,
        configuredUrl: () => runtime().config.get().qrUrl,
        warn,
        error,
        announce,
        position: loadPosition,
        seen: seen!,
      });
      this.#loading = undefined;
    } catch {
      this.#loading = 'loadFailed';
      announce(this.t('loadFailed'));
    }
    clearTimeout(slow);
    this.#fetching = false;
    this.requestUpdate();
    return !!this.#panel;
  };
}
