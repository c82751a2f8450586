/**
 * 下载Word: the article as a real .docx, built in the browser with the `docx` library (this module is a lazy
 * chunk). Headings keep their levels, body paragraphs get the two-character first-line indent of Chinese
 * reports, tables keep merged cells (rowspan/colspan) and repeat their header rows on every page.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalMergeType,
  WidthType,
  type ParagraphChild,
} from 'docx';
import { extractArticle, fileName, type Align, type Article, type Block, type ImageInline, type Inline } from './article.js';
import { loadImages, type ImageData } from './images.js';
import { isTraditional, traditionalRegion } from '../i18n/script.js';

/** Fonts Chinese readers' Word has, for 简 and 繁 text; Latin text keeps a standard serif. */
function fontsFor(lang: string) {
  return isTraditional(lang)
    ? { body: '新細明體', heading: '微軟正黑體', eastAsiaLang: traditionalRegion(lang) }
    : { body: '宋体', heading: '黑体', eastAsiaLang: 'zh-CN' };
}

const PAGE_WIDTH = 11906; // A4, twips
const MARGIN = 1440;
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
/** Largest image width in px at 96 dpi that fits the text column. */
const MAX_IMAGE_PX = Math.floor((CONTENT_WIDTH / 1440) * 96);

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const;


export async function articleToDocx(article: Article): Promise<Blob> {
  const fonts = fontsFor(article.lang);
  const images = await loadImages(article);
  const font = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: fonts.body, cs: 'Times New Roman' };
  const headingFont = { ascii: 'Arial', hAnsi: 'Arial', eastAsia: fonts.heading, cs: 'Arial' };
  const heading = (size: number, center = false) => ({
    run: { font: headingFont, size, bold: true, color: '000000' },
    paragraph: { spacing: { before: 240, after: 120 }, ...(center ? { alignment: AlignmentType.CENTER } : {}) },
  });

  const children: (Paragraph | Table)[] = [];
  for (const block of article.blocks) children.push(...blockToDocx(block, images));
  if (children.length === 0) children.push(new Paragraph({}));

  const doc = new Document({
    title: article.title,
    creator: 'yidu',
    styles: {
      default: {
        document: {
          run: { font, size: 24, language: { value: 'en-US', eastAsia: fonts.eastAsiaLang } },
          paragraph: { spacing: { line: 360, after: 60 } },
        },
        heading1: heading(36, true),
        heading2: heading(32),
        heading3: heading(28),
        heading4: heading(26),
        heading5: heading(24),
        heading6: heading(24),
      },
    },
    numbering: {
      config: [
        { reference: 'yidu-bullet', levels: levels(LevelFormat.BULLET, (i) => ['•', '◦', '▪'][i % 3]!) },
        { reference: 'yidu-ordered', levels: levels(LevelFormat.DECIMAL, (i) => `%${i + 1}.`) },
      ],
    },
    sections: [
      {
        properties: {
          page: { size: { width: PAGE_WIDTH, height: 16838 }, margin: { top: MARGIN, right: MARGIN, bottom: MARGIN, left: MARGIN } },
        },
        children,
      },
    ],
  });
  return Packer.toBlob(doc);
}

function levels(format: (typeof LevelFormat)[keyof typeof LevelFormat], text: (i: number) => string) {
  return Array.from({ length: 9 }, (_, i) => ({
    level: i,
    format,
    text: text(i),
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: 480 * (i + 1), hanging: 360 } } },
  }));
}

const HEADING_LEVELS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const;

function blockToDocx(block: Block, images: Map<string, ImageData>): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'heading':
      return [new Paragraph({ heading: HEADING_LEVELS[block.level - 1], children: runs(block.inlines, images) })];
    case 'paragraph':
      return [
        new Paragraph({
          alignment: ALIGN[block.align as Align],
          // 首行缩进两字符: both the character-based value Word uses and its twip equivalent at 12 pt.
          indent: block.indent ? { firstLineChars: 200, firstLine: 480 } : undefined,
          children: runs(block.inlines, images),
        }),
      ];
    case 'list-item':
      return [
        new Paragraph({
          numbering: block.ordered
            ? { reference: 'yidu-ordered', level: Math.min(block.level, 8), instance: block.list }
            : { reference: 'yidu-bullet', level: Math.min(block.level, 8) },
          children: runs(block.inlines, images),
        }),
      ];
    case 'table':
      return tableToDocx(block, images);
  }
}

