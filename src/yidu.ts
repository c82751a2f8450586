/**
 * Start-up and the `Yidu` JavaScript API. One instance per page: a second copy of yidu (another URL or
 * version) finds the first, says so once, and stays out of the way.
 */
import { choose, runtime, shown } from './core/runtime.js';
import type { YiduConfig } from './core/config.js';
import type { Prefs, PrefsListener } from './core/prefs.js';
import { error, warn } from './core/log.js';
import { ensureLiveRegion } from './core/announce.js';
import { startPageEffects } from './effects/page-effects.js';
import { startA11yBoot } from './assistive-bar/boot.js';
import { defineAll, ELEMENTS } from './define.js';
import { lazyFeature } from './core/lazy.js';
import type { AuditOptions } from './audit/run-audit.js';
import type { AuditReport } from './audit/report.js';
import { convertText, startZh, zhSettled } from './zh/boot.js';
import { loadQa, qaRoot } from './elements/qa/yidu-qa.js';
import { uiLang } from './i18n/lang.js';
import { labelsFor } from './i18n/load-labels.js';
import type { QaAnswer } from './elements/qa/qa-panel.js';

declare const __YIDU_VERSION__: string;
export const VERSION: string = typeof __YIDU_VERSION__ === 'string' ? __YIDU_VERSION__ : 'dev';

export interface YiduApi {
  readonly version: string;
  /** Resolves once saved preferences are applied to the page and the elements are defined. */
  readonly ready: Promise<void>;
  /** Changes configuration after load (same keys as the script tag's `data-*`, in camelCase). */
  configure(config: Partial<YiduConfig>): void;
  readonly config: Readonly<YiduConfig>;
  readonly prefs: {
    get(): Readonly<Prefs>;
    set(partial: Partial<Prefs>): void;
    reset(): void;
    subscribe(fn: PrefsListener): () => void;
  };
  /**
   * QA: runs axe-core (WCAG 2.0–2.2 A/AA) with yidu closed and in each mode, and reports the page's own
   * failures, failures in yidu's UI and failures a mode introduced. Loads axe-core on first call only.
   */
  audit(options?: AuditOptions): Promise<AuditReport>;
  /** 简体 / 繁体. */
  readonly zh: {
    /** Sets the reader's choice (persisted); resolves when the whole page shows it. */
    set(script: 'hans' | 'hant'): Promise<void>;
    /** Converts a string from the page's script to the other one (as 繁体/简体 would). */
    convertText(text: string): Promise<string>;
  };
  /** 智能问答 (loads its chunk on first call). */
  readonly qa: {
    /** Answers from the page's content root, on the device: a quoted cell or sentence and its node, or `node: null`. */
    ask(question: string): Promise<QaAnswer>;
  };
}

/** The audit and axe-core: a lazy chunk (which leaves the page's `window.axe` as it was: audit/page-axe.ts). */
const loadAudit = lazyFeature('the audit (axe-core)', () => import('./audit/run-audit.js'));

/** The 无障碍浏览 bar and its page effects: a lazy chunk, loaded when the reader or a saved preference needs it. */
const loadA11yBar = lazyFeature('the 无障碍浏览 bar', () => import('./elements/a11y-bar/start.js'));

const INSTANCE = Symbol.for('yidu.instance');
/** Set by the loader while a returning reader's saved sizes are not yet applied (avoids a flash). */
const CLOAK = Symbol.for('yidu.cloak');

declare global {
  interface Window {
    Yidu?: YiduApi;
    [INSTANCE]?: YiduApi;
    [CLOAK]?: () => void;
  }
}

function createApi(): YiduApi {
  const rt = runtime();
  let resolveReady!: () => void;
  const ready = new Promise<void>((r) => (resolveReady = r));
  const api: YiduApi = {
    version: VERSION,
    ready,
    configure: (config) => rt.config.update(config, 'Yidu.configure()'),
    get config() {
      return rt.config.get();
    },
    prefs: {
      // What applies in this page: a feature that failed to load reads as off (its saved choice is kept).
      get: () => shown(rt),
      set: (partial) => choose(rt, partial),
      reset: () => rt.prefs.reset(),
      subscribe: (fn) => rt.prefs.subscribe(fn),
    },
    audit: async (options) => {
      await ready;
      const { runAudit } = await loadAudit();
      return runAudit({ rt, version: VERSION }, options);
    },
    zh: {
      set: (script) => (rt.prefs.set({ zh: script }), zhSettled()),
      convertText,
    },
    qa: {
      ask: async (question) => {
        await ready;
        return (await loadQa()).ask(String(question), qaRoot(), uiLang(rt.config.get(), rt.prefs.get()));
      },
    },
  };
  // Elements upgrade as the parser reaches them; effects need the article, so they wait for the DOM.
  defineAll();
  const start = () => {
    // Each step on its own: one failing never keeps the others (or the uncloaked page) from the reader.
    if (document.compatMode === 'BackCompat') warn('the page is in quirks mode: add <!doctype html> for predictable text sizes.');
    step('the live region', ensureLiveRegion);
    step('page effects', () => startPageEffects(rt));
    let a11yApplied: Promise<unknown> = Promise.resolve();
    step('无障碍浏览', () => (a11yApplied = startA11yBoot(rt, loadA11yBar)));
    step('简繁', () => startZh(rt));
    step('the toolbar', () => {
      if (rt.config.get().toolbar === 'auto' && !document.querySelector(Object.keys(ELEMENTS).join(','))) {
        document.body.prepend(document.createElement('yidu-toolbar'));
      }
    });
    // Saved 配色 / zoom / 纯文本 come with the 无障碍浏览 chunk: the page stays hidden until they are applied too.
    void a11yApplied.then(() => window[CLOAK]?.());
    // English labels are a lazy chunk: ready once they are on the elements.
    void Promise.resolve(labelsFor(uiLang(rt.config.get(), rt.prefs.get()))).then(resolveReady);
    document.dispatchEvent(new CustomEvent('yidu-ready', { detail: { version: VERSION } }));
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
  return api;
}

function step(what: string, run: () => unknown): void {
  try {
    run();
  } catch (e) {
    error(`${what} failed to start; the rest of yidu keeps working.`, e);
  }
}

/** Starts yidu once per page and returns its API. */
export function boot(): YiduApi {
  const existing = window[INSTANCE];
  if (existing) {
    if (existing.version !== VERSION) {
      warn(`yidu ${existing.version} is already running on this page; this copy (${VERSION}) does nothing.`);
    }
    return existing;
  }
  const api = createApi();
  window[INSTANCE] = api;
  window.Yidu = api;
  return api;
}
