import { expect } from 'chai';
import { barButton, openBar } from './a11y-helpers.js';
import { button, buttons, closeAll, openPage, settle, waitFor, type TestPage } from './helpers.js';

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

  it('a text that is not a string is left out: that label reads as yidu’s own, and the console says so once', async () => {
    const p = await openPage({ body: BODY, before: `window.yiduConfig = { labels: { 'zh-Hans': { qa: 5, a11y: '读屏助手' } } };` });
    await settle(p);
    expect(toolbarLabels(p)).to.include('智能问答').and.include('读屏助手');
    await waitFor(() => p.warnings.some((w) => w.includes('"qa"')), 'the warning about qa');
    const said = p.warnings.filter((w) => w.includes('label'));
    expect(said).to.have.length(1);
    expect(said[0]).to.include('window.yiduConfig').and.include('"qa"').and.include('"zh-Hans"').and.include('5').and.include('not a string');
  });

  it('an unknown language, an unknown label key and texts that are not an object each get one warning naming them; the rest applies', async () => {
    const labels = { 'zh-Hans': { qa: '本页问答', qaa: '问问' }, fr: { qa: 'Demander' }, 'zh-Hant': '本頁問答', en: { a11y: 'Reading help' } };
    const p = await openPage({ body: BODY, script: `data-labels='${JSON.stringify(labels)}'` });
    await settle(p);
    expect(toolbarLabels(p)).to.include('本页问答').and.include('无障碍浏览');
    await waitFor(() => p.warnings.filter((w) => w.includes('labels')).length >= 3, 'three warnings about labels');
    await new Promise((r) => setTimeout(r, 100));
    const said = p.warnings.filter((w) => w.includes('labels'));
    expect(said, said.join('\n')).to.have.length(3);
    expect(said.every((w) => w.startsWith('[yidu] yidu script tag: '))).to.equal(true);
    expect(said.find((w) => w.includes('"fr"'))).to.include('unknown language').and.include('"zh-Hans", "zh-Hant", "en"');
    expect(said.find((w) => w.includes('"qaa"'))).to.include('unknown label key').and.include('"zh-Hans"');
    expect(said.find((w) => w.includes('labels for "zh-Hant"'))).to.include('"本頁問答"').and.include('not an object');
    // Yidu.configure() names itself.
    p.win.Yidu.configure({ labels: { en: { qa: 'Ask here', exitt: 'Hide' } } });
    await waitFor(() => p.warnings.some((w) => w.includes('"exitt"')), 'the warning about exitt');
    expect(p.warnings.find((w) => w.includes('"exitt"'))).to.match(/^\[yidu\] Yidu\.configure\(\): unknown label key "exitt" in the "en" labels/);
  });

  it('labels of every table (the toolbar’s, the 无障碍浏览 bar’s, 繁体 and English) are known: no warning', async () => {
    const p = await openPage({ body: BODY, script: onTag });
    await settle(p);
    await new Promise((r) => setTimeout(r, 300));
    expect(p.warnings.filter((w) => w.includes('label'))).to.deep.equal([]);
  });
});

describe('yidu’s 繁体 labels are fetched with the converter', function () {
  this.timeout(60000);
  afterEach(closeAll);

  const labelChunk = (p: TestPage) => (p.win.performance.getEntriesByType('resource') as PerformanceResourceTiming[])
    .filter((e) => /\/chunks\/more-strings-/.test(e.name));
  const zhButton = (p: TestPage, label: string) => button(p.doc.querySelector('yidu-toolbar')!, label);

  it('hovering 繁体 fetches the 繁体 labels along with the converter', async () => {
    const p = await openPage({ body: BODY });
    await new Promise((r) => setTimeout(r, 200));
    expect(labelChunk(p)).to.have.length(0);
    zhButton(p, '繁体').dispatchEvent(new PointerEvent('pointerenter'));
    await waitFor(() => labelChunk(p).length === 1, 'the 繁体 labels’ chunk');
    expect(toolbarLabels(p)).to.include('无障碍浏览'); // nothing changes before the click
  });
});
