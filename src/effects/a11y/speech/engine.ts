/**
 * The speech engine behind 声音: the browser's Web Speech API, behind a small interface so tests can drive a
 * fake one deterministically. Nothing is sent anywhere: the browser's own voices speak.
 */
export interface EngineVoice {
  name: string;
  lang: string;
  localService: boolean;
}

export interface Utterance {
  text: string;
  lang: string;
  /** 0.1–10; 1 is the voice's normal speed. */
  rate: number;
  voice: EngineVoice | null;
  onstart(): void;
  onend(): void;
  onerror(error: string): void;
}

export interface SpeechEngine {
  voices(): EngineVoice[];
  speak(u: Utterance): void;
  cancel(): void;
  pause(): void;
  resume(): void;
  /** Called when the voice list changes (browsers load it late). */
  onvoiceschanged: (() => void) | null;
}

/** Where a page (or a test) may install its own engine before yidu starts. */
export const ENGINE_SYMBOL = Symbol.for('yidu.speechEngine');

declare global {
  interface Window {
    [ENGINE_SYMBOL]?: SpeechEngine;
  }
}

class WebSpeechEngine implements SpeechEngine {
  onvoiceschanged: (() => void) | null = null;
  readonly #synth = window.speechSynthesis;
  #byName = new Map<string, SpeechSynthesisVoice>();

  constructor() {
    this.#synth.addEventListener('voiceschanged', () => this.onvoiceschanged?.());
  }

  voices(): EngineVoice[] {
    const list = this.#synth.getVoices();
    this.#byName = new Map(list.map((v) => [v.name, v]));
    return list.map((v) => ({ name: v.name, lang: v.lang, localService: v.localService }));
  }

  speak(u: Utterance): void {
    const s = new SpeechSynthesisUtterance(u.text);
    s.lang = u.lang;
    s.rate = u.rate;
    const voice = u.voice && this.#byName.get(u.voice.name);
    if (voice) s.voice = voice;
    s.onstart = () => u.onstart();
    s.onend = () => u.onend();
    s.onerror = (e) => u.onerror(e.error);
    this.#synth.speak(s);
  }

  cancel(): void {
    this.#synth.cancel();
  }
  pause(): void {
    this.#synth.pause();
  }
  resume(): void {
    this.#synth.resume();
  }
}

/** The installed engine, the browser's, or null where the browser has no speech synthesis. */
export function speechEngine(win: Window = window): SpeechEngine | null {
  if (win[ENGINE_SYMBOL]) return win[ENGINE_SYMBOL]!;
  return 'speechSynthesis' in win ? new WebSpeechEngine() : null;
}

/** What a voice speaks, from its language tag: Mandarin and Cantonese under their many spellings. */
function spoken(tag: string): { base: string; speech: string; region: string; latin: boolean } {
  const parts = tag.replace(/_/g, '-').toLowerCase().split('-');
  const base = parts[0] ?? '';
  const region = parts.slice(1).find((x) => x.length === 2 || /^\d{3}$/.test(x)) ?? '';
  const latin = parts.includes('latn');
  // Speech engines tag Chinese voices as zh-CN / zh-TW / zh-HK (browsers on Windows, macOS, Android) or by
  // the spoken language, cmn (Mandarin) and yue (Cantonese; espeak-ng, some Android voices).
  if (base === 'cmn') return { base: 'zh', speech: 'cmn', region, latin };
  if (base === 'yue') return { base: 'zh', speech: 'yue', region: region || 'hk', latin };
  if (base === 'zh') return { base, speech: region === 'hk' || region === 'mo' ? 'yue' : 'cmn', region, latin };
  return { base, speech: base, region, latin };
}

/**
 * The voice for the page's script: the exact language first (zh-CN, zh-TW, zh-HK), then a voice speaking the
 * same language under another tag (Mandarin `cmn` for zh-CN/zh-TW, Cantonese `yue` for zh-HK), then any voice
 * of the same base language; voices on the device before network ones (nothing leaves the machine). Voices
 * that read romanised text (`cmn-latn-pinyin`) cannot read Chinese characters and are never picked for them.
 */
export function pickVoice(voices: readonly EngineVoice[], lang: string): EngineVoice | null {
  const want = spoken(lang);
  const score = (v: EngineVoice) => {
    const has = spoken(v.lang);
    if (has.base !== want.base || has.latin !== want.latin) return 0;
    const rank = has.speech === want.speech ? (has.region === want.region ? 4 : 3) : 2;
    return rank + (v.localService ? 0.5 : 0);
  };
  const ranked = voices.filter((v) => score(v) >= 2).sort((a, b) => score(b) - score(a));
  return ranked[0] ?? null;
}
