/** Registers every element under its public name (idempotent). */
import { YiduToolbar } from './elements/toolbar/yidu-toolbar.js';
import { YiduFontSize } from './elements/font-size/yidu-font-size.js';
import { YiduElderToggle } from './elements/elder-toggle/yidu-elder-toggle.js';
import { YiduClose } from './elements/close/yidu-close.js';
import { YiduQr } from './elements/qr/yidu-qr.js';
import { YiduA11yToggle } from './elements/a11y-toggle/yidu-a11y-toggle.js';
import { YiduDownload } from './elements/download/yidu-download.js';
import { YiduPrint } from './elements/print/yidu-print.js';
import { YiduZhSwitch } from './elements/zh-switch/yidu-zh-switch.js';
import { YiduQa } from './elements/qa/yidu-qa.js';

export const ELEMENTS = {
  'yidu-toolbar': YiduToolbar,
  'yidu-a11y-toggle': YiduA11yToggle,
  'yidu-elder-toggle': YiduElderToggle,
  'yidu-zh-switch': YiduZhSwitch,
  'yidu-font-size': YiduFontSize,
  'yidu-download': YiduDownload,
  'yidu-print': YiduPrint,
  'yidu-close': YiduClose,
  'yidu-qr': YiduQr,
  'yidu-qa': YiduQa,
} as const;

export function defineAll(): void {
  for (const [tag, cls] of Object.entries(ELEMENTS)) cls.define(tag);
}

export { YiduToolbar, YiduFontSize, YiduElderToggle, YiduClose, YiduA11yToggle, YiduDownload, YiduPrint, YiduQr, YiduZhSwitch, YiduQa };
