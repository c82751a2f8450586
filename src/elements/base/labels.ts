/** Labels other than 简体 are a lazy chunk: loaded by the first element, or the start-up, that needs them. */
import { lazyFeature } from '../../core/lazy.js';
import { addLabels, hasLabels } from '../../i18n/lang.js';
import type { UiLang } from '../../i18n/strings.js';

const loadMore = lazyFeature('the 繁体 and English labels', () => import('../../i18n/more-strings.js'));

/** Null when the labels of `lang` are here; else a promise, true once they have loaded. */
export const labelsFor = (lang: UiLang): Promise<boolean> | null =>
  hasLabels(lang) ? null : loadMore().then((m) => (addLabels(m.default), true), () => false);
