/**
 * The reader's device, to adapt to it (never to refuse it). In-app browsers — the WebViews of chat and payment
 * apps — are known by their user-agent token only; they often drop `blob:` downloads and ignore
 * `window.close()`. Phones are decided by media queries (see PHONE), in CSS wherever possible.
 */
export type InAppBrowser = 'wechat' | 'qq' | 'alipay' | 'dingtalk';

/** In order: WeChat's user agent may also carry other apps' tokens. `QQ/` is the QQ app, not QQ Browser (MQQBrowser/). */
const TOKENS: readonly [InAppBrowser, RegExp][] = [
  ['wechat', /MicroMessenger/i],
  ['alipay', /AlipayClient/i],
  ['dingtalk', /DingTalk/i],
  ['qq', /(^|[\s;(])QQ\//],
];

export function inAppBrowser(ua: string = navigator.userAgent): InAppBrowser | null {
  return TOKENS.find(([, token]) => token.test(ua))?.[0] ?? null;
}

/** A phone: a narrow viewport, or a coarse pointer on a screen up to tablet width. The toolbar's CSS says the same. */
export const PHONE = '(max-width: 640px), (pointer: coarse) and (max-width: 1024px)';

