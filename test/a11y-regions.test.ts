import { expect } from 'chai';
import { sendKeys } from '@web/test-runner-commands';
import { closeAll, openPage, settle, waitFor, type TestPage } from './helpers.js';
import { bar, focusFrame, focused, liveMessage, openBar, releaseKeyboard } from './a11y-helpers.js';

// A page with landmarks, long enough that every region needs scrolling to.
const filler = (n: number) => Array.from({ length: n }, (_, i) => `<p>第${i + 1}段：政府信息公开工作年度报告的正文段落。</p>`).join('');
const LANDMARKS = `<header id="head"><a id="home" href="#">首页</a></header>
  <nav id="nav"><a id="nav1" href="#">政务公开</a> <a href="#">办事服务</a></nav>
  <main id="main"><h1>年度报告</h1>${filler(40)}<p><a id="main1" href="#">附件下载</a></p>
    <article><header id="article-head">文章标题区</header><footer id="article-foot">文章脚注</footer></article></main>
  <aside id="side"><a id="side1" href="#">相关链接</a></aside>${filler(20)}
  <footer id="foot"><a id="foot1" href="#">网站地图</a></footer>
  <form id="find"><input id="q" type="search" aria-label="站内搜索"></form>`;
// An older template without landmark elements: the site names its parts in config.
const DIVS = `<div id="top"><a id="top1" href="#">首页</a></div><div id="menu"><a id="menu1" href="#">栏目</a></div>
  <div id="zoom"><h1>年度报告</h1>${filler(40)}<a id="zoom1" href="#">附件</a></div><div id="bottom"><a id="bottom1" href="#">联系我们</a></div>`;

/** A real Alt+digit press; returns whether the page saw it prevented (i.e. yidu took it). */
async function altDigit(p: TestPage, n: number): Promise<boolean> {
  let prevented: boolean | null = null;
  const seen = (e: KeyboardEvent) => {
    if (e.code === `Digit${n}`) prevented = e.defaultPrevented;
  };
  // Bubble phase on the window: runs after yidu's listener on the document.
  p.win.addEventListener('keydown', seen);
  await sendKeys({ down: 'Alt' });
  await sendKeys({ press: `Digit${n}` });
  await sendKeys({ up: 'Alt' });
  p.win.removeEventListener('keydown', seen);
  await settle(p);
  if (prevented === null) throw new Error(`Alt+${n} did not reach the page`);
  return prevented;
}

const inView = (p: TestPage, el: Element) => {
  const r = el.getBoundingClientRect();
  return r.top >= -1 && r.top < p.win.innerHeight;
};

describe('无障碍浏览 region jumping (Alt+1…6)', function () {
  this.timeout(30000);
  afterEach(async () => {
    await releaseKeyboard();
    closeAll();
  });

  it('jumps to header, navigation, article, side column and footer; Tab goes on from there; no tabindex is left', async () => {
    const p = await openPage({ body: LANDMARKS, script: 'data-content="#main"' });
    const markup = p.doc.body.outerHTML;
    const $ = (id: string) => p.doc.getElementById(id)!;
    await openBar(p);
    await focusFrame(p);
    for (const [n, region, name, first] of [[2, 'nav', '导航', 'nav1'], [3, 'main', '正文', 'main1'], [4, 'side', '侧栏', 'side1'],
      [5, 'foot', '页脚', 'foot1'], [1, 'head', '页头', 'home'], [6, 'find', '搜索', 'q']] as const) {
      p.win.scrollTo(0, n === 1 ? p.doc.documentElement.scrollHeight : 0);
      expect(await altDigit(p, n), `Alt+${n} is taken`).to.equal(true);
      await waitFor(() => liveMessage(p) === `已跳到：${name}`, `the announcement for ${name}`);
      expect(inView(p, $(region)), `${region} scrolled into view`).to.equal(true);
      expect($(region).getBoundingClientRect().top, `${region} not under the docked bar`)
        .to.be.at.least(bar(p)!.getBoundingClientRect().bottom - 1);
      // The outline shows where the reader went, outside the page's own markup.
      const mark = p.doc.querySelector('yidu-region-mark')!;
      expect(mark.getAttribute('aria-hidden')).to.equal('true');
      expect(mark.matches(':popover-open'), 'in the top layer, above any site header').to.equal(true);
      expect(Math.abs(mark.getBoundingClientRect().top - ($(region).getBoundingClientRect().top - 4))).to.be.below(2);
      await sendKeys({ press: 'Tab' });
      await waitFor(() => focused(p)?.id === first, `Tab into ${region} (got ${focused(p)?.id || focused(p)?.localName})`);
    }
    expect(p.doc.querySelectorAll('[tabindex]')).to.have.length(0);
    expect(p.doc.body.outerHTML, 'the site\'s markup, as it was').to.equal(markup);
  });

  it('leaves Alt+digit to the browser when the bar is closed, the page has no such region, or the reader is typing', async () => {
    const body = LANDMARKS.replace(/<aside[^]*<\/aside>/, '').replace(/<form[^]*<\/form>/, '');
    const p = await openPage({ body: `<input id="field">${body}`, script: 'data-content="#main"' });
    await focusFrame(p);
    expect(await altDigit(p, 2), 'bar closed').to.equal(false);
    await openBar(p);
    await focusFrame(p);
    expect(await altDigit(p, 4), 'no side column').to.equal(false);
    expect(await altDigit(p, 6), 'no search').to.equal(false);
    p.doc.getElementById('field')!.focus();
    expect(await altDigit(p, 2), 'typing in a field').to.equal(false);
    expect(p.doc.activeElement!.id).to.equal('field');
    expect(liveMessage(p)).to.equal('');
  });

  it('templates without landmarks name their regions in config (data-regions); the help lists the keys', async () => {
    const p = await openPage({ body: DIVS, script: 'data-content="#zoom" data-regions="#top;#menu;;;#bottom"' });
    await openBar(p);
    await focusFrame(p);
    expect(await altDigit(p, 5)).to.equal(true);
    await sendKeys({ press: 'Tab' });
    await waitFor(() => focused(p)?.id === 'bottom1', 'Tab in the configured footer');
    expect(await altDigit(p, 3)).to.equal(true);
    await sendKeys({ press: 'Tab' });
    await waitFor(() => focused(p)?.id === 'zoom1', 'Tab in the article (config content)');
    expect(await altDigit(p, 4), 'no side column configured or found').to.equal(false);
    p.win.Yidu.prefs.set({ a11yBar: true });
    bar(p)!.shadowRoot!.querySelector('dialog')!.showModal();
    expect(bar(p)!.shadowRoot!.querySelector('dialog')!.textContent).to.include('Alt+1…6');
  });

  it('a bad data-regions gets one warning and the landmarks are used', async () => {
    const p = await openPage({ body: LANDMARKS, script: 'data-content="#main" data-regions="#ok;##bad"' });
    expect(p.warnings.filter((w) => w.includes('"regions"'))).to.have.length(1);
    await openBar(p);
    await focusFrame(p);
    expect(await altDigit(p, 2)).to.equal(true);
    await waitFor(() => liveMessage(p) === '已跳到：导航', 'the landmark navigation');
  });
});
