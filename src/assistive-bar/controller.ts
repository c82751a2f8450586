/**
 * 无障碍浏览, the lazy part: turns the bar's preferences into page effects and mounts the bar while it is open.
 * Loaded by ./boot.ts only when the reader opens the bar or a saved preference needs it.
 */
import { choose, shown, type Runtime } from '../core/runtime.js';
import { COLOR_SCHEMES, CURSORS, DEFAULT_PREFS, GUIDES, SPEECH_RATES, ZOOM_STEPS, type Prefs } from '../core/prefs.js';
import { announce } from '../core/announce.js';
import { error } from '../core/log.js';
import { text } from '../i18n/lang.js';
import { resolveContentRoot } from '../core/content-root.js';
import { SIZE_FACTORS } from '../effects/page-effects.js';
import { ColorSchemes } from '../effects/a11y/color-schemes.js';
import { PageZoom } from '../effects/a11y/page-zoom.js';
import { BigCursors } from '../effects/a11y/big-cursor.js';
import { Guides } from '../effects/a11y/guides.js';
import { TextOnlyView } from '../effects/a11y/text-only.js';
import { Caption } from '../effects/a11y/caption.js';
import { findRegion, RegionJump } from '../effects/a11y/regions.js';
import { speechEngine, type SpeechEngine } from '../effects/a11y/speech/engine.js';
import { pointText, Reader, type VoiceChoice } from '../effects/a11y/speech/reader.js';
import { CURSOR_LABELS, GUIDE_LABELS, RATE_LABELS, SCHEME_LABELS } from './labels.js';
import { uiLang } from '../i18n/lang.js';
import { a11yText, type A11yStringKey } from '../i18n/a11y-strings.js';
import { A11Y_PREFS, type A11yAction, type A11yController, type BarView } from './actions.js';
import { BarMount } from './bar-mount.js';
import { PointRead } from './point-read.js';
import { voiceChoice } from './voice.js';
import { deepActiveElement } from '../core/focus.js';

export const BAR_TAG = 'yidu-a11y-bar';

/** Text size of the 纯文本 view before the reader's 文字大小 factor. */
const TEXT_VIEW_PX = 20;


/** Every bar function off, the bar itself closed. */
const OFF: Partial<Prefs> = Object.fromEntries(A11Y_PREFS.map((k) => [k, DEFAULT_PREFS[k]]));

function next<T>(list: readonly T[], current: T): T {
  return list[(list.indexOf(current) + 1) % list.length]!;
}

