/**
 * The strings of the 扫一扫 popover (zh-Hans, zh-Hant, en). They live apart from ./strings.ts because the
 * popover is a lazy chunk: its words come with it, not with every page view. The button's own label is in
 * ./strings.ts.
 */
import type { UiLang } from './strings.js';
import { text } from './lang.js';

export const QR_STRINGS = {
  'zh-Hans': {
    qrTitle: '用手机扫码打开本页',
    qrImage: '本页地址的二维码：',
    qrSave: '保存二维码图片',
    qrFile: '二维码',
    qrTooLong: '本页地址太长，无法生成可扫描的二维码。请复制下面的地址。',
    qrNoAddress: '本页没有可在手机上打开的地址。',
    qrShowTitle: '请对方用手机扫码打开本页',
    qrShare: '分享',
    qrCopy: '复制地址',
    qrCopied: '地址已复制。',
    qrCopyByHand: '地址已选中，请长按或用 Ctrl+C 复制。',
    qrShareFailed: '未能打开分享，请复制地址。',
    qrSaveFailed: '文件生成失败，请稍后重试。',
  },
  'zh-Hant': {
    qrTitle: '用手機掃描開啟本頁',
    qrImage: '本頁網址的 QR 碼：',
    qrSave: '儲存 QR 碼圖片',
    qrFile: 'QR碼',
    qrTooLong: '本頁網址太長，無法產生可掃描的 QR 碼。請複製下方的網址。',
    qrNoAddress: '本頁沒有可在手機上開啟的網址。',
    qrShowTitle: '請對方用手機掃描開啟本頁',
    qrShare: '分享',
    qrCopy: '複製網址',
    qrCopied: '網址已複製。',
    qrCopyByHand: '網址已選取，請長按或用 Ctrl+C 複製。',
    qrShareFailed: '未能開啟分享，請複製網址。',
    qrSaveFailed: '檔案產生失敗，請稍後重試。',
  },
  en: {
    qrTitle: 'Scan with a phone to open this page',
    qrImage: 'QR code of this page’s address: ',
    qrSave: 'Save QR code image',
    qrFile: 'qr-code',
    qrTooLong: 'This page’s address is too long for a QR code that can be scanned. Please copy the address below.',
    qrNoAddress: 'This page has no address a phone can open.',
    qrShowTitle: 'Let someone scan this to open the page',
    qrShare: 'Share',
    qrCopy: 'Copy address',
    qrCopied: 'Address copied.',
    qrCopyByHand: 'The address is selected: press and hold, or Ctrl+C, to copy it.',
    qrShareFailed: 'Sharing did not open. Please copy the address.',
    qrSaveFailed: 'The file could not be created. Please try again.',
  },
} as const;

export type QrStringKey = keyof (typeof QR_STRINGS)['zh-Hans'];

export function qrText(lang: UiLang, key: QrStringKey): string {
  return text(lang, key, QR_STRINGS);
}
