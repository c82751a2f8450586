/**
 * 智能问答: <yidu-qa> and Yidu.qa.ask in real browsers, on the demo report and on a second report written
 * differently. The question sets (test/qa-questions.ts) are asked through the public API and measured.
 */
import { expect } from 'chai';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { axe, inYidu } from './axe-helpers.js';
import { buttons, closeAll, openPage, ready, settle, uniqueKey, waitFor, type TestPage } from './helpers.js';
import { DEMO_QUESTIONS, TEXT_QUESTIONS, type Question } from './qa-questions.js';
import { evaluate, summary } from './qa-eval.js';

const frames: HTMLIFrameElement[] = [];

/** A demo page in a frame of the given size; `before` runs in the frame before yidu's first question. */
async function openDemo(file: string, { width = 1000, height = 700, query = '' } = {}): Promise<TestPage> {
  const frame = document.createElement('iframe');
  frame.style.cssText = `width:${width}px;height:${height}px;border:0;display:block`;
  frame.src = `/demo/${file}?key=${uniqueKey()}${query}`;
  frames.push(frame);
  const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as TestPage['win'];
  const page: TestPage = { frame, win, doc: frame.contentDocument!, key: '', warnings: [], errors: [] };
  await ready(page);
  return page;
}

const qa = (page: TestPage) => {
  const bar = page.doc.querySelector('yidu-toolbar')?.shadowRoot;
  return (bar?.querySelector('yidu-qa') ?? page.doc.querySelector('yidu-qa'))!;
};
const root = (host: Element) => host.shadowRoot!;
const launcher = (host: Element) => root(host).querySelector<HTMLButtonElement>('button[aria-expanded]')!;
const panel = (host: Element) => root(host).querySelector<HTMLElement>('#panel')!;
const field = (host: Element) => root(host).querySelector<HTMLInputElement>('#q')!;
const answer = (host: Element) => root(host).querySelector('[part=answer]')?.textContent ?? null;
function deepActive(doc: Document): Element | null {
  let a: Element | null = doc.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

async function open(page: TestPage, host = qa(page)): Promise<void> {
  launcher(host).click();
  await waitFor(() => launcher(host).getAttribute('aria-expanded') === 'true', 'the panel');
  await settle(page);
}

async function askInPanel(page: TestPage, question: string, host = qa(page)): Promise<void> {
  field(host).value = question;
  field(host).dispatchEvent(new Event('input'));
  root(host).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
  await settle(page);
}

const T2 = (page: TestPage, row: number, td: number) => page.doc.querySelectorAll('#zoom table')[1]!.querySelectorAll('tr')[row - 1]!.querySelectorAll('td')[td - 1]!;

async function measure(file: string, questions: Question[], name: string, noSegmenter = false) {
  const page = await openDemo(file);
  if (noSegmenter) delete (page.win.Intl as { Segmenter?: unknown }).Segmenter;
  const s = await evaluate(page.win, questions);
  console.log(summary(name, s));
  for (const o of s.outcomes) if (!o.ok) console.log(`  missed: ${o.q} → ${o.answer}`);
  expect(s.answerable + s.unanswerable).to.equal(questions.length);
  expect(s.top1 / s.answerable, 'top-1 accuracy').to.be.at.least(0.9);
  expect(s.refused / s.unanswerable, 'correct refusals').to.be.at.least(0.95);
  expect(s.invented, 'numbers not at the answer’s place').to.equal(0);
  expect(s.wrongNumbers, 'wrong numbers shown').to.equal(0);
}

describe('智能问答', function () {
  this.timeout(60000);
  afterEach(() => {
    for (const f of frames.splice(0)) f.remove();
    closeAll();
  });

  describe('question sets', () => {
    it('demo report: ≥ 60 questions (≥ 15 the page cannot answer), top-1 ≥ 90 %, refusals ≥ 95 %, no wrong number', async () => {
      expect(DEMO_QUESTIONS.length).to.be.at.least(60);
      expect(DEMO_QUESTIONS.filter((q) => !q.at.length).length).to.be.at.least(15);
      await measure('index.html', DEMO_QUESTIONS, 'demo/index.html');
    });
    it('a report written differently (td-bold headers, no header markup, mostly text)', async () => {
      await measure('report-text.html', TEXT_QUESTIONS, 'demo/report-text.html');
    });
    it('the same without Intl.Segmenter (character bigrams only)', async () => {
      await measure('index.html', DEMO_QUESTIONS, 'demo/index.html, bigrams only', true);
      await measure('report-text.html', TEXT_QUESTIONS, 'demo/report-text.html, bigrams only', true);
    });
  });

  describe('Yidu.qa.ask', () => {
    it('resolves to the quoted cell with its full header path, the node, and the kind', async () => {
      const page = await openDemo('index.html');
      const a = await page.win.Yidu.qa.ask('企业申请了几件？');
      expect(a.text).to.equal('一、本年新收政府信息公开申请数量 · 申请人情况 · 法人或其他组织 · 商业企业：9');
      expect(a.node === T2(page, 4, 2)).to.equal(true);
      expect(a.kind).to.equal('cell');
      expect(a.related).to.be.an('array');
      const p = await page.win.Yidu.qa.ask('召开了几场新闻发布会？');
      expect(p.kind).to.equal('passage');
      expect(p.node!.localName).to.equal('p');
      expect(p.node!.textContent).to.include(p.text);
      expect(p.text).to.include('全年召开新闻发布会9场');
    });

    it('says when the page does not answer, with related passages and no number', async () => {
      const page = await openDemo('index.html');
      const a = await page.win.Yidu.qa.ask('平均办理时间多长？');
      expect(a).to.include({ text: '本页似乎没有提到这个问题的答案。', node: null });
      expect(a.text).not.to.match(/\d/);
      const b = await page.win.Yidu.qa.ask('县图书馆的开放时间是几点？');
      expect(b.node).to.equal(null);
      expect(b.related.length).to.be.within(1, 3);
      expect(b.related[0]!.node.textContent).to.include(b.related[0]!.text);
    });

    it('a row named without a column gets the 总计 column', async () => {
      const page = await openDemo('index.html');
      expect((await page.win.Yidu.qa.ask('重复申请有几件？')).node === T2(page, 20, 7)).to.equal(true);
    });

    it('answers in both scripts, and quotes the page as it is shown now', async () => {
      const page = await openDemo('index.html');
      await page.win.Yidu.zh.set('hant');
      for (const q of ['企業申請了幾件？', '企业申请了几件？']) {
        const a = await page.win.Yidu.qa.ask(q);
        expect(a.node === T2(page, 4, 2), q).to.equal(true);
        const heads = ['#zoom table:nth-of-type(2) tr:nth-child(4) th', '#zoom table:nth-of-type(2) tr:nth-child(1) th:nth-child(2)',
          '#zoom table:nth-of-type(2) tr:nth-child(2) th:nth-child(2)', '#zoom table:nth-of-type(2) tr:nth-child(3) th:nth-child(1)'];
        const shown = heads.map((s) => page.doc.querySelector(s)!.textContent).join(' · ');
        expect(shown).to.include('申請人情況').and.include('商業企業');
        expect(a.text).to.equal(`${shown}：9`);
      }
      await page.win.Yidu.zh.set('hans');
      expect((await page.win.Yidu.qa.ask('企業申請了幾件？')).text).to.include('商业企业：9');
    });

    it('sees content added after it first answered', async () => {
      const page = await openDemo('index.html');
      expect((await page.win.Yidu.qa.ask('政务服务热线号码是多少？')).node).to.equal(null);
      const p = page.doc.createElement('p');
      p.textContent = '县政务服务热线号码为0999-12345，工作日全天接听。';
      page.doc.querySelector('#zoom')!.append(p);
      expect((await page.win.Yidu.qa.ask('政务服务热线号码是多少？')).node === p).to.equal(true);
    });
  });

  describe('the sum check of the application table', () => {
    it('says politely, without a number, when 第一项加第二项之和 does not equal 第三项加第四项之和', async () => {
      const page = await openDemo('report-text.html');
      const a = await page.win.Yidu.qa.ask('个人申请了多少件？');
      expect(a.text).to.include('自然人：25');
      expect(a.note).to.match(/^请注意：.*“自然人、总计”一列/).and.not.match(/\d/);
      // Other rows of the table, and a table whose sums hold, carry no note.
      expect((await page.win.Yidu.qa.ask('网上申请有多少件？')).note).to.equal(undefined);
      const demo = await openDemo('index.html');
      expect((await demo.win.Yidu.qa.ask('个人提出了多少件申请？')).note).to.equal(undefined);
    });
  });

  describe('<yidu-qa>', () => {
    it('is in the toolbar after 长者模式, labelled 智能问答 / 智能問答 / Ask; the chunk loads on first use only', async () => {
      const page = await openPage({ body: '<main><p>正文</p></main>' });
      const bar = page.doc.querySelector('yidu-toolbar')!.shadowRoot!;
      // In document order: on a phone the controls after 长者模式 sit in the 更多 panel, first among them 智能问答.
      const tags = [...bar.querySelectorAll('.bar *')].map((e) => e.localName).filter((n) => n.startsWith('yidu-'));
      expect(tags.indexOf('yidu-qa')).to.equal(tags.indexOf('yidu-elder-toggle') + 1);
      const host = bar.querySelector('yidu-qa')!;
      expect(launcher(host).textContent).to.equal('智能问答');
      const chunks = () => (page.win.performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((e) => e.name.includes('qa-panel'));
      expect(chunks()).to.have.length(0);
      page.win.Yidu.prefs.set({ zh: 'hant' });
      await settle(page);
      expect(launcher(host).textContent).to.equal('智能問答');
      page.win.Yidu.prefs.reset();
      const en = await openPage({ lang: 'en', body: '<yidu-qa></yidu-qa>' });
      expect(launcher(en.doc.querySelector('yidu-qa')!).textContent).to.equal('Ask');
    });

    it('opens a labelled dialog with the field focused; the answer is quoted; Esc closes and focus returns', async () => {
      const page = await openDemo('index.html');
      const host = qa(page);
      await open(page);
      expect(panel(host).getAttribute('role')).to.equal('dialog');
      expect(root(host).getElementById(panel(host).getAttribute('aria-labelledby')!)!.textContent).to.equal('就本页内容提问');
      expect(deepActive(page.doc) === field(host)).to.equal(true);
      expect(root(host).querySelector(`label[for=q]`)!.textContent).to.equal('您的问题');
      await askInPanel(page, '今年收到多少申请？');
      expect(answer(host)).to.equal('一、本年新收政府信息公开申请数量 · 申请人情况 · 总计：71');
      expect(root(host).querySelector('[role=status]')!.textContent).to.include('71');
      field(host).focus();
      await sendKeys({ press: 'Escape' });
      await settle(page);
      expect(launcher(host).getAttribute('aria-expanded')).to.equal('false');
      expect(deepActive(page.doc) === launcher(host)).to.equal(true);
    });

    it('在页面中查看: scrolls to the cell, highlights it without touching the markup, selects it and leaves focus on the page; the highlight goes at the next key', async () => {
      const page = await openDemo('index.html', { height: 500 });
      const before = page.doc.querySelector('#main')!.outerHTML;
      const host = qa(page);
      await open(page);
      await askInPanel(page, '企业申请了几件？');
      const cell = T2(page, 4, 2);
      buttons(host).find((b) => b.textContent === '在页面中查看')!.click();
      // At once, not at the browser's next focus fix-up (Firefox keeps focus on a hidden button until then).
      expect(page.doc.activeElement === page.doc.body, 'focus on the page at once').to.equal(true);
      await settle(page);
      const r = cell.getBoundingClientRect();
      expect(r.top).to.be.within(0, page.win.innerHeight - r.height);
      const highlights = (page.win.CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
      const [range] = [...highlights.get('yidu-qa')!];
      expect(range!.toString()).to.equal('9');
      expect(page.win.getSelection()!.toString()).to.equal('9');
      expect(cell.contains(page.win.getSelection()!.anchorNode)).to.equal(true);
      expect(launcher(host).getAttribute('aria-expanded')).to.equal('false');
      expect(page.doc.activeElement === page.doc.body, 'focus on the page').to.equal(true);
      expect(page.doc.querySelector('#main')!.outerHTML).to.equal(before);
      expect(cell.hasAttribute('tabindex')).to.equal(false);
      await sendKeys({ press: 'ArrowDown' });
      await settle(page);
      expect(highlights.has('yidu-qa')).to.equal(false);
      expect(page.doc.adoptedStyleSheets.some((s) => [...s.cssRules].some((rule) => rule.cssText.includes('yidu-qa')))).to.equal(false);
    });

    it('without the CSS Custom Highlight API, boxes of its own mark the sentence and go afterwards', async () => {
      const page = await openDemo('index.html');
      Object.defineProperty(page.win.CSS, 'highlights', { value: undefined, configurable: true });
      const before = page.doc.querySelector('#main')!.outerHTML;
      const host = qa(page);
      await open(page);
      await askInPanel(page, '召开了几场新闻发布会？');
      buttons(host).find((b) => b.textContent === '在页面中查看')!.click();
      await settle(page);
      const mark = page.doc.querySelector('yidu-qa-mark')!;
      const boxes = [...mark.shadowRoot!.querySelectorAll('div')];
      expect(boxes.length).to.be.at.least(1);
      expect(page.win.getComputedStyle(mark).pointerEvents).to.equal('none');
      expect(page.win.getSelection()!.toString()).to.include('全年召开新闻发布会9场');
      expect(page.doc.querySelector('#main')!.outerHTML).to.equal(before);
      page.doc.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
      expect(page.doc.querySelector('yidu-qa-mark')).to.equal(null);
    });

    it('offers related passages and the site’s own service (qaUrl) as a plain link, sending nothing', async () => {
      const page = await openPage({
        body: '<main><h2>一、总体情况</h2><p>全年新收政府信息公开申请71件。</p><p>县图书馆设立政府信息查阅点。</p></main>',
        script: 'data-qa-url="https://example.org/ask?q={q}"',
      });
      const host = page.doc.querySelector('yidu-toolbar')!.shadowRoot!.querySelector('yidu-qa')!;
      await open(page, host);
      await askInPanel(page, '县图书馆几点开门？', host);
      expect(answer(host)).to.equal('本页似乎没有提到这个问题的答案。');
      expect(root(host).querySelector('#qa-related')!.textContent).to.equal('相关内容');
      expect(root(host).querySelectorAll('ul button.passage')).to.have.length(1);
      const link = root(host).querySelector<HTMLAnchorElement>('a[part=link]')!;
      expect(link.href).to.equal(`https://example.org/ask?q=${encodeURIComponent('县图书馆几点开门？')}`);
      expect(link.textContent).to.equal('到本站智能问答服务提问');
      const entries = page.win.performance.getEntriesByType('resource');
      expect(entries.every((e) => new URL(e.name).origin === location.origin)).to.equal(true);
      // A related passage is a way to the page too.
      root(host).querySelector<HTMLButtonElement>('ul button.passage')!.click();
      await settle(page);
      expect(page.win.getSelection()!.toString()).to.equal('县图书馆设立政府信息查阅点。');
    });

    it('a bad qaUrl is refused with one warning', async () => {
      const page = await openPage({ body: '<main><p>正文</p></main>', script: 'data-qa-url="javascript:alert(1)"' });
      expect(page.warnings.filter((w) => w.includes('qaUrl') || w.includes('data-qa-url'))).to.have.length(1);
      expect(page.win.Yidu.config.qaUrl).to.equal(null);
    });

    it('follows 长者模式 and 文字大小, and fits a 360 × 640 phone', async () => {
      const page = await openDemo('index.html', { width: 360, height: 640 });
      const host = qa(page);
      await open(page);
      await askInPanel(page, '存在什么问题？');
      const size = () => parseFloat(page.win.getComputedStyle(panel(host)).fontSize);
      const normal = size();
      page.win.Yidu.prefs.set({ fontSize: 'large' });
      await settle(page);
      expect(size()).to.be.above(normal);
      page.win.Yidu.prefs.set({ elder: true, fontSize: 'medium' });
      await settle(page);
      expect(size()).to.be.at.least(20);
      for (const b of buttons(host).filter((b) => b.getClientRects().length)) {
        const r = b.getBoundingClientRect();
        expect(Math.min(r.width, r.height), b.textContent!).to.be.at.least(60);
      }
      const r = panel(host).getBoundingClientRect();
      expect(r.left).to.be.at.least(0);
      expect(r.right).to.be.at.most(360);
      expect(panel(host).scrollWidth).to.be.at.most(panel(host).clientWidth + 1);
      page.win.Yidu.prefs.reset();
    });

    for (const [name, prefs] of [['default', {}], ['长者模式', { elder: true }], ['繁體', { zh: 'hant' }]] as const) {
      it(`axe-core finds nothing in yidu's UI with the panel open (${name}: answer, refusal with related passages)`, async () => {
        const page = await openDemo('index.html');
        page.win.Yidu.prefs.set(prefs);
        await settle(page);
        const host = qa(page);
        await open(page);
        for (const q of ['今年收到多少申请？', '县图书馆的开放时间是几点？']) {
          await askInPanel(page, q);
          const ours = inYidu(await axe(page));
          expect(ours, ours.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(' ')}`).join('\n')).to.deep.equal([]);
        }
        page.win.Yidu.prefs.reset();
      });
    }

    it('the panel and the engine are one lazy chunk of at most 15 KB gzip', async () => {
      const manifest = await (await fetch('/dist/.vite/manifest.json')).json();
      const entry = manifest['src/elements/qa/qa-panel.ts'];
      // Shared code it imports from the entry (yidu.mjs, already loaded) is not part of the chunk.
      const files = [entry.file, ...(entry.imports ?? []).filter((i: string) => !manifest[i].isEntry).map((i: string) => manifest[i].file)];
      let total = 0;
      for (const f of files) total += (await executeServerCommand('gzip-size', f)) as number;
      console.log(`智能问答 chunk: ${files.join(' + ')} = ${total} B gzip`);
      expect(total).to.be.at.most(15 * 1024);
    });
  });
});
