/**
 * The check of a site's own labels (config `labels`): one warning for each language, label key or text that
 * the lookup (`text()` in ./lang.ts) leaves out, naming it; the rest applies. It travels with the 繁体 and
 * English labels' chunk (./more-strings.ts), so a page that sets no labels never fetches it. The console
 * helpers are handed in: importing them would split them out of the first load's one module.
 */
import type { warn as Warn, shown as Shown } from '../core/log.js';
import type { UiLang } from './strings.js';

/** Every key of every label table (src/i18n/*strings.ts), listed by the build: the tables stay in their chunks. */
declare const __YIDU_LABEL_KEYS__: readonly string[];

const LANGS: readonly string[] = Object.keys({ 'zh-Hans': 0, 'zh-Hant': 0, en: 0 } satisfies Record<UiLang, 0>);

export function checkLabels(labels: object, source: string, warn: typeof Warn, shown: typeof Shown): void {
  for (const [lang, texts] of Object.entries(labels)) {
    if (!LANGS.includes(lang)) {
      warn(`${source}: labels for unknown language "${lang}" ignored; accepted: ${LANGS.map((l) => `"${l}"`).join(', ')}.`);
    } else if (!texts || typeof texts !== 'object' || Array.isArray(texts)) {
      warn(`${source}: labels for "${lang}" ignored: ${shown(texts)} is not an object of texts by label key.`);
    } else {
      for (const [key, value] of Object.entries(texts)) {
        if (!__YIDU_LABEL_KEYS__.includes(key)) warn(`${source}: unknown label key "${key}" in the "${lang}" labels ignored; the keys are those of yidu's label tables (see the labels row of the config reference).`);
        else if (typeof value !== 'string') warn(`${source}: label "${key}" for "${lang}" ignored: ${shown(value)} is not a string.`);
      }
    }
  }
}
