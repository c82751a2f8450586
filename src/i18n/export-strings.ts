/**
 * The words the article copies write in place of frames and media (zh-Hans, zh-Hant, en). They live apart
 * from ./strings.ts because only the lazy export and text-view chunks need them. They follow the language of
 * the article itself (its `lang`, which 简/繁 conversion sets), as the placeholder is part of the copied text.
 */
export const EXPORT_STRINGS = {
  'zh-Hans': { frame: '嵌入内容', video: '视频', audio: '音频', address: '地址：' },
  'zh-Hant': { frame: '嵌入內容', video: '影片', audio: '音訊', address: '網址：' },
  en: { frame: 'Embedded content', video: 'Video', audio: 'Audio', address: 'Address: ' },
} as const;

export type PlaceholderLabels = (typeof EXPORT_STRINGS)['zh-Hans' | 'zh-Hant' | 'en'];

/** The labels for the language of `el` (its nearest `lang`, else the page's). */
export function placeholderLabels(el: Element): PlaceholderLabels {
  const lang = el.closest('[lang]')?.getAttribute('lang') ?? el.ownerDocument.documentElement.lang;
  if (/^en\b/i.test(lang)) return EXPORT_STRINGS.en;
  return /^zh-(hant|tw|hk|mo)\b/i.test(lang) ? EXPORT_STRINGS['zh-Hant'] : EXPORT_STRINGS['zh-Hans'];
}
