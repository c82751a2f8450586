/**
 * Turns preferences into effects on the page: element → preference → effect, in one direction only.
 */
import type { Runtime } from '../core/runtime.js';
import type { FontSize } from '../core/prefs.js';
import { resolveContentRoot } from '../core/content-root.js';
import { Typography } from './typography.js';
import { ElderPage } from './elder-page.js';

/** 文字大小 steps: 小, 中, 大. */
export const SIZE_FACTORS: Readonly<Record<FontSize, number>> = Object.freeze({ small: 0.875, medium: 1, large: 1.25 });

export function startPageEffects({ config, prefs }: Runtime): () => void {
  const typography = new Typography();
  const elderPage = new ElderPage();
  let root: Element | null = null;
  const apply = () => {
    const c = config.get();
    const p = prefs.get();
    root = resolveContentRoot(c.content);
    if (root) typography.apply(root, { scale: SIZE_FACTORS[p.fontSize], elder: p.elder });
    elderPage.apply(p.elder, c.elderHide);
    watchRoot(typography.active);
  };
  // Single-page apps replace the article itself: while a mode is on, follow the new one.
  const rootWatcher = new MutationObserver(() => {
    if (!root?.isConnected || resolveContentRoot(config.get().content) !== root) apply();
  });
  const watchRoot = (on: boolean) => {
    rootWatcher.disconnect();
    if (on) rootWatcher.observe(document.documentElement, { childList: true, subtree: true });
  };
  apply();
  const offPrefs = prefs.subscribe((_, changed) => {
    if (changed.includes('fontSize') || changed.includes('elder')) apply();
  });
  const offConfig = config.subscribe(apply);
  return () => {
    offPrefs();
    offConfig();
    watchRoot(false);
    typography.clear();
    elderPage.apply(false, '');
  };
}
