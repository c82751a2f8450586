/** What the 无障碍浏览 bar and its shortcuts can ask for, and the preferences its lazy chunk applies. */
import type { Prefs } from '../core/prefs.js';

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

/** The controller the lazy chunk returns: shortcuts and the bar talk to it. */
export interface A11yController {
  run(action: A11yAction): void;
  /** Alt+1…6: moves to region n if the page has it; false leaves the key to the page. */
  jump(n: number): boolean;
}
export interface A11yModule {
  startA11y(rt: import('../core/runtime.js').Runtime): A11yController;
}
