/**
 * 无障碍浏览, the lazy part: turns the bar's preferences into page effects and mounts the bar while it is open.
 * Loaded by ./boot.ts only when the reader opens the bar or a saved preference needs it.
 */
import type { Runtime } from '../core/runtime.js';
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
import { pickVoice, speechEngine, type SpeechEngine } from '../effects/a11y/speech/engine.js';
import { pointText, Reader, type VoiceChoice } from '../effects/a11y/speech/reader.js';
import { pageLang } from '../i18n/lang.js';
import { CURSOR_LABELS, GUIDE_LABELS, RATE_LABELS, SCHEME_LABELS, YiduA11yBar } from '../elements/a11y-bar/yidu-a11y-bar.js';
import { uiLang } from '../i18n/lang.js';
import { a11yText, type A11yStringKey } from '../i18n/a11y-strings.js';
import { A11Y_PREFS, barFocus, deepActiveElement, type A11yAction } from './boot.js';
import { toTopLayer } from '../effects/a11y/top-layer.js';
import { PageDock } from '../effects/a11y/overlay.js';

export const BAR_TAG = 'yidu-a11y-bar';

/** Text size of the 纯文本 view before the reader's 文字大小 factor. */
const TEXT_VIEW_PX = 20;

/** 语速 as speech rates. */
export const RATES: Readonly<Record<Prefs['speechRate'], number>> = { slow: 0.7, normal: 1, fast: 1.4 };
/** 指读 waits this long for the pointer to rest before reading. */
export const DWELL_MS = 500;

/** Every bar function off, the bar itself closed. */
const OFF: Partial<Prefs> = Object.fromEntries(A11Y_PREFS.map((k) => [k, DEFAULT_PREFS[k]]));

function next<T>(list: readonly T[], current: T): T {
  return list[(list.indexOf(current) + 1) % list.length]!;
}

class A11yController {
  readonly #rt: Runtime;
  readonly #colors = new ColorSchemes();
  readonly #zoom = new PageZoom();
  readonly #cursors = new BigCursors();
  readonly #guides = new Guides();
  readonly #textOnly = new TextOnlyView();
  readonly #caption = new Caption();
  readonly #regions = new RegionJump();
  /** The page is pushed down by the bar's height instead of covered at its top. */
  readonly #dock = new PageDock('top');
  #bar: YiduA11yBar | null = null;
  #scheduled = false;
  readonly #engine: SpeechEngine | null = speechEngine();
  readonly #reader: Reader | null;
  #pointing = false;
  #dwell = 0;
  #textWatch: MutationObserver | null = null;
  #textTimer = 0;

