/**
 * What the reader's browser needs for 关闭窗口 and downloads (a lazy chunk, loaded by 关闭窗口 and by a
 * download in an in-app browser): WeChat's own close call, and plain words on how to close a page or get a
 * file where the browser will not.
 */
import { inAppBrowser } from './device.js';
import { deviceText } from '../i18n/device-strings.js';
import type { UiLang } from '../i18n/strings.js';

interface WeixinBridge {
  invoke(name: string, args: object, done?: (res: { err_msg?: string }) => void): void;
}
type HostWindow = Window & { WeixinJSBridge?: WeixinBridge };

/** How long a bridge close may take before we say how to close by hand. */
const BRIDGE_WAIT_MS = 1000;

/**
 * Closes the window: through WeChat's page bridge there (it ignores `window.close()`; the bridge may still be
 * loading, so we wait for `WeixinJSBridgeReady`), else `window.close()`. Resolves with what to tell the
 * reader when the window stayed open (browsers refuse to close tabs the reader opened), or null.
 */
export function closeWindow(lang: UiLang, win: HostWindow = window): Promise<string | null> {
  const app = inAppBrowser(win.navigator.userAgent);
  const refused = app ? deviceText(lang, 'inAppClose', app) : deviceText(lang, 'closeRefused');
  return new Promise((resolve) => {
    if (app !== 'wechat') {
      win.close();
      // A refused close() fails silently; `closed` tells us after the browser had its chance.
      setTimeout(() => resolve(win.closed ? null : refused), 150);
      return;
    }
    let failed = false;
    const invoke = () =>
      win.WeixinJSBridge?.invoke('closeWindow', {}, (res) => {
        if (res && res.err_msg && !/:ok$/.test(res.err_msg)) failed = true;
      });
    if (win.WeixinJSBridge) invoke();
    else win.document.addEventListener('WeixinJSBridgeReady', invoke, { once: true });
    setTimeout(() => {
      win.document.removeEventListener('WeixinJSBridgeReady', invoke);
      resolve(win.closed || (win.WeixinJSBridge && !failed) ? null : refused);
    }, BRIDGE_WAIT_MS);
  });
}

/** In an in-app browser: how to get the file (open the page in the system browser); elsewhere null. */
export function downloadHint(lang: UiLang, ua: string = navigator.userAgent): string | null {
  const app = inAppBrowser(ua);
  return app && deviceText(lang, 'inAppDownload', app);
}
