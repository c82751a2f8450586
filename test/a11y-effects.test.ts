import { expect } from 'chai';
import { executeServerCommand } from '@web/test-runner-commands';
import { contrast, parseColor } from '../src/effects/color.js';
import { SCHEMES } from '../src/assistive-bar/functions/colors/color-schemes.js';
import { COLOR_SCHEMES } from '../src/core/prefs.js';
import { backgroundOf, closeAll, contrastOf, openPage, settle, waitFor, TEMPLATE_BODY, TEMPLATE_CSS, type TestPage } from './helpers.js';
import { axe, bar, barButton, describeViolations, inYidu, openBar } from './a11y-helpers.js';

/** Site CSS that fights back: !important colours on ids, a background image, a coloured table header, a faint link. */
const SITE_CSS = `<style>
  #zoom p { color: #666 !important; }
  #zoom h2 { color: #c00; background: #fee url(/dist/cursors/arrow-black.svg); }
  #zoom th { background: #336; color: #ccf; }
  #zoom a { color: #9cf; text-decoration: none; }
  .site { background: #036; color: #fff; }
</style>`;
const EXTRA = `<p id="with-link">详见<a id="link" href="#t1">附表</a>与<a id="link2" href="https://example.invalid/x"><b>政策解读</b></a>。</p>
  <figure><img id="photo" alt="县政府大楼外景" width="40" height="30" src="/dist/cursors/hand-black.svg"><figcaption>图一</figcaption></figure>
  <canvas id="canvas" width="20" height="20"></canvas><video id="video" width="20" height="20"></video>
  <form><label>留言 <input id="field" type="text"></label></form>
  <script>window.__siteScript = 1;</script>`;
const BODY = TEMPLATE_BODY.replace('<table id="t1">', `${EXTRA}<table id="t1">`);
const page = (o: { before?: string; script?: string } = {}) =>
  openPage({ head: TEMPLATE_CSS + SITE_CSS, body: BODY, script: `data-content="#zoom" ${o.script ?? ''}`, before: o.before });


const TEXT = ['#zoom h1', '#zoom h2', '#p1', '#p2', '.meta', '#li1', '#td1', '#zoom th', '#with-link', '#link', '#link2 b', '#site-header', 'figcaption', '#field'];

