/** Which way a page is converted, and what that means for its `lang` attributes. */
import type { Chain } from './engine.js';

const SIMPLIFIED_LANG = /^zh(-(hans|cn|sg|my)(-|$)|$)/i;
const TRADITIONAL_LANG = /^zh-(hant|tw|hk|mo)(-|$)/i;

export interface Direction {
  chain: Chain;
  /** Text marked with this language is in the target script already and is left alone. */
  alreadyTarget: RegExp;
  /** `lang` values in the source script, rewritten to `targetLang`. */
  sourceLang: RegExp;
  targetLang: string;
}

export function direction(chain: Chain, source: 'hans' | 'hant', variant: string): Direction {
  if (source === 'hant') return { chain, alreadyTarget: SIMPLIFIED_LANG, sourceLang: TRADITIONAL_LANG, targetLang: 'zh-CN' };
  const targetLang = variant.startsWith('tw') ? 'zh-TW' : variant.startsWith('hk') ? 'zh-HK' : 'zh-Hant';
  return { chain, alreadyTarget: TRADITIONAL_LANG, sourceLang: SIMPLIFIED_LANG, targetLang };
}
