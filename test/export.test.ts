/**
 * 打印文章, 下载Word, 下载PDF: what a reader gets. Word files are opened with LibreOffice and PDFs read back
 * with pdftotext (server-side, through test/plugins/export-check.mjs); printing is checked on the print
 * view while the print dialog would be open, with the page's media emulated as print.
 */
import { expect } from 'chai';
import { emulateMedia, executeServerCommand } from '@web/test-runner-commands';
import { button, buttons, closeAll, openPage, pageHtml, ready, settle, uniqueKey, waitFor, type TestPage } from './helpers.js';

interface ExportDetail {
  format: string;
  fileName: string;
  blob: Blob | null;
  url: string | null;
}

const REPORT = `<header id="chrome"><p>长河市人民政府 首页 政务公开</p><nav><a href="#">导航</a></nav></header>
<main id="main">
  <h1>长河市2025年政府信息公开工作年度报告</h1>
  <p class="meta">发布时间：2026-01-15　来源：市政府办公室</p>
  <div class="tools"><yidu-print></yidu-print><yidu-download format="docx"></yidu-download><yidu-download format="pdf"></yidu-download></div>
  <div id="zoom">
    <h2>一、总体情况</h2>
    <p id="p1">本年度，长河市坚持以公开为常态、不公开为例外，<strong>主动公开</strong>各类信息三千余条，<em>依申请公开</em>办理规范。</p>
    <p id="p2">详情请见<a href="https://example.org/guide">政府信息公开指南</a>，或到市政务服务中心现场查阅。</p>
    <h3>（一）主动公开</h3>
    <p id="p3">全年召开新闻发布会十二场，发布政策解读材料四十余件，回应社会关切，做到应公开尽公开，确保信息发布及时、准确、完整，让群众看得到、听得懂、能监督。</p>
    <ul><li>完善公开目录</li><li>规范答复文书</li></ul>
    <ol><li>第一项改进措施</li><li>第二项改进措施</li></ol>
    <p><img src="/test/fixtures/red-seal.png" alt="市政府印章"> <img src="/test/fixtures/missing.png" alt="缺失的示意图"> <img src="http://127.0.0.1:9/seal.png" alt="外站图片"></p>
    <table id="t1">
      <caption>表1　收到和处理政府信息公开申请情况</caption>
      <tr><th colspan="2" rowspan="2">项目</th><th colspan="2">申请人情况</th></tr>
      <tr><th>自然人</th><th>法人</th></tr>
      <tr><th rowspan="2">办理结果</th><th>予以公开</th><td>31</td><td>5</td></tr>
      <tr><th>不予公开</th><td>7</td><td>2</td></tr>
      <tr><th colspan="2">总计</th><td>38</td><td>7</td></tr>
    </table>
    <p id="p4">针对上述问题，下一年度将重点做好以下工作。</p>
    <aside data-yidu-elder="hide"><p>广告：欢迎参加长河文旅节</p></aside>
  </div>
</main>
<footer id="site-footer"><p>主办单位：长河市人民政府办公室</p></footer>`;

const BODY_TEXTS = [
  '本年度，长河市坚持以公开为常态、不公开为例外，主动公开各类信息三千余条，依申请公开办理规范。',
  '详情请见政府信息公开指南，或到市政务服务中心现场查阅。',
  '全年召开新闻发布会十二场',
  '完善公开目录',
  '第二项改进措施',
  '针对上述问题，下一年度将重点做好以下工作。',
];
const CELLS = ['项目', '申请人情况', '自然人', '法人', '办理结果', '予以公开', '不予公开', '总计', '31', '38', '7'];

const FONT = '/dist/fonts/NotoSansSC-Regular.ttf';

async function report(script = 'data-content="#main"', body = REPORT): Promise<TestPage> {
  return openPage({ body, script: `${script} data-toolbar="none"` });
}

/** The next file an element hands to the browser (cancelled, so nothing is saved in the test browser). */
function nextExport(page: TestPage): Promise<ExportDetail> {
  return new Promise((resolve) =>
    page.doc.addEventListener(
      'yidu-export',
      (e) => {
        e.preventDefault();
        resolve((e as CustomEvent<ExportDetail>).detail);
      },
      { once: true },
    ),
  );
}