class Controller implements A11yController {
  readonly #rt: Runtime;
  readonly #colors = new ColorSchemes();
  readonly #zoom = new PageZoom();
  readonly #cursors = new BigCursors();
  readonly #guides = new Guides();
  readonly #textOnly = new TextOnlyView();
  readonly #caption = new Caption();
  readonly #regions = new RegionJump();
  readonly #mount: BarMount;
  #scheduled = false;
  readonly #engine: SpeechEngine | null = speechEngine();
  readonly #reader: Reader | null;
  readonly #point = new PointRead((el) => {
    const text = pointText(el);
    if (text) this.#reader?.say(text, this.#voice());
  });
  #textWatch: MutationObserver | null = null;
  #textTimer = 0;

  constructor(rt: Runtime) {
    this.#rt = rt;
    this.#mount = new BarMount(rt);
    this.#reader = this.#engine && new Reader(this.#engine, (reading) => rt.status.set({ reading }), (code) => {
      error(`reading aloud failed (${code}); reading stopped.`);
      announce(this.#t('speechFailed'));
      // 指读 would fail again at every resting point: it shows off in this page only, and a click tries again.
      if (rt.prefs.get().pointRead) rt.status.fail('pointRead');
    });
    // 拼音 that cannot be loaded: said once, the button shows it off (this page only), a click loads again.
    this.#caption.onPinyinFailed = () => {
      announce(text(uiLang(rt.config.get(), shown(rt)), 'loadFailed'));
      rt.status.fail('captionPinyin');
    };
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

  #t(key: A11yStringKey): string {
    return a11yText(uiLang(this.#rt.config.get(), shown(this.#rt)), key);
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
    this.#colors.apply(p.colors);
    this.#zoom.apply(p.pageZoom);
    this.#cursors.apply(p.cursor);
    this.#guides.apply(p.guide);
    this.#caption.apply(p.caption, p.captionPinyin);
    this.#showText(p);
    this.#mountBar(p.a11yBar);
    this.#point.set(p.pointRead && this.#hasVoices());
    // Asking the browser for its voices is slow in some (Firefox with speech-dispatcher): only while the bar shows them.
    if (this.#mount.bar) this.#rt.status.set({ noVoice: !this.#hasVoices(), reading: this.#reader?.state ?? 'idle' });
    if (this.#reader && this.#reader.state !== 'idle') this.#reader.update(this.#voice());
  }

  #showText(p: Readonly<Prefs>): void {
    this.#watchText(p.textOnly);
    if (!p.textOnly) return this.#textOnly.hide();
    const root = resolveContentRoot(this.#rt.config.get().content);
    if (root) {
      this.#textOnly.show(root, {
        label: this.#t('textOnlyLabel'),
        imageLabel: this.#t('textOnlyImage'),
        lang: document.documentElement.lang,
        fontPx: TEXT_VIEW_PX * SIZE_FACTORS[p.fontSize] * (p.elder ? 1.2 : 1),
        onEscape: () => choose(this.#rt, { textOnly: false }),
      });
    }
  }

  /**
   * While 纯文本 is shown, the view follows the hidden page: a single-page app swapping the article, 繁体
   * converting it, the site adding to it. The view itself sits outside the body, so it never triggers this.
   */
  #watchText(on: boolean): void {
    clearTimeout(this.#textTimer);
    if (!on) return this.#textWatch?.disconnect();
    this.#textWatch ??= new MutationObserver(() => {
      clearTimeout(this.#textTimer);
      this.#textTimer = window.setTimeout(() => this.#showText(shown(this.#rt)), 100);
    });
    this.#textWatch.observe(document.body, { childList: true, subtree: true, characterData: true });
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
    announce(`${this.#t('regionJumped')}：${this.#t(`region${n}` as A11yStringKey)}`);
    return true;
  }

  /** What a shortcut or a bar button asks for. */
  run(action: A11yAction): void {
    const { prefs } = this.#rt;
    const p = shown(this.#rt);
    const set = (partial: Partial<Prefs>) => choose(this.#rt, partial);
    switch (action) {
      case 'toggle':
        set({ a11yBar: !p.a11yBar });
        break;
      case 'read':
        this.#read();
        break;
      case 'rate': {
        const r = next(SPEECH_RATES, p.speechRate);
        set({ speechRate: r });
        announce(`${this.#t('rate')}：${this.#t(RATE_LABELS[r])}`);
        break;
      }
      case 'pointRead':
        set({ pointRead: !p.pointRead });
        announce(`${this.#t('pointRead')}：${this.#t(p.pointRead ? 'off' : 'pointRead')}`);
        break;
      case 'caption':
        set({ caption: !p.caption });
        announce(`${this.#t('caption')}：${this.#t(p.caption ? 'off' : 'caption')}`);
        break;
      case 'colors': {
        const scheme = next(COLOR_SCHEMES, p.colors);
        set({ colors: scheme });
        announce(`${this.#t('colors')}：${this.#t(SCHEME_LABELS[scheme])}`);
        break;
      }
      case 'zoomIn':
      case 'zoomOut': {
        const i = ZOOM_STEPS.indexOf(p.pageZoom) + (action === 'zoomIn' ? 1 : -1);
        const z = ZOOM_STEPS[Math.max(0, Math.min(ZOOM_STEPS.length - 1, i))]!;
        set({ pageZoom: z });
        announce(`${this.#t('pageZoom')} ${Math.round(z * 100)}%`);
        break;
      }
      case 'cursor': {
        const c = next(CURSORS, p.cursor);
        set({ cursor: c });
        announce(`${this.#t('bigCursor')}：${this.#t(CURSOR_LABELS[c])}`);
        break;
      }
      case 'guide': {
        const g = next(GUIDES, p.guide);
        set({ guide: g });
        announce(`${this.#t('guide')}：${this.#t(GUIDE_LABELS[g])}`);
        break;
      }
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
