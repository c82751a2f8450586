/** The words of 页面缩放 (zh-Hans, zh-Hant, en). */
import type { Words } from '../../bar-function.js';

export const WORDS = {
  'zh-Hans': {
    zoomIn: '放大',
    zoomOut: '缩小',
    pageZoom: '页面缩放',
    helpZoomIn: '放大整个页面，最大 300%',
    helpZoomOut: '缩小页面，最小 100%',
  },
  'zh-Hant': {
    zoomIn: '放大',
    zoomOut: '縮小',
    pageZoom: '頁面縮放',
    helpZoomIn: '放大整個頁面，最大 300%',
    helpZoomOut: '縮小頁面，最小 100%',
  },
  en: {
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    pageZoom: 'Page zoom',
    helpZoomIn: 'Enlarge the whole page, up to 300%',
    helpZoomOut: 'Make the page smaller, down to 100%',
  },
} as const satisfies Words;
