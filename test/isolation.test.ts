/**
 * Isolation both ways. Hostile site CSS cannot break yidu's controls; yidu's page effects change only what a
 * mode is meant to change (checked on every element's computed style and attributes before and after), and
 * everything yidu adds — adopted sheets, attributes, classes, inline styles, elements — is gone when the
 * modes are off.
 */
import { expect } from 'chai';
import { executeServerCommand } from '@web/test-runner-commands';
import { buttons, closeAll, openPage, settle, waitFor, TEMPLATE_BODY, TEMPLATE_CSS, type TestPage } from './helpers.js';
import { bar, barButton, openBar } from './a11y-helpers.js';
import { closeDemos, openDemo, runA11yBar, runExports, runReadingModes } from './hardening-helpers.js';
import { DEFAULT_PREFS, type Prefs } from '../src/core/prefs.js';

/** What a hostile (or just careless) site stylesheet does. */
const HOSTILE = `<style>
  * { all: unset; }
  html, body { display: block; }
  div, p, h1, h2, ul, li, table { display: block; }
  button { display: none !important; }
  [hidden] { display: block !important; }
  * { z-index: 2147483647 !important; }
  html { zoom: 0.8; }
  #cover { position: fixed; top: 0; left: 0; right: 0; height: 120px; background: #c00; z-index: 2147483647 !important; }
  #cover-bottom { position: fixed; bottom: 0; left: 0; right: 0; height: 120px; background: #c00; z-index: 2147483647 !important; }
</style>`;

/** The element at the centre of `el` as the page's hit testing sees it, through shadow roots. */
function hit(p: TestPage, el: Element): Element | null {
  const r = el.getBoundingClientRect();
  let at: Element | null = p.doc.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  while (at?.shadowRoot) {
    const inner = at.shadowRoot.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    if (!inner || inner === at) break;
    at = inner;
  }
  return at;
}

/** Visible, at least `min` CSS px on screen each way (page zoom included), and the topmost thing at its centre. */
function usable(p: TestPage, b: HTMLElement, min = 44): void {
  const name = b.textContent!.trim();
  const cs = getComputedStyle(b);
  expect(cs.display, name).not.to.equal('none');
  expect(cs.visibility, name).to.equal('visible');
  const r = b.getBoundingClientRect();
  expect(Math.min(r.width, r.height), `${name}: ${r.width}×${r.height}`).to.be.at.least(min - 0.5);
  const top = hit(p, b);
  expect(top === b || b.contains(top), `${name} is covered by ${top?.outerHTML.slice(0, 80)}`).to.equal(true);
}

