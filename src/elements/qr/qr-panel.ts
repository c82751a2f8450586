/**
 * Everything `<yidu-qr>` shows past its button, loaded on first use (a separate chunk with lean-qr): the
 * labelled popover (or inline box) with the code, the address as text and 保存二维码图片, and the popover's
 * behaviour — Esc, 关闭 or a click elsewhere closes it and focus returns to the button; tabbing out closes it.
 * It only listens to the page: the site's own handlers get every click and key as before.
 *
 * This chunk imports from the rest of yidu only the phone media query (core/device.ts, in the first load
 * anyway) and the popover behaviour it shares with 智能问答 (elements/popover.ts, copied into the chunk by the
 * build); Lit and the strings come from the element, so the first load keeps exactly its two files.
 */
import type { html as litHtml, nothing as litNothing } from 'lit';
import type { StringKey, UiLang } from '../../i18n/strings.js';
import { QR_STRINGS, qrText, type QrStringKey } from '../../i18n/qr-strings.js';
import { encode, QUIET, savePng } from './qr-code.js';
import type { follow } from './qr-position.js';
import { PHONE } from '../../core/device.js';
import { Popover, POPOVER_CSS, TOP_LAYER, type PopoverHost } from '../popover.js';

/** The element, as the panel sees it. */
export interface QrHost extends PopoverHost {
  mode?: string;
  url?: string;
}

export interface QrDeps {
  html: typeof litHtml;
  nothing: typeof litNothing;
  t(key: StringKey): string;
  /** The element's UI language (the popover's own words come with this chunk). */
  lang(): UiLang;
  /** The `qrUrl` config. */
  configuredUrl(): string | null;
  warn(message: string): void;
  error(message: string, cause: unknown): void;
  /** Says something politely (the live region). */
  announce(message: string): void;
  /** The positioning chunk (already loaded by the element for a popover; cached). */
  position(): Promise<{ follow: typeof follow }>;
  /** The page's address and canonical link when the element first met the page. */
  seen: { page: string; canonical: string | null };
}

const STYLES = new CSSStyleSheet();
STYLES.replaceSync(`
.panel{box-sizing:border-box;display:none;flex-direction:column;align-items:center;gap:8px;
  max-width:min(22em,calc(100vw - 16px));padding:12px 16px;text-align:center;color:var(--yidu-color,#1f1f1f);
  background:var(--yidu-background,#ffffff);border:1px solid var(--yidu-border-color,#5e5e5e);border-radius:var(--yidu-radius,4px)}
.inline,.open{display:flex}
${POPOVER_CSS}
.popover{width:max-content}
.panel:focus-visible{outline:3px solid var(--yidu-focus-color,#0b57d0)}
.panel p{margin:0}
.title{font-weight:700}
.panel svg{display:block;flex:none;forced-color-adjust:none}
.url{font-size:.875em;overflow-wrap:anywhere}
.actions{display:flex;flex-wrap:wrap;justify-content:center;gap:8px}
@media ${PHONE}{.panel>.actions{order:-1}.panel>.title{order:-2}}
`);

