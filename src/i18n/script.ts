/**
 * Facts about Chinese scripts and language tags, in one place: which tags are Traditional or Simplified, and
 * which tag text gets once converted to a Traditional variant. Only the lazy chunks import this module; the
 * one fact the first load needs (is a tag Traditional?) lives in ./lang.ts and is re-exported here.
 */
import type { Variant } from '../core/config.js';

/** Tags of text in Simplified characters (`zh` alone counts as Simplified). */
export const SIMPLIFIED_LANG = /^zh(-(hans|cn|sg|my)(-|$)|$)/i;
export { isTraditional, TRADITIONAL_LANG } from './lang.js';

/**
 * The `lang` of text converted to a variant: Taiwan forms are zh-TW, Hong Kong forms zh-HK, and opencc's
 * plain Traditional (`t`, no regional forms) zh-Hant.
 */
export const variantLang = (variant: Variant): string =>
  variant.startsWith('tw') ? 'zh-TW' : variant.startsWith('hk') ? 'zh-HK' : 'zh-Hant';

/** A Traditional tag as the regions that voices and Word know: Hong Kong as zh-HK, any other as zh-TW. */
export const traditionalRegion = (lang: string): 'zh-HK' | 'zh-TW' => (/-hk\b/i.test(lang) ? 'zh-HK' : 'zh-TW');

/** A Traditional tag that names its region (zh-TW, zh-HK, zh-MO): voices and Word know it as it is. */
export const isRegionalTraditional = (lang: string): boolean => /^zh-(hk|mo|tw)(-|$)/i.test(lang);
