/** Which way a page is converted, and what that means for its `lang` attributes. */
import type { Chain } from './engine.js';
import type { Variant } from '../core/config.js';
import { SIMPLIFIED_LANG, TRADITIONAL_LANG, variantLang } from '../i18n/script.js';

export interface Direction {
  chain: Chain;
  /** Text marked with this language is in the target script already and is left alone. */
  alreadyTarget: RegExp;
  /** `lang` values in the source script, rewritten to `targetLang`. */
  sourceLang: RegExp;
  targetLang: string;
}

export function direction(chain: Chain, source: 'hans' | 'hant', variant: Variant): Direction {
  if (source === 'hant') return { chain, alreadyTarget: SIMPLIFIED_LANG, sourceLang: TRADITIONAL_LANG, targetLang: 'zh-CN' };
  return { chain, alreadyTarget: TRADITIONAL_LANG, sourceLang: SIMPLIFIED_LANG, targetLang: variantLang(variant) };
}