function runs(inlines: Inline[], images: Map<string, ImageData>, extra: { bold?: boolean } = {}): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const i of inlines) {
    if (i.kind === 'break') out.push(new TextRun({ break: 1 }));
    else if (i.kind === 'image') out.push(imageRun(i, images));
    else {
      const run = new TextRun({ text: i.text, bold: i.bold || extra.bold, italics: i.italic, style: i.href ? 'Hyperlink' : undefined });
      out.push(i.href ? new ExternalHyperlink({ link: i.href, children: [run] }) : run);
    }
  }
  return out;
}

function imageRun(image: ImageInline, images: Map<string, ImageData>): ParagraphChild {
  const data = image.src ? images.get(image.src) : undefined;
  if (!data || !image.width || !image.height) {
    // Cross-origin, failed or unreadable: the reader still gets what the image says.
    return new TextRun({ text: image.alt ? `[${image.alt}]` : '' });
  }
  const scale = Math.min(1, MAX_IMAGE_PX / image.width);
  return new ImageRun({
    type: data.type,
    data: data.data,
    transformation: { width: Math.round(image.width * scale), height: Math.round(image.height * scale) },
    altText: { name: image.alt || 'image', description: image.alt, title: image.alt },
  });
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER };

function tableToDocx(block: Extract<Block, { kind: 'table' }>, images: Map<string, ImageData>): (Paragraph | Table)[] {
  const { grid } = block;
  const out: (Paragraph | Table)[] = [];
  if (block.caption.length) {
    out.push(new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, children: runs(block.caption, images, { bold: true }) }));
  }
  const colWidth = Math.floor(CONTENT_WIDTH / Math.max(1, grid.cols));
  const rows: TableRow[] = [];
  for (let r = 0; r < grid.rows; r++) {
    const cells: TableCell[] = [];
    for (let c = 0; c < grid.cols; ) {
      const cell = grid.at[r]![c]!;
      const starts = cell.row === r;
      // A slot covered by a cell merged down from above continues that merge; the text lives in the first row.
      const paragraphs =
        starts && cell.source
          ? [new Paragraph({ alignment: cell.header ? AlignmentType.CENTER : undefined, children: runs(cell.source, images, { bold: cell.header }) })]
          : [new Paragraph({})];
      cells.push(
        new TableCell({
          children: paragraphs,
          columnSpan: cell.colSpan > 1 ? cell.colSpan : undefined,
          verticalMerge: cell.rowSpan > 1 ? (starts ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE) : undefined,
          width: { size: colWidth * cell.colSpan, type: WidthType.DXA },
          shading: cell.header ? { type: ShadingType.CLEAR, fill: 'F2F2F2', color: 'auto' } : undefined,
          margins: { top: 40, bottom: 40, left: 80, right: 80 },
        }),
      );
      c += cell.colSpan;
    }
    rows.push(new TableRow({ children: cells, tableHeader: r < grid.headerRows, cantSplit: true }));
  }
  out.push(
    new Table({
      rows,
      width: { size: CONTENT_WIDTH, type: WidthType.DXA },
      columnWidths: Array.from({ length: grid.cols }, () => colWidth),
      borders: BORDERS,
    }),
  );
  // Word needs a paragraph between two tables, or it joins them.
  out.push(new Paragraph({}));
  return out;
}

/** The article under `root` as a named .docx, or `null` when it has no text to export. */
export async function exportDocx(root: Element, skip: string): Promise<{ blob: Blob; name: string } | null> {
  const article = extractArticle(root, { skip });
  return article.blocks.length ? { blob: await articleToDocx(article), name: fileName(root.ownerDocument, 'docx') } : null;
}
