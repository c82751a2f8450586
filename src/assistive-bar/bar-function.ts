/**
 * The shape of one function of the 无障碍浏览 bar, as its folder under ./functions/ describes it: its page
 * effect, the actions it answers (a shortcut or a button), its control on the bar, its help rows, what it needs
 * of the device and its words. ./bar-functions.ts finds every folder; the controller and the bar iterate over
 * them. docs/architecture.md ("Adding a mode") walks through writing one.
 */
import { html, type nothing, type TemplateResult } from 'lit';
import type { Runtime } from '../core/runtime.js';
import type { Prefs } from '../core/prefs.js';
import type { Status } from '../core/status.js';
import type { A11yAction } from '../core/modes.js';
import type { UiLang } from '../i18n/strings.js';
import { announce } from '../core/announce.js';
import type { BarActions } from './actions.js';

/** A function's words, by language (the same keys in each); a site's `labels` override them like any label. */
export type Words = Readonly<Record<UiLang, Readonly<Record<string, string>>>>;

/** 连读 and 指读 share the controller's reader (reset and exit stop it too). */
export interface Speech {
  /** The browser has a voice for the page's language. */
  hasVoices(): boolean;
  /** 连读: starts, pauses or resumes reading the article. */
  read(): void;
  /** Reads what an element says (指读). */
  say(el: Element): void;
}

/** What a function's page effect is made from. */
export interface EffectContext {
  readonly rt: Runtime;
  /** A label in the reader's language. */
  t(key: string): string;
  readonly speech: Speech;
}

/** A page effect: `apply` follows the preferences shown on the page; their defaults undo it exactly. */
export interface PageEffect {
  apply(p: Readonly<Prefs>): void;
}

/** What an action (a shortcut or a bar button that is not simply a preference) is given. */
export interface ActionContext {
  /** The preferences shown now. */
  readonly prefs: Readonly<Prefs>;
  set(partial: Partial<Prefs>): void;
  t(key: string): string;
  readonly speech: Speech;
}

/** A choice list: the preference it sets, its values in order and the label of each. */
export interface Choice<K extends keyof Prefs = keyof Prefs> {
  /** The menu's name on the bar (`data-item`, the id of its list). */
  readonly menu: string;
  /** The label key of the function (its button reads "label：value"). */
  readonly label: string;
  readonly pref: K;
  readonly values: readonly Prefs[K][];
  readonly labels: Readonly<Record<Extract<Prefs[K], string>, string>>;
}

/** What a function's control on the bar is drawn from. */
export interface ControlContext {
  readonly prefs: Readonly<Prefs>;
  readonly status: Readonly<Status>;
  setPrefs(partial: Partial<Prefs>): void;
  /** A label in the bar's language. */
  a(key: string): string;
  readonly actions: BarActions | null;
  /** The button that opens a choice list (label：current value). */
  menuButton<K extends keyof Prefs>(choice: Choice<K>): TemplateResult;
  /** The choice list's buttons while it is open, else nothing. */
  choices<K extends keyof Prefs>(choice: Choice<K>): TemplateResult | typeof nothing;
}

/** A help row: the function's label, what it does, and the action whose shortcut it shows ('' for none). */
export type HelpRow = readonly [label: string, what: string, action: Exclude<A11yAction, 'toggle'> | ''];

export interface BarFunction {
  /**
   * The preferences it applies, declared with its line in the mode registry (src/core/modes.ts); the first
   * one's place there is the function's place on the bar.
   */
  readonly prefs: readonly (keyof Prefs)[];
  readonly words: Words;
  readonly effect?: (ctx: EffectContext) => PageEffect;
  readonly actions?: Partial<Record<A11yAction, (ctx: ActionContext, action: A11yAction) => void>>;
  readonly control?: (ctx: ControlContext) => unknown;
  readonly help?: readonly HelpRow[];
  /** `pointer: 'fine'`: it follows a mouse pointer, so it is not offered on a touch-only device. */
  readonly needs?: { readonly pointer: 'fine' };
}

/** The value after `current`, round the list. */
export function next<T>(list: readonly T[], current: T): T {
  return list[(list.indexOf(current) + 1) % list.length]!;
}

/** The next value of a choice list, announced as "label：value". */
export function cycle<K extends keyof Prefs>(ctx: ActionContext, choice: Choice<K>): void {
  const value = next(choice.values as readonly unknown[], ctx.prefs[choice.pref]);
  ctx.set({ [choice.pref]: value } as Partial<Prefs>);
  announce(`${ctx.t(choice.label)}：${ctx.t((choice.labels as Record<string, string>)[value as string]!)}`);
}

/** A switch turned over, announced as "label：label" when on and "label：关闭" when off. */
export function toggle(ctx: ActionContext, pref: { [K in keyof Prefs]: Prefs[K] extends boolean ? K : never }[keyof Prefs], label: string): void {
  const on = !ctx.prefs[pref];
  ctx.set({ [pref]: on });
  announce(`${ctx.t(label)}：${ctx.t(on ? label : 'off')}`);
}

/**
 * A function that is one choice list (配色, 大鼠标, 十字线): its menu on the bar, a shortcut that moves to the
 * next value, one help row, and an effect that applies the chosen value.
 */
export function choiceFunction<K extends keyof Prefs>(f: {
  readonly choice: Choice<K>;
  /** The action its shortcut asks for (its key is in the registry line). */
  readonly action: Exclude<A11yAction, 'toggle'>;
  /** The help row's text. */
  readonly help: string;
  readonly words: Words;
  readonly effect: () => { apply(value: Prefs[K]): void };
  readonly needs?: BarFunction['needs'];
}): BarFunction {
  const { choice } = f;
  return {
    prefs: [choice.pref],
    words: f.words,
    effect: () => {
      const effect = f.effect();
      return { apply: (p) => effect.apply(p[choice.pref]) };
    },
    actions: { [f.action]: (ctx: ActionContext) => cycle(ctx, choice) },
    control: (ctx) => html`${ctx.menuButton(choice)}${ctx.choices(choice)}`,
    help: [[choice.label, f.help, f.action]],
    needs: f.needs,
  };
}
