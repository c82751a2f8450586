/// <reference types="vite/client" />
/**
 * Every function of the 无障碍浏览 bar: each folder under ./functions/ is one, found here by the bundler (no
 * list to keep), in the order of its first preference in the mode registry (src/core/modes.ts): the bar, its
 * roving order and the help table follow that order. Their words join the bar's own in one table for `text`.
 */
import { DEFAULT_PREFS } from '../core/prefs.js';
import type { UiLang } from '../i18n/strings.js';
import { A11Y_STRINGS } from '../i18n/a11y-strings.js';
import type { BarFunction } from './bar-function.js';

/** The registry's order (the preference record follows it). */
const ORDER = Object.keys(DEFAULT_PREFS);
const found = import.meta.glob<BarFunction>('./functions/*/index.ts', { eager: true, import: 'default' });

export const BAR_FUNCTIONS: readonly BarFunction[] = Object.values(found)
  .sort((a, b) => ORDER.indexOf(a.prefs[0]!) - ORDER.indexOf(b.prefs[0]!));

/** The bar's words and every function's, by language (a lookup table for `text`, which lets a site's labels win). */
export const BAR_WORDS = Object.fromEntries((Object.keys(A11Y_STRINGS) as UiLang[]).map((lang) =>
  [lang, Object.assign({}, A11Y_STRINGS[lang], ...BAR_FUNCTIONS.map((f) => f.words[lang]))])) as Record<UiLang, Readonly<Record<string, string>>>;
