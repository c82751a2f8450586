/**
 * Failure isolation: when one feature fails — its lazy chunk answers 404, the speech engine errs, making a
 * file throws, storage is full — the reader hears a polite message (the live region), the console gets ONE
 * clear error, every other feature keeps working, and the reader's next click tries again and succeeds.
 *
 * Each page loads yidu under its own `/fresh/<token>/` prefix, so a fault armed for its next request of a
 * chunk (scripts/network-faults.mjs) hits that page alone.
 */
import { expect } from 'chai';
import { executeServerCommand } from '@web/test-runner-commands';
import { button, closeAll, openPage, px, settle, waitFor, TEMPLATE_BODY, TEMPLATE_CSS, type TestPage } from './helpers.js';
import { bar, barButton, liveMessage, restPointer } from './a11y-helpers.js';
import { decodeSvg } from './qr-decode.js';

const CONTROLS = `<div id="controls"><yidu-a11y-toggle></yidu-a11y-toggle><yidu-elder-toggle></yidu-elder-toggle>
  <yidu-zh-switch></yidu-zh-switch><yidu-font-size></yidu-font-size><yidu-download format="docx"></yidu-download>
  <yidu-download format="pdf"></yidu-download><yidu-print></yidu-print><yidu-qr></yidu-qr></div>`;

const LOAD_FAILED = '功能加载失败，请稍后重试。';
const EXPORT_FAILED = '文件生成失败，请稍后重试。';

/** A speech engine whose first `failures` utterances fail with a synthesis error. */
const FAILING_SPEECH = (failures: number) => `window.__spoken = []; window.__failures = ${failures};
  window[Symbol.for('yidu.speechEngine')] = {
    onvoiceschanged: null,
    voices: () => [{ name: '本地普通话', lang: 'zh-CN', localService: true }],
    speak(u) {
      if (window.__failures > 0) { window.__failures--; setTimeout(() => u.onerror('synthesis-failed'), 0); return; }
      window.__spoken.push(u.text); u.onstart();
    },
    cancel() {}, pause() {}, resume() {},
  };`;

interface FaultPage extends TestPage {
  fresh: string;
}

/** `script`: attributes of the script tag; `{fresh}` stands for the page's prefix. */
async function openFaulty(o: { script?: string; before?: string } = {}): Promise<FaultPage> {
  const fresh = `/fresh/${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`;
  const page = await openPage({
    head: TEMPLATE_CSS, body: CONTROLS + TEMPLATE_BODY, script: `data-content="#zoom" ${(o.script ?? '').replaceAll('{fresh}', fresh)}`,
    before: o.before, yiduSrc: `${fresh}/dist/yidu.js`,
  });
  return Object.assign(page, { fresh });
}

/** The next request of this page under `path` (e.g. `dist/chunks/qr-panel-`) fails with a 404. */
const fail = (page: FaultPage, path: string) =>
  executeServerCommand('yidu-network-fault', { prefix: `${page.fresh}/${path}`, status: 404 });

const el = (page: TestPage, sel: string) => page.doc.querySelector(sel)!;

/** The reader hears `message` politely; the console got exactly one error, from yidu, naming `what`. */
async function saidOnce(page: TestPage, message: string, what: RegExp): Promise<void> {
  await waitFor(() => liveMessage(page) === message, `"${message}" in the live region (now "${liveMessage(page)}")`, 15000);
  const region = page.doc.querySelector('yidu-live-region')!.shadowRoot!.querySelector('[role=status]')!;
  expect(region.getAttribute('aria-live')).to.equal('polite');
  await new Promise((r) => setTimeout(r, 50));
  expect(page.errors, `one console error: ${page.errors.join('\n')}`).to.have.length(1);
  expect(page.errors[0]).to.match(/^\[yidu\] /);
  expect(page.errors[0]).to.match(what);
}