async function base64(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** Runs a conversion on the server and waits for it (LibreOffice may take longer than a command may). */
async function convert<T>(command: string, blob: Blob): Promise<T> {
  const { job } = (await executeServerCommand(command, { data: await base64(blob) })) as { job: string };
  return poll<T>(job);
}

async function poll<T>(job: string): Promise<T> {
  for (;;) {
    const state = (await executeServerCommand('yidu-job', { job })) as { done: boolean; result?: T; error?: string };
    if (state.done) {
      if (state.error) throw new Error(state.error);
      return state.result!;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}
const docxToText = (blob: Blob) => convert<{ text: string; html: string }>('yidu-docx-to-text', blob);
const pdfToText = (blob: Blob) => convert<{ text: string; raw: string; pages: number; images: string[] }>('yidu-pdf-to-text', blob);

/** The CSS LibreOffice wrote for the class of the first `tag` whose text starts with `text`. */
function cssOf(html: string, tag: string, text: string): string {
  const m = new RegExp(`<${tag} class="([\\w-]+)"[^>]*>(?:<span[^>]*>)?${text}`).exec(html);
  if (!m) throw new Error(`no <${tag}> with "${text}"`);
  return new RegExp(`\\.${m[1]} \\{([^}]*)\\}`).exec(html)?.[1] ?? '';
}

const squash = (s: string) => s.replace(/\s+/g, '');
const live = (page: TestPage) => page.doc.querySelector('yidu-live-region')?.shadowRoot?.querySelector('[role=status]')?.textContent ?? '';
const host = (page: TestPage, sel: string) => page.doc.querySelector(sel)!;

describe('下载Word', function () {
  this.timeout(120000);
  afterEach(closeAll);

  it('makes a real .docx named after the page, with every paragraph, heading and table cell', async () => {
    const page = await report();
    const got = nextExport(page);
    button(host(page, 'yidu-download[format=docx]'), '下载Word').click();
    const file = await got;
    expect(file.format).to.equal('docx');
    expect(file.fileName).to.equal('测试页面.docx');
    expect(file.blob!.type).to.equal('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const { text, html } = await docxToText(file.blob!);
    const flat = squash(text);
    for (const t of BODY_TEXTS) expect(flat, t).to.include(squash(t));
    for (const t of ['长河市2025年政府信息公开工作年度报告', '发布时间：2026-01-15', '一、总体情况', '（一）主动公开', '表1']) {
      expect(flat, t).to.include(squash(t));
    }
    const lines = text.split('\n').map((l) => l.trim());
    for (const cell of CELLS) expect(lines, cell).to.include(cell);
    // Ads, site chrome and yidu's own controls are not the article.
    for (const t of ['广告', '主办单位', '导航', '下载Word', '打印文章']) expect(flat, t).not.to.include(t);
    // Structure as LibreOffice reads it: heading levels, bold, italic, link, lists, merged cells, image.
    expect(html).to.match(/<p class="Heading_20_1"><span[^>]*>长河市2025年/);
    expect(html).to.match(/<p class="Heading_20_2"><span[^>]*>一、总体情况/);
    expect(html).to.match(/<p class="Heading_20_3"><span[^>]*>（一）主动公开/);
    expect(cssOf(html, 'span', '主动公开')).to.include('font-weight:bold');
    expect(cssOf(html, 'span', '依申请公开')).to.include('font-style:italic');
    // 首行缩进两字符 (24 pt at 12 pt text) on body paragraphs, none on the meta line.
    expect(cssOf(html, 'p', '本年度，长河市')).to.match(/text-indent:0\.33\d*in/);
    expect(cssOf(html, 'p', '发布时间')).not.to.match(/text-indent:0\.3/);
    expect(html).to.include('href="https://example.org/guide"');
    expect(html).to.match(/<ul[\s>]/);
    expect(html).to.match(/<ol[\s>]/);
    expect(html).to.match(/<t[dh][^>]*colspan="2"[^>]*rowspan="2"|<t[dh][^>]*rowspan="2"[^>]*colspan="2"/);
    expect(html).to.match(/<t[dh][^>]*rowspan="2"[^>]*>[\s\S]{0,200}?办理结果/);
    expect(html).to.match(/<img[^>]*alt="市政府印章"/);
    // Images that failed to load or live on another origin are kept as their alt text (never fetched).
    expect(flat).to.include('[缺失的示意图]');
    expect(flat).to.include('[外站图片]');
    expect(html.match(/<img/g)).to.have.length(1);
    expect(page.errors).to.deep.equal([]);
  });

  it('sets East Asian fonts, the first-line indent and repeated header rows in the file itself', async () => {
    const page = await report();
    const got = nextExport(page);
    button(host(page, 'yidu-download[format=docx]'), '下载Word').click();
    const xml = await unzipText((await got).blob!, ['word/document.xml', 'word/styles.xml']);
    expect(xml['word/styles.xml']).to.match(/w:eastAsia="宋体"/);
    expect(xml['word/styles.xml']).to.match(/w:eastAsia="黑体"/);
    expect(xml['word/styles.xml']).to.match(/<w:lang [^>]*w:eastAsia="zh-CN"/);
    expect(xml['word/document.xml']).to.match(/w:firstLineChars="200"/);
    // The two header rows of the table repeat on each page.
    expect((xml['word/document.xml']!.match(/<w:tblHeader\/>|<w:tblHeader w:val="true"\/>|<w:tblHeader \/>/g) ?? []).length).to.equal(2);
  });

  it('uses Traditional fonts and language on a Traditional page', async () => {
    const page = await openPage({
      lang: 'zh-TW',
      script: 'data-content="#main" data-toolbar="none"',
      body: '<main id="main"><h1>年度報告</h1><yidu-download format="docx"></yidu-download><p>本年度依申請公開工作規範有序。</p></main>',
    });
    const got = nextExport(page);
    button(host(page, 'yidu-download'), '下載Word').click();
    const xml = await unzipText((await got).blob!, ['word/styles.xml', 'word/document.xml']);
    expect(xml['word/styles.xml']).to.match(/w:eastAsia="新細明體"/);
    expect(xml['word/styles.xml']).to.match(/<w:lang [^>]*w:eastAsia="zh-TW"/);
    expect(xml['word/document.xml']).to.include('本年度依申請公開工作規範有序。');
  });

  it('keeps every cell of malformed tables: ragged rows, spans past the end, overlapping merges', async () => {
    const body = `<main id="main"><h1>畸形表格</h1><yidu-download format="docx"></yidu-download><table>
      <tr><td>甲1</td><td>甲2</td><td>甲3</td><td>甲4</td><td>甲5</td></tr>
      <tr><td rowspan="9">乙1长</td><td colspan="40">乙2宽</td></tr>
      <tr><td>丙1</td></tr>
      <tr><td>丁1</td><td rowspan="0">丁2到底</td><td>丁3</td><td>丁4</td><td>丁5</td><td>丁6多出</td></tr>
      <tr></tr>
      <tr><td colspan="0">戊1</td><td rowspan="-3">戊2</td></tr>
    </table></main>`;
    const page = await report(undefined, body);
    const got = nextExport(page);
    button(host(page, 'yidu-download'), '下载Word').click();
    const { text } = await docxToText((await got).blob!);
    const lines = text.split('\n').map((l) => l.trim());
    for (const t of ['甲1', '甲5', '乙1长', '乙2宽', '丙1', '丁1', '丁2到底', '丁6多出', '戊1', '戊2']) expect(lines, t).to.include(t);
    expect(page.errors).to.deep.equal([]);
  });

  it('an empty article gives a clear message and no file', async () => {
    const page = await report(undefined, '<main id="main"><yidu-download format="docx"></yidu-download><div>  </div></main>');
    let files = 0;
    page.doc.addEventListener('yidu-export', () => files++);
    button(host(page, 'yidu-download'), '下载Word').click();
    await waitFor(() => live(page) === '没有找到可导出的正文。', 'the empty-article message', 15000);
    const note = host(page, 'yidu-download').shadowRoot!.querySelector('[part=note]')!;
    expect(note.textContent).to.equal('没有找到可导出的正文。');
    expect(files).to.equal(0);
    expect(page.errors).to.deep.equal([]);
  });

  it('a 5,000-row table becomes a valid file', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `<tr><td>第${i + 1}行</td><td>${i * 3}</td><td>备注</td></tr>`).join('');
    const page = await report(undefined, `<main id="main"><h1>大表</h1><yidu-download format="docx"></yidu-download>
      <table><tr><th>序号</th><th>数值</th><th>备注</th></tr>${rows}</table></main>`);
    const got = nextExport(page);
    button(host(page, 'yidu-download'), '下载Word').click();
    const xml = await unzipText((await got).blob!, ['word/document.xml']);
    const doc = xml['word/document.xml']!;
    expect((doc.match(/<w:tr[ >]/g) ?? []).length).to.equal(5001);
    expect(doc).to.include('第5000行');
    expect(page.errors).to.deep.equal([]);
  });

  it('shows and announces a busy state while loading, then the result', async () => {
    const page = await report();
    const b = () => buttons(host(page, 'yidu-download[format=docx]'))[0]!;
    const got = nextExport(page);
    b().click();
    await settle(page);
    expect(b().getAttribute('aria-busy')).to.equal('true');
    expect(['正在加载…', '正在生成…']).to.include(b().textContent!.trim());
    const file = await got;
    await waitFor(() => b().getAttribute('aria-busy') === 'false', 'the busy state to end');
    expect(b().textContent!.trim()).to.equal('下载Word');
    await waitFor(() => live(page) === `文件已生成：${file.fileName}`, 'the done message');
  });

  it('a chunk that fails to load says so, and the next click retries', async () => {
    const key = uniqueKey();
    const frame = document.createElement('iframe');
    const html = pageHtml({ body: REPORT, script: 'data-content="#main" data-toolbar="none"' }, key).replace(
      '/dist/yidu.js',
      `/fail-once/docx-export-${Math.random().toString(36).slice(2)}/dist/yidu.js`,
    );
    frame.srcdoc = html;
    const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
    document.body.append(frame);
    await loaded;
    const page = { frame, win: frame.contentWindow, doc: frame.contentDocument!, key } as unknown as TestPage;
    Object.defineProperty(page, 'errors', { get: () => (frame.contentWindow as unknown as { __errors: string[] }).__errors });
    await ready(page);
    try {
      const el = host(page, 'yidu-download[format=docx]');
      let files = 0;
      page.doc.addEventListener('yidu-export', (e) => (e.preventDefault(), files++));
      button(el, '下载Word').click();
      await waitFor(() => live(page) === '功能加载失败，请稍后重试。', 'the load-failure message', 15000);
      expect(el.shadowRoot!.querySelector('[part=note]')!.textContent).to.equal('功能加载失败，请稍后重试。');
      expect(files).to.equal(0);
      expect(page.errors.some((e) => e.includes('[yidu] could not load the Word export'))).to.equal(true);
      await settle(page);
      const got = nextExport(page);
      button(el, '下载Word').click();
      let timer = 0;
      const file = await Promise.race([
        got,
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no file after retry: ${live(page)} ${page.errors.join(' | ')}`)), 20000);
        }),
      ]).finally(() => clearTimeout(timer));
      expect(file.blob!.size).to.be.greaterThan(1000);
      await settle(page);
      expect(el.shadowRoot!.querySelector('[part=note]')).to.equal(null);
    } finally {
      frame.remove();
    }
  });
});

describe('下载PDF', function () {
  this.timeout(120000);
  afterEach(closeAll);

  it(`with a font configured, makes a searchable A4 PDF: text, table cells, page numbers, Chinese line breaks`, async () => {
    const page = await report(`data-content="#main" data-font="${FONT}"`);
    const got = nextExport(page);
    button(host(page, 'yidu-download[format=pdf]'), '下载PDF').click();
    const file = await got;
    expect(file.fileName).to.equal('测试页面.pdf');
    expect(file.blob!.type).to.equal('application/pdf');
    // Font subset to the glyphs used: far smaller than the 10 MB font.
    expect(file.blob!.size).to.be.lessThan(400_000);
    const { text, pages, images } = await pdfToText(file.blob!);
    const flat = squash(text);
    // The same-origin image is in the PDF (40×24 px); the others are alt text.
    expect(images).to.deep.equal(['40x24']);
    expect(flat).not.to.include('[市政府印章]');
    for (const t of BODY_TEXTS) expect(flat, t).to.include(squash(t));
    for (const t of ['长河市2025年政府信息公开工作年度报告', '发布时间：2026-01-15', '一、总体情况', '表1']) expect(flat, t).to.include(squash(t));
    for (const cell of CELLS) expect(text, cell).to.include(cell);
    expect(flat).to.include('[缺失的示意图]');
    expect(flat).to.include('[外站图片]');
    expect(flat).not.to.include('广告');
    expect(pages).to.equal(1);
    expect(text).to.include('第1页 共1页');
    for (const line of text.split('\n')) expect(line.trim(), line).not.to.match(/^[，。、；：？！」』）》]/);
    expect(page.errors).to.deep.equal([]);
  });

  it('breaks long Chinese text over pages without a line starting with closing punctuation, numbering every page', async () => {
    const sentence = '依申请公开工作规范有序，全年共收到申请四十二件。均在法定期限内答复；群众满意度较高：“好！”（详见附表）《条例》规定、';
    const paras = Array.from({ length: 40 }, (_, i) => `<p>第${i + 1}段。${sentence.repeat(4)}</p>`).join('');
    const rows = Array.from({ length: 120 }, (_, i) => `<tr><td>${i + 1}</td><td>${i % 7 ? '事项' : '合并事项'}</td><td>${i * 2}</td></tr>`).join('');
    const page = await report(`data-content="#main" data-font="${FONT}"`, `<main id="main"><h1>长文</h1><yidu-download format="pdf"></yidu-download>${paras}
      <table><tr><th>序号</th><th>事项</th><th>数量</th></tr>${rows}</table></main>`);
    const got = nextExport(page);
    button(host(page, 'yidu-download'), '下载PDF').click();
    const { text, pages } = await pdfToText((await got).blob!);
    expect(pages).to.be.greaterThan(3);
    const pageTexts = text.split('\f').filter((p) => p.trim());
    pageTexts.forEach((p, i) => expect(p, `page ${i + 1}`).to.include(`第${i + 1}页 共${pages}页`));
    for (const line of text.split('\n')) expect(line.trim(), line).not.to.match(/^[，。、；：？！」』）》]/);
    expect(squash(text)).to.include(squash(`第40段。${sentence}`));
    // The header row is repeated on each page the table reaches.
    const tablePages = pageTexts.filter((p) => /合并事项/.test(p));
    expect(tablePages.length).to.be.greaterThan(1);
    for (const p of tablePages) expect(p).to.include('序号');
    expect(text).to.include('120');
  });

  it('a 5,000-row table becomes a valid multi-page PDF with every row', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `<tr><td>第${i + 1}行</td><td>${i * 3}</td><td>备注</td></tr>`).join('');
    const page = await report(`data-content="#main" data-font="${FONT}"`, `<main id="main"><h1>大表</h1>
      <yidu-download format="pdf"></yidu-download><table><tr><th>序号</th><th>数值</th><th>备注</th></tr>${rows}</table></main>`);
    const got = nextExport(page);
    button(host(page, 'yidu-download'), '下载PDF').click();
    const { text, pages } = await pdfToText((await got).blob!);
    expect(pages).to.be.greaterThan(50);
    const lines = new Set(text.split('\n').map((l) => l.trim()));
    for (const n of [1, 2500, 5000]) expect(lines.has(`第${n}行`), `row ${n}`).to.equal(true);
    expect(text).to.include(`第${pages}页 共${pages}页`);
    expect(page.errors).to.deep.equal([]);
  });

  it('with href, downloads the site’s own file', async () => {
    const page = await report('data-content="#main"', `<main id="main"><h1>报告</h1><yidu-download format="pdf" href="/files/青禾年报.pdf"></yidu-download></main>`);
    const got = nextExport(page);
    button(host(page, 'yidu-download'), '下载PDF').click();
    const file = await got;
    expect(file.url).to.equal(new URL('/files/青禾年报.pdf', location.origin).href);
    expect(file.fileName).to.equal('青禾年报.pdf');
    expect(file.blob).to.equal(null);
  });

  it('without href or font, opens the print dialog and says to choose “Save as PDF”', async () => {
    const page = await report();
    let printed = 0;
    page.win.print = () => {
      printed++;
      expect(page.doc.querySelector('[data-yidu-print-view]')).not.to.equal(null);
    };
    button(host(page, 'yidu-download[format=pdf]'), '下载PDF').click();
    await waitFor(() => printed === 1, 'print()', 15000);
    await settle(page);
    const note = host(page, 'yidu-download[format=pdf]').shadowRoot!.querySelector('[part=note]')!;
    expect(note.textContent).to.equal('请在打印对话框中选择“另存为PDF”。');
    page.win.dispatchEvent(new Event('afterprint'));
    expect(page.doc.querySelector('[data-yidu-print-view]')).to.equal(null);
  });

  it('a missing font file gives a clear message, and the next click can succeed', async () => {
    const page = await report('data-content="#main" data-font="/dist/fonts/none.ttf"');
    button(host(page, 'yidu-download[format=pdf]'), '下载PDF').click();
    await waitFor(() => live(page) === '文件生成失败，请稍后重试。', 'the failure message', 15000);
    expect(page.errors.some((e) => e.includes('[yidu] yidu-download: export failed.'))).to.equal(true);
    page.win.Yidu.configure({ font: FONT });
    const got = nextExport(page);
    button(host(page, 'yidu-download[format=pdf]'), '下载PDF').click();
    expect((await got).blob!.size).to.be.greaterThan(1000);
  });
});

describe('exports of the demo report', function () {
  this.timeout(180000);

  async function demo(): Promise<TestPage> {
    const frame = document.createElement('iframe');
    frame.style.cssText = 'width:1024px;height:700px;border:0';
    frame.src = '/demo/index.html';
    const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
    document.body.append(frame);
    await loaded;
    const page = { frame, win: frame.contentWindow, doc: frame.contentDocument!, key: '' } as unknown as TestPage;
    await waitFor(() => page.win.Yidu !== undefined, 'yidu on the demo');
    await page.win.Yidu.ready;
    await settle(page);
    return page;
  }

  /** Every paragraph, heading, list item and table cell of the demo's article, as text without spaces. */
  const pieces = (page: TestPage) =>
    Array.from(page.doc.querySelectorAll('#zoom :is(p, h2, h3, li, td, th, caption), #main h1'))
      .filter((el) => !el.closest('[data-yidu-elder="hide"]'))
      .map((el) => squash(el.textContent!))
      .filter(Boolean);

  for (const format of ['docx', 'pdf'] as const) {
    it(`${format}: every paragraph and table cell of the report is in the file`, async () => {
      const page = await demo();
      try {
        const got = nextExport(page);
        (page.doc.querySelector(`yidu-download[format=${format}]`)!.shadowRoot!.querySelector('button') as HTMLButtonElement).click();
        const file = await got;
        expect(file.fileName).to.equal('青禾县人民政府2025年政府信息公开工作年度报告.' + format);
        // Page numbers sit between the halves of a paragraph that crosses a page: leave them out.
        const raw = format === 'docx' ? (await docxToText(file.blob!)).text : (await pdfToText(file.blob!)).raw;
        const text = squash(raw.replace(/第\d+页 共\d+页/g, ''));
        const all = pieces(page);
        expect(all.length).to.be.greaterThan(200);
        for (const piece of all) expect(text, piece).to.include(piece);
      } finally {
        page.frame.remove();
      }
    });
  }
});

describe('打印文章', function () {
  this.timeout(60000);
  afterEach(async () => {
    await printMedia(false);
    closeAll();
  });

  it('prints only the article, with bordered tables, repeated headers, source and date; nothing stays afterwards', async () => {
    const page = await report();
    // The reader's own settings stay as they are after printing.
    page.win.Yidu.prefs.set({ fontSize: 'large' });
    await settle(page);
    const before = page.doc.body.innerHTML;
    const sheetsBefore = [...page.doc.adoptedStyleSheets];
    let snapshot: { view: HTMLElement | null; text: string; screenDisplay: string } | null = null;
    // Stands in for the dialog: the browser would print the page as it is at this moment.
    page.win.print = () => {
      const view = page.doc.querySelector<HTMLElement>('[data-yidu-print-view]');
      snapshot = { view, text: view?.textContent ?? '', screenDisplay: view ? page.win.getComputedStyle(view).display : '' };
    };
    button(host(page, 'yidu-print'), '打印文章').click();
    await waitFor(() => snapshot !== null, 'print()', 15000);
    const view = snapshot!.view!;
    expect(view).not.to.equal(null);
    // Never visible on screen.
    expect(snapshot!.screenDisplay).to.equal('none');
    const text = squash(snapshot!.text);
    for (const t of BODY_TEXTS) expect(text).to.include(squash(t));
    expect(text).to.include('长河市2025年政府信息公开工作年度报告');
    expect(text).to.include('发布时间：2026-01-15');
    expect(text).to.include(squash(`来源：${page.win.location.href}`));
    expect(text).to.match(/打印日期：\d{4}-\d{2}-\d{2}/);
    for (const t of ['广告', '主办单位', '导航']) expect(text).not.to.include(t);
    expect(view.querySelectorAll('yidu-print, yidu-download')).to.have.length(0);

    // While printing: only the view is shown; tables have borders, header rows repeat, rows do not split.
    // (Print media can be emulated in Chromium; Firefox driven over WebDriver BiDi offers no such command,
    // so there the print view and its clean-up are checked without it.)
    const win = page.win;
    if (await printMedia(true)) {
      expect(win.matchMedia('print').matches).to.equal(true);
      expect(win.getComputedStyle(page.doc.querySelector('#chrome')!).display).to.equal('none');
      expect(win.getComputedStyle(page.doc.querySelector('#main')!).display).to.equal('none');
      expect(win.getComputedStyle(page.doc.querySelector('#site-footer')!).display).to.equal('none');
      expect(win.getComputedStyle(view).display).to.equal('block');
      const thead = view.querySelector('table thead')!;
      expect(thead.querySelectorAll('tr')).to.have.length(2);
      expect(win.getComputedStyle(thead).display).to.equal('table-header-group');
      const td = view.querySelector('td')!;
      expect(win.getComputedStyle(td).borderTopStyle).to.equal('solid');
      expect(parseFloat(win.getComputedStyle(td).borderTopWidth)).to.be.greaterThan(0);
      expect(win.getComputedStyle(view.querySelector('tr')!).breakInside).to.equal('avoid');

      // Printing ended (the media is screen again; afterprint follows): the page is as it was.
      await printMedia(false);
    } else {
      const thead = view.querySelector('table thead')!;
      expect(thead.querySelectorAll('tr')).to.have.length(2);
    }
    win.dispatchEvent(new Event('afterprint'));
    expect(page.doc.querySelector('[data-yidu-print-view]')).to.equal(null);
    expect(page.doc.adoptedStyleSheets).to.deep.equal(sheetsBefore);
    await settle(page);
    expect(page.doc.body.innerHTML).to.equal(before);
    expect(page.errors).to.deep.equal([]);
  });

  it('the printed demo report holds the article only, with table headers repeated on every page', async () => {
    const { job } = (await executeServerCommand('yidu-print-page-pdf', { url: new URL('/demo/index.html', location.href).href })) as { job: string };
    const { text, pages } = await poll<{ text: string; pages: number }>(job);
    const flat = squash(text);
    expect(pages).to.be.greaterThan(1);
    expect(flat).to.match(/http:\/\/[^\s]+\/demo\/index\.html/);
    expect(flat).to.match(/\d{4}-\d{2}-\d{2}$/);
    if ((text.match(/\uFFFD/g) ?? []).length > 100) {
      // Firefox writes its PDFs without a Unicode map for these Chinese glyphs (pdftotext reads U+FFFD), so
      // only the Latin parts can be read back there; the layout checks below run where the text is readable.
      expect(flat).to.include('QH-000001/2026-00012');
      expect(flat).to.include('318.64');
      return;
    }
    expect(flat).to.include('青禾县人民政府2025年政府信息公开工作年度报告');
    expect(flat).to.include(squash('发布时间：2026-01-20'));
    expect(flat).to.include('本报告依照《中华人民共和国政府信息公开条例》');
    expect(flat).to.include('本年度青禾县未收取任何信息处理费');
    expect(flat).to.match(/来源：http:\/\/[^\s]+\/demo\/index\.html/);
    expect(flat).to.match(/打印日期：\d{4}-\d{2}-\d{2}/);
    // Site chrome, ads and yidu's controls are not printed.
    for (const t of ['政务服务互动交流', '当前位置', '网站标识码', '青禾文旅节', '长者模式', '下载Word']) expect(flat, t).not.to.include(t);
    // Table 2 runs over a page break: its header row is printed again on the next page.
    const pageTexts = text.split('\f');
    const withTable2 = pageTexts.filter((p) => /属于国家秘密|信访举报投诉类申请|（七）总计|四、结转下年度继续办理/.test(p));
    expect(withTable2.length).to.be.greaterThan(1);
    for (const p of withTable2) expect(squash(p)).to.include('申请人情况');
  });

  it('prints the text as the reader sees it now (after a script change on the page)', async () => {
    const page = await report();
    // Whatever changed the text on screen (简→繁 conversion, for one) is what gets printed.
    page.doc.querySelector('#p4')!.textContent = '針對上述問題，下一年度將重點做好以下工作。';
    let text = '';
    page.win.print = () => (text = page.doc.querySelector('[data-yidu-print-view]')!.textContent ?? '');
    button(host(page, 'yidu-print'), '打印文章').click();
    await waitFor(() => text !== '', 'print()', 15000);
    expect(text).to.include('針對上述問題');
    page.win.dispatchEvent(new Event('afterprint'));
    expect(page.doc.querySelector('[data-yidu-print-view]')).to.equal(null);
  });
});

describe('export controls', function () {
  this.timeout(60000);
  afterEach(closeAll);

  it('are in the toolbar, labelled in the page’s language', async () => {
    const page = await openPage({ body: '<main><p>正文。</p></main>', lang: 'zh-TW' });
    const bar = host(page, 'yidu-toolbar');
    expect(buttons(bar).map((b) => b.textContent!.trim())).to.include.members(['列印文章', '下載Word', '下載PDF']);
    const en = await openPage({ body: '<main><p>Text.</p></main>', lang: 'en' });
    expect(buttons(host(en, 'yidu-toolbar')).map((b) => b.textContent!.trim())).to.include.members(['Print article', 'Download Word', 'Download PDF']);
  });

  it('pass axe while busy, with a message shown, and idle', async () => {
    const page = await report('data-content="#main"', '<main id="main"><yidu-download format="docx"></yidu-download><yidu-download format="pdf"></yidu-download><yidu-print></yidu-print></main>');
    page.win.print = () => undefined;
    button(host(page, 'yidu-download[format=docx]'), '下载Word').click();
    button(host(page, 'yidu-download[format=pdf]'), '下载PDF').click();
    await settle(page);
    expect(await axeViolations(page)).to.deep.equal([]);
    await waitFor(() => !!host(page, 'yidu-download[format=docx]').shadowRoot!.querySelector('[part=note]'), 'the message');
    await waitFor(() => !!host(page, 'yidu-download[format=pdf]').shadowRoot!.querySelector('[part=note]'), 'the hint');
    await settle(page);
    expect(await axeViolations(page)).to.deep.equal([]);
    page.win.dispatchEvent(new Event('afterprint'));
  });

  it('no library is loaded before the first click', async () => {
    const page = await report();
    await new Promise((r) => setTimeout(r, 200));
    const names = (page.win.performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((e) => e.name);
    expect(names.filter((n) => n.includes('/chunks/'))).to.deep.equal([]);
  });
});

/** axe-core (WCAG 2.0–2.2 A/AA) violations inside yidu's elements. */
async function axeViolations(page: TestPage): Promise<string[]> {
  type Axe = { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }> };
  const win = page.win as unknown as { axe?: Axe };
  if (!win.axe) {
    const s = page.doc.createElement('script');
    s.src = '/node_modules/axe-core/axe.min.js';
    const loaded = new Promise((r, j) => ((s.onload = r), (s.onerror = j)));
    page.doc.head.append(s);
    await loaded;
  }
  const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
  const result = await win.axe!.run(page.doc, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
  return result.violations.flatMap((v) =>
    v.nodes.filter((n) => String(n.target[0]).startsWith('yidu-')).map((n) => `${v.id}: ${JSON.stringify(n.target)}`),
  );
}

/** Emulates print (or screen) media; false where the browser driver cannot. */
async function printMedia(on: boolean): Promise<boolean> {
  try {
    await emulateMedia({ media: on ? 'print' : 'screen' });
    return true;
  } catch (e) {
    if (String(e).includes('CDP support is required')) return false;
    throw e;
  }
}

/** Reads entries of a .docx (a zip) with the browser's own DecompressionStream. */
async function unzipText(blob: Blob, names: string[]): Promise<Record<string, string>> {
  const buf = new Uint8Array(await blob.arrayBuffer());
  const view = new DataView(buf.buffer);
  const out: Record<string, string> = {};
  let eocd = buf.length - 22;
  while (eocd >= 0 && view.getUint32(eocd, true) !== 0x06054b50) eocd--;
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  for (let i = 0; i < count; i++) {
    const method = view.getUint16(p + 10, true);
    const size = view.getUint32(p + 20, true);
    const nameLen = view.getUint16(p + 28, true);
    const extra = view.getUint16(p + 30, true);
    const comment = view.getUint16(p + 32, true);
    const local = view.getUint32(p + 42, true);
    const name = new TextDecoder().decode(buf.subarray(p + 46, p + 46 + nameLen));
    p += 46 + nameLen + extra + comment;
    if (!names.includes(name)) continue;
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const data = buf.subarray(start, start + size);
    const raw =
      method === 0 ? data : new Uint8Array(await new Response(new Blob([data]).stream().pipeThrough(new DecompressionStream('deflate-raw'))).arrayBuffer());
    out[name] = new TextDecoder().decode(raw);
  }
  return out;
}
