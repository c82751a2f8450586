/**
 * 下载PDF (generated): the article as a real, searchable text PDF built in the browser with pdf-lib and
 * fontkit (this module is a lazy chunk). The site's TrueType font, covering both 简 and 繁, is embedded as a
 * subset of the glyphs used. A4 pages, the title and headings, paragraphs wrapped by the rules of Chinese
 * typesetting, tables with merged cells whose header rows repeat on each page, and page numbers.
 */
import {
  PDFDocument,
  TextRenderingMode,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  setLineWidth,
  setStrokingColor,
  setTextRenderingMode,
  type PDFFont,
  type PDFImage,
  type PDFPage,
} from '@cantoo/pdf-lib';
import fontkit from '@cantoo/fontkit';
import { extractArticle, fileName, textOf, type Article, type Block } from './article.js';
import type { GridCell, TableGrid } from './table-grid.js';
import type { Inline } from './article.js';
import { wrapLines } from './cjk-lines.js';
import { loadImages } from './images.js';

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = { top: 56, bottom: 64, left: 56, right: 56 };
const WIDTH = A4.width - MARGIN.left - MARGIN.right;
const BODY = 11;
const LEADING = 1.65;
const HEADING_SIZES = [18, 15, 13, 12, 11, 11];
const TABLE_SIZE = 9;
const PAD = 3;
const BLACK = rgb(0, 0, 0);
const GREY = rgb(0.35, 0.35, 0.35);
const HEADER_FILL = rgb(0.93, 0.93, 0.93);

const fontCache = new Map<string, Promise<ArrayBuffer>>();

/** Fetches the font once per page; a failure is forgotten so the next attempt retries. */
export function loadFont(url: string): Promise<ArrayBuffer> {
  let p = fontCache.get(url);
  if (!p) {
    p = fetch(url, { credentials: 'same-origin' }).then(async (res) => {
      if (!res.ok) throw new Error(`font ${url}: HTTP ${res.status}`);
      const bytes = await res.arrayBuffer();
      const tag = new TextDecoder('latin1').decode(new Uint8Array(bytes, 0, 4));
      if (tag === 'wOFF' || tag === 'wOF2') throw new Error(`font ${url} is WOFF/WOFF2; a TrueType (.ttf) or OpenType (.otf) file is needed`);
      return bytes;
    });
    p.catch(() => fontCache.delete(url));
    fontCache.set(url, p);
  }
  return p;
}

export interface PdfOptions {
  fontUrl: string;
  /** "第{n}页 共{total}页" */
  pageLabel: string;
  /** Called once with characters the font cannot show. */
  onMissingGlyphs?: (chars: string) => void;
}

export async function articleToPdf(article: Article, options: PdfOptions): Promise<Blob> {
  const bytes = await loadFont(options.fontUrl);
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const font = await pdf.embedFont(bytes, { subset: true });
  pdf.setTitle(article.title, { showInWindowTitleBar: true });
  pdf.setLanguage(article.lang);
  pdf.setCreator('yidu');
  pdf.setProducer('yidu');

  // PNG and JPEG images go into the PDF; other formats, and images in table cells, stay alt text.
  const images = new Map<string, PDFImage>();
  for (const [src, img] of await loadImages(article)) {
    try {
      if (img.type === 'png') images.set(src, await pdf.embedPng(img.data));
      else if (img.type === 'jpg') images.set(src, await pdf.embedJpg(img.data));
    } catch {
      /* unreadable: kept as alt text */
    }
  }
  const layout = new Layout(pdf, font, images);
  checkGlyphs(article, font, options.onMissingGlyphs);
  for (const block of article.blocks) layout.block(block);
  layout.pageNumbers(options.pageLabel);
  const out = await pdf.save({ useObjectStreams: true });
  return new Blob([out as BlobPart], { type: 'application/pdf' });
}

/** Text of a list of inlines for the PDF: breaks as newlines, images not drawn as their alt text. */
function plain(inlines: Inline[], drawn?: Map<string, PDFImage>): string {
  return inlines
    .map((i) => {
      if (i.kind === 'text') return i.text;
      if (i.kind === 'break') return '\n';
      return (i.src && drawn?.has(i.src)) || !i.alt ? '' : `[${i.alt}]`;
    })
    .join('');
}