describe('hostile site CSS does not break yidu', function () {
  this.timeout(60000);
  afterEach(closeAll);

  it('toolbar, 无障碍浏览 bar, 扫一扫 popover, caption strip and text view stay visible, operable and full size', async () => {
    const body = TEMPLATE_BODY.replace('<div class="wrap">', '<div id="cover">站点通知</div><div id="cover-bottom">页脚浮层</div><div class="wrap">')
      .replace('<div id="zoom">', '<div id="zoom"><p hidden id="site-hidden">站点隐藏的段落</p>');
    const p = await openPage({ head: TEMPLATE_CSS + HOSTILE, body, script: 'data-content="#zoom"' });
    // The inserted toolbar: every control usable and working.
    const toolbar = p.doc.querySelector('yidu-toolbar')!;
    expect(toolbar).to.not.equal(null);
    // Every button but 更多, which phones alone show.
    const all = buttons(toolbar).filter((b) => !b.classList.contains('more'));
    expect(all.length).to.be.greaterThan(8);
    // The toolbar is in the page flow under the site's cover: scroll it to a free spot below the cover.
    for (const b of all) {
      b.scrollIntoView({ block: 'center' });
      usable(p, b);
    }
    const big = all.find((b) => b.textContent!.trim() === '大')!;
    big.click();
    await settle(p);
    expect(p.win.Yidu.prefs.get().fontSize).to.equal('large');
    expect(parseFloat(getComputedStyle(p.doc.querySelector('#p1')!).fontSize)).to.be.greaterThan(14 * 0.8 * 1.2);
    p.win.Yidu.prefs.set({ fontSize: 'medium' });

    // 长者模式: the controls grow to 60 × 60 even so.
    p.win.Yidu.prefs.set({ elder: true });
    await settle(p);
    for (const b of all.slice(0, 3)) {
      b.scrollIntoView({ block: 'center' });
      usable(p, b, 60);
    }
    p.win.Yidu.prefs.set({ elder: false });
    await settle(p);

    // The bar docks above the site's own fixed, maximal-z-index header and every button can be hit.
    const b = await openBar(p);
    const r = b.getBoundingClientRect();
    expect(r.top).to.equal(0);
    expect(r.width).to.be.closeTo(p.doc.documentElement.clientWidth, 1);
    for (const button of buttons(b).filter((x) => x.getClientRects().length && x.closest('[role=toolbar]'))) usable(p, button);
    barButton(p, '放大').click();
    await settle(p);
    expect(p.win.Yidu.prefs.get().pageZoom).to.equal(1.25);

    // The caption strip sits above the site's bottom bar; the text view shows even with the page's rules.
    p.win.Yidu.prefs.set({ caption: true });
    await waitFor(() => !!p.doc.querySelector('yidu-caption'), 'the strip');
    await settle(p);
    const strip = p.doc.querySelector('yidu-caption')!;
    const sr = strip.getBoundingClientRect();
    expect(sr.height).to.be.greaterThan(40);
    expect(sr.bottom).to.be.closeTo(p.doc.documentElement.clientHeight, 1);
    // The site's [hidden] override does not reach yidu's own hidden parts (the 拼音 line is off).
    const pinyinLine = strip.shadowRoot!.querySelector<HTMLElement>('.pinyin')!;
    expect(pinyinLine.hidden).to.equal(true);
    expect(pinyinLine.getClientRects().length).to.equal(0);
    // The strip never takes the pointer, so hit testing cannot see it: it is in the top layer, above any z-index.
    expect(strip.matches(':popover-open'), 'the strip is in the top layer').to.equal(true);
    expect(b.matches(':popover-open'), 'the bar is in the top layer').to.equal(true);
    p.win.Yidu.prefs.set({ caption: false, textOnly: true });
    await waitFor(() => !!p.doc.querySelector('yidu-text-view'), 'the text view');
    await settle(p);
    const view = p.doc.querySelector('yidu-text-view')!;
    expect(getComputedStyle(view).display).to.equal('block');
    const article = view.shadowRoot!.querySelector('article')!;
    expect(article.getBoundingClientRect().height).to.be.greaterThan(100);
    expect(parseFloat(getComputedStyle(article.querySelector('p')!).fontSize)).to.be.at.least(20);
    p.win.Yidu.prefs.reset();
    await settle(p);
    expect(p.errors).to.deep.equal([]);
  });

  it('扫一扫: the popover opens above everything and its buttons work', async () => {
    const p = await openPage({ head: TEMPLATE_CSS + HOSTILE, body: `<div id="cover">站点通知</div>${TEMPLATE_BODY}<p><yidu-qr url="https://example.org/report.html"></yidu-qr></p>`, script: 'data-content="#zoom" data-toolbar="none"' });
    const host = p.doc.querySelector('yidu-qr')!;
    const launcher = host.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-expanded]')!;
    launcher.scrollIntoView({ block: 'center' });
    usable(p, launcher);
    launcher.click();
    await waitFor(() => !!host.shadowRoot!.querySelector('svg[part=code]'), 'the code', 15000);
    await settle(p);
    const panel = host.shadowRoot!.querySelector<HTMLElement>('#panel')!;
    expect(panel.getBoundingClientRect().width).to.be.at.least(192);
    for (const b of buttons(host).filter((x) => panel.contains(x))) usable(p, b);
    const svg = host.shadowRoot!.querySelector('svg[part=code]')!;
    expect(svg.getBoundingClientRect().width).to.be.at.least(160);
    buttons(host).find((x) => x.textContent!.trim() === '关闭')!.click();
    await settle(p);
    expect(launcher.getAttribute('aria-expanded')).to.equal('false');
    const closed = host.shadowRoot!.querySelector<HTMLElement>('#panel');
    expect(!closed || closed.getClientRects().length === 0 || getComputedStyle(closed).visibility === 'hidden', 'the closed popover is not shown').to.equal(true);
    expect(p.errors).to.deep.equal([]);
  });
});

/** Computed properties compared before and after a mode. */
const PROPS = ['display', 'visibility', 'position', 'z-index', 'float', 'font-size', 'font-family', 'font-weight', 'font-style',
  'line-height', 'letter-spacing', 'text-indent', 'text-align', 'text-decoration-line', 'color', 'background-color',
  'background-image', 'border-top-color', 'border-top-width', 'margin-top', 'margin-bottom', 'padding-top', 'padding-bottom',
  'width', 'max-width', 'overflow-x', 'cursor', 'filter', 'opacity', 'animation-name', 'transition-duration', 'zoom',
  'outline-style', 'box-shadow', 'transform'];

type Snapshot = Map<Element, { attrs: string; style: Record<string, string> }>;

