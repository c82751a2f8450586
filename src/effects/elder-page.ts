/**
 * The page-wide part of 长者模式: motion stopped and the elements the site marks as distractions hidden.
 * We never guess what an ad is: only `[data-yidu-elder="hide"]` and the selectors the site configures.
 */
import { adopt } from './adopted.js';

export const ELDER_HIDE_ATTRIBUTE = 'data-yidu-elder';

const STILL = `*,*::before,*::after{animation-duration:0s !important;animation-delay:0s !important;` +
  `animation-iteration-count:1 !important;transition-duration:0s !important;transition-delay:0s !important;` +
  `scroll-behavior:auto !important}`;

export class ElderPage {
  readonly #sheet = new CSSStyleSheet();
  #css = '';

  apply(on: boolean, hideSelectors: string, doc: Document = document): void {
    if (on) {
      const css = [STILL, `[${ELDER_HIDE_ATTRIBUTE}="hide"]{display:none !important}`,
        hideSelectors ? `${hideSelectors}{display:none !important}` : ''].join('\n');
      if (css !== this.#css) this.#sheet.replaceSync((this.#css = css));
    }
    adopt(this.#sheet, on, doc);
  }
}
