import { expect } from 'chai';
import { closeAll, openPage, settle, waitFor, TEMPLATE_BODY, TEMPLATE_CSS, type TestPage } from './helpers.js';
import { bar, barButton, openBar } from './a11y-helpers.js';
import { splitSentences } from '../src/effects/a11y/speech/sentences.js';
import { pickVoice } from '../src/effects/a11y/speech/engine.js';

/** A deterministic speech engine: records what it is asked to say; the test decides when each piece ends. */
const FAKE = `window.__spoken = []; window.__current = null; window.__paused = false; window.__cancels = 0;
  window.__voices = [{ name: '网络普通话', lang: 'zh-CN', localService: false }, { name: '本地普通话', lang: 'zh-CN', localService: true },
    { name: '本地粤语', lang: 'zh-HK', localService: true }, { name: '本地國語', lang: 'zh-TW', localService: true }];
  window[Symbol.for('yidu.speechEngine')] = {
    onvoiceschanged: null,
    voices: () => window.__voices,
    speak(u) { window.__spoken.push({ text: u.text, rate: u.rate, voice: u.voice && u.voice.name, lang: u.lang }); window.__current = u; u.onstart(); },
    cancel() { window.__cancels++; window.__current = null; },
    pause() { window.__paused = true; },
    resume() { window.__paused = false; },
  };`;

const LONG = '为进一步提升政府信息公开工作的规范化水平，县政府办公室组织各部门对照公开目录逐项梳理，共更新公开事项二百余项，' +
  '新增政策解读材料三十余篇，并在政府网站开设专栏集中发布年度报告、财政预决算和重点项目信息，方便群众查阅。';
const BODY = TEMPLATE_BODY.replace('<table id="t1">', `<p id="long">${LONG}</p>
  <p id="links"><a id="link" href="#t1">查看附表</a> <img id="photo" alt="县政府大楼外景" width="40" height="30" src="/dist/cursors/hand-black.svg"></p><table id="t1">`);

interface Spoken { text: string; rate: number; voice: string | null; lang: string }
type W = { __spoken: Spoken[]; __current: { onend(): void } | null; __paused: boolean; __voices: unknown[] };
const w = (p: TestPage) => p.win as unknown as W;
const spoken = (p: TestPage) => w(p).__spoken.map((s) => s.text);
/** The engine finishes the current piece. */
function finish(p: TestPage): void {
  const u = w(p).__current;
  if (!u) throw new Error('nothing is being spoken');
  w(p).__current = null;
  u.onend();
}
function highlighted(p: TestPage): string {
  const h = (p.win as unknown as { CSS: { highlights: Map<string, Iterable<Range>> } }).CSS.highlights.get('yidu-reading');
  return h ? Array.from(h, (r) => r.toString()).join('|') : '';
}

const page = (o: { before?: string; script?: string; lang?: string } = {}) =>
  openPage({ head: TEMPLATE_CSS, body: BODY, script: `data-content="#zoom" ${o.script ?? ''}`, before: FAKE + (o.before ?? ''), lang: o.lang });