/** Every site element (yidu's own elements and their insides left out) with its attributes and computed style. */
function snapshot(doc: Document): Snapshot {
  const out: Snapshot = new Map();
  for (const el of [doc.documentElement, ...doc.documentElement.querySelectorAll('*')]) {
    if (el.closest('[class*=yidu-links]') || /^yidu-/.test(el.localName) || el.closest('head')) continue;
    const cs = getComputedStyle(el);
    const style: Record<string, string> = {};
    for (const prop of PROPS) style[prop] = cs.getPropertyValue(prop);
    out.set(el, { attrs: [...el.attributes].map((a) => `${a.name}="${a.value}"`).sort().join(' '), style });
  }
  return out;
}

const where = (el: Element) => `${el.localName}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''}`;

/** Differences between two snapshots, as readable lines, for the elements `which` selects. */
function changes(a: Snapshot, b: Snapshot, which: (el: Element) => boolean, ignore: string[] = []): string[] {
  const out: string[] = [];
  for (const [el, before] of a) {
    if (!which(el)) continue;
    const after = b.get(el);
    if (!after) {
      out.push(`${where(el)} removed`);
      continue;
    }
    if (after.attrs !== before.attrs) out.push(`${where(el)} attributes: ${before.attrs} → ${after.attrs}`);
    for (const prop of PROPS) {
      if (ignore.includes(prop)) continue;
      if (after.style[prop] !== before.style[prop]) out.push(`${where(el)} ${prop}: ${before.style[prop]} → ${after.style[prop]}`);
    }
  }
  return out;
}

describe('every feature on the demo report under hostile site CSS (and the strict CSP)', function () {
  this.timeout(120000);
  afterEach(closeDemos);

  it('文字大小, 长者模式, 简繁, 扫一扫 and its PNG, 打印文章, 下载Word/PDF and every bar function work through their controls', async () => {
    const p = await openDemo('csp&hostile');
    // The hostile sheet is in force: the site's own buttons would be gone, and the page is shrunk.
    expect(getComputedStyle(p.doc.documentElement).zoom).to.equal('0.8');
    for (const b of buttons(p.doc.querySelector('yidu-font-size')!)) {
      b.scrollIntoView({ block: 'center' });
      usable(p, b);
    }
    await runReadingModes(p);
    await runExports(p);
    await runA11yBar(p);
    expect(p.violations).to.deep.equal([]);
    expect(p.errors).to.deep.equal([]);
  });
});

