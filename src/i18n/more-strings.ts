/**
 * yidu's labels in 繁体 (Taiwan wording, as the default variant) and in English: a lazy chunk, loaded only where
 * labels are in one of them (./load-labels.ts), since most pages never need it.
 */
import type { StringKey } from './strings.js';

// The check of a site's own labels travels in this chunk: a page that sets labels fetches it once to check them.
export { checkLabels } from './label-check.js';

export default {
  'zh-Hant': {
    toolbar: '閱讀輔助',
    a11y: '無障礙瀏覽',
    elder: '長者模式',
    zhGroup: '簡繁切換',
    hans: '簡體',
    hant: '繁體',
    fontSize: '文字大小',
    large: '大',
    medium: '中',
    small: '小',
    docx: '下載Word',
    pdf: '下載PDF',
    print: '列印文章',
    close: '關閉視窗',
    qr: '掃一掃在手機開啟目前頁面',
    qa: '智能問答',
    more: '更多',
    retry: '重試',
    dismiss: '關閉',
    busy: '正在載入…',
    loadFailed: '功能載入失敗，請稍後重試。',
    zhLoadFailed: '簡繁轉換未能載入，頁面保持原樣，請稍後再點一次。',
    saveFailed: '設定未能儲存，僅在本頁有效。',
  },
  en: {
    toolbar: 'Reading options',
    a11y: 'Accessibility',
    elder: 'Elder mode',
    zhGroup: 'Chinese script',
    hans: 'Simplified',
    hant: 'Traditional',
    fontSize: 'Text size',
    large: 'Large',
    medium: 'Medium',
    small: 'Small',
    docx: 'Download Word',
    pdf: 'Download PDF',
    print: 'Print article',
    close: 'Close window',
    qr: 'Scan to open this page on a phone',
    qa: 'Ask',
    more: 'More',
    retry: 'Try again',
    dismiss: 'Close',
    busy: 'Loading…',
    loadFailed: 'This feature could not be loaded. Please try again.',
    zhLoadFailed: 'Chinese script conversion could not be loaded; the page is unchanged. Please try again.',
    saveFailed: 'Your settings could not be saved; they apply to this page only.',
  },
} satisfies Record<'zh-Hant' | 'en', Record<StringKey, string>>;
