/**
 * Words only the lazy export and text-view chunks need (zh-Hans, zh-Hant, en), kept apart from ./strings.ts
 * so they never weigh on the first load:
 * - what 下载Word / 下载PDF / 打印文章 say once they run (a button always loads its feature's chunk before it
 *   has anything to say, so these come lazily with it); the buttons' own labels and the load-failure message
 *   are in ./strings.ts;
 * - the placeholders the article copies write in place of frames and media. These follow the language of the
 *   article itself (its `lang`, which 简/繁 conversion sets), as the placeholder is part of the copied text.
 */
import type { UiLang } from './strings.js';
import { isTraditional, text } from './lang.js';

export const EXPORT_STRINGS = {
  'zh-Hans': {
    preparing: '正在生成…',
    exportDone: '文件已生成：',
    exportFailed: '文件生成失败，请稍后重试。',
    emptyArticle: '没有找到可导出的正文。',
    pdfHint: '请在打印对话框中选择“另存为PDF”。',
    printSource: '来源：',
    printDate: '打印日期：',
    pageOf: '第{n}页 共{total}页',
  },
  'zh-Hant': {
    preparing: '正在產生…',
    exportDone: '檔案已產生：',
    exportFailed: '檔案產生失敗，請稍後重試。',
    emptyArticle: '沒有找到可匯出的正文。',
    pdfHint: '請在列印對話框中選擇「另存為PDF」。',
    printSource: '來源：',
    printDate: '列印日期：',
    pageOf: '第{n}頁 共{total}頁',
  },
  en: {
    preparing: 'Preparing…',
    exportDone: 'File ready: ',
    exportFailed: 'The file could not be created. Please try again.',
    emptyArticle: 'No article text was found to export.',
    pdfHint: 'In the print dialog, choose "Save as PDF".',
    printSource: 'Source: ',
    printDate: 'Printed: ',
    pageOf: 'Page {n} of {total}',
  },
} as const;

export type ExportStringKey = keyof (typeof EXPORT_STRINGS)['zh-Hans'];

export function exportText(lang: UiLang, key: ExportStringKey): string {
  return text(lang, key, EXPORT_STRINGS);
}

export const PLACEHOLDER_STRINGS = {
  'zh-Hans': { frame: '嵌入内容', video: '视频', audio: '音频', address: '地址：' },
  'zh-Hant': { frame: '嵌入內容', video: '影片', audio: '音訊', address: '網址：' },
  en: { frame: 'Embedded content', video: 'Video', audio: 'Audio', address: 'Address: ' },
} as const;

export type PlaceholderLabels = (typeof PLACEHOLDER_STRINGS)['zh-Hans' | 'zh-Hant' | 'en'];

/** The placeholder labels for the language of `el` (its nearest `lang`, else the page's). */
export function placeholderLabels(el: Element): PlaceholderLabels {
  const lang = el.closest('[lang]')?.getAttribute('lang') ?? el.ownerDocument.documentElement.lang;
  if (/^en\b/i.test(lang)) return PLACEHOLDER_STRINGS.en;
  return isTraditional(lang) ? PLACEHOLDER_STRINGS['zh-Hant'] : PLACEHOLDER_STRINGS['zh-Hans'];
}
