/** 十字线 / 阅读线 / 阅读遮罩: guides that follow the mouse (not offered without one). */
import { GUIDES } from '../../../core/prefs.js';
import { choiceFunction } from '../../bar-function.js';
import { Guides } from './guides.js';
import { WORDS } from './words.js';

export default choiceFunction({
  choice: {
    menu: 'guide',
    label: 'guide',
    pref: 'guide',
    values: GUIDES,
    labels: { off: 'off', crosshair: 'guideCrosshair', line: 'guideLine', mask: 'guideMask' },
  },
  action: 'guide',
  help: 'helpGuide',
  words: WORDS,
  effect: () => new Guides(),
  needs: { pointer: 'fine' },
});
