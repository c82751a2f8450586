import { expect } from 'chai';
import { buttons, closeAll, contrastOf, openPage, px, settle, TEMPLATE_BODY, TEMPLATE_CSS, type TestPage } from './helpers.js';


const EXTRA = `<style>
  #zoom .moving { transition: color 3s linear; animation: spin 5s infinite; }
  @keyframes spin { to { transform: rotate(360deg); } }
  #zoom .dark-box { background: #222; color: #555; }
</style>`;
const EXTRA_BODY = `<div id="more"><p class="moving">动画文字</p><div class="dark-box" id="dark">深色背景上的灰字</div>
  <div class="ad" id="ad">推广广告</div><div data-yidu-elder="hide" id="marked">弹窗</div></div>`;

describe('长者模式 (elder mode)', () => {
  let page: TestPage;
  const $ = (s: string) => page.doc.querySelector(s)!;
  beforeEach(async () => {
    page = await openPage({
      head: TEMPLATE_CSS + EXTRA,
      body: TEMPLATE_BODY.replace('</div>\n  <div class="site" id="site-footer">', `${EXTRA_BODY}</div>\n  <div class="site" id="site-footer">`),
      script: 'data-content="#zoom" data-elder-hide=".ad"',
    });
  });
  afterEach(closeAll);

  it('makes body text at least 18 px with headings scaled to keep the hierarchy', async () => {
    page.win.Yidu.prefs.set({ elder: true });
    await settle(page);
    const body = px($('#p1'), 'font-size');
    expect(body).to.be.at.least(18);
    expect(px($('#zoom h1'), 'font-size')).to.be.greaterThan(px($('#zoom h2'), 'font-size'));
    expect(px($('#zoom h2'), 'font-size')).to.be.greaterThan(body);
    expect(px($('#zoom h1'), 'font-size') / body).to.be.closeTo(22 / 14, 0.01);
  });

  it('sets line height ≥ 1.5 and paragraph spacing ≥ 1.3 × line height', async () => {
    page.win.Yidu.prefs.set({ elder: true });
    await settle(page);
    for (const sel of ['#p1', '#p2', '#li1', '#td1']) {
      const el = $(sel);
      expect(px(el, 'line-height') / px(el, 'font-size'), sel).to.be.at.least(1.5);
    }
    for (const sel of ['#p1', '#p2']) {
      expect(px($(sel), 'margin-bottom'), sel).to.be.at.least(1.3 * px($(sel), 'line-height') - 0.01);
    }
  });

  it('darkens faint grey text to at least 4.5:1 and lightens it on dark backgrounds', async () => {
    expect(contrastOf($('.meta'))).to.be.lessThan(4.5);
    expect(contrastOf($('#dark'))).to.be.lessThan(4.5);
    page.win.Yidu.prefs.set({ elder: true });
    await settle(page);
    expect(contrastOf($('.meta'))).to.be.at.least(4.5);
    expect(contrastOf($('#dark'))).to.be.at.least(4.5);
    // Text that was already readable keeps its colour.
    expect(getComputedStyle($('#p1')).color).to.equal('rgb(0, 0, 0)');
  });

  it('stops animations and transitions', async () => {
    page.win.Yidu.prefs.set({ elder: true });
    await settle(page);
    const cs = getComputedStyle($('.moving'));
    expect(cs.transitionDuration).to.equal('0s');
    expect(cs.animationDuration).to.equal('0s');
    expect(cs.animationIterationCount).to.equal('1');
  });

  it('hides only what the site marks or configures, and shows it again when off', async () => {
    page.win.Yidu.prefs.set({ elder: true });
    await settle(page);
    expect(getComputedStyle($('#marked')).display).to.equal('none');
    expect(getComputedStyle($('#ad')).display).to.equal('none');
    expect(getComputedStyle($('#dark')).display).to.equal('block');
    page.win.Yidu.prefs.set({ elder: false });
    await settle(page);
    expect(getComputedStyle($('#marked')).display).to.equal('block');
    expect(getComputedStyle($('#ad')).display).to.equal('block');
  });

  it('multiplies with 文字大小', async () => {
    page.win.Yidu.prefs.set({ elder: true });
    await settle(page);
    const elder = px($('#p1'), 'font-size');
    page.win.Yidu.prefs.set({ fontSize: 'large' });
    await settle(page);
    expect(px($('#p1'), 'font-size')).to.be.closeTo(elder * 1.25, 0.02);
  });

  it('off restores the document exactly', async () => {
    const before = page.doc.documentElement.outerHTML;
    page.win.Yidu.prefs.set({ elder: true, fontSize: 'large' });
    await settle(page);
    expect(page.doc.documentElement.outerHTML).not.to.equal(before);
    page.win.Yidu.prefs.set({ elder: false, fontSize: 'medium' });
    await settle(page);
    expect(page.doc.documentElement.outerHTML).to.equal(before);
    expect(page.doc.adoptedStyleSheets.length).to.equal(0);
    expect(getComputedStyle($('.moving')).transitionDuration).to.equal('3s');
  });

  it('grows our controls from at least 44×44 to at least 60×60', async () => {
    const bar = page.doc.createElement('yidu-toolbar');
    page.doc.body.prepend(bar);
    await settle(page);
    // Every button but 更多, which phones alone show.
    const sizes = () => buttons(bar).filter((b) => !b.classList.contains('more')).map((b) => b.getBoundingClientRect());
    expect(sizes().length).to.be.at.least(5);
    for (const r of sizes()) expect(Math.min(r.width, r.height)).to.be.at.least(44);
    page.win.Yidu.prefs.set({ elder: true });
    await settle(page);
    for (const r of sizes()) expect(Math.min(r.width, r.height)).to.be.at.least(60);
  });
});