/** The other features keep working: the reader's real clicks on 大 and 长者模式 still change the article. */
async function othersWork(page: TestPage): Promise<void> {
  const p1 = el(page, '#p1');
  button(el(page, 'yidu-font-size'), '大').click();
  await settle(page);
  expect(px(p1, 'font-size')).to.be.closeTo(17.5, 0.01);
  button(el(page, 'yidu-elder-toggle'), '长者模式').click();
  await settle(page);
  expect(px(p1, 'font-size')).to.be.at.least(18 * 1.25 - 0.01);
  button(el(page, 'yidu-elder-toggle'), '长者模式').click();
  button(el(page, 'yidu-font-size'), '中').click();
  await settle(page);
  expect(px(p1, 'font-size')).to.equal(14);
}

/** The next file an export element hands over (cancelled: nothing is saved in the test browser). */
function nextFile(page: TestPage): Promise<{ fileName: string; blob: Blob }> {
  return new Promise((resolve) => page.doc.addEventListener('yidu-export', (e) => {
    e.preventDefault();
    resolve((e as CustomEvent).detail);
  }, { once: true }));
}

const note = (host: Element) => host.shadowRoot!.querySelector('[part=note]')?.textContent ?? null;

describe('failure isolation: a lazy chunk that fails to load (404)', function () {
  this.timeout(120000);
  afterEach(closeAll);

  it('繁體 and English labels: they read in 简体, the reader is not troubled, everything works', async () => {
    const page = await openFaulty({});
    await fail(page, 'dist/chunks/more-strings-');
    page.win.Yidu.configure({ lang: 'en' });
    await settle(page);
    await waitFor(() => page.errors.length > 0, 'the console error');
    expect(page.errors).to.have.length(1);
    expect(page.errors[0]).to.match(/^\[yidu\] could not load the 繁体 and English labels/);
    expect(button(el(page, 'yidu-elder-toggle'), '长者模式')).to.be.an.instanceOf(page.win.HTMLButtonElement);
    page.win.Yidu.configure({ lang: 'zh-Hans' });
    await othersWork(page);
  });

  it('扫一扫', async () => {
    const page = await openFaulty({ script: 'data-qr-url="https://www.example.gov.cn/2025/report.html"' });
    const host = el(page, 'yidu-qr');
    await fail(page, 'dist/chunks/qr-panel-');
    button(host, '扫一扫在手机打开当前页').click();
    await saidOnce(page, LOAD_FAILED, /could not load the QR code/);
    await othersWork(page);
    button(host, '扫一扫在手机打开当前页').click();
    await waitFor(() => !!host.shadowRoot!.querySelector('svg[part=code]'), 'the code after a retry', 15000);
    expect(await decodeSvg(host.shadowRoot!.querySelector('svg[part=code]')!)).to.equal('https://www.example.gov.cn/2025/report.html');
    expect(page.errors, page.errors.join('\n')).to.have.length(1);
  });

  it('打印文章', async () => {
    const page = await openFaulty();
    const host = el(page, 'yidu-print');
    let printed = 0;
    page.win.print = () => void printed++;
    await fail(page, 'dist/chunks/print-view-');
    button(host, '打印文章').click();
    await saidOnce(page, LOAD_FAILED, /could not load the print view/);
    expect(note(host)).to.equal(LOAD_FAILED);
    expect(printed).to.equal(0);
    await othersWork(page);
    button(host, '打印文章').click();
    await waitFor(() => printed === 1, 'printing after a retry', 15000);
    await settle(page);
    expect(note(host)).to.equal(null);
    expect(page.errors, page.errors.join('\n')).to.have.length(1);
  });

  it('下载Word', async () => {
    const page = await openFaulty();
    const host = el(page, 'yidu-download[format=docx]');
    await fail(page, 'dist/chunks/docx-export-');
    button(host, '下载Word').click();
    await saidOnce(page, LOAD_FAILED, /could not load the Word export/);
    expect(note(host)).to.equal(LOAD_FAILED);
    await othersWork(page);
    const file = nextFile(page);
    button(host, '下载Word').click();
    expect((await file).blob.size).to.be.greaterThan(1000);
    expect(page.errors, page.errors.join('\n')).to.have.length(1);
  });

  it('下载PDF', async () => {
    const page = await openFaulty({ script: 'data-font="/dist/fonts/NotoSansSC-Regular.ttf"' });
    const host = el(page, 'yidu-download[format=pdf]');
    await fail(page, 'dist/chunks/pdf-export-');
    button(host, '下载PDF').click();
    await saidOnce(page, LOAD_FAILED, /could not load the PDF export/);
    await othersWork(page);
    const file = nextFile(page);
    button(host, '下载PDF').click();
    expect((await file).blob.type).to.equal('application/pdf');
    expect(page.errors, page.errors.join('\n')).to.have.length(1);
  });

  for (const [what, chunk] of [['the converter', 'zh-'], ['the dictionary', 'st-tw-']] as const) {
    it(`简繁 (${what})`, async () => {
      const page = await openFaulty();
      const host = el(page, 'yidu-zh-switch');
      const text = el(page, '#p2').textContent;
      await fail(page, `dist/chunks/${chunk}`);
      button(host, '繁体').click();
      await saidOnce(page, '简繁转换未能加载，页面保持原样，请稍后再点一次。', /could not load 简繁 conversion/);
      // The page stays as written and the switch says so.
      expect(el(page, '#p2').textContent).to.equal(text);
      expect(button(host, '简体').getAttribute('aria-pressed')).to.equal('true');
      await othersWork(page);
      button(host, '繁体').click();
      await page.win.Yidu.zh.set('hant');
      expect(el(page, '#p2').textContent).to.equal('依申請公開工作規範有序，全年共收到申請四十二件，均在法定期限內答覆。');
      expect(page.errors, page.errors.join('\n')).to.have.length(1);
    });
  }

  it('无障碍浏览 (the bar and its effects)', async () => {
    const page = await openFaulty();
    const toggle = button(el(page, 'yidu-a11y-toggle'), '无障碍浏览');
    await fail(page, 'dist/chunks/start-');
    toggle.click();
    await saidOnce(page, LOAD_FAILED, /could not load the 无障碍浏览 bar/);
    // The launcher shows the bar closed, as it is.
    await settle(page);
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    await othersWork(page);
    toggle.click();
    await waitFor(() => !!bar(page)?.shadowRoot?.querySelector('button'), 'the bar after a retry', 15000);
    await settle(page);
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(page.errors, page.errors.join('\n')).to.have.length(1);
  });

  it('拼音 on the caption strip', async () => {
    const page = await openFaulty();
    page.win.Yidu.prefs.set({ a11yBar: true, caption: true });
    await waitFor(() => !!page.doc.querySelector('yidu-caption') && !!bar(page)?.shadowRoot?.querySelector('button'), 'the bar and the strip');
    await settle(page);
    await fail(page, 'dist/chunks/esm-');
    barButton(page, '拼音').click();
    await restPointer(page, el(page, '#p2'));
    await saidOnce(page, LOAD_FAILED, /could not load 拼音/);
    await settle(page);
    // The button shows 拼音 off again; the strip itself goes on.
    expect(barButton(page, '拼音').getAttribute('aria-pressed')).to.equal('false');
    expect(page.win.Yidu.prefs.get().caption).to.equal(true);
    await othersWork(page);
    barButton(page, '拼音').click();
    const strip = page.doc.querySelector('yidu-caption')!.shadowRoot!;
    await waitFor(() => !strip.querySelector<HTMLElement>('.pinyin')!.hidden, 'the 拼音 line after a retry', 15000);
    expect(strip.querySelector('.pinyin')!.textContent).to.match(/[a-zü]/);
    expect(page.errors, page.errors.join('\n')).to.have.length(1);
  });

  it('the audit (axe-core): Yidu.audit() rejects, the next call runs', async () => {
    const page = await openFaulty();
    await fail(page, 'dist/chunks/run-audit-');
    const first = await page.win.Yidu.audit({ modes: 'default' }).then(() => null, (e: unknown) => e);
    expect(first, 'the first call rejects').to.not.equal(null);
    await new Promise((r) => setTimeout(r, 50));
    expect(page.errors, page.errors.join('\n')).to.have.length(1);
    expect(page.errors[0]).to.match(/^\[yidu\] could not load the audit/);
    await othersWork(page);
    const report = await page.win.Yidu.audit({ modes: 'default' });
    expect(report.modes.map((m) => m.name)).to.deep.equal(['default']);
    expect(page.errors, page.errors.join('\n')).to.have.length(1);
  });
});

