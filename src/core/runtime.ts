/**
 * The one configuration and preference store of the page, shared by every element and effect.
 * Created on first use, so an element imported on its own still finds it.
 */
import { ConfigStore, configFromScript } from './config.js';
import { PrefStore } from './prefs.js';
import { announce } from './announce.js';
import { text, uiLang } from '../i18n/lang.js';

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
}

let current: Runtime | undefined;

export function runtime(): Runtime {
  return (current ??= create());
}

function create(): Runtime {
  const config = new ConfigStore();
  if (window.yiduConfig !== undefined) config.update(window.yiduConfig, 'window.yiduConfig');
  const script = window[SCRIPT_SYMBOL] ?? null;
  config.update(configFromScript(script), 'yidu script tag');
  const prefs = new PrefStore(config.get().storageKey);
  config.subscribe((c) => prefs.rekey(c.storageKey));
  prefs.onSaveError = () => announce(text(uiLang(config.get(), prefs.get()), 'saveFailed'));
  return { config, prefs };
}
