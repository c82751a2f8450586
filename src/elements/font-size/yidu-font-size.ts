import { html } from 'lit';
import { YiduElement } from '../base/yidu-element.js';
import type { FontSize } from '../../core/prefs.js';

const ORDER: readonly FontSize[] = ['large', 'medium', 'small'];

/**
 * 文字大小 大 中 小: scales the article's text, even where the site fixes px sizes. Exactly one size is
 * pressed; 中 restores the article exactly.
 *
 * @summary Text size 大 / 中 / 小.
 * @csspart group - The labelled group around the label and buttons.
 * @csspart label - The visible 文字大小 label.
 * @csspart button - Each size button (`aria-pressed` tells the current one).
 * @cssprop --yidu-accent - Background of the pressed button.
 * @tagname yidu-font-size
 */
export class YiduFontSize extends YiduElement {
  override render() {
    const current = this.prefs.fontSize;
    return html`<div part="group" class=${this.rootClass} role="group" aria-labelledby="label" lang=${this.uiLang}>
      <span id="label" part="label" class="label">${this.t('fontSize')}</span>
      ${ORDER.map(
        (size) =>
          html`<button part="button" type="button" data-size=${size} aria-pressed=${current === size ? 'true' : 'false'}
            @click=${() => this.setPrefs({ fontSize: size })}>${this.t(size)}</button>`,
      )}
    </div>`;
  }
}
