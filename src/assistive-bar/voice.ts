/** Which voice reads: the page's current script and the reader's 语速, matched against the browser's voices. */
import { shown, type Runtime } from '../core/runtime.js';
import type { Prefs } from '../core/prefs.js';
import { pickVoice, type SpeechEngine } from '../effects/a11y/speech/engine.js';
import type { VoiceChoice } from '../effects/a11y/speech/reader.js';
import { pageLang } from '../i18n/lang.js';
import { isRegionalTraditional, traditionalRegion, variantLang } from '../i18n/script.js';

/** 语速 as speech rates. */
export const RATES: Readonly<Record<Prefs['speechRate'], number>> = { slow: 0.7, normal: 1, fast: 1.4 };

/** The page's current script: the reader's 简/繁 choice, else `<html lang>`. */
export function speechLang(rt: Runtime): string {
  const { zh } = shown(rt);
  const page = document.documentElement.lang || 'zh-CN';
  if (pageLang() === 'en') return page;
  if (zh === 'hant' || (zh === 'auto' && pageLang() === 'zh-Hant')) {
    if (zh === 'auto' && isRegionalTraditional(page)) return page;
    return traditionalRegion(variantLang(rt.config.get().variant));
  }
  return 'zh-CN';
}

export function voiceChoice(rt: Runtime, engine: SpeechEngine | null): VoiceChoice {
  const lang = speechLang(rt);
  return { lang, rate: RATES[rt.prefs.get().speechRate], voice: pickVoice(engine?.voices() ?? [], lang) };
}
