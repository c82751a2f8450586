import { html } from 'lit';
import { YiduElement } from '../base/yidu-element.js';
import { closeWindow } from '../../core/close-window.js';

/**
 * 关闭窗口: closes the window; where the browser refuses (a tab the reader opened), a polite message says so.
 *
 * @summary Close-window button.
 * @csspart button - The button.
 * @tagname yidu-close
 */
export class YiduClose extends YiduElement {
  override render() {
    return html`<span class=${this.rootClass} lang=${this.uiLang}>
      <button part="button" type="button" @click=${() => closeWindow(this.t('closeRefused'))}>${this.t('close')}</button>
    </span>`;
  }
}
