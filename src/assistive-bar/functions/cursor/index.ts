/** 大鼠标: an extra-large black or white pointer (not offered without a mouse). */
import { CURSORS } from '../../../core/prefs.js';
import { choiceFunction } from '../../bar-function.js';
import { BigCursors } from './big-cursor.js';
import { WORDS } from './words.js';

export default choiceFunction({
  choice: { menu: 'cursor', label: 'bigCursor', pref: 'cursor', values: CURSORS, labels: { off: 'off', black: 'cursorBlack', white: 'cursorWhite' } },
  action: 'cursor',
  help: 'helpCursor',
  words: WORDS,
  effect: () => new BigCursors(),
  needs: { pointer: 'fine' },
});
