import { css, html } from 'lit';
import { YiduElement } from '../base/yidu-element.js';

/**
 * All of yidu's controls in one bar: 无障碍浏览, 长者模式, 智能问答, 简体 | 繁体, 文字大小 大 中 小, 打印文章, 下载Word, 下载PDF, 关闭窗口, 扫一扫. Inserted at the top of
 * the body by `toolbar: "auto"` when the page places no `<yidu-*>` element itself. Features that have not
 * landed yet are left out of the bar rather than shown as dead buttons. The bar is a labelled region, so
 * screen-reader users can find or skip it like any other part of the page.
 *
 * @summary The all-in-one reading toolbar.
 * @csspart bar - The bar around all controls.
 * @cssprop --yidu-toolbar-background - Background of the bar.
 * @cssprop --yidu-toolbar-border-color - Bottom border of the bar.
 * @tagname yidu-toolbar
 */
export class YiduToolbar extends YiduElement {
  static override styles = [
    ...YiduElement.styles,
    css`
      :host {
        display: block;
      }
      .bar {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 8px 16px;
        padding: 8px 16px;
        background: var(--yidu-toolbar-background, #f3f5f8);
        border-bottom: 1px solid var(--yidu-toolbar-border-color, #767676);
      }
    `,
  ];

  override render() {
    return html`<div part="bar" class="bar" role="region" aria-label=${this.t('toolbar')} lang=${this.uiLang}>
      <yidu-a11y-toggle></yidu-a11y-toggle>
      <yidu-elder-toggle></yidu-elder-toggle>
      <yidu-qa></yidu-qa>
      <yidu-zh-switch></yidu-zh-switch>
      <yidu-font-size></yidu-font-size>
      <yidu-print></yidu-print>
      <yidu-download format="docx"></yidu-download>
      <yidu-download format="pdf"></yidu-download>
      <yidu-close></yidu-close>
      <yidu-qr></yidu-qr>
    </div>`;
  }
}
