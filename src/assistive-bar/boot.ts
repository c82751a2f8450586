/**
 * The first-load part of 无障碍浏览: tiny on purpose. It loads the bar and its page effects (a lazy chunk) only
 * when the reader opens the bar or a saved preference needs them, and it owns the keyboard shortcuts so that
 * they work before the chunk is loaded.
 */
import { choose, shown, type Runtime } from '../core/runtime.js';
import { DEFAULT_PREFS, type Prefs } from '../core/prefs.js';
import { announce } from '../core/announce.js';
import { deepActiveElement } from '../core/focus.js';
import { text, uiLang } from '../i18n/lang.js';
import { A11Y_PREFS, SHORTCUT_KEYS, type A11yAction, type A11yController, type A11yModule } from './actions.js';

export { A11Y_PREFS, SHORTCUT_KEYS, type A11yAction };

/** The lazy chunk (the bar and its effects), given by the entry that starts this: it holds elements. */
let loadChunk: (() => Promise<A11yModule>) | null = null;
export const loadA11y = (): Promise<A11yModule> => loadChunk!();

/** Opens (focus moves into the bar and later returns to `opener`) or closes the bar. */
export function setBarOpen(rt: Runtime, open: boolean, opener: HTMLElement | null = deepActiveElement()): void {
  if (open) rt.status.set({ barOpener: opener, focusBarOnOpen: true });
  choose(rt, { a11yBar: open });
}

function isEditable(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
}

/** The action of a key press, or null. Never Tab, arrows, AltGr (Ctrl+Alt on Windows) or screen-reader keys. */
export function shortcutOf(e: KeyboardEvent): A11yAction | null {
  if (e.metaKey || e.shiftKey || !e.ctrlKey || e.getModifierState?.('AltGraph')) return null;
  if (!e.altKey) return e.code === 'Backquote' ? 'toggle' : null;
  return isEditable(e.composedPath()[0] ?? e.target) ? null : (SHORTCUT_KEYS[e.code] ?? null);
}

/** Alt+1…6 (region jumping) as 1–6, else 0. Never with Ctrl (AltGr), Shift or Meta, nor typed in a field. */
export function regionKeyOf(e: KeyboardEvent): number {
  const digit = /^Digit([1-6])$/.exec(e.code);
  if (!digit || !e.altKey || e.ctrlKey || e.shiftKey || e.metaKey || e.getModifierState?.('AltGraph')) return 0;
  return isEditable(e.composedPath()[0] ?? e.target) ? 0 : Number(digit[1]);
}

let started = false;

/**
 * Starts the shortcuts and loads the chunk (`load`, a `lazyFeature`) when a preference needs it. Resolves once
 * saved 无障碍浏览 preferences are on the page (or could not be): the loader's cloak waits for it.
 */
export function startA11yBoot(rt: Runtime, load: () => Promise<A11yModule>): Promise<unknown> {
  if (started) return Promise.resolve();
  started = true;
  loadChunk = load;
  // A chunk that cannot be loaded is said politely; the bar shows closed again (in this page only: the saved
  // choice stays for the next visit), so the reader's next click loads again.
  let loaded: A11yController | null = null;
  const start = () => load().then((m) => (loaded = m.startA11y(rt)), (e: unknown) => {
    announce(text(uiLang(rt.config.get(), shown(rt)), 'loadFailed'));
    if (rt.prefs.get().a11yBar) rt.status.fail('a11yBar');
    throw e;
  });
  const check = (_?: unknown, changed: readonly (keyof Prefs)[] = A11Y_PREFS) => {
    const p = shown(rt);
    if (changed.some((k) => A11Y_PREFS.includes(k)) && A11Y_PREFS.some((k) => p[k] !== DEFAULT_PREFS[k])) return start().catch(() => {});
  };
  const applied = check() ?? Promise.resolve();
  rt.prefs.subscribe(check);
  rt.status.subscribe((s, changed) => changed.includes('retried') && void check(undefined, s.retried));
  document.addEventListener('keydown', (e) => {
    if (rt.config.get().shortcuts !== 'on' || e.defaultPrevented) return;
    // Region jumps only while the bar is open (its chunk is then loaded), and only to a region the page has:
    // otherwise Alt+digit stays the browser's (it switches tabs on some systems).
    const region = regionKeyOf(e);
    if (region) {
      if (shown(rt).a11yBar && loaded?.jump(region)) e.preventDefault();
      return;
    }
    const action = shortcutOf(e);
    if (!action) return;
    // Only keys we handle are claimed; everything else stays the page's.
    e.preventDefault();
    if (action === 'toggle') setBarOpen(rt, !shown(rt).a11yBar);
    else start().then((c) => c.run(action), () => {});
  });
  return applied;
}
