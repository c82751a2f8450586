/** The words of 配色 (zh-Hans, zh-Hant, en). */
import type { Words } from '../../bar-function.js';

export const WORDS = {
  'zh-Hans': {
    colors: '配色',
    schemeDefault: '原网页配色',
    schemeWhiteOnBlack: '黑底白字',
    schemeBlackOnWhite: '白底黑字',
    schemeYellowOnBlack: '黑底黄字',
    schemeBlackOnYellow: '黄底黑字',
    schemeWhiteOnBlue: '蓝底白字',
    helpColors: '切换页面配色（黑底白字、白底黑字、黑底黄字、黄底黑字、蓝底白字）',
  },
  'zh-Hant': {
    colors: '配色',
    schemeDefault: '原網頁配色',
    schemeWhiteOnBlack: '黑底白字',
    schemeBlackOnWhite: '白底黑字',
    schemeYellowOnBlack: '黑底黃字',
    schemeBlackOnYellow: '黃底黑字',
    schemeWhiteOnBlue: '藍底白字',
    helpColors: '切換頁面配色（黑底白字、白底黑字、黑底黃字、黃底黑字、藍底白字）',
  },
  en: {
    colors: 'Colours',
    schemeDefault: 'Site colours',
    schemeWhiteOnBlack: 'White on black',
    schemeBlackOnWhite: 'Black on white',
    schemeYellowOnBlack: 'Yellow on black',
    schemeBlackOnYellow: 'Black on yellow',
    schemeWhiteOnBlue: 'White on blue',
    helpColors: 'Change the page colours (white on black, black on white, yellow on black, black on yellow, white on blue)',
  },
} as const satisfies Words;
