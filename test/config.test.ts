import { expect } from 'chai';
import { attributeOf, CONFIG_FIELDS, DEFAULT_CONFIG, type YiduConfig } from '../src/core/config.js';
import { closeAll, openPage, px, settle, TEMPLATE_BODY, TEMPLATE_CSS } from './helpers.js';

const ARTICLE = `<div id="site">站点导航文字</div><article id="art"><p id="a1">文章正文</p></article>`;
const CSS = `<style>#site, #art p { font-size: 14px }</style>`;

describe('configuration', () => {
  afterEach(closeAll);

  it('data-content picks the article; text outside it is left alone', async () => {
    const p = await openPage({ head: TEMPLATE_CSS, body: TEMPLATE_BODY, script: 'data-content="#p2"' });
    p.win.Yidu.prefs.set({ fontSize: 'large' });
    await settle(p);
    expect(px(p.doc.querySelector('#p2')!, 'font-size')).to.be.closeTo(17.5, 0.01);
    expect(px(p.doc.querySelector('#p1')!, 'font-size')).to.equal(14);
  });

  it('defaults to the first of main, article, [role=main], #zoom, body', async () => {
    const p = await openPage({ head: CSS, body: ARTICLE });
    p.win.Yidu.prefs.set({ fontSize: 'large' });
    await settle(p);
    expect(px(p.doc.querySelector('#a1')!, 'font-size')).to.be.closeTo(17.5, 0.01);
    expect(px(p.doc.querySelector('#site')!, 'font-size')).to.equal(14);
  });

  it('reads window.yiduConfig set before the script', async () => {
    const p = await openPage({ head: CSS, body: ARTICLE, before: `window.yiduConfig = { content: '#site', toolbar: 'none' };` });
    expect(p.win.Yidu.config.content).to.equal('#site');
    expect(p.doc.querySelector('yidu-toolbar')).to.equal(null);
    p.win.Yidu.prefs.set({ fontSize: 'large' });
    await settle(p);
    expect(px(p.doc.querySelector('#site')!, 'font-size')).to.be.closeTo(17.5, 0.01);
  });

  it('the script tag wins over window.yiduConfig, and Yidu.configure() over both, applied live', async () => {
    const p = await openPage({ head: CSS, body: ARTICLE, script: 'data-content="#art"', before: `window.yiduConfig = { content: '#site' };` });
    expect(p.win.Yidu.config.content).to.equal('#art');
    p.win.Yidu.prefs.set({ fontSize: 'large' });
    p.win.Yidu.configure({ content: '#site' });
    await settle(p);
    expect(px(p.doc.querySelector('#site')!, 'font-size')).to.be.closeTo(17.5, 0.01);
    expect(px(p.doc.querySelector('#a1')!, 'font-size')).to.equal(14);
  });

  it('an unknown key or invalid value gets one warning naming it and what is accepted; the rest works', async () => {
    const p = await openPage({ head: CSS, body: ARTICLE, script: 'data-colour="red" data-toolbar="sometimes" data-variant="xx" data-content="##bad"' });
    const w = p.warnings.join('\n');
    expect(w).to.include('unknown config key "colour"');
    expect(w).to.include('Known keys: content, toolbar, variant, lang, storageKey, elderHide');
    expect(w).to.match(/invalid value "sometimes" for "toolbar".*accepted: "auto" or "none"/);
    expect(w).to.match(/invalid value "xx" for "variant".*"tw", "hk", "t", "twp", "hkp"/);
    expect(w).to.match(/invalid value "##bad" for "content".*a valid CSS selector/);
    expect(p.warnings.filter((x) => x.includes('colour'))).to.have.length(1);
    // Everything else still works: default toolbar, default article.
    expect(p.doc.querySelector('yidu-toolbar')).not.to.equal(null);
    p.win.Yidu.prefs.set({ fontSize: 'large' });
    await settle(p);
    expect(px(p.doc.querySelector('#a1')!, 'font-size')).to.be.closeTo(17.5, 0.01);
    expect(p.errors).to.deep.equal([]);
  });

  it('a content selector that matches nothing warns once and falls back', async () => {
    const p = await openPage({ head: CSS, body: ARTICLE, script: 'data-content="#nowhere"' });
    p.win.Yidu.prefs.set({ fontSize: 'large' });
    p.win.Yidu.prefs.set({ fontSize: 'small' });
    await settle(p);
    expect(p.warnings.filter((w) => w.includes('"#nowhere" matches no element'))).to.have.length(1);
    expect(px(p.doc.querySelector('#a1')!, 'font-size')).to.be.closeTo(12.25, 0.01);
  });

  it('toolbar "auto" inserts <yidu-toolbar> at the top of the body only when the page has no yidu element', async () => {
    const auto = await openPage({ body: ARTICLE });
    expect(auto.doc.body.firstElementChild!.localName).to.equal('yidu-toolbar');
    const placed = await openPage({ body: `<yidu-font-size></yidu-font-size>${ARTICLE}` });
    expect(placed.doc.querySelector('yidu-toolbar')).to.equal(null);
    const none = await openPage({ body: ARTICLE, script: 'data-toolbar="none"' });
    expect(none.doc.querySelector('yidu-toolbar')).to.equal(null);
  });

  it('Yidu.configure() with a bad value warns and keeps the current config', async () => {
    const p = await openPage({ body: ARTICLE });
    p.win.Yidu.configure({ lang: 'fr' as never });
    expect(p.win.Yidu.config.lang).to.equal('auto');
    expect(p.warnings.some((w) => w.includes('Yidu.configure()') && w.includes('"fr"'))).to.equal(true);
  });

  it('the config table in docs/config.md matches the schema', async () => {
    const readme = await (await fetch('/docs/config.md')).text();
    const rows = readme.split('\n').filter((l) => l.startsWith('| `data-'));
    expect(rows).to.have.length(Object.keys(CONFIG_FIELDS).length);
    for (const [key, field] of Object.entries(CONFIG_FIELDS)) {
      const row = rows.find((r) => r.startsWith(`| \`${attributeOf(key)}\` | \`${key}\` |`));
      expect(row, key).to.be.a('string');
      const value = DEFAULT_CONFIG[key as keyof YiduConfig];
      if (value) expect(row, key).to.include(`| \`${typeof value === 'object' ? JSON.stringify(value) : value}\` |`);
    }
  });
});
