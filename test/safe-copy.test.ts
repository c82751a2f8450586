/**
 * Copies of the article never run the site's code and never load anything: 打印文章, 纯文本, 下载Word and
 * 下载PDF (and `safeCopy()` / `extractArticle()`, which a search index calls) run on a page full of traps —
 * inline handlers of every kind, frames, autoplaying video, audio, object, embed, site custom elements that
 * count their constructions, lazy and responsive images — and the site's counters and the server's log of
 * the page's requests must be exactly as they were. Frames and media appear as a placeholder naming them.
 */
import { expect } from 'chai';
import { executeServerCommand } from '@web/test-runner-commands';
import { button, ready, settle, waitFor, type TestPage } from './helpers.js';
import { safeCopy } from '../src/core/safe-copy.js';
import { extractArticle, textOf } from '../src/export/article.js';

interface TrapPage extends TestPage {
  token: string;
  counts: () => Record<string, number>;
}

const frames: HTMLIFrameElement[] = [];

async function openTraps(): Promise<TrapPage> {
  // In front, as a reader's tab is: Chromium defers loading media in a tab that has never been in front, and
  // the traps must all have gone off before the test starts (see scripts/foreground.mjs).
  await executeServerCommand('yidu-foreground', { take: true });
  const token = `s${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`;
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width:900px;height:700px;border:0;display:block';
  frame.src = `/fresh/${token}/test/fixtures/safe-copy/traps.html`;
  frames.push(frame);
  const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as TrapPage['win'];
  const rec = win as unknown as { __counts: Record<string, number> };
  const page: TrapPage = {
    frame, win, doc: frame.contentDocument!, key: 'yidu-test:safe-copy', token, warnings: [], errors: [],
    counts: () => ({ ...rec.__counts }),
  };
  await ready(page);
  // Every trap went off once on the way in (a busy machine may take a while; the test checks them again).
  for (const until = performance.now() + 20000; performance.now() < until; await pause(100)) {
    const requests = await siteRequests(page);
    if (ARMED.every((file) => requests.some((r) => r.endsWith(file)))) break;
  }
  return page;
}

const ARMED = ['frame.html', 'clip.webm', 'sound.mp3', 'chart.svg', 'embed.svg', 'missing-picture.png'];