describe('failure isolation: making a file fails', function () {
  this.timeout(120000);
  afterEach(closeAll);

  it('打印文章: the print dialog throws', async () => {
    const page = await openFaulty();
    const host = el(page, 'yidu-print');
    page.win.print = () => {
      throw new Error('printing is blocked');
    };
    button(host, '打印文章').click();
    await saidOnce(page, EXPORT_FAILED, /yidu-print: export failed/);
    expect(note(host)).to.equal(EXPORT_FAILED);
    await othersWork(page);
    let printed = 0;
    page.win.print = () => void printed++;
    button(host, '打印文章').click();
    await waitFor(() => printed === 1, 'printing on the next click');
    expect(page.errors, page.errors.join('\n')).to.have.length(1);
  });

  it('下载Word: the file cannot be handed to the browser', async () => {
    const page = await openFaulty();
    const host = el(page, 'yidu-download[format=docx]');
    const create = page.win.URL.createObjectURL;
    page.win.URL.createObjectURL = () => {
      throw new DOMException('blocked', 'SecurityError');
    };
    button(host, '下载Word').click();
    await saidOnce(page, EXPORT_FAILED, /yidu-download: export failed/);
    expect(note(host)).to.equal(EXPORT_FAILED);
    await othersWork(page);
    page.win.URL.createObjectURL = create;
    const file = nextFile(page);
    button(host, '下载Word').click();
    expect((await file).fileName).to.equal('测试页面.docx');
    await settle(page);
    expect(note(host)).to.equal(null);
    expect(page.errors, page.errors.join('\n')).to.have.length(1);
  });

  it('下载PDF: the font cannot be fetched', async () => {
    const page = await openFaulty({ script: 'data-font="/dist/fonts/NotoSansSC-Regular.ttf"' });
    const host = el(page, 'yidu-download[format=pdf]');
    // The next request of the page fails as on a dropped connection.
    const fetch = page.win.fetch;
    page.win.fetch = () => {
      page.win.fetch = fetch;
      return Promise.reject(new TypeError('Failed to fetch'));
    };
    button(host, '下载PDF').click();
    await saidOnce(page, EXPORT_FAILED, /yidu-download: export failed/);
    await othersWork(page);
    const file = nextFile(page);
    button(host, '下载PDF').click();
    expect((await file).blob.type).to.equal('application/pdf');
    expect(page.errors, page.errors.join('\n')).to.have.length(1);
  });
});