describe('无障碍浏览 functions on a real page', function () {
  this.timeout(30000);
  let p: TestPage;
  const $ = (s: string) => p.doc.querySelector(s)!;
  afterEach(closeAll);

  describe('配色', () => {
    for (const scheme of COLOR_SCHEMES.filter((s) => s !== 'default')) {
      it(`${scheme}: body text, headings, table cells and links reach 7:1; links stay distinguishable; media untouched`, async () => {
        p = await page();
        p.win.Yidu.prefs.set({ colors: scheme });
        await waitFor(() => p.doc.adoptedStyleSheets.length > 0, 'the scheme');
        const colors = SCHEMES[scheme];
        for (const sel of TEXT) expect(contrastOf($(sel)), `${scheme} ${sel}`).to.be.at.least(7);
        expect(getComputedStyle($('#p1')).color).to.equal(getComputedStyle($('#zoom h1')).color);
        expect(getComputedStyle(p.doc.body).backgroundColor).to.equal(getComputedStyle($('#td1')).backgroundColor);
        expect(getComputedStyle($('#zoom h2')).backgroundImage).to.equal('none');
        // Links: their own colour and an underline.
        expect(getComputedStyle($('#link')).color).not.to.equal(getComputedStyle($('#p1')).color);
        expect(getComputedStyle($('#link')).textDecorationLine).to.include('underline');
        expect(contrast(parseColor(getComputedStyle($('#link')).color)!, parseColor(colors.background.replace(/^#(..)(..)(..)$/, (_, r, g, b) => `rgb(${parseInt(r, 16)}, ${parseInt(g, 16)}, ${parseInt(b, 16)})`))!)).to.be.at.least(7);
        // Photos, video and canvas are never inverted or filtered.
        for (const sel of ['#photo', '#canvas', '#video']) {
          for (let e: Element | null = $(sel); e; e = e.parentElement) expect(getComputedStyle(e).filter, sel).to.equal('none');
        }
        expect(getComputedStyle($('#photo')).backgroundColor).to.equal('rgba(0, 0, 0, 0)');
      });
    }

    it('back to 原网页配色 restores every computed colour exactly', async () => {
      p = await page();
      const snapshot = () => TEXT.map((s) => { const cs = getComputedStyle($(s)); return `${cs.color} ${cs.backgroundColor} ${cs.backgroundImage} ${cs.textDecorationLine}`; });
      const before = snapshot();
      const html = p.doc.documentElement.outerHTML;
      for (const scheme of COLOR_SCHEMES) {
        p.win.Yidu.prefs.set({ colors: scheme });
        await settle(p);
      }
      p.win.Yidu.prefs.set({ colors: 'default' });
      await settle(p);
      expect(snapshot()).to.deep.equal(before);
      expect(p.doc.documentElement.outerHTML).to.equal(html);
      expect(p.doc.adoptedStyleSheets.length).to.equal(0);
    });

    it('stands down under forced-colors: active', async () => {
      p = await page();
      p.win.Yidu.prefs.set({ colors: 'yellow-on-black' });
      await waitFor(() => p.doc.adoptedStyleSheets.length > 0, 'the scheme');
      expect(getComputedStyle($('#p1')).color).to.equal('rgb(255, 255, 0)');
      // Every rule of the scheme sits inside the media query that turns it off under forced colours.
      const rules = Array.from(p.doc.adoptedStyleSheets.at(-1)!.cssRules);
      expect(rules).to.have.length(1);
      expect((rules[0] as CSSMediaRule).conditionText).to.equal('not all and (forced-colors: active)');
      const emulated = (await executeServerCommand('yidu-forced-colors', { active: true })) && p.win.matchMedia('(forced-colors: active)').matches;
      if (navigator.userAgent.includes('Chrome/')) expect(emulated, 'Chromium emulates forced colours').to.equal(true);
      try {
        // Where the browser can emulate it (Chromium), check the effect itself.
        if (emulated) expect(getComputedStyle($('#p1')).color).not.to.equal('rgb(255, 255, 0)');
      } finally {
        await executeServerCommand('yidu-forced-colors', { active: false });
      }
    });

    it('axe finds nothing in yidu\'s UI with the bar open in every scheme', async function () {
      this.timeout(90000);
      p = await page();
      await openBar(p);
      for (const scheme of COLOR_SCHEMES) {
        p.win.Yidu.prefs.set({ colors: scheme });
        await settle(p);
        // Each choice list once in the site's colours; the colour list in every scheme.
        for (const menu of scheme === 'default' ? [null, '配色', '大鼠标', '十字线', '语速'] : [null, '配色']) {
          if (menu) barButton(p, menu).click();
          await settle(p);
          const ours = inYidu(await axe(p));
          expect(ours, `${scheme} ${menu}:\n${describeViolations(ours)}`).to.deep.equal([]);
          if (menu) barButton(p, menu).click();
        }
      }
    });
  });

  describe('页面缩放', () => {
    it('zooms the whole page in steps up to 300 %, reflowing, with our bar not zoomed; 100 % restores it', async () => {
      p = await page();
      await openBar(p);
      const width = $('#p1').getBoundingClientRect().width;
      const fontPx = $('#p1').getBoundingClientRect().height;
      const barButtonHeight = barButton(p, '放大').getBoundingClientRect().height;
      const html = p.doc.body.outerHTML;
      const steps: number[] = [];
      for (let i = 0; i < 8; i++) {
        barButton(p, '放大').click();
        await settle(p);
        steps.push(p.win.Yidu.prefs.get().pageZoom);
      }
      expect(steps).to.deep.equal([1.25, 1.5, 1.75, 2, 2.5, 3, 3, 3]);
      expect(barButton(p, '放大').getAttribute('aria-disabled')).to.equal('true');
      p.win.Yidu.prefs.set({ pageZoom: 2 });
      await settle(p);
      expect(getComputedStyle(p.doc.body).zoom).to.equal('2');
      // Text is twice as large, and lines re-wrap inside the window: no sideways scrolling.
      expect(parseFloat(getComputedStyle($('#p1')).fontSize) * 2).to.be.closeTo(28, 0.5);
      expect($('#p1').getBoundingClientRect().height).to.be.greaterThan(fontPx * 2);
      expect(p.doc.documentElement.scrollWidth).to.be.at.most(p.doc.documentElement.clientWidth + 1);
      expect(barButton(p, '放大').getBoundingClientRect().height).to.equal(barButtonHeight);
      expect(bar(p)!.shadowRoot!.querySelector('.level')!.textContent).to.equal('200%');
      for (let i = 0; i < 8; i++) barButton(p, '缩小').click();
      await settle(p);
      expect(p.win.Yidu.prefs.get().pageZoom).to.equal(1);
      expect(getComputedStyle(p.doc.body).zoom).to.equal('1');
      expect($('#p1').getBoundingClientRect().width).to.equal(width);
      expect(p.doc.body.outerHTML).to.equal(html);
    });
  });

  describe('大鼠标', () => {
    for (const color of ['black', 'white'] as const) {
      it(`${color}: a 64 px arrow, a pointing hand on links and a text cursor on text, served from yidu's folder`, async () => {
        p = await page();
        p.win.Yidu.prefs.set({ cursor: color });
        await waitFor(() => p.doc.adoptedStyleSheets.length > 0, 'the cursor');
        const urlOf = (el: Element) => /url\("?([^")]+)"?\)/.exec(getComputedStyle(el).cursor)?.[1] ?? '';
        expect(urlOf(p.doc.body)).to.match(new RegExp(`/dist/cursors/arrow-${color}\\.svg$`));
        expect(urlOf($('#link'))).to.match(new RegExp(`/dist/cursors/hand-${color}\\.svg$`));
        expect(urlOf($('#link2 b'))).to.match(new RegExp(`/dist/cursors/hand-${color}\\.svg$`));
        expect(urlOf($('#p1'))).to.match(new RegExp(`/dist/cursors/text-${color}\\.svg$`));
        expect(urlOf($('#td1'))).to.match(new RegExp(`/dist/cursors/text-${color}\\.svg$`));
        expect(getComputedStyle($('#link')).cursor).to.match(/, pointer$/);
        for (const url of [urlOf(p.doc.body), urlOf($('#link')), urlOf($('#p1'))]) {
          expect(new URL(url).origin).to.equal(location.origin);
          const svg = new DOMParser().parseFromString(await (await fetch(url)).text(), 'image/svg+xml').documentElement;
          expect(Number(svg.getAttribute('width'))).to.be.at.least(64);
          expect(svg.querySelector('path')!.getAttribute('fill')).to.equal(color === 'black' ? '#000000' : '#ffffff');
        }
        p.win.Yidu.prefs.set({ cursor: 'off' });
        await settle(p);
        expect(getComputedStyle(p.doc.body).cursor).to.equal('auto');
        expect(getComputedStyle($('#link')).cursor).to.equal('pointer');
      });
    }
  });

  describe('十字线 / 阅读线 / 阅读遮罩', () => {
    const move = (x: number, y: number) =>
      p.doc.querySelector('#p2')!.dispatchEvent(new p.win.PointerEvent('pointermove', { clientX: x, clientY: y, bubbles: true, pointerType: 'mouse' }));
    const part = (cls: string, i = 0) => p.doc.querySelector('yidu-guides')!.shadowRoot!.querySelectorAll<HTMLElement>(`.${cls}`)[i]!;

    it('crosshair lines follow the pointer and never take a click', async () => {
      p = await page();
      p.win.Yidu.prefs.set({ guide: 'crosshair' });
      await waitFor(() => !!p.doc.querySelector('yidu-guides'), 'the guides');
      let clicks = 0;
      $('#p2').addEventListener('click', () => clicks++);
      for (const [x, y] of [[120, 200], [300, 90]] as const) {
        move(x, y);
        const h = part('h').getBoundingClientRect();
        const v = part('v').getBoundingClientRect();
        expect(h.top).to.be.closeTo(y - 1, 1);
        expect(v.left).to.be.closeTo(x - 1, 1);
        expect(h.width).to.be.closeTo(p.doc.documentElement.clientWidth, 1);
        expect(v.height).to.be.closeTo(p.doc.documentElement.clientHeight, 1);
        expect(getComputedStyle(part('h')).pointerEvents).to.equal('none');
      }
      const target = $('#p2').getBoundingClientRect();
      move(target.left + 5, target.top + 5);
      expect(p.doc.elementFromPoint(target.left + 5, target.top + 5)).to.equal($('#p2'));
      ($('#p2') as HTMLElement).click();
      expect(clicks).to.equal(1);
    });

    it('the reading line and the mask centre on the pointer; off removes everything', async () => {
      p = await page();
      const html = p.doc.documentElement.outerHTML;
      p.win.Yidu.prefs.set({ guide: 'line' });
      await waitFor(() => !!p.doc.querySelector('yidu-guides'), 'the guides');
      move(50, 250);
      const band = part('band').getBoundingClientRect();
      expect((band.top + band.bottom) / 2).to.be.closeTo(250, 1);
      expect(part('h').hidden).to.equal(true);
      p.win.Yidu.prefs.set({ guide: 'mask' });
      await settle(p);
      move(50, 260);
      expect(part('shade', 0).getBoundingClientRect().bottom).to.be.closeTo(260 - 28, 1);
      expect(part('shade', 1).getBoundingClientRect().top).to.be.closeTo(260 + 28, 1);
      expect(part('band').hidden).to.equal(true);
      p.win.Yidu.prefs.set({ guide: 'off' });
      await settle(p);
      expect(p.doc.querySelector('yidu-guides')).to.equal(null);
      expect(p.doc.documentElement.outerHTML).to.equal(html);
    });

    it('is off on touch-only devices, where the bar offers neither the guides nor 大鼠标 (nor their help rows)', async () => {
      p = await page({ before: `const mm = matchMedia.bind(window); window.matchMedia = (q) => /any-pointer: (fine|coarse)/.test(q) ? { matches: q.includes('coarse'), media: q, addEventListener() {}, removeEventListener() {} } : mm(q);` });
      p.win.Yidu.prefs.set({ guide: 'crosshair' });
      await openBar(p);
      expect(p.doc.querySelector('yidu-guides')).to.equal(null);
      const labels = [...bar(p)!.shadowRoot!.querySelectorAll('.bar button')].map((b) => b.textContent!.trim());
      expect(labels.some((l) => l.startsWith('十字线') || l.startsWith('大鼠标')), labels.join(' ')).to.equal(false);
      expect(labels.some((l) => l.startsWith('指读')), '指读 (by tap) stays').to.equal(true);
      const help = bar(p)!.shadowRoot!.querySelector('dialog')!.textContent!;
      expect(help).not.to.include('大鼠标');
      expect(help).to.include('指读');
    });
  });

  describe('纯文本', () => {
    it('shows the article as plain text from a clone: headings, paragraphs, tables, links; images as alt text', async () => {
      p = await page();
      ($('#field') as HTMLInputElement).value = '读者输入的文字';
      $('.wrap').append(Object.assign(p.doc.createElement('div'), { className: 'spacer' }));
      ($('.spacer') as HTMLElement).style.height = '2000px';
      const body = p.doc.body.outerHTML;
      p.win.scrollTo(0, 40);
      await openBar(p);
      barButton(p, '纯文本').click();
      await waitFor(() => !!p.doc.querySelector('yidu-text-view'), 'the text view');
      await settle(p);
      expect(barButton(p, '纯文本').getAttribute('aria-pressed')).to.equal('true');
      const article = p.doc.querySelector('yidu-text-view')!.shadowRoot!.querySelector('article')!;
      expect(article.getAttribute('aria-label')).to.equal('纯文本阅读');
      expect(article.querySelector('h1')!.textContent).to.equal('青禾县2025年政府信息公开工作年度报告');
      expect(article.querySelector('h2')!.textContent).to.equal('一、总体情况');
      expect(article.textContent).to.include('［图片：县政府大楼外景］');
      expect(article.querySelector('table td')!.textContent).to.equal('规章');
      expect(article.querySelector('a')!.getAttribute('href')).to.equal(new URL('#t1', p.doc.baseURI).href);
      expect(article.querySelectorAll('img, canvas, video, script, style, form, input, [id], [class], [style]').length).to.equal(0);
      // The site's layout is gone from view; our live region stays.
      expect(getComputedStyle($('.wrap')).display).to.equal('none');
      expect($('#site-header').getClientRects().length).to.equal(0);
      expect(p.doc.querySelector('yidu-live-region') ? getComputedStyle(p.doc.querySelector('yidu-live-region')!).display : 'block').not.to.equal('none');
      expect(parseFloat(getComputedStyle(article.querySelector('p')!).fontSize)).to.be.at.least(20);
      // The live page is untouched: same markup, the reader's typed text is still there.
      expect(p.doc.body.outerHTML).to.equal(body);
      p.win.Yidu.prefs.set({ textOnly: false });
      await settle(p);
      expect(p.doc.querySelector('yidu-text-view')).to.equal(null);
      expect(getComputedStyle($('.wrap')).display).to.equal('block');
      expect(($('#field') as HTMLInputElement).value).to.equal('读者输入的文字');
      expect(p.win.scrollY).to.equal(40);
      expect(p.doc.body.outerHTML).to.equal(body);
    });

    it('follows 文字大小 and leaves with Esc', async () => {
      p = await page();
      p.win.Yidu.prefs.set({ textOnly: true, fontSize: 'large' });
      await waitFor(() => !!p.doc.querySelector('yidu-text-view'), 'the text view');
      const article = p.doc.querySelector('yidu-text-view')!.shadowRoot!.querySelector('article')!;
      expect(parseFloat(getComputedStyle(article.querySelector('p')!).fontSize)).to.be.closeTo(25, 0.1);
      article.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true, cancelable: true }));
      await settle(p);
      expect(p.win.Yidu.prefs.get().textOnly).to.equal(false);
      expect(p.doc.querySelector('yidu-text-view')).to.equal(null);
    });
  });
});
