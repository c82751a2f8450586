import { html, nothing } from 'lit';
import { YiduElement } from '../base/yidu-element.js';
import { announce } from '../../core/announce.js';
import type { StringKey } from '../../i18n/strings.js';

/**
 * A control whose feature has not landed yet. It renders the familiar label, disabled (`aria-disabled`, so
 * it stays focusable and explains itself) and says "not available yet" when pressed — never a button that
 * silently does nothing.
 */
abstract class UnavailableFeature extends YiduElement {
  /** Labels of the buttons the finished feature shows. */
  protected abstract labels(): StringKey[];
  /** Group label when there is more than one button. */
  protected groupLabel(): StringKey | null {
    return null;
  }
  /** Launchers (they open something) expose `aria-expanded`. */
  protected launcher = false;

  override render() {
    const why = this.t('unavailable');
    const buttons = this.labels().map(
      (key) => html`<button part="button" type="button" aria-disabled="true" aria-describedby="why"
        aria-expanded=${this.launcher ? 'false' : nothing} title=${why}
        @click=${() => announce(`${this.t(key)}：${why}`)}>${this.t(key)}</button>`,
    );
    const group = this.groupLabel();
    return html`<span part="group" class=${this.rootClass} lang=${this.uiLang}
        role=${group ? 'group' : nothing} aria-label=${group ? this.t(group) : nothing}>
      ${buttons}<span id="why" class="hidden">${why}</span>
    </span>`;
  }
}

/**
 * 无障碍浏览: opens the assistive reading bar. Not available yet: renders disabled with an explanation.
 * @summary Assistive bar launcher (pending).
 * @csspart button - The button.
 * @tagname yidu-a11y-toggle
 */
export class YiduA11yToggle extends UnavailableFeature {
  protected override launcher = true;
  protected labels(): StringKey[] {
    return ['a11y'];
  }
}
