/**
 * The one configuration and preference store of the page, shared by every element and effect.
 * Created on first use, so an element imported on its own still finds it.
 */
import { ConfigStore, configFromScript } from './config.js';
import { DEFAULT_PREFS, PrefStore, type Prefs } from './prefs.js';
import { StatusStore } from './status.js';
import { announce } from './announce.js';
import { text, uiLang, useSiteLabels } from '../i18n/lang.js';
import { checkSiteLabels } from '../i18n/load-labels.js';

/** Set by the loader (`yidu.js`) to the script element, whose `data-*` attributes configure yidu. */
export const SCRIPT_SYMBOL = Symbol.for('yidu.script');

declare global {
  interface Window {
    yiduConfig?: unknown;
    [SCRIPT_SYMBOL]?: HTMLScriptElement;
  }
}

export interface Runtime {
  config: ConfigStore;
  prefs: PrefStore;
  /** Transient state of this page (failures, voices, focus to return): written by effects, read by elements. */
  status: StatusStore;
}

let current: Runtime | undefined;

export function runtime(): Runtime {
  return (current ??= create());
}

function create(): Runtime {
  const config = new ConfigStore(checkSiteLabels);
  if (window.yiduConfig !== undefined) config.update(window.yiduConfig, 'window.yiduConfig');
  const script = window[SCRIPT_SYMBOL] ?? null;
  config.update(configFromScript(script), 'yidu script tag');
  const prefs = new PrefStore(config.get().storageKey);
  useSiteLabels(config);
  config.subscribe((c) => prefs.rekey(c.storageKey));
  prefs.onSaveError = () => announce(text(uiLang(config.get(), prefs.get()), 'saveFailed'));
  return { config, prefs, status: new StatusStore() };
}

/** The preferences as the page shows them: a feature that failed reads as off (简繁: the page as written). */
export function shown(rt: Runtime): Readonly<Prefs> {
  const p = rt.prefs.get();
  const { failed } = rt.status.get();
  return failed.length ? { ...p, ...Object.fromEntries(failed.map((k) => [k, k === 'zh' ? rt.config.get().source : DEFAULT_PREFS[k]])) } : p;
}

/** The reader's choice: the preferences are set, and a feature among them that had failed is tried again. */
export function choose(rt: Runtime, partial: Partial<Prefs>): void {
  rt.prefs.set(partial);
  rt.status.retry(Object.keys(Object(partial)));
}
