/**
 * axe-core (WCAG 2.0–2.2 A/AA) on every element in every state, and on the demo pages in every mode:
 * nothing inside yidu's own UI may fail, and the demo pages themselves must stay clean in every mode.
 * (axe leaves one-character labels such as 大/中/小 unjudged for contrast; elements.test.ts measures those.)
 */
import { expect } from 'chai';
import { closeAll, openPage, ready, settle, uniqueKey, type TestPage } from './helpers.js';
import { axe, describeViolations, inYidu } from './axe-helpers.js';

const ALL = `<header><h1>元素测试</h1></header><main><div id="zoom"><p>正文段落。</p></div>
  <yidu-toolbar></yidu-toolbar>
  <yidu-a11y-toggle></yidu-a11y-toggle><yidu-elder-toggle></yidu-elder-toggle><yidu-zh-switch></yidu-zh-switch>
  <yidu-font-size></yidu-font-size><yidu-download format="docx"></yidu-download><yidu-download format="pdf"></yidu-download>
  <yidu-print></yidu-print><yidu-close></yidu-close><yidu-qr></yidu-qr></main>`;

const STATES: [string, Record<string, unknown>][] = [
  ['default', {}],
  ['大', { fontSize: 'large' }],
  ['小', { fontSize: 'small' }],
  ['长者模式', { elder: true }],
  ['长者模式 + 大', { elder: true, fontSize: 'large' }],
  ['繁體 labels', { zh: 'hant' }],
];

describe('axe-core', function () {
  this.timeout(60000);
  afterEach(closeAll);

  for (const lang of ['zh-CN', 'en']) {
    it(`finds nothing in yidu's elements in any state (${lang})`, async () => {
      const page = await openPage({ body: ALL, lang });
      for (const [name, prefs] of STATES) {
        page.win.Yidu.prefs.set(prefs);
        await settle(page);
        const ours = inYidu(await axe(page));
        expect(ours, `${name}:\n${describeViolations(ours)}`).to.deep.equal([]);
        page.win.Yidu.prefs.reset();
        await settle(page);
      }
    });
  }

  it('would catch a failure inside yidu (a site theme with a too-light accent)', async () => {
    const page = await openPage({ body: ALL, head: '<style>yidu-elder-toggle { --yidu-accent: #9ec5ff; }</style>' });
    page.win.Yidu.prefs.set({ elder: true });
    await settle(page);
    const ours = inYidu(await axe(page));
    expect(ours.map((v) => v.id)).to.deep.equal(['color-contrast']);
    expect(ours[0]!.nodes.map((n) => String(n.target[0]))).to.deep.equal(['yidu-elder-toggle,button']);
  });

  for (const demo of ['index.html', 'auto.html', 'en.html', 'spa.html']) {
    it(`finds nothing on demo/${demo} in any mode`, async () => {
      const frame = document.createElement('iframe');
      frame.style.cssText = 'width:1024px;height:700px;border:0';
      frame.src = `/demo/${demo}?key=${uniqueKey()}`;
      const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
      document.body.append(frame);
      await loaded;
      const page = { frame, win: frame.contentWindow, doc: frame.contentDocument } as unknown as TestPage;
      await ready(page);
      try {
        for (const [name, prefs] of STATES) {
          page.win.Yidu.prefs.set(prefs);
          await settle(page);
          const results = await axe(page);
          expect(results.violations, `${demo} ${name}:\n${describeViolations(results.violations)}`).to.deep.equal([]);
          page.win.Yidu.prefs.reset();
        }
      } finally {
        page.win.Yidu.prefs.reset();
        frame.remove();
      }
    });
  }
});
