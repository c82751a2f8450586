import { expect } from 'chai';
import { executeServerCommand, resetMouse, sendMouse } from '@web/test-runner-commands';
import { closeAll, openPage, settle, waitFor, TEMPLATE_BODY, TEMPLATE_CSS, type TestPage } from './helpers.js';
import { barButton, openBar } from './a11y-helpers.js';

const LONG = '为进一步提升政府信息公开工作的规范化水平，县政府办公室组织各部门对照公开目录逐项梳理，共更新公开事项二百余项，' +
  '新增政策解读材料三十余篇。全年还举办政府开放日活动六场，邀请群众代表走进机关。';
const BODY = TEMPLATE_BODY.replace('<table id="t1">', `<p id="long">${LONG}</p>
  <p><a id="link" href="#t1">查看附表</a> <img id="photo" alt="县政府大楼外景" width="60" height="40" src="/dist/cursors/hand-black.svg"></p><table id="t1">`);
const page = (lang?: string) => openPage({ head: TEMPLATE_CSS, body: BODY, script: 'data-content="#zoom"', lang });

const strip = (p: TestPage) => p.doc.querySelector('yidu-caption');
const line = (p: TestPage, cls: string) => strip(p)!.shadowRoot!.querySelector(`.${cls}`) as HTMLElement;

/** The pointer moves to (x, y) over `target`. */
function pointAt(p: TestPage, target: Element, x: number, y: number): void {
  target.dispatchEvent(new p.win.PointerEvent('pointermove', { clientX: x, clientY: y, bubbles: true, pointerType: 'mouse', timeStamp: performance.now() } as PointerEventInit));
}
async function pointAtText(p: TestPage, el: Element, text: string): Promise<void> {
  const node = Array.from(el.childNodes).find((n) => n.nodeType === Node.TEXT_NODE && n.nodeValue!.includes(text))!;
  const r = p.doc.createRange();
  const i = node.nodeValue!.indexOf(text);
  r.setStart(node, i + 1);
  r.setEnd(node, i + 2);
  const box = r.getBoundingClientRect();
  // Events closer together than 100 ms are thinned out; wait so this one counts.
  await new Promise((res) => setTimeout(res, 120));
  pointAt(p, el, box.left + box.width / 2, box.top + box.height / 2);
}