  constructor(rt: Runtime) {
    this.#rt = rt;
    this.#reader = this.#engine && new Reader(this.#engine, (state) => {
      if (this.#bar) this.#bar.readState = state;
    }, (code) => {
      error(`reading aloud failed (${code}); reading stopped.`);
      announce(this.#t('speechFailed'));
      // 指读 would fail again at every resting point: it shows off in this page only, and a click tries again.
      if (rt.prefs.get().pointRead) rt.prefs.set({ pointRead: false }, { persist: false });
    });
    // 拼音 that cannot be loaded: said once, the button shows it off (this page only), a click loads again.
    this.#caption.onPinyinFailed = () => {
      announce(text(uiLang(rt.config.get(), rt.prefs.get()), 'loadFailed'));
      rt.prefs.set({ captionPinyin: false }, { persist: false });
    };
    if (this.#engine) this.#engine.onvoiceschanged = () => this.#schedule();
    // Esc stops reading (the key itself stays the page's: nothing is prevented).
    document.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && this.#reader && this.#reader.state !== 'idle') this.#reader.stop();
    });
    YiduA11yBar.define(BAR_TAG);
    rt.prefs.subscribe(this.#schedule);
    rt.config.subscribe(this.#schedule);
    this.#apply();
  }

  #t(key: A11yStringKey): string {
    return a11yText(uiLang(this.#rt.config.get(), this.#rt.prefs.get()), key);
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
    const p = this.#rt.prefs.get();
    this.#colors.apply(p.colors);
    this.#zoom.apply(p.pageZoom);
    this.#cursors.apply(p.cursor);
    this.#guides.apply(p.guide);
    this.#caption.apply(p.caption, p.captionPinyin);
    this.#showText(p);
    this.#mountBar(p.a11yBar);
    this.#pointRead(p.pointRead && this.#hasVoices());
    if (this.#bar) {
      this.#bar.voicesAvailable = this.#hasVoices();
      this.#bar.readState = this.#reader?.state ?? 'idle';
    }
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
        onEscape: () => this.#rt.prefs.set({ textOnly: false }),
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
      this.#textTimer = window.setTimeout(() => this.#showText(this.#rt.prefs.get()), 100);
    });
    this.#textWatch.observe(document.body, { childList: true, subtree: true, characterData: true });
  }

  /** The page's current script: the reader's 简/繁 choice, else `<html lang>`. */
  #lang(): string {
    const { zh } = this.#rt.prefs.get();
    const variant = this.#rt.config.get().variant;
    const page = document.documentElement.lang || 'zh-CN';
    if (pageLang() === 'en') return page;
    if (zh === 'hant' || (zh === 'auto' && pageLang() === 'zh-Hant')) {
      if (zh === 'auto' && /^zh-(hk|mo|tw)/i.test(page)) return page;
      return variant.startsWith('hk') ? 'zh-HK' : 'zh-TW';
    }
    return 'zh-CN';
  }

  #voice(): VoiceChoice {
    const lang = this.#lang();
    return { lang, rate: RATES[this.#rt.prefs.get().speechRate], voice: pickVoice(this.#engine?.voices() ?? [], lang) };
  }

  #hasVoices(): boolean {
    return !!this.#engine && this.#voice().voice !== null;
  }

  /** 指读 (rest the mouse, tap, or focus): passive listeners only, so clicks, focus order and keys are never affected. */
  #pointRead(on: boolean): void {
    if (on === this.#pointing) return;
    this.#pointing = on;
    const opts = { capture: true, passive: true } as const;
    if (on) {
      document.addEventListener('pointerover', this.#onPointerOver, opts);
      document.addEventListener('pointerout', this.#onPointerOut, opts);
      document.addEventListener('focusin', this.#onFocusIn, opts);
      document.addEventListener('pointerup', this.#onTap, opts);
    } else {
      clearTimeout(this.#dwell);
      document.removeEventListener('pointerover', this.#onPointerOver, opts);
      document.removeEventListener('pointerout', this.#onPointerOut, opts);
      document.removeEventListener('focusin', this.#onFocusIn, opts);
      document.removeEventListener('pointerup', this.#onTap, opts);
    }
  }

  #readPoint(target: EventTarget | null): void {
    const el = target as Element | null;
    if (!el || el.nodeType !== Node.ELEMENT_NODE || el.localName.startsWith('yidu-') || !this.#reader) return;
    const text = pointText(el);
    if (text) this.#reader.say(text, this.#voice());
  }

  #onPointerOver = (e: PointerEvent): void => {
    if (e.pointerType === 'touch') return;
    clearTimeout(this.#dwell);
    const target = e.target;
    this.#dwell = window.setTimeout(() => this.#readPoint(target), DWELL_MS);
  };

  #onPointerOut = (): void => clearTimeout(this.#dwell);

  /** On touch, a tap reads what was tapped: a passive listener, so the tap itself goes on as always (a drag
   * that scrolls ends in pointercancel, not here). */
  #onTap = (e: PointerEvent): void => {
    if (e.pointerType === 'touch') this.#readPoint(e.target);
  };

  #onFocusIn = (e: FocusEvent): void => this.#readPoint(e.target);

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
    if (open && !this.#bar) {
      const bar = document.createElement(BAR_TAG) as YiduA11yBar;
      bar.actions = {
        read: () => this.#read(),
        stopReading: () => this.#reader?.stop(),
        reset: () => this.run('reset'),
        exit: () => this.run('exit'),
        close: () => this.#close(),
      };
      bar.voicesAvailable = this.#hasVoices();
      bar.readState = this.#reader?.state ?? 'idle';
      // A child of <html>, outside the body: page zoom and colour schemes never reach it, 纯文本 never hides it.
      // First in the document, so it is also first in the Tab order, as it is first on screen.
      document.documentElement.prepend(bar);
      toTopLayer(bar);
      this.#bar = bar;
      // Once rendered, then whenever the bar's height changes (it wraps on narrow screens and when zoomed).
      this.#dock.follow(bar);
      void bar.updateComplete.then(() => this.#dock.update());
      if (barFocus.focusOnOpen) bar.focusBar();
    } else if (!open && this.#bar) {
      const bar = this.#bar;
      // activeElement, not :focus-within: it holds even while the window itself is in the background.
      const hadFocus = document.activeElement === bar;
      this.#dock.release();
      bar.remove();
      this.#bar = null;
      if (hadFocus) this.#returnFocus();
    }
    barFocus.focusOnOpen = false;
  }

  #returnFocus(): void {
    const opener = barFocus.opener;
    barFocus.opener = null;
    if (opener?.isConnected) return opener.focus();
    const toggle = document.querySelector('yidu-a11y-toggle');
    toggle?.shadowRoot?.querySelector('button')?.focus();
  }

  #close(): void {
    this.#rt.prefs.set({ a11yBar: false });
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
    const p = prefs.get();
    switch (action) {
      case 'toggle':
        prefs.set({ a11yBar: !p.a11yBar });
        break;
      case 'read':
        this.#read();
        break;
      case 'rate': {
        const r = next(SPEECH_RATES, p.speechRate);
        prefs.set({ speechRate: r });
        announce(`${this.#t('rate')}：${this.#t(RATE_LABELS[r])}`);
        break;
      }
      case 'pointRead':
        prefs.set({ pointRead: !p.pointRead });
        announce(`${this.#t('pointRead')}：${this.#t(p.pointRead ? 'off' : 'pointRead')}`);
        break;
      case 'caption':
        prefs.set({ caption: !p.caption });
        announce(`${this.#t('caption')}：${this.#t(p.caption ? 'off' : 'caption')}`);
        break;
      case 'colors': {
        const scheme = next(COLOR_SCHEMES, p.colors);
        prefs.set({ colors: scheme });
        announce(`${this.#t('colors')}：${this.#t(SCHEME_LABELS[scheme])}`);
        break;
      }
      case 'zoomIn':
      case 'zoomOut': {
        const i = ZOOM_STEPS.indexOf(p.pageZoom) + (action === 'zoomIn' ? 1 : -1);
        const z = ZOOM_STEPS[Math.max(0, Math.min(ZOOM_STEPS.length - 1, i))]!;
        prefs.set({ pageZoom: z });
        announce(`${this.#t('pageZoom')} ${Math.round(z * 100)}%`);
        break;
      }
      case 'cursor': {
        const c = next(CURSORS, p.cursor);
        prefs.set({ cursor: c });
        announce(`${this.#t('bigCursor')}：${this.#t(CURSOR_LABELS[c])}`);
        break;
      }
      case 'guide': {
        const g = next(GUIDES, p.guide);
        prefs.set({ guide: g });
        announce(`${this.#t('guide')}：${this.#t(GUIDE_LABELS[g])}`);
        break;
      }
      case 'reset': {
        // Every yidu preference back to its default (only our key is touched); the bar stays where it was.
        this.#reader?.stop();
        prefs.reset();
        if (p.a11yBar) prefs.set({ a11yBar: true });
        announce(this.#t('resetDone'));
        break;
      }
      case 'exit':
        this.#reader?.stop();
        prefs.set(OFF);
        break;
      case 'help': {
        const returnTo = deepActiveElement();
        if (!p.a11yBar) prefs.set({ a11yBar: true });
        queueMicrotask(() => void this.#bar?.openHelp(returnTo));
        break;
      }
    }
  }
}

let controller: A11yController | null = null;

/** Starts the bar's effects once per page and returns the controller shortcuts talk to. */
export function startA11y(rt: Runtime): A11yController {
  return (controller ??= new A11yController(rt));
}