describe('failure isolation: saving the QR code image fails', function () {
  this.timeout(60000);
  afterEach(closeAll);

  it('扫一扫: 保存二维码图片 when the browser cannot make the PNG', async () => {
    const page = await openFaulty({ script: 'data-qr-url="https://www.example.gov.cn/2025/report.html"' });
    const host = el(page, 'yidu-qr');
    button(host, '扫一扫在手机打开当前页').click();
    await waitFor(() => !!host.shadowRoot!.querySelector('svg[part=code]'), 'the code', 15000);
    const proto = page.win.HTMLCanvasElement.prototype;
    const toBlob = proto.toBlob;
    proto.toBlob = function (done: BlobCallback) {
      done(null);
    };
    button(host, '保存二维码图片').click();
    await saidOnce(page, EXPORT_FAILED, /could not save the QR code image/);
    await othersWork(page);
    proto.toBlob = toBlob;
    const saved: string[] = [];
    page.win.HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      saved.push(this.download);
    };
    if (!host.shadowRoot!.querySelector('svg[part=code]')) button(host, '扫一扫在手机打开当前页').click();
    await waitFor(() => !!host.shadowRoot!.querySelector('svg[part=code]'), 'the code');
    button(host, '保存二维码图片').click();
    await waitFor(() => saved.length === 1, 'the PNG on the next click');
    expect(saved[0]).to.match(/\.png$/);
    expect(page.errors, page.errors.join('\n')).to.have.length(1);
  });
});

