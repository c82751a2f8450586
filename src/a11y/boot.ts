/**
 * The first-load part of 无障碍浏览: tiny on purpose. It loads the bar and its page effects (a lazy chunk) only
 * when the reader opens the bar or a saved preference needs them, and it owns the keyboard shortcuts so that
 * they work before the chunk is loaded.
 */
import type { Runtime } from '../core/runtime.js';
import { DEFAULT_PREFS, type Prefs } from '../core/prefs.js';
import { lazyFeature } from '../core/lazy.js';
import { announce } from '../core/announce.js';
import { text, uiLang } from '../i18n/lang.js';

export type A11yAction = 'toggle' | 'read' | 'rate' | 'pointRead' | 'caption' | 'colors' | 'zoomIn' | 'zoomOut' | 'cursor' | 'guide' | 'reset' | 'exit' | 'help';

/** Ctrl+Alt+key (physical key codes, so they work on any layout), after the deployed toolbars readers know. */
export const SHORTCUT_KEYS: Readonly<Record<string, Exclude<A11yAction, 'toggle'>>> = {
  KeyV: 'read',
  KeyK: 'rate',
  KeyF: 'pointRead',
  KeyT: 'colors',
  Equal: 'zoomIn',
  NumpadAdd: 'zoomIn',
  Minus: 'zoomOut',
  NumpadSubtract: 'zoomOut',
  KeyM: 'cursor',
  KeyN: 'guide',
  KeyB: 'caption',
  KeyC: 'reset',
  KeyE: 'exit',
  Slash: 'help',
};

/** The preferences the lazy chunk applies; any of them away from its default loads it. */
export const A11Y_PREFS: readonly (keyof Prefs)[] = ['a11yBar', 'colors', 'pageZoom', 'cursor', 'guide', 'textOnly', 'pointRead', 'caption'];

/** Where focus returns when the bar closes, and whether the bar takes focus when it opens. */
export const barFocus: { opener: HTMLElement | null; focusOnOpen: boolean } = { opener: null, focusOnOpen: false };

interface A11yController {
  run(action: A11yAction): void;
  /** Alt+1…6: moves to region n if the page has it; false leaves the key to the page. */
  jump(n: number): boolean;
}
interface A11yModule {
  startA11y(rt: Runtime): A11yController;
}
export const loadA11y = lazyFeature<A11yModule>('the 无障碍浏览 bar', () => import('./controller.js'));

/** The focused element, looking inside shadow roots (our own buttons live in them). */
export function deepActiveElement(doc: Document = document): HTMLElement | null {
  let el = doc.activeElement as HTMLElement | null;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement as HTMLElement;
  return el && el !== doc.body ? el : null;
}

/** Opens (focus moves into the bar and later returns to `opener`) or closes the bar. */
export function setBarOpen(rt: Runtime, open: boolean, opener: HTMLElement | null = deepActiveElement()): void {
  if (open) {
    barFocus.opener = opener;
    barFocus.focusOnOpen = true;
  }
  rt.prefs.set({ a11yBar: open });
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
/** Settles once saved 无障碍浏览 preferences are on the page (or could not be): the loader's cloak waits for it. */
export let a11yApplied: Promise<unknown> = Promise.resolve();

export function startA11yBoot(rt: Runtime): void {
  if (started) return;
  started = true;
  // A chunk that cannot be loaded is said politely; the bar shows closed again (in this page only: the saved
  // choice stays for the next visit), so the reader's next click loads again.
  let loaded: A11yController | null = null;
  const load = () => loadA11y().then((m) => (loaded = m.startA11y(rt)), (e: unknown) => {
    announce(text(uiLang(rt.config.get(), rt.prefs.get()), 'loadFailed'));
    if (rt.prefs.get().a11yBar) rt.prefs.set({ a11yBar: false }, { persist: false });
    throw e;
  });
  const check = (_?: unknown, changed: readonly (keyof Prefs)[] = A11Y_PREFS) => {
    const p = rt.prefs.get();
    if (changed.some((k) => A11Y_PREFS.includes(k)) && A11Y_PREFS.some((k) => p[k] !== DEFAULT_PREFS[k])) return load().catch(() => {});
  };
  a11yApplied = check() ?? a11yApplied;
  rt.prefs.subscribe(check);
  document.addEventListener('keydown', (e) => {
    if (rt.config.get().shortcuts !== 'on' || e.defaultPrevented) return;
    // Region jumps only while the bar is open (its chunk is then loaded), and only to a region the page has:
    // otherwise Alt+digit stays the browser's (it switches tabs on some systems).
    const region = regionKeyOf(e);
    if (region) {
      if (rt.prefs.get().a11yBar && loaded?.jump(region)) e.preventDefault();
      return;
    }
    const action = shortcutOf(e);
    if (!action) return;
    // Only keys we handle are claimed; everything else stays the page's.
    e.preventDefault();
    if (action === 'toggle') setBarOpen(rt, !rt.prefs.get().a11yBar);
    else load().then((c) => c.run(action), () => {});
  });
}
