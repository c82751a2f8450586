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

/**
 * The voice for the page's script: the exact language first (zh-CN, zh-TW, zh-HK), then the same base
 * language; voices on the device before network ones (nothing leaves the machine).
 */
export function pickVoice(voices: readonly EngineVoice[], lang: string): EngineVoice | null {
  const norm = (l: string) => l.replace('_', '-').toLowerCase();
  const want = norm(lang);
  const base = want.split('-')[0];
  const score = (v: EngineVoice) => (norm(v.lang) === want ? 4 : norm(v.lang).split('-')[0] === base ? 2 : 0) + (v.localService ? 1 : 0);
  const ranked = voices.filter((v) => score(v) >= 2).sort((a, b) => score(b) - score(a));
  return ranked[0] ?? null;
}
