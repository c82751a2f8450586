/** The words of 纯文本 (zh-Hans, zh-Hant, en). */
import type { Words } from '../../bar-function.js';

export const WORDS = {
  'zh-Hans': {
    textOnly: '纯文本',
    textOnlyImage: '图片：',
    textOnlyLabel: '纯文本阅读',
    helpTextOnly: '只显示正文文字，图片换成说明文字；按 Esc 返回',
  },
  'zh-Hant': {
    textOnly: '純文字',
    textOnlyImage: '圖片：',
    textOnlyLabel: '純文字閱讀',
    helpTextOnly: '只顯示正文文字，圖片換成說明文字；按 Esc 返回',
  },
  en: {
    textOnly: 'Text only',
    textOnlyImage: 'Image: ',
    textOnlyLabel: 'Text-only view',
    helpTextOnly: 'Show only the article text, images replaced by their descriptions; Esc returns',
  },
} as const satisfies Words;
