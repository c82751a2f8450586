/** The words of 大字幕 (zh-Hans, zh-Hant, en). */
import type { Words } from '../../bar-function.js';

export const WORDS = {
  'zh-Hans': {
    caption: '大字幕',
    pinyin: '拼音',
    helpCaption: '在窗口底部用大字显示鼠标或键盘焦点处的文字，可加拼音',
  },
  'zh-Hant': {
    caption: '大字幕',
    pinyin: '拼音',
    helpCaption: '在視窗底部用大字顯示滑鼠或鍵盤焦點處的文字，可加拼音',
  },
  en: {
    caption: 'Captions',
    pinyin: 'Pinyin',
    helpCaption: 'Show the text under the mouse or keyboard focus in large type at the bottom of the window, with optional pinyin',
  },
} as const satisfies Words;
