/** Which language yidu's own labels use. */
import type { YiduConfig } from '../core/config.js';
import type { Prefs } from '../core/prefs.js';
import { STRINGS, type StringKey, type UiLang } from './strings.js';

/** Tags of text in Traditional characters (re-exported by ./script.ts with the other script facts). */
export const TRADITIONAL_LANG = /^zh-(hant|tw|hk|mo)(-|$)/i;

export const isTraditional = (lang: string): boolean => TRADITIONAL_LANG.test(lang);

/** Labels by language: 简体 in the first load; the others arrive with their chunk (../elements/base/labels.ts). */
const tables: Partial<Record<UiLang, Readonly<Record<StringKey, string>>>> = { ...STRINGS };
export const hasLabels = (lang: UiLang): boolean => !!tables[lang];
export const addLabels = (more: Partial<Record<UiLang, Readonly<Record<StringKey, string>>>>): void => void Object.assign(tables, more);

/** The script a page is written in, from `<html lang>`. */
export function pageLang(doc: Document = document): UiLang {
  const lang = doc.documentElement.lang.trim();
  if (/^en\b/i.test(lang)) return 'en';
  if (isTraditional(lang)) return 'zh-Hant';
  return 'zh-Hans';
}

/**
 * Labels follow, in order: the configured `lang`; an English page; the reader's 简/繁 choice; the page's
 * own script.
 */
export function uiLang(config: Readonly<YiduConfig>, prefs: Readonly<Prefs>, doc: Document = document): UiLang {
  if (config.lang !== 'auto') return config.lang;
  const page = pageLang(doc);
  if (page === 'en') return 'en';
  if (prefs.zh === 'hant') return 'zh-Hant';
  if (prefs.zh === 'hans') return 'zh-Hans';
  return page;
}

export function text(lang: UiLang, key: StringKey): string {
  // Until a language's chunk is here (or if it cannot load), its labels read in 简体.
  return (tables[lang] ?? STRINGS['zh-Hans'])[key];
}
