/** 配色: whole-page colour schemes, chosen from a list on the bar or cycled by Ctrl+Alt+T. */
import { COLOR_SCHEMES } from '../../../core/prefs.js';
import { choiceFunction } from '../../bar-function.js';
import { ColorSchemes } from './color-schemes.js';
import { WORDS } from './words.js';

export default choiceFunction({
  choice: {
    menu: 'colors',
    label: 'colors',
    pref: 'colors',
    values: COLOR_SCHEMES,
    labels: {
      default: 'schemeDefault',
      'white-on-black': 'schemeWhiteOnBlack',
      'black-on-white': 'schemeBlackOnWhite',
      'yellow-on-black': 'schemeYellowOnBlack',
      'black-on-yellow': 'schemeBlackOnYellow',
      'white-on-blue': 'schemeWhiteOnBlue',
    },
  },
  action: 'colors',
  help: 'helpColors',
  words: WORDS,
  effect: () => new ColorSchemes(),
});
