/**
 * The 无障碍浏览 chunk's entry: the bar element and the controller that applies the bar's preferences. Loaded
 * by the entry through ../../assistive-bar/boot.ts only when the reader opens the bar or a saved preference needs it.
 */
import type { Runtime } from '../../core/runtime.js';
import type { A11yController } from '../../assistive-bar/actions.js';
import { BAR_TAG, startController } from '../../assistive-bar/controller.js';
import { YiduA11yBar } from './yidu-a11y-bar.js';

export function startA11y(rt: Runtime): A11yController {
  YiduA11yBar.define(BAR_TAG);
  return startController(rt);
}