function checkGlyphs(article: Article, font: PDFFont, report?: (chars: string) => void): void {
  const fk = (font as unknown as { embedder?: { font?: { hasGlyphForCodePoint(c: number): boolean } } }).embedder?.font;
  if (!fk || !report) return;
  const seen = new Set<string>();
  const missing = new Set<string>();
  const visit = (s: string) => {
    for (const ch of s) {
      if (seen.has(ch)) continue;
      seen.add(ch);
      if (!/\s/.test(ch) && !fk.hasGlyphForCodePoint(ch.codePointAt(0)!)) missing.add(ch);
    }
  };
  for (const b of article.blocks) {
    if (b.kind === 'table') {
      visit(textOf(b.caption));
      for (const c of b.grid.cells) if (c.source) visit(textOf(c.source));
    } else visit(textOf(b.inlines));
  }
  if (missing.size) report([...missing].slice(0, 20).join(''));
}

interface CellLayout {
  cell: GridCell<Inline[]>;
  lines: string[];
  height: number;
}

class Layout {
  readonly #pdf: PDFDocument;
  readonly #font: PDFFont;
  #page!: PDFPage;
  #y = 0;
  readonly #widths = new Map<string, number>();
  readonly #images: Map<string, PDFImage>;

  constructor(pdf: PDFDocument, font: PDFFont, images: Map<string, PDFImage>) {
    this.#pdf = pdf;
    this.#font = font;
    this.#images = images;
    this.#newPage();
  }

