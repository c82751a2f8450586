/** 配色: whole-page colour schemes, chosen from a list on the bar or cycled by Ctrl+Alt+T. */
import { html } from 'lit';
import { COLOR_SCHEMES } from '../../../core/prefs.js';
import { cycle, type BarFunction, type Choice } from '../../bar-function.js';
import { ColorSchemes } from './color-schemes.js';
import { WORDS } from './words.js';

const SCHEMES: Choice<'colors'> = {
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
};

export default {
  prefs: ['colors'],
  words: WORDS,
  effect: () => {
    const schemes = new ColorSchemes();
    return { apply: (p) => schemes.apply(p.colors) };
  },
  actions: { colors: (ctx) => cycle(ctx, SCHEMES) },
  control: (ctx) => html`${ctx.menuButton(SCHEMES)}${ctx.choices(SCHEMES)}`,
  help: [['colors', 'helpColors', 'colors']],
} satisfies BarFunction;
