import { expect } from 'chai';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { contrast, parseColor } from '../src/effects/color.js';
import { button, buttons, closeAll, openPage, settle, waitFor, type TestPage } from './helpers.js';

const ALL = `<main><div id="zoom"><p>正文</p></div>
  <yidu-a11y-toggle></yidu-a11y-toggle><yidu-elder-toggle></yidu-elder-toggle><yidu-zh-switch></yidu-zh-switch>
  <yidu-font-size></yidu-font-size><yidu-download format="docx"></yidu-download><yidu-download format="pdf"></yidu-download>
  <yidu-print></yidu-print><yidu-close></yidu-close><yidu-qr></yidu-qr></main>`;

const LABELS = {
  'zh-CN': ['无障碍浏览', '长者模式', '简体', '繁体', '大', '中', '小', '下载Word', '下载PDF', '打印文章', '关闭窗口', '扫一扫在手机打开当前页'],
  'zh-Hant': ['無障礙瀏覽', '長者模式', '簡體', '繁體', '大', '中', '小', '下載Word', '下載PDF', '列印文章', '關閉視窗', '掃一掃在手機開啟目前頁面'],
  en: ['Accessibility', 'Elder mode', 'Simplified', 'Traditional', 'Large', 'Medium', 'Small', 'Download Word', 'Download PDF', 'Print article', 'Close window', 'Scan to open this page on a phone'],
};

function allButtons(page: TestPage): HTMLButtonElement[] {
  return Array.from(page.doc.querySelectorAll('main > [class], main > *')).flatMap((el) => buttons(el));
}

