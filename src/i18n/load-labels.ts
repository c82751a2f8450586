/**
 * Labels other than 简体 are a lazy chunk (./more-strings.ts), loaded by the first element, the start-up or the
 * 简繁 switch that needs them. The check of a site's own labels travels in the same chunk.
 */
import { lazyFeature } from '../core/lazy.js';
import { shown, warn } from '../core/log.js';
import { addLabels, hasLabels } from './lang.js';
import type { UiLang } from './strings.js';

const loadMore = lazyFeature('the 繁体 and English labels', () => import('./more-strings.js'));

/** Null when the labels of `lang` are here; else a promise, true once they have loaded. */
export const labelsFor = (lang: UiLang): Promise<boolean> | null =>
  hasLabels(lang) ? null : loadMore().then((m) => (addLabels(m.default), true), () => false);

/**
 * Checks a site's own labels as a config source sets them: one warning for each language, label key or text
 * left out. Only a page that sets labels fetches the chunk for it.
 */
export const checkSiteLabels = (labels: object, source: string): void =>
  void loadMore().then((m) => m.checkLabels(labels, source, warn, shown), () => {});