describe('大字幕 (caption strip)', function () {
  this.timeout(30000);
  afterEach(closeAll);

  it('shows the text under the pointer at 40 px or more in a strip that pushes the page up, and off restores the page', async () => {
    const p = await page();
    const html = p.doc.documentElement.outerHTML;
    await openBar(p);
    barButton(p, '大字幕').click();
    await waitFor(() => !!strip(p), 'the strip');
    await settle(p);
    expect(barButton(p, '大字幕').getAttribute('aria-pressed')).to.equal('true');
    await pointAtText(p, p.doc.querySelector('#p1')!, '青禾县坚持');
    await waitFor(() => line(p, 'text').textContent !== '', 'the caption');
    expect(line(p, 'text').textContent).to.equal('本年度，青禾县坚持以公开为常态、不公开为例外，围绕群众关切做好政府信息公开工作，主动公开各类信息一千余条。');
    expect(parseFloat(getComputedStyle(line(p, 'text')).fontSize)).to.be.at.least(40);
    const r = strip(p)!.getBoundingClientRect();
    expect(r.bottom).to.be.closeTo(p.doc.documentElement.clientHeight, 1);
    expect(getComputedStyle(strip(p)!).pointerEvents).to.equal('none');
    expect(parseFloat(getComputedStyle(p.doc.documentElement).paddingBottom)).to.be.closeTo(r.height, 1);
    // A long paragraph: the sentence under the pointer, not the whole block.
    await pointAtText(p, p.doc.querySelector('#long')!, '开放日');
    await waitFor(() => line(p, 'text').textContent!.includes('开放日'), 'the sentence under the pointer');
    expect(line(p, 'text').textContent).to.equal('全年还举办政府开放日活动六场，邀请群众代表走进机关。');
    // Image descriptions, and what gets keyboard focus.
    await new Promise((res) => setTimeout(res, 120));
    pointAt(p, p.doc.querySelector('#photo')!, 5, 5);
    await waitFor(() => line(p, 'text').textContent === '县政府大楼外景', 'the alt text');
    const link = p.doc.querySelector('#link') as HTMLElement;
    link.focus();
    link.dispatchEvent(new p.win.FocusEvent('focusin', { bubbles: true, composed: true }));
    await waitFor(() => line(p, 'text').textContent === '查看附表', 'the focused link');
    p.win.Yidu.prefs.set({ caption: false, a11yBar: false });
    await waitFor(() => !strip(p), 'the strip to go');
    await settle(p);
    link.blur();
    expect(p.doc.documentElement.outerHTML).to.equal(html);
    expect(p.doc.adoptedStyleSheets.length).to.equal(0);
  });

  it('the bar and the strip make room on top of the page\'s own padding, also for scrolling into view, and give it back', async () => {
    const p = await page();
    const root = p.doc.documentElement;
    // The site's own padding on both edges (set through the CSSOM, as a strict CSP allows).
    root.style.setProperty('padding-top', '10px');
    root.style.setProperty('padding-bottom', '30px');
    const px = (v: string) => parseFloat(v);
    await openBar(p);
    await settle(p);
    const barHeight = p.doc.querySelector('yidu-a11y-bar')!.getBoundingClientRect().height;
    await waitFor(() => Math.abs(px(getComputedStyle(root).paddingTop) - (barHeight + 10)) <= 1, 'room for the bar above the site\'s own 10 px');
    expect(px(getComputedStyle(root).scrollPaddingTop)).to.be.closeTo(barHeight + 10, 1);
    p.win.Yidu.prefs.set({ caption: true });
    await waitFor(() => !!strip(p), 'the strip');
    await settle(p);
    const stripHeight = strip(p)!.getBoundingClientRect().height;
    await waitFor(() => Math.abs(px(getComputedStyle(root).paddingBottom) - (stripHeight + 30)) <= 1, 'room for the strip below the site\'s own 30 px');
    expect(px(getComputedStyle(root).scrollPaddingBottom)).to.be.closeTo(stripHeight + 30, 1);
    p.win.Yidu.prefs.set({ caption: false, a11yBar: false });
    await waitFor(() => !strip(p) && !p.doc.querySelector('yidu-a11y-bar'), 'the bar and the strip to go');
    await settle(p);
    expect([getComputedStyle(root).paddingTop, getComputedStyle(root).paddingBottom]).to.deep.equal(['10px', '30px']);
    expect(p.doc.adoptedStyleSheets.length).to.equal(0);
  });

  it('a real pointer moved from the title onto the first paragraph ends on the paragraph, with no further move', async () => {
    const p = await page();
    p.win.Yidu.prefs.set({ caption: true });
    await waitFor(() => !!strip(p), 'the strip');
    await settle(p);
    // Real mouse input reaches only the tab in front (scripts/foreground.mjs).
    await executeServerCommand('yidu-foreground', { take: true });
    try {
      const frame = p.frame.getBoundingClientRect();
      /** A point in the window at fraction (fx, fy) of an element's or a text's box. */
      const at = (box: DOMRect, fx: number, fy = 0.5): [number, number] =>
        [Math.round(frame.left + box.left + box.width * fx), Math.round(frame.top + box.top + box.height * fy)];
      const title = p.doc.querySelector('h1')!.getBoundingClientRect();
      const meta = p.doc.querySelector('.meta')!.getBoundingClientRect();
      const text = Array.from(p.doc.querySelector('#p1')!.childNodes).find((n) => n.nodeValue?.includes('青禾县坚持'))!;
      const range = p.doc.createRange();
      range.setStart(text, text.nodeValue!.indexOf('青禾县坚持') + 1);
      range.setEnd(text, text.nodeValue!.indexOf('青禾县坚持') + 3);
      // The reader takes a moment, then rests the pointer on the title.
      await new Promise((r) => setTimeout(r, 200));
      await sendMouse({ type: 'move', position: at(title, 0.2) });
      await waitFor(() => line(p, 'text').textContent === '青禾县2025年政府信息公开工作年度报告', 'the title');
      await new Promise((r) => setTimeout(r, 200));
      // Then about 0.3 s of movement at a normal speed, over the 发布时间 line, onto the paragraph, and stop.
      const path = [at(title, 0.3), at(title, 0.45), at(title, 0.6, 0.9), at(meta, 0.3), at(meta, 0.6), at(range.getBoundingClientRect(), 0.5)];
      for (const position of path) {
        await new Promise((r) => setTimeout(r, 50));
        await sendMouse({ type: 'move', position });
      }
      await waitFor(() => line(p, 'text').textContent!.startsWith('本年度，青禾县坚持'), 'the paragraph under the resting pointer', 2000)
        .catch(() => expect(line(p, 'text').textContent).to.equal('本年度，青禾县坚持以公开为常态、不公开为例外，围绕群众关切做好政府信息公开工作，主动公开各类信息一千余条。'));
      // It stays on it.
      await new Promise((r) => setTimeout(r, 300));
      expect(line(p, 'text').textContent).to.equal('本年度，青禾县坚持以公开为常态、不公开为例外，围绕群众关切做好政府信息公开工作，主动公开各类信息一千余条。');
    } finally {
      await resetMouse();
      await executeServerCommand('yidu-foreground', { take: false });
    }
  });

  it('adds a 拼音 line (loaded on demand), polyphones read in context', async () => {
    const p = await page();
    p.win.Yidu.prefs.set({ caption: true, captionPinyin: true });
    await waitFor(() => !!strip(p), 'the strip');
    await pointAtText(p, p.doc.querySelector('#p2')!, '申请公开');
    await waitFor(() => !line(p, 'pinyin').hidden, 'the pinyin line', 8000);
    expect(line(p, 'text').textContent).to.equal('依申请公开工作规范有序，全年共收到申请四十二件，均在法定期限内答复。');
    expect(line(p, 'pinyin').textContent).to.match(/^yī shēn qǐng gōng kāi gōng zuò/);
    expect(line(p, 'pinyin').textContent).to.include('sì shí èr jiàn');
    p.win.Yidu.prefs.set({ captionPinyin: false });
    await settle(p);
    expect(line(p, 'pinyin').hidden).to.equal(true);
  });

  it('shows Traditional text as the page shows it', async () => {
    const p = await openPage({ head: TEMPLATE_CSS, body: '<div id="zoom"><p id="t">本年度依申請公開工作規範有序。</p></div>', script: 'data-content="#zoom"', lang: 'zh-TW' });
    p.win.Yidu.prefs.set({ caption: true });
    await waitFor(() => !!strip(p), 'the strip');
    await pointAtText(p, p.doc.querySelector('#t')!, '申請');
    await waitFor(() => line(p, 'text').textContent !== '', 'the caption');
    expect(line(p, 'text').textContent).to.equal('本年度依申請公開工作規範有序。');
  });
});
