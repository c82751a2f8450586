/** 十字线 / 阅读线 / 阅读遮罩: guides that follow the mouse (not offered without one). */
import { html } from 'lit';
import { GUIDES } from '../../../core/prefs.js';
import { cycle, type BarFunction, type Choice } from '../../bar-function.js';
import { Guides } from './guides.js';
import { WORDS } from './words.js';

const GUIDE: Choice<'guide'> = {
  menu: 'guide',
  label: 'guide',
  pref: 'guide',
  values: GUIDES,
  labels: { off: 'off', crosshair: 'guideCrosshair', line: 'guideLine', mask: 'guideMask' },
};

export default {
  prefs: ['guide'],
  words: WORDS,
  effect: () => {
    const guides = new Guides();
    return { apply: (p) => guides.apply(p.guide) };
  },
  actions: { guide: (ctx) => cycle(ctx, GUIDE) },
  control: (ctx) => html`${ctx.menuButton(GUIDE)}${ctx.choices(GUIDE)}`,
  help: [['guide', 'helpGuide', 'guide']],
  needs: { pointer: 'fine' },
} satisfies BarFunction;
