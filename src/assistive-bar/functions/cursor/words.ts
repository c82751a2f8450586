/** The words of 大鼠标 (zh-Hans, zh-Hant, en). */
import type { Words } from '../../bar-function.js';

export const WORDS = {
  'zh-Hans': {
    bigCursor: '大鼠标',
    cursorBlack: '黑色鼠标',
    cursorWhite: '白色鼠标',
    helpCursor: '显示特大鼠标指针（黑色或白色）',
  },
  'zh-Hant': {
    bigCursor: '大滑鼠',
    cursorBlack: '黑色滑鼠',
    cursorWhite: '白色滑鼠',
    helpCursor: '顯示特大滑鼠游標（黑色或白色）',
  },
  en: {
    bigCursor: 'Big pointer',
    cursorBlack: 'Black pointer',
    cursorWhite: 'White pointer',
    helpCursor: 'Show an extra-large pointer (black or white)',
  },
} as const satisfies Words;