/** An http(s) address, absolute or relative to the page (the same rule as the `qrUrl` config). */
function httpUrl(v: string | null | undefined): string | null {
  try {
    const url = new URL(v ?? '', document.baseURI);
    return v && /^https?:$/.test(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

const canonicalLink = () => document.querySelector<HTMLLinkElement>('link[rel~="canonical" i]')?.href ?? null;

export class QrPanel {
  readonly #host: QrHost;
  readonly #d: QrDeps;
  readonly #popover: Popover;
  #off: (() => void)[] = [];

  constructor(host: QrHost, deps: QrDeps) {
    this.#host = host;
    this.#d = deps;
    this.#popover = new Popover(host);
    const root = host.renderRoot as ShadowRoot;
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, STYLES];
    this.connect();
  }

  /** Single-page navigation: the code follows the address (pushState alone is seen at the next opening,
   * or at once where the browser has the Navigation API). */
  connect(): void {
    const refresh = () => this.#host.requestUpdate();
    const nav = (window as { navigation?: EventTarget }).navigation;
    for (const [target, type, fn] of [
      [window, 'popstate', refresh],
      [window, 'hashchange', refresh],
      [nav, 'currententrychange', refresh],
    ] as const) {
      target?.addEventListener(type, fn as EventListener);
      this.#off.push(() => target?.removeEventListener(type, fn as EventListener));
    }
    this.#popover.connect();
  }

  disconnect(): void {
    this.#popover.disconnect();
    for (const off of this.#off.splice(0)) off();
  }

  get open(): boolean {
    return this.#popover.open;
  }

  /**
   * The address the code opens: the `url` attribute, the `qrUrl` config, the page's canonical link while it
   * still describes the page (a single-page app may move on without updating it), or the page's own address;
   * '' when the page has none a phone can open (a local file, a sandboxed frame).
   */
  address(): string {
    const { url } = this.#host;
    const chosen = url ?? this.#d.configuredUrl();
    if (chosen) {
      const ok = httpUrl(chosen);
      if (ok) return ok;
      this.#d.warn(`<yidu-qr url="${url}">: not an http(s) address; the page's own address is used instead.`);
    }
    const page = location.href.split('#')[0]!;
    const canonical = canonicalLink();
    const seen = this.#d.seen;
    // A canonical link belongs to the address where it was first seen.
    if (canonical !== seen.canonical) Object.assign(seen, { page, canonical });
    return (seen.page === page && httpUrl(canonical)) || httpUrl(location.href) || '';
  }

  #text(key: StringKey | QrStringKey): string {
    return key in QR_STRINGS['zh-Hans'] ? qrText(this.#d.lang(), key as QrStringKey) : this.#d.t(key as StringKey);
  }

  render(inline: boolean) {
    const { html, nothing } = this.#d;
    const t = (key: StringKey | QrStringKey) => this.#text(key);
    const shown = inline || this.open;
    const url = shown ? this.address() : '';
    const image = url ? encode(url) : null;
    const side = image ? image.modules * image.scale : 0;
    // On a phone (read at each rendering): share and copy, and the code is for showing.
    const phone = matchMedia(PHONE).matches;
    return html`<div id="panel" part="panel" class="panel ${inline ? 'inline' : `popover${this.open ? ' open' : ''}`}"
      role=${inline ? 'group' : 'dialog'} aria-labelledby="title" tabindex=${inline ? nothing : '-1'}
      popover=${!inline && TOP_LAYER ? 'manual' : nothing}>
      <p id="title" class="title">${t(phone ? 'qrShowTitle' : 'qrTitle')}</p>
      ${shown && !url ? html`<p role="alert">${t('qrNoAddress')}</p>` : nothing}
      ${url && !image ? html`<p role="alert">${t('qrTooLong')}</p>` : nothing}
      ${image
        ? html`<svg part="code" role="img" aria-label=${t('qrImage') + url} width=${side} height=${side}
            viewBox="${-QUIET} ${-QUIET} ${image.modules} ${image.modules}" shape-rendering="crispEdges">
            <rect x=${-QUIET} y=${-QUIET} width=${image.modules} height=${image.modules} fill="#ffffff"></rect>
            <path d=${image.path} fill="#000000"></path></svg>`
        : nothing}
      ${url ? html`<p part="url" class="url">${url}</p>` : nothing}
      <div class="actions">
        ${phone && url && 'share' in navigator
          ? html`<button part="button" type="button" data-action="share" @click=${() => this.#share(url)}>${t('qrShare')}</button>`
          : nothing}
        ${phone && url ? html`<button part="button" type="button" data-action="copy" @click=${() => this.#copy(url)}>${t('qrCopy')}</button>` : nothing}
        ${image ? html`<button part="button" type="button" @click=${() => this.#save(url)}>${t('qrSave')}</button>` : nothing}
        ${this.open ? html`<button part="button" type="button" @click=${() => this.close(true)}>${t('dismiss')}</button>` : nothing}
      </div>
    </div>`;
  }

  toggle(): void {
    if (this.open) this.close(true);
    else void this.#show();
  }

  async #show(): Promise<void> {
    const popover = this.#popover;
    await popover.show((panel, button) => {
      // Below the button at once; the positioning library then flips and shifts it as needed.
      const r = button.getBoundingClientRect();
      panel.style.setProperty('left', `${Math.max(8, Math.min(r.left, innerWidth - panel.offsetWidth - 8))}px`);
      panel.style.setProperty('top', `${r.bottom + 8}px`);
      panel.focus({ preventScroll: true });
    });
    try {
      const { follow } = await this.#d.position();
      popover.follow(() => follow(popover.button, popover.panel));
    } catch {
      /* reported by the loader; the popover stays below the button */
    }
  }

  close(focusButton: boolean): void {
    this.#popover.close(focusButton);
  }

  #save(url: string): void {
    const title = document.title.trim();
    const file = this.#text('qrFile');
    savePng(url, title ? `${file}-${title}` : file).catch((e: unknown) => {
      this.#d.error('could not save the QR code image.', e);
      this.#d.announce(this.#text('qrSaveFailed'));
    });
  }

  /** The system share sheet (phones mostly); a reader who cancels it gets no message. */
  #share(url: string): void {
    navigator.share({ title: document.title, url }).catch((e: unknown) => {
      if ((e as Error)?.name !== 'AbortError') this.#d.announce(this.#text('qrShareFailed'));
    });
  }

  /** Copies the address; where the browser will not, the address is selected for the reader to copy. */
  #copy(url: string): void {
    const said = (key: QrStringKey) => this.#d.announce(this.#text(key));
    const select = () => {
      const text = this.#host.renderRoot.querySelector('.url');
      if (text) getSelection()?.selectAllChildren(text);
      said('qrCopyByHand');
    };
    if (!navigator.clipboard) return select();
    navigator.clipboard.writeText(url).then(() => said('qrCopied'), select);
  }
}
