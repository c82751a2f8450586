/**
 * 无障碍浏览, the lazy part: turns the bar's preferences into page effects (each function's, from its folder
 * under ./functions/) and mounts the bar while it is open. What belongs to no one function stays here: the
 * reader that 连读 and 指读 share, 重置, 退出, 帮助, region jumps and where focus returns.
 * Loaded by ./boot.ts only when the reader opens the bar or a saved preference needs it.
 */
import { choose, shown, type Runtime } from '../core/runtime.js';
import { DEFAULT_PREFS, type Prefs } from '../core/prefs.js';
import { announce } from '../core/announce.js';
import { error } from '../core/log.js';
import { text, uiLang } from '../i18n/lang.js';
import { resolveContentRoot } from '../core/content-root.js';
import { findRegion, RegionJump } from '../effects/a11y/regions.js';
import { speechEngine, type SpeechEngine } from '../effects/a11y/speech/engine.js';
import { pointText, Reader, type VoiceChoice } from '../effects/a11y/speech/reader.js';
import { A11Y_PREFS, type A11yAction, type A11yController, type BarView } from './actions.js';
import type { ActionContext, PageEffect, Speech } from './bar-function.js';
import { BAR_FUNCTIONS, BAR_WORDS } from './bar-functions.js';
import { BarMount } from './bar-mount.js';
import { voiceChoice } from './voice.js';
import { deepActiveElement } from '../core/focus.js';

export const BAR_TAG = 'yidu-a11y-bar';

/** Every bar function off, the bar itself closed. */
const OFF: Partial<Prefs> = Object.fromEntries(A11Y_PREFS.map((k) => [k, DEFAULT_PREFS[k]]));

class Controller implements A11yController {
  readonly #rt: Runtime;
  readonly #regions = new RegionJump();
  readonly #mount: BarMount;
  #scheduled = false;
  readonly #engine: SpeechEngine | null = speechEngine();
  readonly #reader: Reader | null;
  /** 连读 and 指读 share one reader. */
  readonly #speech: Speech = {
    hasVoices: () => this.#hasVoices(),
    read: () => this.#read(),
    say: (el) => {
      const text = pointText(el);
      if (text) this.#reader?.say(text, this.#voice());
    },
  };
  /** Every function's page effect, in bar order. */
  readonly #effects: PageEffect[];

  constructor(rt: Runtime) {
    this.#rt = rt;
    this.#mount = new BarMount(rt);
    this.#reader = this.#engine && new Reader(this.#engine, (reading) => rt.status.set({ reading }), (code) => {
      error(`reading aloud failed (${code}); reading stopped.`);
      announce(this.#t('speechFailed'));
      // 指读 would fail again at every resting point: it shows off in this page only, and a click tries again.
      if (rt.prefs.get().pointRead) rt.status.fail('pointRead');
    });
    const ctx = { rt, t: (key: string) => this.#t(key), speech: this.#speech };
    this.#effects = BAR_FUNCTIONS.flatMap((f) => f.effect?.(ctx) ?? []);
    if (this.#engine) this.#engine.onvoiceschanged = () => this.#schedule();
    // Esc stops reading (the key itself stays the page's: nothing is prevented).
    document.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && this.#reader && this.#reader.state !== 'idle') this.#reader.stop();
    });
    rt.prefs.subscribe(this.#schedule);
    rt.status.subscribe((_, changed) => changed.includes('failed') && this.#schedule());
    rt.config.subscribe(this.#schedule);
    this.#apply();
  }

  #t(key: string): string {
    return text(uiLang(this.#rt.config.get(), shown(this.#rt)), key, BAR_WORDS);
  }

  /** Several changes in one task (重置 then reopen) are applied once, so the bar is not rebuilt. */
  #schedule = (): void => {
    if (this.#scheduled) return;
    this.#scheduled = true;
    queueMicrotask(() => {
      this.#scheduled = false;
      this.#apply();
    });
  };

  #apply(): void {
    const p = shown(this.#rt);
    for (const effect of this.#effects) effect.apply(p);
    this.#mountBar(p.a11yBar);
    // Asking the browser for its voices is slow in some (Firefox with speech-dispatcher): only while the bar shows them.
    if (this.#mount.bar) this.#rt.status.set({ noVoice: !this.#hasVoices(), reading: this.#reader?.state ?? 'idle' });
    if (this.#reader && this.#reader.state !== 'idle') this.#reader.update(this.#voice());
  }

  #voice(): VoiceChoice {
    return voiceChoice(this.#rt, this.#engine);
  }

  #hasVoices(): boolean {
    return !!this.#engine && this.#voice().voice !== null;
  }

  #read(): void {
    const reader = this.#reader;
    if (!reader || !this.#hasVoices()) return;
    if (reader.state === 'playing') reader.pause();
    else if (reader.state === 'paused') reader.resume();
    else {
      const root = resolveContentRoot(this.#rt.config.get().content);
      if (root) reader.readArticle(root, this.#voice());
    }
  }

  #mountBar(open: boolean): void {
    this.#mount.apply(open, () => {
      const bar = document.createElement(BAR_TAG) as BarView;
      bar.actions = {
        read: () => this.#read(),
        stopReading: () => this.#reader?.stop(),
        reset: () => this.run('reset'),
        exit: () => this.run('exit'),
        close: () => this.#close(),
      };
      return bar;
    });
  }

  #close(): void {
    choose(this.#rt, { a11yBar: false });
  }

  /** Alt+1…6: to region n, if this page has it (the key is the page's otherwise). */
  jump(n: number): boolean {
    const { regions, content } = this.#rt.config.get();
    const el = findRegion(n, regions, content);
    if (!el) return false;
    this.#regions.jump(el);
    announce(`${this.#t('regionJumped')}：${this.#t(`region${n}`)}`);
    return true;
  }

  /** What a shortcut or a bar button asks for. */
  run(action: A11yAction): void {
    const { prefs } = this.#rt;
    const p = shown(this.#rt);
    const set = (partial: Partial<Prefs>) => choose(this.#rt, partial);
    const own = BAR_FUNCTIONS.find((f) => f.actions?.[action])?.actions?.[action];
    if (own) {
      const ctx: ActionContext = { prefs: p, set, t: (key) => this.#t(key), speech: this.#speech };
      return own(ctx, action);
    }
    switch (action) {
      case 'toggle':
        set({ a11yBar: !p.a11yBar });
        break;
      case 'reset': {
        // Every yidu preference back to its default (only our key is touched); the bar stays where it was.
        this.#reader?.stop();
        prefs.reset();
        if (p.a11yBar) set({ a11yBar: true });
        announce(this.#t('resetDone'));
        break;
      }
      case 'exit':
        this.#reader?.stop();
        set(OFF);
        break;
      case 'help': {
        const returnTo = deepActiveElement();
        if (!p.a11yBar) set({ a11yBar: true });
        queueMicrotask(() => void this.#mount.bar?.openHelp(returnTo));
        break;
      }
    }
  }
}

let controller: Controller | null = null;

/** Starts the bar's effects once per page and returns the controller shortcuts talk to. */
export function startController(rt: Runtime): A11yController {
  return (controller ??= new Controller(rt));
}
