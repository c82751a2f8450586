/** The label of each value of the bar's choices (shown on the bar, announced by shortcuts). */
import type { Prefs } from '../core/prefs.js';
import type { A11yStringKey } from '../i18n/a11y-strings.js';

export const SCHEME_LABELS: Readonly<Record<Prefs['colors'], A11yStringKey>> = {
  default: 'schemeDefault',
  'white-on-black': 'schemeWhiteOnBlack',
  'black-on-white': 'schemeBlackOnWhite',
  'yellow-on-black': 'schemeYellowOnBlack',
  'black-on-yellow': 'schemeBlackOnYellow',
  'white-on-blue': 'schemeWhiteOnBlue',
};
export const CURSOR_LABELS: Readonly<Record<Prefs['cursor'], A11yStringKey>> = { off: 'off', black: 'cursorBlack', white: 'cursorWhite' };
export const GUIDE_LABELS: Readonly<Record<Prefs['guide'], A11yStringKey>> = {
  off: 'off', crosshair: 'guideCrosshair', line: 'guideLine', mask: 'guideMask',
};

export const RATE_LABELS: Readonly<Record<Prefs['speechRate'], A11yStringKey>> = { slow: 'rateSlow', normal: 'rateNormal', fast: 'rateFast' };
