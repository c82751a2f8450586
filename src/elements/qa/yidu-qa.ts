import { html, nothing } from 'lit';
import { YiduElement } from '../base/yidu-element.js';
import { announce } from '../../core/announce.js';
import { lazyFeature } from '../../core/lazy.js';
import { runtime } from '../../core/runtime.js';
import { resolveContentRoot } from '../../core/content-root.js';
import type { QaPanel } from './qa-panel.js';

/** The panel and the question engine: one chunk, fetched on first use (the button or `Yidu.qa.ask`). */
export const loadQa = lazyFeature('智能问答', () => import('./qa-panel.js'));
export const qaRoot = () => resolveContentRoot(runtime().config.get().content) ?? document.documentElement;

/**
 * 智能问答: a button (`aria-expanded`) that opens a labelled popover where the reader asks about this page.
 * Answers are quoted from the page's content root, found on the device (nothing is sent anywhere): a table
 * cell with its header path, or the sentence that answers, with 在页面中查看 to highlight it in the page. When
 * the page does not answer, it says so and offers related passages and, with `qaUrl` configured, a link to
 * the site's own service. Esc, 关闭 or a click elsewhere closes it and focus returns to the button.
 *
 * @summary Questions about this page, answered from the page itself.
 * @csspart button - Every button (the launcher, 提问, 在页面中查看, related passages, 关闭).
 * @csspart panel - The popover.
 * @csspart input - The question field.
 * @csspart answer - The answer (a quotation, or the sentence saying the page does not answer).
 * @csspart note - The sum-check note under an answer from the application table.
 * @csspart link - The link to the site's own question service (`qaUrl`).
 * @tagname yidu-qa
 */
export class YiduQa extends YiduElement {
  #panel?: QaPanel;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#panel?.connect();
  }

  override disconnectedCallback(): void {
    this.#panel?.disconnect();
    super.disconnectedCallback();
  }

  override render() {
    return html`<span class=${this.rootClass} lang=${this.uiLang}><button part="button" type="button"
      aria-expanded=${this.#panel?.open ? 'true' : 'false'} aria-controls="panel" @click=${this.#click}>${this.t('qa')}</button>${this.#panel?.render()}</span>`;
  }

  #click = () =>
    loadQa().then(({ QaPanel }) => {
      this.#panel ??= new QaPanel(this, {
        html,
        nothing,
        t: (key) => this.t(key),
        lang: () => this.uiLang,
        root: qaRoot,
        serviceUrl: () => runtime().config.get().qaUrl,
        fontSize: () => this.prefs.fontSize,
      });
      this.#panel.toggle();
    }, () => announce(this.t('loadFailed')));
}
