/**
 * 页面缩放: CSS `zoom` on the body, so the page lays out again at the larger size (text wraps, nothing is cut
 * off sideways) instead of being magnified like a picture. yidu's bar lives outside the body and keeps its size.
 */
import { adopt, BOOST } from '../../../effects/adopted.js';

export class PageZoom {
  readonly #sheet = new CSSStyleSheet();

  apply(factor: number, doc: Document = document): void {
    if (factor !== 1) this.#sheet.replaceSync(`body${BOOST}{zoom:${factor} !important}`);
    adopt(this.#sheet, factor !== 1, doc);
  }
}
