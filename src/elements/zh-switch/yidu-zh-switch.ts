import { html } from 'lit';
import { YiduElement } from '../base/yidu-element.js';
import { runtime } from '../../core/runtime.js';
import { prefetchZh, wantedScript } from '../../zh/boot.js';

/**
 * 简体 | 繁体: shows the whole page in Simplified or Traditional characters, converted phrase by phrase
 * (头发 → 頭髮, not 頭發), and back exactly. Exactly one button is pressed. The converter is downloaded on
 * first use; hovering or focusing 繁体 starts the download early and converts the page ahead, in memory only.
 *
 * @summary Simplified / Traditional switch.
 * @csspart group - The labelled group around both buttons.
 * @csspart button - Each button (`aria-pressed` tells the current script).
 * @tagname yidu-zh-switch
 */
export class YiduZhSwitch extends YiduElement {
  override render() {
    const current = wantedScript(this.prefs, runtime().config.get());
    const other = runtime().config.get().source === 'hans' ? 'hant' : 'hans';
    const button = (script: 'hans' | 'hant') =>
      html`<button part="button" type="button" aria-pressed=${current === script ? 'true' : 'false'}
        @click=${() => {
          // The download starts before the page reacts to the new preference.
          if (script === other) prefetchZh();
          this.setPrefs({ zh: script });
        }}
        @pointerenter=${script === other ? prefetchZh : null} @focus=${script === other ? prefetchZh : null}
        >${this.t(script)}</button>`;
    return html`<div part="group" class=${this.rootClass} role="group" aria-label=${this.t('zhGroup')} lang=${this.uiLang}>
      ${button('hans')}<span class="sep" aria-hidden="true">|</span>${button('hant')}
    </div>`;
  }
}
