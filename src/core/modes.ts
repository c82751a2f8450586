/**
 * The registry of reading modes: each mode or bar function described once, as data. Its preferences (accepted
 * values and default), whether the 无障碍浏览 chunk applies a preference (`bar`: that preference away from its
 * default loads the chunk), and its Ctrl+Alt shortcuts. What only the build and lazy code read (the loader's
 * cloak, audit presets) is in ./mode-extras.ts, under the same mode names. The preference store, the shortcut table, the chunk's trigger list
 * and the loader's list are derived from this; each bar function's effect, control, words and help rows are
 * in its folder under src/assistive-bar/functions/ (the lazy chunk), in this file's order. docs/architecture.md
 * walks through adding a mode.
 */
export const FONT_SIZES = ['small', 'medium', 'large'] as const;
export const SCRIPTS = ['auto', 'hans', 'hant'] as const;
/** 配色 schemes of the assistive bar (text on background); `default` leaves the site's colours. */
export const COLOR_SCHEMES = ['default', 'white-on-black', 'black-on-white', 'yellow-on-black', 'black-on-yellow', 'white-on-blue'] as const;
/** 页面缩放 steps (1 = 100 %). */
export const ZOOM_STEPS = [1, 1.25, 1.5, 1.75, 2, 2.5, 3] as const;
export const CURSORS = ['off', 'black', 'white'] as const;
export const GUIDES = ['off', 'crosshair', 'line', 'mask'] as const;
export const SPEECH_RATES = ['slow', 'normal', 'fast'] as const;
const BOOL = [false, true] as const;

export interface Field<V = unknown> {
  readonly values: readonly V[];
  readonly default: V;
  /** Applied by the 无障碍浏览 chunk: a value away from the default loads it. */
  readonly bar?: boolean;
}

/** What a shortcut or a bar button asks the 无障碍浏览 chunk for. */
export type A11yAction = 'toggle' | 'read' | 'rate' | 'pointRead' | 'caption' | 'colors' | 'zoomIn' | 'zoomOut' | 'cursor' | 'guide' | 'reset' | 'exit' | 'help';

interface Mode {
  readonly prefs?: Readonly<Record<string, Field>>;
  /** Ctrl+Alt+key by physical key code (so they work on any layout), after the deployed toolbars readers know. */
  readonly keys?: Readonly<Record<string, Exclude<A11yAction, 'toggle'>>>;
}

/** A preference field; `bar`: applied by the 无障碍浏览 chunk. */
const field = <V>(values: readonly V[], value: NoInfer<V>, bar?: true): Field<V> => ({ values, default: value, bar });

/** One line per mode, in the order of the stored preference record and of the bar (its functions and help rows). */
export const MODES = {
  /** 文字大小 小 / 中 / 大. */
  fontSize: { prefs: { fontSize: field(FONT_SIZES, 'medium') } },
  /** 长者模式. */
  elder: { prefs: { elder: field(BOOL, false) } },
  /** 简体 / 繁体; `auto` shows the page as written. */
  zh: { prefs: { zh: field(SCRIPTS, 'auto') } },
  /** 无障碍浏览: the assistive bar is open. */
  bar: { prefs: { a11yBar: field(BOOL, false, true) } },
  /** 连读 and 语速. */
  read: { prefs: { speechRate: field(SPEECH_RATES, 'normal') }, keys: { KeyV: 'read', KeyK: 'rate' } },
  /** 指读: read what the pointer rests on or what gets focus. */
  pointRead: { prefs: { pointRead: field(BOOL, false, true) }, keys: { KeyF: 'pointRead' } },
  /** 配色. */
  colors: { prefs: { colors: field(COLOR_SCHEMES, 'default', true) }, keys: { KeyT: 'colors' } },
  /** 页面缩放. */
  zoom: {
    prefs: { pageZoom: field(ZOOM_STEPS, 1, true) },
    keys: { Equal: 'zoomIn', NumpadAdd: 'zoomIn', Minus: 'zoomOut', NumpadSubtract: 'zoomOut' },
  },
  /** 大鼠标. */
  cursor: { prefs: { cursor: field(CURSORS, 'off', true) }, keys: { KeyM: 'cursor' } },
  /** 十字线 / 阅读线 / 阅读遮罩. */
  guide: { prefs: { guide: field(GUIDES, 'off', true) }, keys: { KeyN: 'guide' } },
  /** 大字幕, with an optional 拼音 line. */
  caption: {
    prefs: { caption: field(BOOL, false, true), captionPinyin: field(BOOL, false) },
    keys: { KeyB: 'caption' },
  },
  /** 纯文本 reading view. */
  textOnly: { prefs: { textOnly: field(BOOL, false, true) } },
  /** Bar functions without a preference of their own. */
  reset: { keys: { KeyC: 'reset' } },
  exit: { keys: { KeyE: 'exit' } },
  help: { keys: { Slash: 'help' } },
} as const satisfies Record<string, Mode>;

type Union<T> = T extends unknown ? T : never;
type FieldsOf<M> = M extends { prefs: infer P } ? P : never;
type AllFields = { [M in keyof typeof MODES]: FieldsOf<(typeof MODES)[M]> }[keyof typeof MODES];
type Merge<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
type Fields = Merge<Union<AllFields>>;

/** Every preference field of every mode, by preference key. */
/** One part of every mode, merged. */
const merged = (part: keyof Mode): object => Object.assign({}, ...Object.values(MODES as Record<string, Mode>).map((m) => m[part]));

export const FIELDS = merged('prefs') as {
  readonly [K in keyof Fields]: Fields[K];
};

/** The preference a field holds: one of its values. */
export type PrefsOf<F> = { -readonly [K in keyof F]: F[K] extends Field<infer V> ? V : never };

/** Ctrl+Alt+key → action, from every mode's keys. */
export const SHORTCUT_KEYS = merged('keys') as Readonly<Record<string, Exclude<A11yAction, 'toggle'>>>;