describe('声音: 连读, 指读, 语速 (fake engine)', function () {
  this.timeout(30000);
  afterEach(closeAll);

  it('cuts at sentence ends, and long sentences again at a comma before 60 characters', () => {
    const pieces = splitSentences(`第一句。第二句！${LONG}`, 'zh-CN');
    expect(pieces[0]!.text).to.equal('第一句。');
    expect(pieces[1]!.text).to.equal('第二句！');
    for (const piece of pieces) expect(piece.text.length).to.be.at.most(60);
    expect(pieces.slice(2).map((x) => x.text).join('')).to.equal(LONG);
    expect(pieces[2]!.text.endsWith('，')).to.equal(true);
  });

  it('cuts a long sentence with no comma only between tokens: never inside a number, 〔2021〕, an address, an e-mail or a word', () => {
    const cuts = (text: string) => splitSentences(text, 'zh-CN').map((x) => x.text);
    // Each case is over 60 characters, with no comma-like mark where a cut could go.
    const doc = '根据县政府办公室关于做好政府信息公开工作年度报告编制和发布工作以及公开目录动态更新和解读材料发布工作的通知青政办发〔2021〕12号文件要求现将本年度报告全文公布如下';
    expect(cuts(doc).join('|')).to.include('〔2021〕');
    const site = '本报告全文和相关附件材料请登录青禾县人民政府门户网站(http://www.qinghe.gov.cn/zwgk/ndbg/index.html)查阅';
    expect(cuts(site).some((x) => x.includes('http://www.qinghe.gov.cn/zwgk/ndbg/index.html'))).to.equal(true);
    const mail = '对本报告有任何疑问或者意见建议的公民法人和其他组织可以发送电子邮件至zhengwu.gongkai@qinghe.gov.cn反映';
    expect(cuts(mail).some((x) => x.includes('zhengwu.gongkai@qinghe.gov.cn'))).to.equal(true);
    const number = '全县各级行政机关和事业单位本年度累计主动公开各类政府信息共计一万二千三百四十五条其中通过政府网站发布的信息为12,345.5条';
    expect(cuts(number).some((x) => x.includes('12,345.5'))).to.equal(true);
    const word = '县政府办公室今年对全县各部门政务公开工作人员开展了两轮集中培训并在培训中介绍了政府网站无障碍设计规范Accessibility的要求';
    expect(cuts(word).some((x) => x.includes('Accessibility'))).to.equal(true);
    for (const text of [doc, site, mail, number, word]) {
      expect(text.length).to.be.above(60);
      expect(cuts(text).length, text).to.be.at.least(2);
      for (const piece of cuts(text)) expect(piece.length).to.be.at.most(60);
    }
    // Only a single token longer than the limit is cut at a fixed length.
    const long = `地址是https://www.qinghe.gov.cn/${'a'.repeat(70)}/index.html请复制后打开`;
    expect(cuts(long).every((x) => x.length <= 60)).to.equal(true);
    expect(cuts(long)[0]).to.equal('地址是');
  });

  it('pieces of generated text join back to the text, and no cut falls inside a number, address, e-mail or word', () => {
    // A small seeded generator (mulberry32): the same strings on every run, in both browsers.
    let seed = 20261207;
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
    const digits = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');
    const letters = (n: number) => Array.from({ length: n }, () => pick('abcdefghijklmnopqrstuvwxyz'.split(''))).join('');
    const HAN = ['政府', '信息', '公开', '工作', '年度', '报告', '依申请', '办理', '行政复议', '县政府办公室', '群众', '规范', '查阅', '的', '和', '共计'];
    const TOKENS: (() => string)[] = [
      () => digits(1 + Math.floor(random() * 8)),
      () => `${digits(1 + Math.floor(random() * 3))},${digits(3)}.${digits(1)}`,
      () => `${digits(4)}-${digits(2)}-${digits(2)}`,
      () => `〔${digits(4)}〕`,
      () => `（${digits(1 + Math.floor(random() * 3))}）`,
      () => `http://www.${letters(3 + Math.floor(random() * 6))}.gov.cn/${letters(4)}/${digits(3)}.html`,
      () => `https://${letters(4)}.example.org/${letters(1 + Math.floor(random() * 50))}`,
      () => `${letters(5)}.${letters(3)}@${letters(6)}.gov.cn`,
      () => letters(2 + Math.floor(random() * 12)),
    ];
    for (let n = 0; n < 300; n++) {
      let text = '';
      const tokens: [number, number][] = [];
      while (text.length < 60 + n % 240) {
        for (let h = 1 + Math.floor(random() * 6); h > 0; h--) text += pick(HAN);
        if (random() < 0.1) text += pick(['，', '、', '；']);
        const token = pick(TOKENS)();
        tokens.push([text.length, text.length + token.length]);
        text += token;
      }
      text += pick(['。', '！', '']);
      const pieces = splitSentences(text, 'zh-CN');
      let at = 0;
      for (const piece of pieces) {
        expect(text.slice(at, piece.start).trim(), text).to.equal('');
        expect(text.slice(piece.start, piece.start + piece.text.length), text).to.equal(piece.text);
        expect(piece.text.length, text).to.be.at.most(60);
        at = piece.start + piece.text.length;
      }
      expect(text.slice(at).trim(), text).to.equal('');
      for (const cut of pieces.slice(1).map((x) => x.start)) {
        const inside = tokens.find(([from, to]) => from < cut && cut < to && to - from <= 60);
        expect(inside && text.slice(...inside), `cut at ${cut} in ${text}`).to.equal(undefined);
      }
    }
  });

  it('连读 reads the article in order, piece by piece, highlighting each; pause, resume, stop', async () => {
    const p = await page();
    await openBar(p);
    barButton(p, '连读').click();
    await waitFor(() => spoken(p).length === 1, 'the first piece');
    expect(spoken(p)[0]).to.equal('青禾县2025年政府信息公开工作年度报告');
    expect(highlighted(p)).to.equal('青禾县2025年政府信息公开工作年度报告');
    await settle(p);
    expect(barButton(p, '暂停')).to.exist;
    for (let i = 0; i < 40 && w(p).__current; i++) {
      finish(p);
      if (w(p).__current) expect(highlighted(p)).to.equal(spoken(p).at(-1));
    }
    const all = spoken(p);
    expect(all.slice(0, 4)).to.deep.equal(['青禾县2025年政府信息公开工作年度报告', '发布时间：2026-01-20 来源：县政府办公室', '一、总体情况',
      '本年度，青禾县坚持以公开为常态、不公开为例外，围绕群众关切做好政府信息公开工作，主动公开各类信息一千余条。']);
    for (const t of all) expect(t.length, t).to.be.at.most(60);
    // Every word of the article is read, in order, the long paragraph included.
    const article = p.doc.querySelector('#zoom')!.textContent!.replace(/\s+/g, '');
    expect(all.join('').replace(/\s+/g, '')).to.equal(article);
    await settle(p);
    expect(highlighted(p), 'the highlight goes when reading ends').to.equal('');
    expect(barButton(p, '连读')).to.exist;
    // Pause, resume, stop.
    barButton(p, '连读').click();
    await settle(p);
    barButton(p, '暂停').click();
    await settle(p);
    expect(w(p).__paused).to.equal(true);
    barButton(p, '继续').click();
    await settle(p);
    expect(w(p).__paused).to.equal(false);
    barButton(p, '停止').click();
    await settle(p);
    expect(highlighted(p)).to.equal('');
    expect(barButton(p, '停止').getAttribute('aria-disabled')).to.equal('true');
  });

  it('starts from the selection or the focused element, keeps the piece in view, and stops on Esc', async () => {
    const p = await page();
    await openBar(p);
    // A long page: the paragraph starts far below the window.
    const spacer = p.doc.createElement('div');
    spacer.style.height = '3000px';
    p.doc.querySelector('#p2')!.before(spacer);
    const sel = p.win.getSelection()!;
    sel.selectAllChildren(p.doc.querySelector('#p2')!);
    expect(p.doc.querySelector('#p2')!.getBoundingClientRect().top).to.be.greaterThan(p.win.innerHeight);
    barButton(p, '连读').click();
    await waitFor(() => spoken(p).length === 1, 'the first piece');
    expect(spoken(p)[0]).to.equal('依申请公开工作规范有序，全年共收到申请四十二件，均在法定期限内答复。');
    const r = p.doc.querySelector('#p2')!.getBoundingClientRect();
    expect(r.top).to.be.at.least(0);
    expect(r.bottom).to.be.at.most(p.win.innerHeight);
    sel.removeAllRanges();
    p.doc.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await settle(p);
    expect(w(p).__current).to.equal(null);
    expect(highlighted(p)).to.equal('');
    (p.doc.querySelector('#link') as HTMLElement).focus();
    w(p).__spoken.length = 0;
    barButton(p, '连读').click();
    await waitFor(() => spoken(p).length === 1, 'the first piece');
    expect(spoken(p)[0]).to.equal('查看附表');
  });

  it('语速 slow / normal / fast changes the rate, from the current piece on', async () => {
    const p = await page();
    await openBar(p);
    barButton(p, '连读').click();
    await waitFor(() => spoken(p).length === 1, 'the first piece');
    expect(w(p).__spoken[0]!.rate).to.equal(1);
    p.win.Yidu.prefs.set({ speechRate: 'fast' });
    await waitFor(() => w(p).__spoken.length === 2, 'the piece again at the new rate');
    expect(w(p).__spoken[1]).to.include({ rate: 1.4, text: spoken(p)[0] });
    p.win.Yidu.prefs.set({ speechRate: 'slow' });
    await waitFor(() => w(p).__spoken.length === 3, 'slow');
    expect(w(p).__spoken[2]!.rate).to.equal(0.7);
    await settle(p);
    expect(barButton(p, '语速').textContent!.trim()).to.equal('语速：慢速');
  });

  it('picks a local voice for the page\'s current script (zh-CN, zh-TW, zh-HK)', async () => {
    const p = await page();
    await openBar(p);
    barButton(p, '连读').click();
    await waitFor(() => spoken(p).length === 1, 'reading');
    expect(w(p).__spoken[0]).to.include({ voice: '本地普通话', lang: 'zh-CN' });
    barButton(p, '停止').click();
    p.win.Yidu.prefs.set({ zh: 'hant' });
    await settle(p);
    barButton(p, '連讀').click();
    await waitFor(() => spoken(p).length === 2, 'reading in 繁體');
    expect(w(p).__spoken[1]).to.include({ voice: '本地國語', lang: 'zh-TW' });
    const hk = await page({ lang: 'zh-HK' });
    await openBar(hk);
    barButton(hk, '連讀').click();
    await waitFor(() => spoken(hk).length === 1, 'reading a Hong Kong page');
    expect(w(hk).__spoken[0]).to.include({ voice: '本地粤语', lang: 'zh-HK' });
  });

  it('finds Mandarin and Cantonese voices under every tag engines use (cmn, yue, zh-Hans-CN, zh_TW)', () => {
    const v = (name: string, lang: string, localService = true) => ({ name, lang, localService });
    // The voices espeak-ng offers through speech-dispatcher (Linux), as Chromium lists them.
    const espeak = [v('Afrikaans', 'af'), v('Chinese (Mandarin, latin as Pinyin)', 'cmn-latn-pinyin'),
      v('Chinese (Cantonese)', 'yue'), v('Chinese (Mandarin, latin as English)', 'cmn'), v('English', 'en')];
    expect(pickVoice(espeak, 'zh-CN')?.name).to.equal('Chinese (Mandarin, latin as English)');
    expect(pickVoice(espeak, 'zh-TW')?.name).to.equal('Chinese (Mandarin, latin as English)');
    expect(pickVoice(espeak, 'zh-HK')?.name).to.equal('Chinese (Cantonese)');
    // A Cantonese voice is still better than none for a Mandarin page; pinyin voices cannot read characters.
    expect(pickVoice([v('Pinyin', 'cmn-latn-pinyin'), v('Canto', 'yue-HK')], 'zh-CN')?.name).to.equal('Canto');
    expect(pickVoice([v('Pinyin', 'cmn-latn-pinyin'), v('English', 'en-US')], 'zh-CN')).to.equal(null);
    const mixed = [v('Net TW', 'zh-TW', false), v('Local Hant TW', 'zh_Hant_TW'), v('Local Hans', 'zh-Hans-CN'), v('HK', 'zh-HK')];
    expect(pickVoice(mixed, 'zh-TW')?.name).to.equal('Local Hant TW');
    expect(pickVoice(mixed, 'zh-CN')?.name).to.equal('Local Hans');
    expect(pickVoice(mixed, 'zh-HK')?.name).to.equal('HK');
    expect(pickVoice([v('US', 'en-US'), v('GB', 'en-GB')], 'en-GB')?.name).to.equal('GB');
  });

  it('with no voice at all, 声音 says so and is disabled', async () => {
    const p = await page({ before: 'window.__voices = [];' });
    await openBar(p);
    for (const label of ['连读', '指读']) {
      const b = barButton(p, label);
      expect(b.getAttribute('aria-disabled')).to.equal('true');
      expect(bar(p)!.shadowRoot!.getElementById(b.getAttribute('aria-describedby')!)!.textContent).to.include('没有可用的中文语音');
      b.click();
    }
    await settle(p);
    expect(spoken(p)).to.deep.equal([]);
    expect(p.win.Yidu.prefs.get().pointRead).to.equal(false);
  });

  it('指读 reads link names on focus and image alt text after the pointer rests, never blocking the click', async () => {
    const p = await page();
    p.win.Yidu.prefs.set({ pointRead: true });
    await waitFor(() => p.doc.adoptedStyleSheets !== undefined && !!(p.win as unknown as { __spoken: unknown[] }).__spoken, 'ready');
    await new Promise((r) => setTimeout(r, 100));
    const link = p.doc.querySelector('#link') as HTMLElement;
    // The focus event the browser fires (a tab in the background gets focus() without focus events).
    const focusLink = () => { link.focus(); link.dispatchEvent(new p.win.FocusEvent('focusin', { bubbles: true, composed: true })); };
    // 指读 starts when the 无障碍浏览 chunk has loaded, which can take longer than the pause above (Firefox on a
    // busy machine): until then a focus reads nothing, so the link is focused again every 100 ms until it is read.
    let polls = 0;
    await waitFor(() => {
      if (spoken(p).includes('查看附表')) return true;
      if (polls++ % 10 === 0) (link.blur(), focusLink());
      return false;
    }, 'the link name');
    p.doc.querySelector('#photo')!.dispatchEvent(new p.win.PointerEvent('pointerover', { bubbles: true, pointerType: 'mouse' }));
    await waitFor(() => spoken(p).includes('县政府大楼外景'), 'the alt text', 3000);
    let clicked = false;
    link.addEventListener('click', (e) => { clicked = !e.defaultPrevented; e.preventDefault(); });
    link.click();
    expect(clicked).to.equal(true);
    expect(link.hasAttribute('tabindex')).to.equal(false);
    p.win.Yidu.prefs.set({ pointRead: false });
    await settle(p);
    w(p).__spoken.length = 0;
    link.blur();
    focusLink();
    await new Promise((r) => setTimeout(r, 50));
    expect(spoken(p)).to.deep.equal([]);
  });

  it('指读 on touch reads what is tapped, never blocking the tap; a drag that scrolls reads nothing', async () => {
    const p = await page();
    p.win.Yidu.prefs.set({ pointRead: true });
    await waitFor(() => !!(p.win as unknown as { __spoken: unknown[] }).__spoken, 'ready');
    await new Promise((r) => setTimeout(r, 100));
    const para = p.doc.querySelector('#p2') as HTMLElement;
    const touch = (type: string) => para.dispatchEvent(new p.win.PointerEvent(type, { bubbles: true, cancelable: true, pointerType: 'touch' }));
    // A finger that drags to scroll: the browser cancels the pointer, nothing is read.
    touch('pointerover');
    touch('pointerdown');
    touch('pointercancel');
    await new Promise((r) => setTimeout(r, 700));
    expect(spoken(p)).to.deep.equal([]);
    // A tap: read at once; the page's own handlers get the tap, not prevented.
    let seen = '';
    p.doc.addEventListener('pointerup', (e) => (seen = `${e.type}:${e.defaultPrevented}`));
    touch('pointerdown');
    const notPrevented = touch('pointerup');
    expect(notPrevented).to.equal(true);
    expect(seen).to.equal('pointerup:false');
    await waitFor(() => spoken(p).some((t) => t.startsWith('依申请公开工作规范有序')), 'the tapped paragraph');
  });
});
