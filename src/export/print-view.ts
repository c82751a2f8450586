/**
 * 打印文章: prints the article alone. A print-only copy of the article (as the reader sees it now, so in
 * their current 简/繁 script) is placed at the end of the body with an adopted print stylesheet that hides
 * everything else; both are removed when printing ends, so nothing print-only stays in the live page. The copy
 * is made inert first (../core/safe-copy.ts): printing never runs the site's code or loads anything again.
 * Constructed stylesheets keep it working under a strict `style-src 'self'` policy.
 */
import { buildGrid } from './table-grid.js';
import { skipSelector, titleOutside } from './article.js';
import { safeCopy } from '../core/safe-copy.js';

export const VIEW_ATTR = 'data-yidu-print-view';

// The same technique as src/effects/adopted.ts, repeated here (a few lines) so this chunk does not pull that
// module out of the first-load bundle into a shared chunk.
const BOOST = ':not(#_):not(#_):not(#_)';
function adopt(sheet: CSSStyleSheet, on: boolean, doc: Document): void {
  const sheets = doc.adoptedStyleSheets;
  if (on && !sheets.includes(sheet)) doc.adoptedStyleSheets = [...sheets, sheet];
  else if (!on) doc.adoptedStyleSheets = sheets.filter((s) => s !== sheet);
}

const V = `[${VIEW_ATTR}]${BOOST}`;
const CSS = `
@media screen { ${V} { display: none !important; } }
@media print {
  @page { size: A4; margin: 16mm 15mm 18mm; }
  html${BOOST}, body${BOOST} { background: #fff !important; margin: 0 !important; padding: 0 !important;
    width: auto !important; min-width: 0 !important; height: auto !important; overflow: visible !important;
    display: block !important; }
  body${BOOST} > :not([${VIEW_ATTR}]) { display: none !important; }
  ${V} { display: block !important; position: static !important; color: #000 !important; background: #fff !important;
    font-size: 12pt !important; line-height: 1.7 !important; width: auto !important; max-width: none !important; }
  ${V} * { color: #000 !important; background: transparent !important; box-shadow: none !important;
    max-width: 100% !important; float: none !important; position: static !important; visibility: visible !important; }
  ${V} h1 { font-size: 18pt !important; text-align: center !important; margin: 0 0 8pt !important; }
  ${V} h2 { font-size: 15pt !important; } ${V} h3 { font-size: 13pt !important; }
  ${V} h1, ${V} h2, ${V} h3, ${V} h4, ${V} h5, ${V} h6, ${V} caption { break-after: avoid; page-break-after: avoid; }
  ${V} p { orphans: 2; widows: 2; }
  ${V} table { border-collapse: collapse !important; width: 100% !important; margin: 6pt 0 !important;
    font-size: 10pt !important; line-height: 1.4 !important; table-layout: auto !important; }
  ${V} th, ${V} td { border: 0.75pt solid #000 !important; padding: 2pt 4pt !important; font-size: 10pt !important;
    text-indent: 0 !important; }
  ${V} th { background: #eee !important; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  ${V} thead { display: table-header-group !important; }
  ${V} tfoot { display: table-footer-group !important; }
  ${V} tr, ${V} img, ${V} li { break-inside: avoid !important; page-break-inside: avoid !important; }
  ${V} a { text-decoration: none !important; }
  ${V} img { height: auto !important; }
  ${V} .yidu-placeholder { border: 0.75pt dashed #000 !important; padding: 2pt 4pt !important; margin: 4pt 0 !important;
    text-indent: 0 !important; overflow-wrap: anywhere; }
  ${V} .yidu-print-footer { margin-top: 16pt !important; padding-top: 4pt !important; border-top: 0.75pt solid #000 !important;
    font-size: 9pt !important; line-height: 1.5 !important; text-indent: 0 !important; }
  ${V} .yidu-print-footer p { margin: 0 !important; text-indent: 0 !important; font-size: 9pt !important; overflow-wrap: anywhere; }
}`;

let sheet: CSSStyleSheet | null = null;

export interface PrintLabels {
  source: string;
  printed: string;
}

/** Removes the print view and its stylesheet (idempotent). */
export function removePrintView(doc: Document = document): void {
  for (const el of doc.querySelectorAll(`[${VIEW_ATTR}]`)) el.remove();
  if (sheet) adopt(sheet, false, doc);
}

/** Builds the print view for `root`; returns it (it stays until `removePrintView`). */
export function buildPrintView(root: Element, skip: string, labels: PrintLabels): HTMLElement {
  const doc = root.ownerDocument;
  removePrintView(doc);
  const view = doc.createElement('div');
  view.setAttribute(VIEW_ATTR, '');
  const lang = root.closest('[lang]')?.getAttribute('lang');
  if (lang) view.lang = lang;
  const { title, meta } = titleOutside(root);
  const skipSel = skipSelector(skip);
  for (const el of [title, meta, root]) if (el) view.append(printableCopy(el, skipSel, doc));

  const footer = doc.createElement('div');
  footer.className = 'yidu-print-footer';
  const source = doc.createElement('p');
  source.textContent = labels.source + doc.defaultView!.location.href;
  const printed = doc.createElement('p');
  printed.textContent = labels.printed + localDate(new Date());
  footer.append(source, printed);
  view.append(footer);

  doc.body.append(view);
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  adopt(sheet, true, doc);
  return view;
}

function localDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/**
 * A copy without what is not the article (yidu's controls, scripts, ads and site-marked parts, anything the
 * reader cannot see right now), made by ../core/safe-copy.ts so that printing never runs the site's code or loads
 * anything again; header rows are arranged while it is still inert.
 */
function printableCopy(original: Element, skip: string, doc: Document): Element {
  const copy = safeCopy(original, { skip });
  for (const table of copy.querySelectorAll('table')) headerToThead(table);
  return doc.adoptNode(copy);
}

/** Report tables rarely use <thead>; move their leading header rows into one so print repeats them. */
function headerToThead(table: HTMLTableElement): void {
  if (table.tHead) return;
  const rows = Array.from(table.rows).filter((r) => r.closest('table') === table);
  const grid = buildGrid(
    rows.map((r) => Array.from(r.cells).map((c) => ({ source: c, rowSpan: c.rowSpan, colSpan: c.colSpan, header: c.localName === 'th' }))),
  );
  if (grid.headerRows === 0) return;
  const thead = table.createTHead();
  for (const r of rows.slice(0, grid.headerRows)) thead.append(r);
}

/** Opens the print dialog for the article alone; the print view is removed when printing ends. */
export function printArticle(root: Element, skip: string, labels: PrintLabels): void {
  const doc = root.ownerDocument;
  const win = doc.defaultView!;
  buildPrintView(root, skip, labels);
  const media = win.matchMedia('print');
  let printing = false;
  const onMedia = () => {
    if (media.matches) printing = true;
    else if (printing) done();
  };
  const done = () => {
    win.removeEventListener('afterprint', done);
    media.removeEventListener('change', onMedia);
    removePrintView(doc);
  };
  // afterprint is the signal; a media change back to screen covers browsers that do not send it.
  win.addEventListener('afterprint', done);
  media.addEventListener('change', onMedia);
  win.print();
}
