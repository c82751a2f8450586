/** What the 无障碍浏览 bar and its shortcuts can ask for, and the preferences its lazy chunk applies. */
import type { Prefs } from '../core/prefs.js';
import { FIELDS, SHORTCUT_KEYS, type A11yAction } from '../core/modes.js';

export { SHORTCUT_KEYS, type A11yAction };

/** The preferences the lazy chunk applies (`bar` in the registry); any of them away from its default loads it. */
export const A11Y_PREFS = (Object.keys(FIELDS) as (keyof Prefs)[]).filter((k) => (FIELDS[k] as { bar?: boolean }).bar);

/** The controller the lazy chunk returns: shortcuts and the bar talk to it. */
export interface A11yController {
  run(action: A11yAction): void;
  /** Alt+1…6: moves to region n if the page has it; false leaves the key to the page. */
  jump(n: number): boolean;
}
export interface A11yModule {
  startA11y(rt: import('../core/runtime.js').Runtime): A11yController;
}

/** What the bar does when its buttons are used (a bar button that is not simply a preference). */
export interface BarActions {
  read(): void;
  stopReading(): void;
  reset(): void;
  exit(): void;
  close(): void;
}

/** The bar element as the controller sees it (the element lives in the elements layer and implements this). */
export interface BarView extends HTMLElement {
  actions: BarActions | null;
  readonly updateComplete: Promise<boolean>;
  focusBar(): void;
  openHelp(returnTo?: HTMLElement | null): Promise<void>;
}
