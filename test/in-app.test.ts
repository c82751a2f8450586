/**
 * In-app browsers (WeChat, QQ, Alipay, DingTalk): known by their user-agent token, only to adapt. Each page
 * here defines `navigator.userAgent` (and the host's objects: WeChat's page bridge, a refusing
 * `window.close`, a missing `speechSynthesis`) before yidu loads, as those WebViews present themselves.
 */
import { expect } from 'chai';
import { inAppBrowser } from '../src/core/device.js';
import { button, closeAll, openPage, settle, waitFor, type TestPage } from './helpers.js';
import { bar, barButton, liveMessage, openBar } from './a11y-helpers.js';

const ANDROID = 'Mozilla/5.0 (Linux; Android 12; P40 Build/SP1A.210812.003; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/111.0.5563.116 Mobile Safari/537.36';
const UA = {
  wechat: `${ANDROID} XWEB/1110005 MMWEBSDK/20230805 MicroMessenger/8.0.42.2460(0x28002A3B) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64`,
  qq: `${ANDROID} V1_AND_SQ_8.9.58_4108_YYB_D A_8095800 QQ/8.9.58.11175 NetType/WIFI WebP/0.3.0 AppId/537170024`,
  alipay: `${ANDROID} UCBS/2.11.1.28 NebulaSDK/1.8.100112 Nebula AlipayDefined(nt:WIFI,ws:360|0|3.0) AliApp(AP/10.5.36.8100) AlipayClient/10.5.36.8100 Language/zh-Hans`,
  dingtalk: `${ANDROID} AliApp(DingTalk/7.0.50) com.alibaba.android.rimet/35313029 Channel/227200 language/zh-CN abi/64 UT4Aplus/0.2.25`,
} as const;
const QQ_BROWSER = `${ANDROID.replace('Version/4.0 ', '')} MQQBrowser/14.2`;
const NAMES = { wechat: '微信', qq: 'QQ', alipay: '支付宝', dingtalk: '钉钉' } as const;

const BODY = `<main id="zoom"><h1>青禾县2025年政府信息公开工作年度报告</h1><p>本年度主动公开各类信息一千余条。</p></main>
  <yidu-download format="docx"></yidu-download><yidu-download format="pdf"></yidu-download><yidu-close></yidu-close>`;

/** A page whose browser says it is `ua`; `host` is more script for the host's objects, run before yidu. */
function inApp(ua: string, host = ''): Promise<TestPage> {
  return openPage({
    body: BODY,
    script: 'data-content="#zoom"',
    before: `Object.defineProperty(Navigator.prototype, 'userAgent', { configurable: true, get: () => ${JSON.stringify(ua)} });
      window.__closes = 0; window.close = () => { window.__closes++; };${host}`,
  });
}

const el = (p: TestPage, sel: string) => p.doc.querySelector(sel)!;
const note = (p: TestPage, sel: string) => el(p, sel).shadowRoot!.querySelector('[part=note]')?.textContent ?? '';
const closes = (p: TestPage) => (p.win as unknown as { __closes: number }).__closes;

