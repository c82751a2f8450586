/** 大字幕: what the pointer or focus is on, in large type at the bottom of the window, with optional 拼音. */
import { html } from 'lit';
import { announce } from '../../../core/announce.js';
import { shown } from '../../../core/runtime.js';
import { text, uiLang } from '../../../i18n/lang.js';
import { toggle, type BarFunction } from '../../bar-function.js';
import { Caption } from './caption.js';
import { WORDS } from './words.js';

export default {
  prefs: ['caption', 'captionPinyin'],
  words: WORDS,
  effect: ({ rt }) => {
    const caption = new Caption();
    // 拼音 that cannot be loaded: said once, the button shows it off (this page only), a click loads again.
    caption.onPinyinFailed = () => {
      announce(text(uiLang(rt.config.get(), shown(rt)), 'loadFailed'));
      rt.status.fail('captionPinyin');
    };
    return { apply: (p) => caption.apply(p.caption, p.captionPinyin) };
  },
  actions: { caption: (ctx) => toggle(ctx, 'caption', 'caption') },
  control: (ctx) => html`<span class="zoom" role="group" aria-label=${ctx.a('caption')}>
      <button part="button" type="button" data-item="caption" aria-pressed=${ctx.prefs.caption ? 'true' : 'false'}
        @click=${() => ctx.setPrefs({ caption: !ctx.prefs.caption })}>${ctx.a('caption')}</button>
      <button part="button" type="button" data-item="pinyin" aria-pressed=${ctx.prefs.captionPinyin ? 'true' : 'false'}
        @click=${() => ctx.setPrefs({ captionPinyin: !ctx.prefs.captionPinyin, caption: true })}>${ctx.a('pinyin')}</button>
    </span>`,
  help: [['caption', 'helpCaption', 'caption']],
} satisfies BarFunction;
