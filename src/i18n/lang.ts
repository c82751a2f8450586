/** Which language yidu's own labels use. */
import type { ConfigStore, YiduConfig } from '../core/config.js';
import type { Prefs } from '../core/prefs.js';
import { STRINGS, type StringKey, type UiLang } from './strings.js';

/** Tags of text in Traditional characters (re-exported by ./script.ts with the other script facts). */
export const TRADITIONAL_LANG = /^zh-(hant|tw|hk|mo)(-|$)/i;

export const isTraditional = (lang: string): boolean => TRADITIONAL_LANG.test(lang);

/** Labels by language: 简体 in the first load; the others arrive with their chunk (./load-labels.ts). */
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

/** The live config, whose `labels` (the site's own wording) win over the tables; given by the runtime. */
let site: ConfigStore | undefined;
export const useSiteLabels = (config: ConfigStore): void => void (site = config);

/**
 * The one lookup of a label: the site's own, else the table's (a lazy feature passes its own tables). Until
 * a language's chunk is here (or if it cannot load), the shared labels read in 简体. The site's texts are
 * checked here, where they are used: anything but a string is left out.
 */
export function text<K extends string>(lang: UiLang, key: K, own: Partial<Record<UiLang, Readonly<Record<K, string>>>> = tables as never): string {
  const sites: unknown = site?.get().labels[lang as 'en']?.[key];
  return typeof sites === 'string' ? sites : (own[lang] ?? (STRINGS['zh-Hans'] as never))[key];
}