  #newPage(): void {
    this.#page = this.#pdf.addPage([A4.width, A4.height]);
    this.#y = A4.height - MARGIN.top;
  }

  get #atTop(): boolean {
    return this.#y >= A4.height - MARGIN.top - 0.01;
  }

  #room(): number {
    return this.#y - MARGIN.bottom;
  }

  /** Width at 1 pt, per character (cached: measuring through fontkit per call is slow). */
  #measure = (s: string, size: number): number => {
    let w = 0;
    for (const ch of s) {
      let cw = this.#widths.get(ch);
      if (cw === undefined) {
        cw = this.#font.widthOfTextAtSize(ch, 1);
        this.#widths.set(ch, cw);
      }
      w += cw;
    }
    return w * size;
  };

  /** Draws text; `bold` strokes the outline too (one font file has no bold face; the text stays the same). */
  #text(s: string, x: number, y: number, size: number, color = BLACK, bold = false): void {
    if (!s) return;
    if (bold) {
      this.#page.pushOperators(pushGraphicsState(), setTextRenderingMode(TextRenderingMode.FillAndOutline),
        setLineWidth(size / 30), setStrokingColor(color));
    }
    this.#page.drawText(s, { x, y, size, font: this.#font, color });
    if (bold) this.#page.pushOperators(popGraphicsState());
  }

  block(block: Block): void {
    if (block.kind === 'table') return this.#table(block.grid, plain(block.caption));
    const text = plain(block.inlines, this.#images);
    if (block.kind === 'heading') {
      const size = HEADING_SIZES[block.level - 1]!;
      const lines = wrapLines(text, WIDTH, (s) => this.#measure(s, size));
      const lh = size * 1.5;
      // Keep a heading with at least two lines of what follows.
      if (!this.#atTop && this.#room() < lines.length * lh + size * 0.8 + 2 * BODY * LEADING) this.#newPage();
      this.#y -= this.#atTop ? 0 : size * 0.8;
      for (const line of lines) {
        const w = this.#measure(line, size);
        const x = block.level === 1 ? MARGIN.left + (WIDTH - w) / 2 : MARGIN.left;
        this.#y -= lh;
        this.#text(line, x, this.#y + (lh - size) / 2 + size * 0.12, size, BLACK, true);
      }
      this.#y -= size * 0.3;
      return;
    }
    const size = BODY;
    const indent = block.kind === 'paragraph' && block.indent ? 2 * size : 0;
    const lead = block.kind === 'list-item' ? (block.level + 1) * 2 * size : 0;
    const marker = block.kind === 'list-item' ? (block.ordered ? '' : '•') : '';
    const width = WIDTH - lead;
    const lines = text.trim() ? wrapLines(text, width, (s) => this.#measure(s, size), width - indent) : [];
    const lh = size * LEADING;
    const align = block.kind === 'paragraph' ? block.align : 'left';
    const muted = block.kind === 'paragraph' && !block.indent && align === 'center';
    lines.forEach((line, i) => {
      if (this.#room() < lh) this.#newPage();
      this.#y -= lh;
      const baseline = this.#y + (lh - size) / 2 + size * 0.12;
      const w = this.#measure(line, size);
      let x = MARGIN.left + lead + (i === 0 ? indent : 0);
      if (align === 'center') x = MARGIN.left + (WIDTH - w) / 2;
      else if (align === 'right') x = MARGIN.left + WIDTH - w;
      if (i === 0 && marker) this.#text(marker, MARGIN.left + lead - size * 1.2, baseline, size);
      this.#text(line, x, baseline, size, muted ? GREY : BLACK);
    });
    for (const i of block.inlines) if (i.kind === 'image' && i.src && this.#images.has(i.src)) this.#image(this.#images.get(i.src)!, i.width, i.height);
    this.#y -= size * 0.4;
  }

  /** An image on its own line, at its CSS size (96 px = 72 pt), shrunk to fit the column and the page. */
  #image(image: PDFImage, width: number, height: number): void {
    const scale = Math.min(0.75, WIDTH / width, (A4.height - MARGIN.top - MARGIN.bottom) / height);
    const w = width * scale;
    const h = height * scale;
    if (this.#room() < h + 4) this.#newPage();
    this.#y -= h + 4;
    this.#page.drawImage(image, { x: MARGIN.left, y: this.#y, width: w, height: h });
  }

  #table(grid: TableGrid<Inline[]>, caption: string): void {
    const size = TABLE_SIZE;
    const lh = size * 1.4;
    const measure = (s: string) => this.#measure(s, size);
    const colW = this.#columnWidths(grid, measure);
    const xs = [MARGIN.left];
    for (const w of colW) xs.push(xs[xs.length - 1]! + w);
    // Lay out every cell, then size rows so each merged cell fits in the rows it spans.
    const layouts = new Map<GridCell<Inline[]>, CellLayout>();
    const rowH = new Array<number>(grid.rows).fill(lh + 2 * PAD);
    for (const cell of grid.cells) {
      const w = xs[cell.col + cell.colSpan]! - xs[cell.col]! - 2 * PAD;
      const lines = cell.source ? wrapLines(plain(cell.source), Math.max(w, size), measure) : [];
      const height = Math.max(1, lines.length) * lh + 2 * PAD;
      layouts.set(cell, { cell, lines, height });
      if (cell.rowSpan === 1) rowH[cell.row] = Math.max(rowH[cell.row]!, height);
    }
    for (const cell of grid.cells) {
      if (cell.rowSpan === 1) continue;
      const last = cell.row + cell.rowSpan - 1;
      let sum = 0;
      for (let r = cell.row; r <= last; r++) sum += rowH[r]!;
      const need = layouts.get(cell)!.height;
      if (need > sum) rowH[last] = rowH[last]! + (need - sum);
    }

    if (caption) {
      const lines = wrapLines(caption, WIDTH, (s) => this.#measure(s, BODY));
      const firstBand = rowH.slice(0, Math.max(grid.headerRows + 1, 1)).reduce((a, b) => a + b, 0);
      if (!this.#atTop && this.#room() < lines.length * BODY * 1.5 + firstBand) this.#newPage();
      for (const line of lines) {
        this.#y -= BODY * 1.5;
        this.#text(line, MARGIN.left + (WIDTH - this.#measure(line, BODY)) / 2, this.#y + BODY * 0.35, BODY, BLACK, true);
      }
    }

    const header = grid.headerRows;
    const headerH = rowH.slice(0, header).reduce((a, b) => a + b, 0);
    const drawRows = (r0: number, r1: number) => {
      let top = this.#y;
      const rowTop: number[] = [];
      for (let r = r0; r < r1; r++) {
        rowTop[r - r0] = top;
        top -= rowH[r]!;
      }
      rowTop[r1 - r0] = top;
      const seen = new Set<GridCell<Inline[]>>();
      for (let r = r0; r < r1; r++) {
        for (const cell of grid.at[r]!) {
          if (seen.has(cell)) continue;
          seen.add(cell);
          const from = Math.max(cell.row, r0);
          const to = Math.min(cell.row + cell.rowSpan, r1);
          const yTop = rowTop[from - r0]!;
          const yBottom = rowTop[to - r0]!;
          const x = xs[cell.col]!;
          const w = xs[cell.col + cell.colSpan]! - x;
          this.#page.drawRectangle({
            x,
            y: yBottom,
            width: w,
            height: yTop - yBottom,
            borderColor: BLACK,
            borderWidth: 0.5,
            color: cell.header ? HEADER_FILL : undefined,
          });
          // The text sits in the fragment holding the cell's first row.
          if (cell.row < r0) continue;
          const { lines } = layouts.get(cell)!;
          let y = yTop - PAD;
          for (const line of lines) {
            y -= lh;
            const lw = measure(line);
            const tx = cell.header || lines.length === 1 ? x + Math.max(PAD, (w - lw) / 2) : x + PAD;
            this.#text(line, tx, y + (lh - size) / 2 + size * 0.12, size, BLACK, cell.header);
          }
        }
      }
      this.#y = top;
    };

    const pageRoom = A4.height - MARGIN.top - MARGIN.bottom;
    if (header) {
      if (this.#room() < headerH + (rowH[header] ?? 0)) this.#newPage();
      drawRows(0, header);
    }
    // Rows joined by a merged cell form a band kept on one page when it fits on one.
    let r = header;
    while (r < grid.rows) {
      let end = r + 1;
      for (let k = r; k < end; k++) for (const cell of grid.at[k]!) end = Math.max(end, cell.row + cell.rowSpan);
      const bandH = rowH.slice(r, end).reduce((a, b) => a + b, 0);
      if (bandH <= this.#room()) drawRows(r, end);
      else if (bandH <= pageRoom - headerH) {
        this.#continueTable(header, drawRows);
        drawRows(r, end);
      } else {
        // Taller than a page: as many rows as fit on each page, merged cells drawn once per page.
        let start = r;
        let used = 0;
        for (let k = r; k < end; k++) {
          if (used + rowH[k]! > this.#room() && k > start) {
            drawRows(start, k);
            this.#continueTable(header, drawRows);
            start = k;
            used = 0;
          }
          used += rowH[k]!;
        }
        drawRows(start, end);
      }
      r = end;
    }
    this.#y -= BODY;
  }

  #continueTable(header: number, drawRows: (r0: number, r1: number) => void): void {
    this.#newPage();
    if (header) drawRows(0, header);
  }

  /** Columns share the width by their content: at least their widest word, the rest by natural width. */
  #columnWidths(grid: TableGrid<Inline[]>, measure: (s: string) => number): number[] {
    const natural = new Array<number>(grid.cols).fill(0);
    const min = new Array<number>(grid.cols).fill(TABLE_SIZE * 2);
    for (const cell of grid.cells) {
      if (!cell.source || cell.colSpan !== 1) continue;
      const text = plain(cell.source);
      for (const line of text.split('\n')) natural[cell.col] = Math.max(natural[cell.col]!, measure(line) + 2 * PAD);
      for (const word of text.split(/\s+/)) if (/^[\x21-\x7e]+$/.test(word)) min[cell.col] = Math.max(min[cell.col]!, Math.min(measure(word), 80) + 2 * PAD);
    }
    for (let c = 0; c < grid.cols; c++) natural[c] = Math.max(natural[c]!, min[c]!);
    const sumNat = natural.reduce((a, b) => a + b, 0);
    if (sumNat <= WIDTH) return natural.map((n) => (n / sumNat) * WIDTH);
    const sumMin = min.reduce((a, b) => a + b, 0);
    if (sumMin >= WIDTH) return min.map((m) => (m / sumMin) * WIDTH);
    const spare = WIDTH - sumMin;
    const extra = natural.map((n, c) => n - min[c]!);
    const sumExtra = extra.reduce((a, b) => a + b, 0) || 1;
    return min.map((m, c) => m + (extra[c]! / sumExtra) * spare);
  }

  pageNumbers(label: string): void {
    const pages = this.#pdf.getPages();
    const size = 9;
    pages.forEach((page, i) => {
      const text = label.replace('{n}', String(i + 1)).replace('{total}', String(pages.length));
      const w = this.#measure(text, size);
      page.drawText(text, { x: (A4.width - w) / 2, y: MARGIN.bottom / 2 - size / 2, size, font: this.#font, color: GREY });
    });
  }
}

/** The article under `root` as a named PDF, or `null` when it has no text to export. */
export async function exportPdf(root: Element, skip: string, options: PdfOptions): Promise<{ blob: Blob; name: string } | null> {
  const article = extractArticle(root, { skip });
  return article.blocks.length ? { blob: await articleToPdf(article, options), name: fileName(root.ownerDocument, 'pdf') } : null;
}