describe('in-app browsers', function () {
  this.timeout(30000);
  afterEach(closeAll);

  it('are known by their user-agent token (QQ Browser and ordinary browsers are not in-app)', () => {
    for (const [app, ua] of Object.entries(UA)) expect(inAppBrowser(ua), app).to.equal(app);
    expect(inAppBrowser(QQ_BROWSER)).to.equal(null);
    expect(inAppBrowser(ANDROID)).to.equal(null);
    expect(inAppBrowser(navigator.userAgent)).to.equal(null);
  });

  describe('关闭窗口', () => {
    it('WeChat: closes through its page bridge (window.close does nothing there), and says nothing more', async () => {
      const p = await inApp(UA.wechat, `window.__invoked = []; window.WeixinJSBridge = { invoke: (name, args, done) => window.__invoked.push(name) };`);
      button(el(p, 'yidu-close'), '关闭窗口').click();
      const invoked = () => (p.win as unknown as { __invoked: string[] }).__invoked;
      await waitFor(() => invoked().length > 0, 'the bridge call');
      expect(invoked()).to.deep.equal(['closeWindow']);
      expect(closes(p)).to.equal(0);
      await new Promise((r) => setTimeout(r, 1300));
      expect(note(p, 'yidu-close')).to.equal('');
    });

    it('WeChat: waits for the bridge (WeixinJSBridgeReady) when it is not there yet', async () => {
      const p = await inApp(UA.wechat);
      button(el(p, 'yidu-close'), '关闭窗口').click();
      // Once the close chunk is there and listening, the bridge arrives.
      await waitFor(() => p.win.performance.getEntriesByType('resource').some((e) => e.name.includes('/chunks/device-help-')), 'the close chunk');
      await new Promise((r) => setTimeout(r, 200));
      const invoked: string[] = [];
      (p.win as unknown as { WeixinJSBridge: unknown }).WeixinJSBridge = { invoke: (name: string) => invoked.push(name) };
      p.doc.dispatchEvent(new Event('WeixinJSBridgeReady'));
      expect(invoked).to.deep.equal(['closeWindow']);
    });

    it('WeChat: a bridge that fails, or never comes, gets words on how to close', async () => {
      const failing = await inApp(UA.wechat, `window.WeixinJSBridge = { invoke: (name, args, done) => done({ err_msg: 'closeWindow:fail' }) };`);
      button(el(failing, 'yidu-close'), '关闭窗口').click();
      await waitFor(() => note(failing, 'yidu-close') !== '', 'the message', 5000);
      expect(note(failing, 'yidu-close')).to.equal('微信不允许网页自己关闭，请点屏幕左上角的“×”或“返回”关闭本页。');
      await waitFor(() => liveMessage(failing) === note(failing, 'yidu-close'), 'the same words, said politely');
      const none = await inApp(UA.wechat);
      button(el(none, 'yidu-close'), '关闭窗口').click();
      await waitFor(() => note(none, 'yidu-close') !== '', 'the message', 5000);
      expect(note(none, 'yidu-close')).to.include('左上角');
    });

    for (const app of ['qq', 'alipay', 'dingtalk'] as const) {
      it(`${NAMES[app]}: tries window.close(), and where it stays open says how to close`, async () => {
        const p = await inApp(UA[app]);
        button(el(p, 'yidu-close'), '关闭窗口').click();
        await waitFor(() => note(p, 'yidu-close') !== '', 'the message');
        expect(closes(p)).to.equal(1);
        expect(note(p, 'yidu-close')).to.equal(`${NAMES[app]}不允许网页自己关闭，请点屏幕左上角的“×”或“返回”关闭本页。`);
      });
    }

    it('an ordinary browser that refuses: the usual words, shown and said', async () => {
      const p = await inApp(ANDROID);
      button(el(p, 'yidu-close'), '关闭窗口').click();
      await waitFor(() => note(p, 'yidu-close') !== '', 'the message');
      expect(note(p, 'yidu-close')).to.include('浏览器不允许网页关闭此窗口');
    });
  });

  describe('下载Word / 下载PDF', () => {
    for (const app of Object.keys(UA) as (keyof typeof UA)[]) {
      it(`${NAMES[app]}: the file is still offered, and a note says how to open the page in the system browser`, async () => {
        const p = await inApp(UA[app]);
        let files = 0;
        p.doc.addEventListener('yidu-export', (e) => (e.preventDefault(), files++));
        button(el(p, 'yidu-download[format=docx]'), '下载Word').click();
        await waitFor(() => note(p, 'yidu-download[format=docx]') !== '', 'the note', 15000);
        expect(files).to.equal(1);
        expect(note(p, 'yidu-download[format=docx]')).to.equal(
          `在${NAMES[app]}里可能无法下载文件。请点右上角的“…”，选择“在浏览器打开”，在浏览器里再点一次下载。`,
        );
        await waitFor(() => liveMessage(p).includes('在浏览器打开'), 'the same words, said politely');
      });
    }

    it('WeChat: 下载PDF still takes the print path, with both hints', async () => {
      const p = await inApp(UA.wechat);
      let printed = 0;
      p.win.print = () => void printed++;
      button(el(p, 'yidu-download[format=pdf]'), '下载PDF').click();
      await waitFor(() => printed === 1 && note(p, 'yidu-download[format=pdf]').includes('在浏览器打开'), 'print() and the note', 15000);
      expect(note(p, 'yidu-download[format=pdf]')).to.match(/^请在打印对话框中选择“另存为PDF”。 在微信里可能无法下载文件/);
      p.win.dispatchEvent(new Event('afterprint'));
    });

    it('an ordinary browser gets no in-app note', async () => {
      const p = await inApp(ANDROID);
      let files = 0;
      p.doc.addEventListener('yidu-export', (e) => (e.preventDefault(), files++));
      button(el(p, 'yidu-download[format=docx]'), '下载Word').click();
      await waitFor(() => files === 1, 'the file', 15000);
      await settle(p);
      expect(note(p, 'yidu-download[format=docx]')).to.equal('');
    });
  });

  it('a WebView without speech: 连读 and 指读 say that reading aloud is not available', async () => {
    const p = await inApp(UA.wechat, `delete Window.prototype.speechSynthesis; delete window.speechSynthesis;`);
    expect('speechSynthesis' in p.win).to.equal(false);
    await openBar(p);
    for (const label of ['连读', '指读']) {
      const b = barButton(p, label);
      expect(b.getAttribute('aria-disabled')).to.equal('true');
      expect(bar(p)!.shadowRoot!.getElementById(b.getAttribute('aria-describedby')!)!.textContent).to.include('没有可用的中文语音');
    }
    expect(p.errors).to.deep.equal([]);
  });
});
