import { ExportButton } from '../download/export-button.js';
import { lazyFeature } from '../../core/lazy.js';
import type { StringKey } from '../../i18n/strings.js';

const loadPrint = lazyFeature('the print view', () => import('../../export/print-view.js'));

/**
 * 打印文章: prints the article alone — title, meta line, body and tables with borders and repeated header
 * rows, with the source address and print date at the end — in the script the reader is reading now.
 * Site chrome and yidu's controls are left out; nothing print-only stays in the page afterwards.
 *
 * @summary Print the article.
 * @csspart button - The button.
 * @csspart note - A message shown under the button when something failed.
 * @tagname yidu-print
 */
export class YiduPrint extends ExportButton {
  protected label(): StringKey {
    return 'print';
  }

  protected async run(): Promise<void> {
    const { printArticle } = await this.load(loadPrint);
    printArticle(this.article, this.skip, { source: this.x('printSource'), printed: this.x('printDate') });
  }
}

export { loadPrint };
