/**
 * Bad input: every config key given a wrong value (or a wrong type), selectors that match nothing, stored
 * preferences that are corrupt in every way, a page in quirks mode, and frames (a page with iframes; yidu
 * inside an iframe). Each problem a site developer can fix gets exactly one clear console warning; everything
 * else keeps working. (The basic cases — one bad attribute, an unknown key, corrupt JSON — are in
 * test/config.test.ts and test/prefs.test.ts.)
 */
import { expect } from 'chai';
import { button, closeAll, openPage, settle, uniqueKey, waitFor, px, TEMPLATE_BODY, TEMPLATE_CSS, type TestPage } from './helpers.js';
import { bar, barButton, openBar } from './a11y-helpers.js';
import { CONFIG_FIELDS, DEFAULT_CONFIG } from '../src/core/config.js';
import { DEFAULT_PREFS } from '../src/core/prefs.js';

/**
 * Wrong for every key: wrong words, wrong types, unsafe addresses, broken selectors, another origin's font.
 * A key added later without a row here gets a nested array, which no key accepts.
 */
const BAD_VALUES: Partial<Record<keyof typeof CONFIG_FIELDS, unknown>> = {
  content: 42,
  toolbar: true,
  variant: 'cn',
  source: ['hans'],
  zhRoot: 'p[',
  zhFrames: 'all',
  lang: { code: 'fr' },
  storageKey: '   ',
  elderHide: '.ad,,',
  qrUrl: 'javascript:alert(1)',
  font: 'https://fonts.example.com/noto.ttf',
  shortcuts: 1,
};
const BAD = Object.fromEntries(Object.keys(CONFIG_FIELDS).map((k) => [k, k in BAD_VALUES ? BAD_VALUES[k as keyof typeof CONFIG_FIELDS] : [[]]]));

const yidu = (w: string[]) => w.filter((x) => x.startsWith('[yidu]'));

