/** 大鼠标: an extra-large black or white pointer (not offered without a mouse). */
import { html } from 'lit';
import { CURSORS } from '../../../core/prefs.js';
import { cycle, type BarFunction, type Choice } from '../../bar-function.js';
import { BigCursors } from './big-cursor.js';
import { WORDS } from './words.js';

const CURSOR: Choice<'cursor'> = {
  menu: 'cursor',
  label: 'bigCursor',
  pref: 'cursor',
  values: CURSORS,
  labels: { off: 'off', black: 'cursorBlack', white: 'cursorWhite' },
};

export default {
  prefs: ['cursor'],
  words: WORDS,
  effect: () => {
    const cursors = new BigCursors();
    return { apply: (p) => cursors.apply(p.cursor) };
  },
  actions: { cursor: (ctx) => cycle(ctx, CURSOR) },
  control: (ctx) => html`${ctx.menuButton(CURSOR)}${ctx.choices(CURSOR)}`,
  help: [['bigCursor', 'helpCursor', 'cursor']],
  needs: { pointer: 'fine' },
} satisfies BarFunction;
