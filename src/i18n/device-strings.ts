/**
 * What 关闭窗口 and the downloads say when the browser will not do it (zh-Hans, zh-Hant, en). They come with
 * the lazy chunk that needs them (src/core/device-help.ts), not with every page view. `{app}` is the in-app
 * browser's name.
 */
import type { InAppBrowser } from '../core/device.js';
import type { UiLang } from './strings.js';
import { text } from './lang.js';

export const DEVICE_STRINGS = {
  'zh-Hans': {
    closeRefused: '浏览器不允许网页关闭此窗口，请使用浏览器的关闭按钮或快捷键（Ctrl+W）关闭。',
    inAppClose: '{app}不允许网页自己关闭，请点屏幕左上角的“×”或“返回”关闭本页。',
    inAppDownload: '在{app}里可能无法下载文件。请点右上角的“…”，选择“在浏览器打开”，在浏览器里再点一次下载。',
    wechat: '微信',
    qq: 'QQ',
    alipay: '支付宝',
    dingtalk: '钉钉',
  },
  'zh-Hant': {
    closeRefused: '瀏覽器不允許網頁關閉此視窗，請使用瀏覽器的關閉按鈕或快速鍵（Ctrl+W）關閉。',
    inAppClose: '{app}不允許網頁自行關閉，請點螢幕左上角的「×」或「返回」關閉本頁。',
    inAppDownload: '在{app}裡可能無法下載檔案。請點右上角的「…」，選擇「在瀏覽器開啟」，在瀏覽器裡再點一次下載。',
    wechat: '微信',
    qq: 'QQ',
    alipay: '支付寶',
    dingtalk: '釘釘',
  },
  en: {
    closeRefused: 'The browser does not let this page close its window. Please close it with the browser (Ctrl+W).',
    inAppClose: '{app} does not let this page close itself. Tap “×” or “Back” at the top left to close it.',
    inAppDownload: 'Files may not download inside {app}. Tap “…” at the top right, choose “Open in browser”, then download again there.',
    wechat: 'WeChat',
    qq: 'QQ',
    alipay: 'Alipay',
    dingtalk: 'DingTalk',
  },
} as const;

export type DeviceStringKey = 'closeRefused' | 'inAppClose' | 'inAppDownload';

export function deviceText(lang: UiLang, key: DeviceStringKey, app?: InAppBrowser): string {
  // The app's name is a label too: a site may word it its own way (config `labels`).
  return text(lang, key, DEVICE_STRINGS).replace('{app}', app ? text(lang, app, DEVICE_STRINGS) : '');
}
