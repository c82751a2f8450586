import { html } from 'lit';
import { YiduElement } from '../base/yidu-element.js';

/**
 * 长者模式: larger body text (≥ 18 px), generous line and paragraph spacing, readable contrast, no motion,
 * and the page's marked distractions hidden. A toggle (`aria-pressed`).
 *
 * @summary Elder mode toggle.
 * @csspart button - The toggle button.
 * @tagname yidu-elder-toggle
 */
export class YiduElderToggle extends YiduElement {
  override render() {
    const on = this.prefs.elder;
    return html`<span class=${this.rootClass} lang=${this.uiLang}>
      <button part="button" type="button" aria-pressed=${on ? 'true' : 'false'}
        @click=${() => this.setPrefs({ elder: !this.prefs.elder })}>${this.t('elder')}</button>
    </span>`;
  }
}
