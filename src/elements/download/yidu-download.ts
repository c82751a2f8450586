import { ExportButton } from './export-button.js';
import { lazyFeature } from '../../core/lazy.js';
import { loadPrint } from '../print/yidu-print.js';
import { warn } from '../../core/log.js';
import { inAppBrowser } from '../../core/device.js';
import { loadDeviceHelp } from '../close/yidu-close.js';
import { runtime } from '../../core/runtime.js';
import type { StringKey } from '../../i18n/strings.js';

const loadDocx = lazyFeature('the Word export', () => import('../../export/docx-export.js'));
const loadPdf = lazyFeature('the PDF export', () => import('../../export/pdf-export.js'));

/**
 * 下载Word / 下载PDF: the article as a file. Word: a real .docx made in the browser (headings, indented
 * paragraphs, lists, images, tables with merged cells). PDF, in order: the site's own file (`href`); a text
 * PDF made in the browser when a `font` is configured; otherwise the print dialog, with a hint to choose
 * "Save as PDF". The file is named after the page title. In an in-app browser (WeChat, QQ, Alipay, DingTalk),
 * which often drops downloads silently, a note says how to open the page in the system browser. Before saving, a cancelable `yidu-export` event
 * (`detail: { format, fileName, blob, url }`) lets a site handle the file itself.
 *
 * @summary Download the article as Word or PDF.
 * @attr format - `docx` (default) or `pdf`.
 * @attr href - For `pdf`: the site's own PDF of this page, downloaded as is.
 * @csspart button - The button.
 * @csspart note - A message shown under the button (a failure, or the Save-as-PDF hint).
 * @fires yidu-export - Before a file is saved; cancel it to handle `detail.blob` yourself.
 * @tagname yidu-download
 */
export class YiduDownload extends ExportButton {
  static override properties = { ...ExportButton.properties, format: { type: String }, href: { type: String } };
  declare format: string;
  declare href: string | null;

  constructor() {
    super();
    this.format = 'docx';
    this.href = null;
  }

  get #format(): 'docx' | 'pdf' {
    if (this.format === 'docx' || this.format === 'pdf') return this.format;
    warn(`<yidu-download format="${this.format}">: unknown format; accepted: "docx", "pdf". Using "docx".`);
    return 'docx';
  }

  protected label(): StringKey {
    return this.#format;
  }

  protected async run(): Promise<string | void> {
    const said = await this.#make();
    // In-app browsers often drop downloads silently: say how to get the file in the system browser.
    if (!inAppBrowser()) return said;
    const hint = (await this.load(loadDeviceHelp)).downloadHint(this.uiLang)!;
    this.note = this.note ? `${this.note} ${hint}` : hint;
    return said ? `${said} ${hint}` : hint;
  }

  async #make(): Promise<string | void> {
    if (this.#format === 'docx') {
      const { exportDocx } = await this.load(loadDocx);
      return this.#deliver('docx', await this.working(this.x('preparing'), () => exportDocx(this.article, this.skip)));
    }
    if (this.href) {
      const url = new URL(this.href, document.baseURI);
      this.save('pdf', decodeURIComponent(url.pathname.split('/').pop() || '') || 'document.pdf', null, url.href);
      return;
    }
    const font = runtime().config.get().font;
    if (font) {
      const { exportPdf } = await this.load(loadPdf);
      const file = await this.working(this.x('preparing'), () =>
        exportPdf(this.article, this.skip, {
          fontUrl: new URL(font, document.baseURI).href,
          pageLabel: this.x('pageOf'),
          onMissingGlyphs: (chars) => warn(`the PDF font ${font} has no glyphs for: ${chars}`),
        }),
      );
      return this.#deliver('pdf', file);
    }
    // No way to make a PDF here: the browser's print dialog can save one.
    const { printArticle } = await this.load(loadPrint);
    this.note = this.x('pdfHint');
    await this.updateComplete;
    printArticle(this.article, this.skip, { source: this.x('printSource'), printed: this.x('printDate') });
    return this.x('pdfHint');
  }

  #deliver(format: string, file: { blob: Blob; name: string } | null): string {
    if (!file) {
      this.note = this.x('emptyArticle');
      return this.x('emptyArticle');
    }
    this.save(format, file.name, file.blob);
    return this.x('exportDone') + file.name;
  }
}
