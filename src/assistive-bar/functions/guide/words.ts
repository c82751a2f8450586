/** The words of 十字线 / 阅读线 / 阅读遮罩 (zh-Hans, zh-Hant, en). */
import type { Words } from '../../bar-function.js';

export const WORDS = {
  'zh-Hans': {
    guide: '十字线',
    guideCrosshair: '十字线',
    guideLine: '阅读线',
    guideMask: '阅读遮罩',
    helpGuide: '显示跟随鼠标的十字线、阅读线或阅读遮罩',
  },
  'zh-Hant': {
    guide: '十字線',
    guideCrosshair: '十字線',
    guideLine: '閱讀線',
    guideMask: '閱讀遮罩',
    helpGuide: '顯示跟隨滑鼠的十字線、閱讀線或閱讀遮罩',
  },
  en: {
    guide: 'Guides',
    guideCrosshair: 'Crosshair',
    guideLine: 'Reading line',
    guideMask: 'Reading mask',
    helpGuide: 'Show a crosshair, reading line or reading mask following the mouse',
  },
} as const satisfies Words;