describe('elements', () => {
  afterEach(closeAll);

  for (const [lang, labels] of Object.entries(LABELS)) {
    it(`label every button in the page's script (${lang})`, async () => {
      const page = await openPage({ body: ALL, lang });
      expect(allButtons(page).map((b) => b.textContent!.trim())).to.deep.equal(labels);
    });
  }

  it('switch labels to 繁體 while Traditional is chosen, and back', async () => {
    const page = await openPage({ body: ALL });
    page.win.Yidu.prefs.set({ zh: 'hant' });
    await settle(page);
    expect(allButtons(page).map((b) => b.textContent!.trim())).to.deep.equal(LABELS['zh-Hant']);
    page.win.Yidu.prefs.set({ zh: 'auto' });
    await settle(page);
    expect(allButtons(page).map((b) => b.textContent!.trim())).to.deep.equal(LABELS['zh-CN']);
  });

  it('繁體 and English labels come with their own chunk, fetched only by a page whose labels need them', async () => {
    const chunks = (page: TestPage) => (page.win.performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .map((e) => e.name).filter((n) => /\/chunks\/more-strings-/.test(n));
    const hans = await openPage({ body: ALL });
    expect(chunks(hans)).to.deep.equal([]);
    const en = await openPage({ body: ALL, lang: 'en' });
    expect(chunks(en)).to.have.length(1);
    // Chosen while reading: the labels switch once the chunk is here (the elements' update waits for it).
    hans.win.Yidu.prefs.set({ zh: 'hant' });
    await settle(hans);
    expect(chunks(hans)).to.have.length(1);
    expect(allButtons(hans).map((b) => b.textContent!.trim())).to.deep.equal(LABELS['zh-Hant']);
  });

  it('config lang overrides the page language', async () => {
    const page = await openPage({ body: ALL, script: 'data-lang="en"' });
    expect(allButtons(page).map((b) => b.textContent!.trim())).to.deep.equal(LABELS.en);
    expect(page.doc.querySelector('yidu-font-size')!.shadowRoot!.querySelector('[lang]')!.getAttribute('lang')).to.equal('en');
  });

  it('长者模式 is a toggle with aria-pressed, and every button is a real <button type=button>', async () => {
    const page = await openPage({ body: ALL });
    const elder = button(page.doc.querySelector('yidu-elder-toggle')!, '长者模式');
    expect(elder.getAttribute('aria-pressed')).to.equal('false');
    elder.click();
    await settle(page);
    expect(elder.getAttribute('aria-pressed')).to.equal('true');
    expect(page.win.Yidu.prefs.get().elder).to.equal(true);
    for (const b of allButtons(page)) expect(b.type).to.equal('button');
  });

  it('关闭窗口 closes the window, or says politely that the browser refused', async () => {
    const page = await openPage({ body: ALL });
    let calls = 0;
    // The test page cannot really be closed; this stands in for a browser that refuses, as they do for tabs
    // the reader opened.
    page.win.close = () => void calls++;
    button(page.doc.querySelector('yidu-close')!, '关闭窗口').click();
    const region = () => page.doc.querySelector('yidu-live-region')?.shadowRoot?.querySelector('[role=status][aria-live=polite]');
    await waitFor(() => (region()?.textContent ?? '') !== '', 'the refusal message');
    expect(calls).to.equal(1);
    expect(region()!.textContent).to.include('浏览器不允许网页关闭此窗口');
  });

  it('shows a visible focus ring when reached with the keyboard', async () => {
    const page = await openPage({ body: '<yidu-elder-toggle></yidu-elder-toggle>', script: 'data-toolbar="none"' });
    const b = button(page.doc.querySelector('yidu-elder-toggle')!, '长者模式');
    // Real key presses need this tab in front (tests run side by side; see scripts/foreground.mjs).
    await executeServerCommand('yidu-foreground', { take: true });
    try {
      page.frame.focus();
      page.win.focus();
      await sendKeys({ press: 'Tab' });
      await waitFor(() => page.doc.activeElement?.localName === 'yidu-elder-toggle', 'keyboard focus', 3000);
      const cs = getComputedStyle(b);
      expect(b.matches(':focus-visible')).to.equal(true);
      expect(cs.outlineStyle).to.equal('solid');
      expect(parseFloat(cs.outlineWidth)).to.be.at.least(2);
    } finally {
      await executeServerCommand('yidu-foreground', { take: false });
    }
  });

  it('every button label reaches 4.5:1 contrast in every state (axe cannot judge one-character labels)', async () => {
    const page = await openPage({ body: ALL });
    for (const prefs of [{}, { fontSize: 'large' as const }, { elder: true }, { fontSize: 'small' as const, elder: true }]) {
      page.win.Yidu.prefs.set(prefs);
      await settle(page);
      for (const b of allButtons(page)) {
        const cs = getComputedStyle(b);
        const ratio = contrast(parseColor(cs.color)!, parseColor(cs.backgroundColor)!);
        expect(ratio, `${b.textContent} ${JSON.stringify(prefs)}`).to.be.at.least(4.5);
      }
      page.win.Yidu.prefs.reset();
    }
  });

  it('is themable through custom properties and ::part', async () => {
    const page = await openPage({
      head: `<style>yidu-font-size { --yidu-accent: rgb(0, 80, 0); } yidu-font-size::part(label) { font-weight: 700; }</style>`,
      body: '<yidu-font-size></yidu-font-size>',
    });
    const host = page.doc.querySelector('yidu-font-size')!;
    expect(getComputedStyle(button(host, '中')).backgroundColor).to.equal('rgb(0, 80, 0)');
    expect(getComputedStyle(host.shadowRoot!.querySelector('[part=label]')!).fontWeight).to.equal('700');
  });

  it('survives hostile page CSS aimed at buttons', async () => {
    const page = await openPage({
      head: `<style>button { display: none !important; } * { font-size: 9px !important; }</style>`,
      body: '<yidu-font-size></yidu-font-size>',
    });
    const b = button(page.doc.querySelector('yidu-font-size')!, '大');
    expect(getComputedStyle(b).display).not.to.equal('none');
    const r = b.getBoundingClientRect();
    expect(Math.min(r.width, r.height)).to.be.at.least(44);
  });

  it('an element removed and added again keeps working', async () => {
    const page = await openPage({ body: ALL });
    const host = page.doc.querySelector('yidu-font-size')!;
    host.remove();
    page.win.Yidu.prefs.set({ fontSize: 'small' });
    page.doc.body.append(host);
    await settle(page);
    expect(button(host, '小').getAttribute('aria-pressed')).to.equal('true');
    button(host, '大').click();
    expect(page.win.Yidu.prefs.get().fontSize).to.equal('large');
  });
});
