import { expect } from 'chai';
import { barButton, openBar } from './a11y-helpers.js';
import { buttons, closeAll, openPage, settle, type TestPage } from './helpers.js';

const BODY = `<main><p>文章正文</p></main>`;

/** A site's own wording, for every language, as a site puts it on the script tag. */
const LABELS = {
  'zh-Hans': { qa: '本页问答', a11y: '读屏助手', exit: '收起' },
  'zh-Hant': { qa: '本頁問答', hant: '正體', exit: '收合' },
  en: { qa: 'Ask this page', a11y: 'Reading help', exit: 'Hide bar' },
};
const onTag = `data-labels='${JSON.stringify(LABELS)}'`;

const toolbarLabels = (page: TestPage) => buttons(page.doc.querySelector('yidu-toolbar')!).map((b) => b.textContent!.trim());

describe('a site’s own labels (config labels)', () => {
  afterEach(closeAll);

  for (const [lang, pageLang, defaults] of [
    ['zh-Hans', 'zh-CN', { qa: '智能问答', a11y: '无障碍浏览' }],
    ['zh-Hant', 'zh-TW', { qa: '智能問答', a11y: '無障礙瀏覽' }],
    ['en', 'en', { qa: 'Ask', a11y: 'Accessibility' }],
  ] as const) {
    it(`a ${lang} page shows the site’s wording in the toolbar and the 无障碍浏览 bar, the rest as yidu’s`, async () => {
      const p = await openPage({ body: BODY, lang: pageLang, script: onTag });
      await settle(p);
      const own = LABELS[lang];
      const shown = toolbarLabels(p);
      expect(shown).to.include(own.qa).and.not.include(defaults.qa);
      if ('a11y' in own) expect(shown).to.include(own.a11y).and.not.include(defaults.a11y);
      else expect(shown).to.include(defaults.a11y);
      if ('hant' in own) expect(shown).to.include(own.hant).and.not.include('繁體');
      await openBar(p);
      expect(barButton(p, own.exit)).to.be.an.instanceOf(p.win.HTMLButtonElement);
      expect(p.warnings.filter((w) => w.includes('labels'))).to.deep.equal([]);
    });
  }

  it('window.yiduConfig and Yidu.configure() take labels too, applied to the labels in view', async () => {
    const p = await openPage({ body: BODY, before: `window.yiduConfig = { labels: { 'zh-Hans': { qa: '本页问答' } } };` });
    expect(toolbarLabels(p)).to.include('本页问答');
    p.win.Yidu.configure({ labels: { 'zh-Hans': { qa: '问问本页' } } });
    await settle(p);
    expect(toolbarLabels(p)).to.include('问问本页').and.not.include('本页问答');
  });

  it('a site’s label is text, never markup', async () => {
    const p = await openPage({ body: BODY, script: `data-labels='{"zh-Hans":{"qa":"<b>问答</b>"}}'` });
    await settle(p);
    expect(toolbarLabels(p)).to.include('<b>问答</b>');
    expect(buttons(p.doc.querySelector('yidu-toolbar')!).some((b) => b.querySelector('b'))).to.equal(false);
  });

  it('labels that are not an object (or not JSON on the script tag) get one warning, and yidu’s own labels', async () => {
    const p = await openPage({ body: BODY, script: `data-labels="本页问答"` });
    await settle(p);
    expect(toolbarLabels(p)).to.include('智能问答');
    const said = p.warnings.filter((w) => w.includes('"labels"'));
    expect(said).to.have.length(1);
    expect(said[0]).to.include('yidu script tag').and.include('an object');
  });

  it('a text that is not a string is left out: that label reads as yidu’s own', async () => {
    const p = await openPage({ body: BODY, before: `window.yiduConfig = { labels: { 'zh-Hans': { qa: 5, a11y: '读屏助手' } } };` });
    await settle(p);
    expect(toolbarLabels(p)).to.include('智能问答').and.include('读屏助手');
  });
});
