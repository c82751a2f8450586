import { html } from 'lit';
import { YiduElement } from '../base/yidu-element.js';
import { runtime } from '../../core/runtime.js';
import { setBarOpen } from '../../assistive-bar/boot.js';

/**
 * 无障碍浏览: opens and closes the assistive reading bar (`<yidu-a11y-bar>`, docked at the top of the page).
 * A launcher (`aria-expanded`); the bar itself is loaded on first use.
 *
 * @summary Assistive bar launcher.
 * @csspart button - The button.
 * @tagname yidu-a11y-toggle
 */
export class YiduA11yToggle extends YiduElement {
  override render() {
    const open = this.prefs.a11yBar;
    return html`<span class=${this.rootClass} lang=${this.uiLang}>
      <button part="button" type="button" aria-expanded=${open ? 'true' : 'false'}
        @click=${(e: Event) => setBarOpen(runtime(), !open, e.currentTarget as HTMLElement)}>${this.t('a11y')}</button>
    </span>`;
  }
}