describe("yidu's page effects change only what a mode is meant to change", function () {
  this.timeout(60000);
  afterEach(closeDemos);

  /** The demo's article root (data-content="#main"); outside it: header, navigation, breadcrumb, footer. */
  const inArticle = (p: TestPage) => (el: Element) => !!p.doc.querySelector('#main')!.contains(el);

  async function mode(p: TestPage, prefs: Partial<Prefs>): Promise<Snapshot> {
    p.win.Yidu.prefs.set(prefs);
    await settle(p);
    await new Promise((r) => setTimeout(r, 100));
    await settle(p);
    return snapshot(p.doc);
  }

  it('文字大小 and 长者模式 leave the site header, navigation, breadcrumb and footer exactly as they were', async () => {
    const p = await openDemo();
    const before = snapshot(p.doc);
    const outside = (el: Element) => !inArticle(p)(el) && el !== p.doc.documentElement && el !== p.doc.body;
    for (const fontSize of ['large', 'small'] as const) {
      const after = await mode(p, { fontSize });
      expect(changes(before, after, outside), fontSize).to.deep.equal([]);
      // And inside the article, only the text's own size, spacing and yidu's profile tags change.
      const article = changes(before, after, inArticle(p), ['font-size', 'line-height', 'text-indent', 'letter-spacing', 'margin-top', 'margin-bottom', 'padding-top', 'padding-bottom', 'width', 'max-width', 'overflow-x', 'display', 'border-top-width']);
      expect(article.filter((c) => !/attributes: .*data-yidu-(t|wide)=/.test(c)), fontSize).to.deep.equal([]);
    }
    await mode(p, { fontSize: 'medium' });
    // 长者模式: outside the article only motion stops and the elements the site marked for hiding go.
    const elder = await mode(p, { elder: true });
    const marked = (el: Element) => !!el.closest('[data-yidu-elder=hide]');
    expect(changes(before, elder, (el) => outside(el) && !marked(el), ['animation-name', 'transition-duration'])).to.deep.equal([]);
    await mode(p, { elder: false });
    expect(changes(before, snapshot(p.doc), () => true)).to.deep.equal([]);
  });

  it('the bar, 指读, 语速, 十字线, 大字幕 and 大鼠标 change nothing on the page but docking space and the pointer', async () => {
    const p = await openDemo();
    const before = snapshot(p.doc);
    const all = () => true;
    const page = (el: Element) => el !== p.doc.documentElement;
    expect(changes(before, await mode(p, { a11yBar: true }), all, ['padding-top']), 'only the docking space').to.deep.equal([]);
    // Docking the bar pads <html> (top); the caption strip pads it at the bottom.
    expect(changes(before, await mode(p, { a11yBar: true }), page)).to.deep.equal([]);
    await waitFor(() => !!bar(p)?.shadowRoot?.querySelector('button'), 'the bar');
    expect(changes(before, await mode(p, { pointRead: true, speechRate: 'slow' }), page)).to.deep.equal([]);
    expect(changes(before, await mode(p, { guide: 'crosshair' }), page)).to.deep.equal([]);
    expect(changes(before, await mode(p, { guide: 'mask' }), page)).to.deep.equal([]);
    expect(changes(before, await mode(p, { caption: true, captionPinyin: true }), page)).to.deep.equal([]);
    expect(changes(before, await mode(p, { cursor: 'black' }), page, ['cursor'])).to.deep.equal([]);
    // Images, video and canvas keep their own colours in every scheme.
    for (const colors of ['white-on-black', 'black-on-yellow'] as const) {
      const after = await mode(p, { colors });
      const media = (el: Element) => /^(img|video|canvas|picture|svg)$/.test(el.localName);
      expect(changes(before, after, media, ['background-color', 'color', 'border-top-color', 'width', 'cursor', 'outline-style', 'text-decoration-line']), colors).to.deep.equal([]);
    }
    await mode(p, { ...DEFAULT_PREFS });
    await waitFor(() => !bar(p), 'the bar to close');
    expect(changes(before, snapshot(p.doc), all)).to.deep.equal([]);
  });

  it('长者模式 or 文字大小 with 页面缩放 200 %: tables judged in one unit, no resize loop, no error', async () => {
    const p = await openDemo();
    // Layout (and so the ResizeObserver, and its loop errors) runs only in the tab in front.
    await executeServerCommand('yidu-foreground', { take: true });
    try {
      await zoomed(p);
    } finally {
      await executeServerCommand('yidu-foreground', { take: false });
    }
  });

  async function zoomed(p: TestPage): Promise<void> {
    for (const prefs of [{ elder: true, pageZoom: 2 }, { fontSize: 'large', pageZoom: 3 }] as Partial<Prefs>[]) {
      await mode(p, prefs);
      // A table that does not fit is marked (it scrolls in its own box); one that fits is left alone.
      const fits = (t: Element) => t.hasAttribute('data-yidu-wide') || t.scrollWidth <= t.parentElement!.clientWidth + 1;
      await waitFor(() => [...p.doc.querySelectorAll('#zoom table')].every(fits), 'every table to fit or scroll');
      await new Promise((r) => setTimeout(r, 300));
      expect(p.errors, JSON.stringify(prefs)).to.deep.equal([]);
      await mode(p, { ...DEFAULT_PREFS });
    }
  }

  it('every mode at once, then all off: every attribute, class, inline style, adopted sheet and element yidu added is gone', async () => {
    const p = await openDemo();
    const html = p.doc.documentElement.outerHTML;
    const sheets = [...p.doc.adoptedStyleSheets];
    const before = snapshot(p.doc);
    await mode(p, { fontSize: 'large', elder: true, zh: 'hant', a11yBar: true, colors: 'white-on-blue', pageZoom: 2, cursor: 'white',
      guide: 'line', caption: true, captionPinyin: true, pointRead: true, speechRate: 'fast' });
    await waitFor(() => p.doc.querySelector('h1')!.textContent!.includes('縣'), '繁体', 20000);
    await waitFor(() => !!bar(p), 'the bar');
    await settle(p);
    expect(p.doc.querySelectorAll('[data-yidu-t]').length, 'the modes did apply').to.be.greaterThan(10);
    expect(p.doc.adoptedStyleSheets.length).to.be.greaterThan(sheets.length);
    // 纯文本 too, then back.
    await mode(p, { textOnly: true });
    await waitFor(() => !!p.doc.querySelector('yidu-text-view'), 'the text view');
    p.win.Yidu.prefs.reset();
    await waitFor(() => !bar(p) && !p.doc.querySelector('yidu-text-view, yidu-caption, yidu-guides'), 'yidu\'s elements to go');
    await waitFor(() => p.doc.querySelector('h1')!.textContent === before.size.toString() || !p.doc.querySelector('h1')!.textContent!.includes('縣'), '简体 again', 20000);
    await settle(p);
    await new Promise((r) => setTimeout(r, 100));
    expect(p.doc.adoptedStyleSheets).to.deep.equal(sheets);
    expect(changes(before, snapshot(p.doc), () => true)).to.deep.equal([]);
    expect(p.doc.querySelectorAll('[data-yidu-t], [data-yidu-wide], [style]').length).to.equal(0);
    expect(p.doc.documentElement.outerHTML).to.equal(html);
    expect(p.errors).to.deep.equal([]);
  });
});