describe('bad input: one clear warning each, and everything else keeps working', function () {
  this.timeout(60000);
  afterEach(closeAll);

  it('every config key with a wrong value or type: exactly one warning per key, naming it and what it accepts', async () => {
    const p = await openPage({
      head: TEMPLATE_CSS,
      body: `${TEMPLATE_BODY}<yidu-qr mode="inline"></yidu-qr>`,
      before: `window.yiduConfig = ${JSON.stringify(BAD)};`,
    });
    for (const [key, field] of Object.entries(CONFIG_FIELDS)) {
      const mine = p.warnings.filter((w) => w.includes(`for "${key}"`));
      expect(mine, key).to.have.length(1);
      expect(mine[0]).to.include('window.yiduConfig');
      expect(mine[0]).to.include(`accepted: ${field.accepts}`);
    }
    expect(yidu(p.warnings), p.warnings.join('\n')).to.have.length(Object.keys(CONFIG_FIELDS).length);
    // The defaults hold, and they work.
    expect({ ...p.win.Yidu.config, storageKey: DEFAULT_CONFIG.storageKey }).to.deep.equal({ ...DEFAULT_CONFIG });
    p.win.Yidu.prefs.set({ fontSize: 'large' });
    await settle(p);
    expect(px(p.doc.querySelector('#p1')!, 'font-size')).to.be.closeTo(17.5, 0.01);
    // The refused address and font are never used: no request went anywhere else.
    const others = (p.win.performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((e) => new URL(e.name).origin !== location.origin);
    expect(others.map((e) => e.name)).to.deep.equal([]);
    expect(p.errors).to.deep.equal([]);
  });

  it('a config that is not an object, set before the script: one warning, defaults', async () => {
    const p = await openPage({ head: TEMPLATE_CSS, body: TEMPLATE_BODY, before: `window.yiduConfig = 'content=#zoom';` });
    expect(yidu(p.warnings)).to.have.length(1);
    expect(p.warnings[0]).to.match(/window\.yiduConfig: expected an object of config entries/);
    expect(p.doc.querySelector('yidu-toolbar')).to.not.equal(null);
    expect(p.errors).to.deep.equal([]);
  });

  it('selectors that match nothing (content, zhRoot, elderHide): one warning for each that matters, sensible fallbacks', async () => {
    const p = await openPage({ head: TEMPLATE_CSS, body: TEMPLATE_BODY, script: 'data-content="#article" data-zh-root="#report" data-elder-hide=".no-such-ad"' });
    p.win.Yidu.prefs.set({ fontSize: 'large', elder: true });
    await settle(p);
    p.win.Yidu.prefs.set({ fontSize: 'small', elder: false });
    await settle(p);
    // The article falls back to the first default that exists (#zoom here).
    expect(px(p.doc.querySelector('#p1')!, 'font-size')).to.be.closeTo(12.25, 0.01);
    expect(px(p.doc.querySelector('#site-header')!, 'font-size')).to.equal(13);
    await p.win.Yidu.zh.set('hant');
    await p.win.Yidu.zh.set('hans');
    const content = p.warnings.filter((w) => w.includes('"#article"'));
    const zhRoot = p.warnings.filter((w) => w.includes('"#report"'));
    expect(content, p.warnings.join('\n')).to.have.length(1);
    expect(zhRoot, p.warnings.join('\n')).to.have.length(1);
    // Hiding nothing in 长者模式 is not a mistake (the ads may come later): no warning.
    expect(p.warnings.filter((w) => w.includes('no-such-ad'))).to.deep.equal([]);
    expect(yidu(p.warnings)).to.have.length(2);
    expect(p.errors).to.deep.equal([]);
  });

  describe('stored preferences, corrupt in every way', () => {
    const RECORDS: [string, string, RegExp][] = [
      ['a future version', '{"v":2,"prefs":{"fontSize":"large"}}', /not a yidu v1 preference record/],
      ['null', 'null', /not a yidu v1 preference record/],
      ['an array', '[1,2,3]', /not a yidu v1 preference record/],
      ['prefs of the wrong type', '{"v":1,"prefs":"large"}', /not a yidu v1 preference record/],
      ['a11y values out of range (one warning per value)', '{"v":1,"prefs":{"pageZoom":99,"cursor":"purple","guide":5,"a11yBar":"yes","colors":"neon"}}', /invalid value/],
      ['a 1 MB string', JSON.stringify({ v: 1, prefs: { fontSize: 'x'.repeat(1 << 20) } }), /invalid value/],
    ];
    for (const [what, stored, warning] of RECORDS) {
      it(`${what}: defaults, one warning, the page shown at once, and the record replaced on the next change`, async () => {
        const key = uniqueKey();
        localStorage.setItem(key, stored);
        const p = await openPage({ head: TEMPLATE_CSS, body: TEMPLATE_BODY, storageKey: key, scriptIn: 'head' });
        const mine = yidu(p.warnings);
        const count = what.startsWith('a11y values') ? 5 : 1;
        expect(mine, mine.join('\n')).to.have.length(count);
        if (count === 5) for (const k of ['pageZoom', 'cursor', 'guide', 'a11yBar', 'colors']) expect(mine.filter((w) => w.includes(`"${k}"`)), k).to.have.length(1);
        expect(mine[0]).to.match(warning);
        expect(mine[0].length, 'the warning does not echo a huge record').to.be.below(400);
        expect(p.win.Yidu.prefs.get()).to.deep.equal({ ...DEFAULT_PREFS });
        // Nothing hidden, no chunk loaded for a bar that was never really saved open.
        expect(getComputedStyle(p.doc.documentElement).visibility).to.equal('visible');
        expect(bar(p)).to.equal(null);
        expect(p.doc.adoptedStyleSheets).to.have.length(0);
        p.win.Yidu.prefs.set({ elder: true });
        expect(JSON.parse(localStorage.getItem(key)!)).to.deep.equal({ v: 1, prefs: { ...DEFAULT_PREFS, elder: true } });
        expect(p.errors).to.deep.equal([]);
        localStorage.removeItem(key);
      });
    }
  });

  it('a page in quirks mode (no doctype): one warning saying so; sizes, elder mode and the bar still work', async () => {
    const frame = document.createElement('iframe');
    frame.style.cssText = 'width:800px;height:600px;border:0';
    // A served file: srcdoc documents are never in quirks mode.
    frame.src = '/test/fixtures/hardening/quirks.html';
    const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
    document.body.append(frame);
    await loaded;
    const win = frame.contentWindow as TestPage['win'];
    try {
      const doc = frame.contentDocument!;
      expect(doc.compatMode).to.equal('BackCompat');
      await waitFor(() => !!win.Yidu, 'yidu');
      await win.Yidu.ready;
      win.Yidu.prefs.reset();
      const rec = win as unknown as { __warnings: string[]; __errors: string[] };
      const p = { frame, win, doc, key: 'yidu-test:quirks', get warnings() { return rec.__warnings; }, get errors() { return rec.__errors; } } as TestPage;
      await settle(p);
      const quirks = yidu(p.warnings);
      expect(quirks, quirks.join('\n')).to.have.length(1);
      expect(quirks[0]).to.match(/quirks mode: add <!doctype html>/);
      // A table cell is sized by yidu even though quirks mode keeps it from inheriting the body's size.
      const td = doc.querySelector('#td1')!;
      const p1 = doc.querySelector('#p1')!;
      const [tdBase, pBase] = [px(td, 'font-size'), px(p1, 'font-size')];
      win.Yidu.prefs.set({ fontSize: 'large' });
      await settle(p);
      expect(px(p1, 'font-size')).to.be.closeTo(pBase * 1.25, 0.01);
      expect(px(td, 'font-size')).to.be.closeTo(tdBase * 1.25, 0.01);
      win.Yidu.prefs.set({ fontSize: 'medium', elder: true });
      await settle(p);
      expect(px(p1, 'font-size')).to.be.at.least(18);
      win.Yidu.prefs.set({ elder: false });
      const b = await openBar(p);
      expect(b.getBoundingClientRect().top).to.equal(0);
      barButton(p, '放大').click();
      await settle(p);
      expect(win.Yidu.prefs.get().pageZoom).to.equal(1.25);
      win.Yidu.prefs.reset();
      await waitFor(() => !bar(p), 'the bar to close');
      expect(yidu(p.warnings), 'still only the one warning').to.have.length(1);
      expect(p.errors).to.deep.equal([]);
    } finally {
      win.Yidu?.prefs.reset();
      frame.remove();
    }
  });

  it('a page with iframes: modes, exports and 纯文本 leave the frames\' documents alone; no warning, no error', async () => {
    const p = await openPage({
      head: TEMPLATE_CSS,
      body: TEMPLATE_BODY.replace('<table id="t1">', '<iframe id="inner" srcdoc="<p id=x style=font-size:14px>框架内的文字</p>" width="300" height="80" title="嵌入的内容"></iframe><table id="t1">'),
      script: 'data-content="#zoom"',
    });
    const inner = p.doc.querySelector<HTMLIFrameElement>('#inner')!;
    await waitFor(() => !!inner.contentDocument?.querySelector('#x'), 'the inner frame');
    const innerHtml = inner.contentDocument!.documentElement.outerHTML;
    p.win.Yidu.prefs.set({ fontSize: 'large', elder: true, colors: 'white-on-black', zh: 'hant', textOnly: true });
    await waitFor(() => !!p.doc.querySelector('yidu-text-view'), 'the text view');
    await waitFor(() => p.doc.querySelector('#p1')!.textContent!.includes('縣'), '繁体');
    await settle(p);
    // The text view lists the frame by its title, never its inside.
    const view = p.doc.querySelector('yidu-text-view')!.shadowRoot!.textContent!;
    expect(view).not.to.include('框架内的文字');
    expect(inner.contentDocument!.documentElement.outerHTML).to.equal(innerHtml);
    expect(px(inner.contentDocument!.querySelector('#x')!, 'font-size')).to.equal(14);
    p.win.Yidu.prefs.reset();
    await waitFor(() => !p.doc.querySelector('#p1')!.textContent!.includes('縣'), '简体');
    expect(inner.contentDocument!.documentElement.outerHTML).to.equal(innerHtml);
    expect(yidu(p.warnings)).to.deep.equal([]);
    expect(p.errors).to.deep.equal([]);
  });

  it('yidu inside an iframe: its toolbar, modes and bar act on the frame\'s own document; 关闭窗口 says politely it cannot close', async () => {
    // openPage pages are themselves iframes; this one sits in a host page that has no yidu of its own.
    const p = await openPage({ head: TEMPLATE_CSS, body: `${TEMPLATE_BODY}<yidu-close></yidu-close>`, script: 'data-content="#zoom"' });
    const toolbar = p.doc.querySelector('yidu-toolbar');
    expect(toolbar, 'the page has a yidu element, so no toolbar is inserted').to.equal(null);
    p.win.Yidu.prefs.set({ fontSize: 'large' });
    await settle(p);
    expect(px(p.doc.querySelector('#p1')!, 'font-size')).to.be.closeTo(17.5, 0.01);
    // The host page (this test runner's page) is untouched.
    expect(document.adoptedStyleSheets).to.have.length(0);
    expect(document.querySelector('[data-yidu-t]')).to.equal(null);
    const b = await openBar(p);
    expect(b.ownerDocument).to.equal(p.doc);
    expect(b.getBoundingClientRect().top).to.equal(0);
    expect(b.getBoundingClientRect().width).to.be.closeTo(p.doc.documentElement.clientWidth, 1);
    p.win.Yidu.prefs.set({ a11yBar: false });
    await waitFor(() => !bar(p), 'the bar to close');
    button(p.doc.querySelector('yidu-close')!, '关闭窗口').click();
    const live = () => p.doc.querySelector('yidu-live-region')?.shadowRoot?.textContent ?? '';
    await waitFor(() => live().trim() !== '', 'the polite message', 3000);
    expect(p.frame.isConnected, 'the frame is still there').to.equal(true);
    expect(yidu(p.warnings)).to.deep.equal([]);
    expect(p.errors).to.deep.equal([]);
  });
});
