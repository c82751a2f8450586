import { html, nothing } from 'lit';
import { YiduElement } from '../base/yidu-element.js';
import { announce } from '../../core/announce.js';
import { warn } from '../../core/log.js';
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
 * 简体 | 繁体: switches the page's script. Not available yet: renders disabled with an explanation.
 * @summary Simplified/Traditional switch (pending).
 * @csspart group - The group around both buttons.
 * @csspart button - Each button.
 * @tagname yidu-zh-switch
 */
export class YiduZhSwitch extends UnavailableFeature {
  protected override groupLabel(): StringKey {
    return 'zhGroup';
  }
  protected labels(): StringKey[] {
    return ['hans', 'hant'];
  }
}

/**
 * 下载Word / 下载PDF: downloads the article. Not available yet: renders disabled with an explanation.
 * @summary Article download (pending).
 * @attr format - `docx` (default) or `pdf`.
 * @csspart button - The button.
 * @tagname yidu-download
 */
export class YiduDownload extends UnavailableFeature {
  static override properties = { format: { type: String } };
  declare format: string;
  constructor() {
    super();
    this.format = 'docx';
  }
  protected labels(): StringKey[] {
    if (this.format !== 'docx' && this.format !== 'pdf') {
      warn(`<yidu-download format="${this.format}">: unknown format; accepted: "docx", "pdf". Using "docx".`);
      return ['docx'];
    }
    return [this.format];
  }
}

/**
 * 打印文章: prints the article only. Not available yet: renders disabled with an explanation.
 * @summary Print article (pending).
 * @csspart button - The button.
 * @tagname yidu-print
 */
export class YiduPrint extends UnavailableFeature {
  protected labels(): StringKey[] {
    return ['print'];
  }
}

/**
 * 扫一扫在手机打开当前页: a QR code of this page. Not available yet: renders disabled with an explanation.
 * @summary QR code launcher (pending).
 * @csspart button - The button.
 * @tagname yidu-qr
 */
export class YiduQr extends UnavailableFeature {
  protected override launcher = true;
  protected labels(): StringKey[] {
    return ['qr'];
  }
}