describe('failure isolation: speech and storage', function () {
  this.timeout(60000);
  afterEach(closeAll);

  it('连读: a speech engine error stops reading politely; the next 连读 reads', async () => {
    const page = await openFaulty({ before: FAILING_SPEECH(1) });
    page.win.Yidu.prefs.set({ a11yBar: true });
    await waitFor(() => !!bar(page)?.shadowRoot?.querySelector('button'), 'the bar');
    await settle(page);
    barButton(page, '连读').click();
    await saidOnce(page, '朗读出错，已停止。请再试一次。', /reading aloud failed \(synthesis-failed\)/);
    await settle(page);
    expect(barButton(page, '连读')).to.exist;
    await othersWork(page);
    barButton(page, '连读').click();
    const spoken = () => (page.win as unknown as { __spoken: string[] }).__spoken;
    await waitFor(() => spoken().length === 1, 'reading on the next click');
    expect(spoken()[0]).to.equal('青禾县2025年政府信息公开工作年度报告');
    expect(page.errors, page.errors.join('\n')).to.have.length(1);
  });

  it('指读: a speech engine error is said once and 指读 shows off in this page; turning it on again reads', async () => {
    const page = await openFaulty({ before: FAILING_SPEECH(1) });
    page.win.Yidu.prefs.set({ a11yBar: true, pointRead: true });
    await waitFor(() => !!bar(page)?.shadowRoot?.querySelector('button'), 'the bar');
    await settle(page);
    const rest = () => el(page, '#p1').dispatchEvent(new page.win.PointerEvent('pointerover', { bubbles: true, pointerType: 'mouse' }));
    rest();
    await saidOnce(page, '朗读出错，已停止。请再试一次。', /reading aloud failed \(synthesis-failed\)/);
    await waitFor(() => !page.win.Yidu.prefs.get().pointRead, '指读 off in this page');
    expect(JSON.parse(page.win.localStorage.getItem(page.key)!).prefs.pointRead, 'the saved choice stays').to.equal(true);
    await settle(page);
    expect(barButton(page, '指读').getAttribute('aria-pressed')).to.equal('false');
    await othersWork(page);
    barButton(page, '指读').click();
    await waitFor(() => page.win.Yidu.prefs.get().pointRead, '指读 on again');
    rest();
    const spoken = () => (page.win as unknown as { __spoken: string[] }).__spoken;
    await waitFor(() => spoken().length === 1, 'reading what the pointer rests on');
    expect(page.errors, page.errors.join('\n')).to.have.length(1);
  });

  it('storage quota: the setting still applies, the reader is told once, and the next change saves again', async () => {
    // Storage works at start-up and fills up later.
    const page = await openFaulty({
      before: `const set = Storage.prototype.setItem; window.__full = false;
        Storage.prototype.setItem = function (k, v) { if (window.__full) throw new DOMException('full', 'QuotaExceededError'); return set.call(this, k, v); };`,
    });
    const full = (on: boolean) => ((page.win as unknown as { __full: boolean }).__full = on);
    full(true);
    button(el(page, 'yidu-font-size'), '大').click();
    await saidOnce(page, '设置未能保存，仅在本页有效。', /could not save preferences/);
    await settle(page);
    expect(px(el(page, '#p1'), 'font-size')).to.be.closeTo(17.5, 0.01);
    // Still full: no second message, no second error.
    button(el(page, 'yidu-elder-toggle'), '长者模式').click();
    await settle(page);
    expect(px(el(page, '#p1'), 'font-size')).to.be.at.least(18 * 1.25 - 0.01);
    expect(page.errors, page.errors.join('\n')).to.have.length(1);
    button(el(page, 'yidu-elder-toggle'), '长者模式').click();
    full(false);
    button(el(page, 'yidu-font-size'), '小').click();
    await settle(page);
    expect(JSON.parse(page.win.localStorage.getItem(page.key)!).prefs).to.include({ fontSize: 'small', elder: false });
    expect(page.errors, page.errors.join('\n')).to.have.length(1);
  });
});