/** The site's requests the server saw for the page (yidu's own files, under /dist/, left out). */
async function siteRequests(p: TrapPage): Promise<string[]> {
  const log = (await executeServerCommand('yidu-requests', { token: p.token })) as { path: string }[];
  return log.map((r) => r.path.replace(`/fresh/${p.token}`, '')).filter((path) => !path.startsWith('/dist/')).sort();
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Lets every load the page started end, so the counters and the log stand still. */
async function quiet(p: TrapPage): Promise<{ counts: Record<string, number>; requests: string[] }> {
  let before = JSON.stringify([p.counts(), await siteRequests(p)]);
  for (;;) {
    await pause(400);
    const now = JSON.stringify([p.counts(), await siteRequests(p)]);
    if (now === before) return { counts: p.counts(), requests: await siteRequests(p) };
    before = now;
  }
}

function nextExport(p: TrapPage): Promise<{ format: string; blob: Blob | null }> {
  return new Promise((resolve) =>
    p.doc.addEventListener('yidu-export', (e) => {
      e.preventDefault();
      resolve((e as CustomEvent).detail);
    }, { once: true }),
  );
}

const PLACEHOLDERS = [
  `［嵌入内容：嵌入的地图　地址：${'/test/fixtures/safe-copy/frame.html'}］`,
  '［嵌入内容：内嵌说明］',
  '［视频：工作会议视频　地址：',
  '［音频：政策解读音频　地址：',
  '［嵌入内容：统计图　地址：',
  '［嵌入内容：附图　地址：',
];

/** Each placeholder, with the page's own address in front of the relative ones. */
function expectPlaceholders(text: string, p: TrapPage): void {
  const base = `${p.win.location.origin}/fresh/${p.token}`;
  for (const ph of PLACEHOLDERS) expect(text, ph).to.include(ph.replace('地址：/', `地址：${base}/`));
  expect(text).to.include(`/fresh/${p.token}/test/fixtures/safe-copy/clip.webm`);
  expect(text).to.include(`/fresh/${p.token}/test/fixtures/safe-copy/sound.mp3`);
}

describe('copies of the article never run the site\'s code or load anything', function () {
  this.timeout(120000);
  afterEach(async () => {
    await executeServerCommand('yidu-foreground', { take: false });
    for (const f of frames.splice(0)) {
      (f.contentWindow as TrapPage['win'] | null)?.Yidu?.prefs.reset();
      f.remove();
    }
  });

  it('打印文章, 纯文本, 下载Word, 下载PDF: no handler runs, no element is upgraded again, no request is made; frames and media are named', async () => {
    const p = await openTraps();
    let start = await quiet(p);
    // The traps are armed: the site's code ran and its files loaded once on the way in.
    expect(start.counts['img onerror'], 'the broken image').to.equal(1);
    expect(start.counts['iframe onload']).to.equal(1);
    expect(start.counts['site-counter constructed']).to.equal(1);
    expect(start.requests.filter((r) => r.endsWith('/frame.html'))).to.have.length(1);
    for (const file of ARMED) {
      expect(start.requests.some((r) => r.endsWith(file)), file).to.equal(true);
    }
    expect(start.requests.some((r) => r.includes('lazy')), 'the lazy image below the fold is not loaded').to.equal(false);
    const unchanged = async (what: string) => {
      const now = await quiet(p);
      expect(now.counts, `${what}: the site's code ran again`).to.deep.equal(start.counts);
      expect(now.requests, `${what}: the page requested files again`).to.deep.equal(start.requests);
    };

    // The reader typed and chose something.
    p.doc.querySelector<HTMLInputElement>('#autofocused')!.value = '读者输入的文字';
    p.doc.querySelector<HTMLInputElement>('#choice-a')!.checked = true;
    // 打印文章: the print view stays in the page while the dialog is open.
    // (Checked after print() returns: an exception inside it would be caught by the print button.)
    let view = null as Element | null;
    p.win.print = () => {
      view = p.doc.querySelector('[data-yidu-print-view]');
    };
    button(p.doc.querySelector('yidu-print')!, '打印文章').click();
    await waitFor(() => view !== null, 'print()', 20000);
    await unchanged('打印文章');
    const printed = view!.textContent!;
    // What the reader sees: the image that loaded, at the address it loaded from, nothing still to choose.
    const seal = view!.querySelector<HTMLImageElement>('img[alt=县政府印章]')!;
    expect(seal.getAttribute('src')).to.equal(p.doc.querySelector<HTMLImageElement>('#seal')!.currentSrc);
    const responsive = view!.querySelector<HTMLImageElement>('img[alt=响应式图片]')!;
    expect(responsive.getAttribute('src')).to.equal(p.doc.querySelector<HTMLImageElement>('#responsive')!.currentSrc);
    // A picture that failed, or is not loaded yet (lazy, below the fold), prints as its alt text.
    for (const alt of ['缺失的示意图', '懒加载图片', '图片按钮']) expect(view!.querySelector(`img[alt=${alt}]`)!.hasAttribute('src'), alt).to.equal(false);
    expect(view!.querySelectorAll('[srcset], [sizes], [loading], source, iframe, video, audio, object, embed, script, site-counter, [is]')).to.have.length(0);
    expect(Array.from(view!.querySelectorAll('*')).flatMap((el) => el.getAttributeNames().filter((n) => n.startsWith('on')))).to.deep.equal([]);
    expect(view!.querySelector('a')!.hasAttribute('href'), 'a javascript: link').to.equal(false);
    // Customized built-ins keep their tag; form fields keep what the reader typed and chose, and a copied
    // radio button (no name, no group) leaves the page's own checked.
    const customized = Array.from(view!.querySelectorAll('*')).find((el) => el.firstChild?.nodeValue?.startsWith('定制段落'));
    expect(customized?.localName).to.equal('p');
    expect(view!.querySelector<HTMLInputElement>('input[value=已填写]')!.value).to.equal('读者输入的文字');
    expect(view!.querySelector<HTMLInputElement>('input[type=radio][value=a]')!.checked).to.equal(true);
    expect(p.doc.querySelector<HTMLInputElement>('#choice-a')!.checked, 'the page\'s own radio button').to.equal(true);
    expectPlaceholders(printed, p);
    expect(printed).to.include('自定义元素里的文字').and.include('定制段落');
    p.win.dispatchEvent(new Event('afterprint'));
    await settle(p);
    expect(p.doc.querySelector('[data-yidu-print-view]')).to.equal(null);

    // 纯文本
    p.win.Yidu.prefs.set({ textOnly: true });
    await waitFor(() => !!p.doc.querySelector('yidu-text-view'), 'the text view', 20000);
    await settle(p);
    const text = p.doc.querySelector('yidu-text-view')!.shadowRoot!.textContent!;
    await unchanged('纯文本');
    expectPlaceholders(text, p);
    expect(text).to.include('自定义元素里的文字');
    p.win.Yidu.prefs.set({ textOnly: false });
    await waitFor(() => !p.doc.querySelector('yidu-text-view'), 'the text view to go');
    // The page comes back as it was. (Chromium lays out a page that was hidden anew, and an <input type=image>
    // of the page — the page's own, not a copy — then fires load again, from its cache: no request.)
    const shown = await quiet(p);
    expect(shown.requests, '纯文本 off').to.deep.equal(start.requests);
    expect({ ...shown.counts, 'input image onload': 0 }, '纯文本 off').to.deep.equal({ ...start.counts, 'input image onload': 0 });
    start = shown;

    // 下载Word
    const word = nextExport(p);
    button(p.doc.querySelector('yidu-download[format=docx]')!, '下载Word').click();
    expect((await word).format).to.equal('docx');
    await unchanged('下载Word');

    // 下载PDF
    const pdf = nextExport(p);
    button(p.doc.querySelector('yidu-download[format=pdf]')!, '下载PDF').click();
    expect((await pdf).format).to.equal('pdf');
    await unchanged('下载PDF');
  });

  it('safeCopy() and extractArticle(), for any other reader of the article (a search index): inert, named placeholders', async () => {
    const p = await openTraps();
    const start = await quiet(p);
    const root = p.doc.querySelector('#zoom')!;
    p.doc.querySelector<HTMLCanvasElement>('#drawn')!.getContext('2d')!.fillRect(0, 0, 20, 10);
    const copy = safeCopy(root);
    // A canvas is copied as the reader sees it drawn, not as a blank box.
    expect(Array.from(copy.querySelector('canvas')!.getContext('2d')!.getImageData(5, 5, 1, 1).data)).to.deep.equal([0, 0, 0, 255]);
    expect(copy.ownerDocument, 'a document of its own, with no window').not.to.equal(p.doc);
    expect(copy.ownerDocument.defaultView).to.equal(null);
    expectPlaceholders(copy.textContent!, p);
    const article = extractArticle(root, { skip: '' });
    expectPlaceholders(article.blocks.map((b) => (b.kind === 'table' ? '' : textOf(b.inlines))).join('\n'), p);
    // Adopted into the page (as the print view is), the copy still runs and loads nothing.
    const holder = p.doc.createElement('div');
    holder.hidden = true;
    holder.append(p.doc.adoptNode(copy));
    p.doc.body.append(holder);
    const now = await quiet(p);
    holder.remove();
    expect(now.counts).to.deep.equal(start.counts);
    expect(now.requests).to.deep.equal(start.requests);
  });
});
