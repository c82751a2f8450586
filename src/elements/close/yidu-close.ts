import { html, nothing } from 'lit';
import { YiduElement } from '../base/yidu-element.js';
import { announce } from '../../core/announce.js';
import { lazyFeature } from '../../core/lazy.js';

/** 关闭窗口 and the in-app download hint (see core/device-help.ts). */
export const loadDeviceHelp = lazyFeature('the close and download help', () => import('../../core/device-help.js'));

/**
 * 关闭窗口: closes the window (in WeChat through its own page bridge). Where the browser refuses (a tab the
 * reader opened, an in-app browser), a message under the button, also said politely, tells how to close it.
 *
 * @summary Close-window button.
 * @csspart button - The button.
 * @csspart note - How to close the page, when the browser would not.
 * @tagname yidu-close
 */
export class YiduClose extends YiduElement {
  static override properties = { note: { state: true } };
  declare note: string | undefined;

  override render() {
    return html`<span class=${this.rootClass} lang=${this.uiLang}>
      <button part="button" type="button" aria-describedby=${this.note ? 'note' : nothing} @click=${this.#click}>${this.t('close')}</button>
      ${this.note ? html`<span id="note" part="note" class="note">${this.note}</span>` : nothing}
    </span>`;
  }

  #click = async () => {
    let said: string | null;
    try {
      said = await (await loadDeviceHelp()).closeWindow(this.uiLang);
    } catch {
      said = this.t('loadFailed');
    }
    if (said) announce((this.note = said));
  };
}
