/**
 * 纯文本: the article alone, images replaced by their descriptions, in the reader's text size. While it shows,
 * it follows the hidden page: a single-page app swapping the article, 繁体 converting it, the site adding to
 * it. The view itself sits outside the body, so it never triggers that.
 */
import { html } from 'lit';
import { choose, shown } from '../../../core/runtime.js';
import { resolveContentRoot } from '../../../core/content-root.js';
import type { Prefs } from '../../../core/prefs.js';
import { SIZE_FACTORS } from '../../../effects/page-effects.js';
import type { BarFunction, EffectContext } from '../../bar-function.js';
import { TextOnlyView } from './text-only.js';
import { WORDS } from './words.js';

/** Text size of the 纯文本 view before the reader's 文字大小 factor. */
const TEXT_VIEW_PX = 20;

function textOnly({ rt, t }: EffectContext) {
  const view = new TextOnlyView();
  let watch: MutationObserver | null = null;
  let timer = 0;
  const show = (p: Readonly<Prefs>): void => {
    clearTimeout(timer);
    if (!p.textOnly) {
      watch?.disconnect();
      return view.hide();
    }
    watch ??= new MutationObserver(() => {
      clearTimeout(timer);
      timer = window.setTimeout(() => show(shown(rt)), 100);
    });
    watch.observe(document.body, { childList: true, subtree: true, characterData: true });
    const root = resolveContentRoot(rt.config.get().content);
    if (root) {
      view.show(root, {
        label: t('textOnlyLabel'),
        imageLabel: t('textOnlyImage'),
        lang: document.documentElement.lang,
        fontPx: TEXT_VIEW_PX * SIZE_FACTORS[p.fontSize] * (p.elder ? 1.2 : 1),
        onEscape: () => choose(rt, { textOnly: false }),
      });
    }
  };
  return { apply: show };
}

export default {
  prefs: ['textOnly'],
  words: WORDS,
  effect: textOnly,
  control: (ctx) => html`<button part="button" type="button" data-item="textOnly" aria-pressed=${ctx.prefs.textOnly ? 'true' : 'false'}
      @click=${() => ctx.setPrefs({ textOnly: !ctx.prefs.textOnly })}>${ctx.a('textOnly')}</button>`,
  help: [['textOnly', 'helpTextOnly', '']],
} satisfies BarFunction;
