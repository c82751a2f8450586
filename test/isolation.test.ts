/**
 * Isolation both ways. Hostile site CSS cannot break yidu's controls; yidu's page effects change only what a
 * mode is meant to change (checked on every element's computed style and attributes before and after), and
 * everything yidu adds — adopted sheets, attributes, classes, inline styles, elements — is gone when the
 * modes are off.
 */
import { expect } from 'chai';
import { buttons, closeAll, openPage, settle, waitFor, TEMPLATE_BODY, TEMPLATE_CSS, type TestPage } from './helpers.js';
import { bar, barButton, openBar } from './a11y-helpers.js';
import { closeDemos, openDemo } from './hardening-helpers.js';
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
    const all = buttons(toolbar);
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
    for (const b of buttons(toolbar).slice(0, 3)) {
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
  });
});
